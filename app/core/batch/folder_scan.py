"""Finding the media files to add to a batch: files named directly, and every media file under a folder."""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from app.core.audio import MEDIA_EXTENSIONS  # the same list the file dialogs offer


def is_media_file(path: Path) -> bool:
    return path.suffix.lower() in MEDIA_EXTENSIONS


def media_files_under(folder: Path) -> list[Path]:
    """Every media file in ``folder`` and its subfolders, in name order (folders are not followed through links,
    so a link back up cannot loop); an unreadable subfolder is passed over."""
    found: list[Path] = []
    for root, folders, files in os.walk(folder, onerror=lambda _error: None):
        folders.sort()
        found.extend(Path(root) / name for name in sorted(files) if is_media_file(Path(name)))
    return found


def media_files_in(paths: Iterable[Path]) -> list[Path]:
    """The media files among ``paths``, folders opened recursively; each file once, in the order given."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(media_files_under(path))
        elif is_media_file(path):
            found.append(path)
    return list(dict.fromkeys(found))
