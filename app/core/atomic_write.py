"""Writes that never leave a half-written file behind, with the permissions an ordinary write gives."""

from __future__ import annotations

import os
import secrets
import stat
from pathlib import Path

from app.core.errors import FormatError
from app.core.text_translation import translated

_ORDINARY_MODE = 0o666  # what open() asks for; the umask takes away the rest


def write_bytes_atomically(path: Path, data: bytes) -> Path:
    """Write to a temporary file beside ``path``, flush it to disk, then rename it over.

    A new file gets the umask's permissions and a replaced file keeps its mode, as with an ordinary
    write (a private temporary file renamed into place would leave every export readable by its owner only).
    """
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        kept_mode = _existing_mode(path)
        handle, temporary = _create_temporary_beside(path)
        try:
            with os.fdopen(handle, "wb") as stream:
                if kept_mode is not None and hasattr(os, "fchmod"):
                    os.fchmod(stream.fileno(), kept_mode)
                stream.write(data)
                stream.flush()
                os.fsync(stream.fileno())
            os.replace(temporary, path)
        except BaseException:
            temporary.unlink(missing_ok=True)
            raise
    except OSError as error:
        reason = error.strerror or str(error)
        raise FormatError(translated(
            "Cannot save “{name}”: {reason}."
        ).format(name=path.name, reason=reason)) from error
    return path


def write_text_atomically(path: Path, text: str) -> Path:
    return write_bytes_atomically(path, text.encode("utf-8"))


def _existing_mode(path: Path) -> int | None:
    try:
        return stat.S_IMODE(path.stat().st_mode)
    except FileNotFoundError:
        return None


def _create_temporary_beside(path: Path) -> tuple[int, Path]:
    """A new file with a unique name, created as open() would create it (so the umask applies)."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    while True:
        temporary = path.with_name(f".{path.name}.{secrets.token_hex(6)}.tmp")
        try:
            return os.open(temporary, flags, _ORDINARY_MODE), temporary
        except FileExistsError:
            continue
