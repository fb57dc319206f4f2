"""The app's log file in the platform's log folder: traces of unexpected errors go there, never to the user."""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

from app.core.paths import log_dir

LOG_FILE_NAME = "earshot.log"
_MAX_BYTES = 1_000_000
_KEPT_FILES = 3
_FORMAT = "%(asctime)s %(process)d %(levelname)s %(name)s: %(message)s"


def log_file_path() -> Path:
    return log_dir() / LOG_FILE_NAME


def start_log_file(level: int = logging.INFO) -> Path | None:
    """Send log records to the rotating log file (once per process); None when it cannot be written."""
    path = log_file_path()
    root = logging.getLogger()
    if any(getattr(h, "baseFilename", None) == str(path.resolve()) for h in root.handlers):
        return path
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler = logging.handlers.RotatingFileHandler(
            path, maxBytes=_MAX_BYTES, backupCount=_KEPT_FILES, encoding="utf-8"
        )
    except OSError:
        return None
    handler.setFormatter(logging.Formatter(_FORMAT))
    root.addHandler(handler)
    if root.level > level or root.level == logging.NOTSET:
        root.setLevel(level)
    return path
