"""Where the app keeps its files, per platform (platformdirs), overridable for tests."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "Earshot"


def cache_dir() -> Path:
    return Path(os.environ.get("EARSHOT_CACHE_DIR") or platformdirs.user_cache_dir(APP_NAME))


def data_dir() -> Path:
    return Path(os.environ.get("EARSHOT_DATA_DIR") or platformdirs.user_data_dir(APP_NAME))


def config_dir() -> Path:
    return Path(os.environ.get("EARSHOT_CONFIG_DIR") or platformdirs.user_config_dir(APP_NAME))


def model_cache_dir() -> Path:
    return cache_dir() / "models"


def recordings_dir() -> Path:
    return data_dir() / "recordings"


def log_dir() -> Path:
    return Path(os.environ.get("EARSHOT_LOG_DIR") or platformdirs.user_log_dir(APP_NAME))
