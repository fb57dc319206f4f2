"""The model manager's two settings, kept in ``models.json`` in the config folder: the download source
and the model folders the user added. The window and the command line read the same file."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from app.core.errors import ModelError
from app.core.json_shape import ShapeError, list_field, optional_text_field
from app.core.paths import config_dir
from app.core.settings_file import read_settings, write_settings
from app.core.text_translation import translated

HUB_ADDRESS = "https://huggingface.co"
SETTINGS_FILE = "models.json"


@dataclass(frozen=True, slots=True)
class ModelSettings:
    download_source: str = ""  # empty: the Hugging Face hub (or HF_ENDPOINT when set); else a mirror's address
    added_folders: tuple[str, ...] = field(default_factory=tuple)


def settings_path() -> Path:
    return config_dir() / SETTINGS_FILE


def load_model_settings() -> ModelSettings:
    document = read_settings(settings_path(), _check_document).document
    return ModelSettings(
        download_source=document.get("download_source") or "",
        added_folders=tuple(document.get("added_folders") or ()),
    )


def save_model_settings(settings: ModelSettings) -> None:
    write_settings(settings_path(), {
        "download_source": settings.download_source,
        "added_folders": list(settings.added_folders),
    })


def hub_endpoint(download_source: str) -> str:
    """The address to download from: the mirror given, else HF_ENDPOINT (read now, not at import), else the hub."""
    chosen = download_source.strip() or os.environ.get("HF_ENDPOINT", "").strip() or HUB_ADDRESS
    return chosen.rstrip("/")


def checked_download_source(text: str) -> str:
    """``text`` as a download source setting ('' for the hub); ModelError unless it is an http(s) address."""
    text = text.strip().rstrip("/")
    if not text:
        return ""
    parts = urlsplit(text)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ModelError(translated(
            "“{text}” is not a web address: a mirror is given as https://host (for example "
            "https://hf-mirror.com)."
        ).format(text=text))
    return text


def _check_document(document: dict[str, Any]) -> None:
    optional_text_field(document, "download_source", "the settings")
    for index, folder in enumerate(list_field(document, "added_folders", "the settings", optional=True)):
        if not isinstance(folder, str):
            raise ShapeError(translated("added folder {index} is not a path").format(index=index + 1))
