"""The files opened lately (projects, transcripts, media), newest first, for File ▸ Open Recent."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from app.core import paths
from app.core.json_shape import ShapeError
from app.core.settings_file import read_settings, write_settings
from app.core.text_translation import translated

RECENT_FILES_NAME = "recent_files.json"
MAX_RECENT_FILES = 10


class RecentFiles:
    def __init__(self, path: Path | None = None) -> None:
        self.path = path if path is not None else paths.config_dir() / RECENT_FILES_NAME
        read = read_settings(self.path, _check)
        self.notice = read.notice  # one sentence when the file was damaged and set aside
        self._paths = [Path(p) for p in read.document.get("files", [])][:MAX_RECENT_FILES]

    def paths(self) -> list[Path]:
        return list(self._paths)

    def add(self, path: Path) -> None:
        """``path`` to the top of the list (written at once, atomically)."""
        path = Path(path).absolute()
        self._paths = [path, *(p for p in self._paths if p != path)][:MAX_RECENT_FILES]
        write_settings(self.path, {"files": [str(p) for p in self._paths]})

    def clear(self) -> None:
        self._paths = []
        write_settings(self.path, {"files": []})


def _check(document: dict[str, Any]) -> None:
    files = document.get("files", [])
    if not isinstance(files, list) or not all(isinstance(p, str) and p for p in files):
        raise ShapeError(translated("its list of files is not a list of paths"))
