"""Writes that never leave a half-written file behind."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from app.core.errors import FormatError


def write_bytes_atomically(path: Path, data: bytes) -> Path:
    """Write to a temporary file beside ``path``, flush it to disk, then rename it over."""
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        try:
            with os.fdopen(handle, "wb") as stream:
                stream.write(data)
                stream.flush()
                os.fsync(stream.fileno())
            os.replace(temporary, path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
    except OSError as error:
        reason = error.strerror or str(error)
        raise FormatError(f"Cannot save “{path.name}”: {reason}.") from error
    return path


def write_text_atomically(path: Path, text: str) -> Path:
    return write_bytes_atomically(path, text.encode("utf-8"))
