"""The models the user can transcribe with now: bundled, downloaded and added folders; adding and deleting.

An added folder stays where the user keeps it (it may be gigabytes): only its path is remembered,
and deleting it from the list never deletes its files.
"""

from __future__ import annotations

import secrets
import shutil
from dataclasses import dataclass, replace
from enum import Enum
from pathlib import Path

from app.core.errors import ModelError, ModelStoreError
from app.core.text_translation import translated
from app.engines.model_catalog import CATALOG
from app.engines.model_settings import load_model_settings, save_model_settings
from app.engines.model_store import (
    BUNDLED_MODELS,
    check_model_folder,
    downloaded_model_folder,
    downloaded_models_dir,
    model_folder_lock,
    partial_download_folder,
)


class ModelOrigin(Enum):
    BUNDLED = "bundled"
    DOWNLOADED = "downloaded"
    ADDED = "added"


@dataclass(frozen=True, slots=True)
class InstalledModel:
    key: str  # what resolve_model takes: a bundled or catalog name, or an added folder's path
    name: str  # what the user sees
    origin: ModelOrigin


def installed_models() -> list[InstalledModel]:
    """Bundled first, then downloaded (in catalog order), then added folders that still exist."""
    models = [InstalledModel(name, name, ModelOrigin.BUNDLED) for name in BUNDLED_MODELS]
    models += [
        InstalledModel(name, name, ModelOrigin.DOWNLOADED)
        for name in CATALOG
        if name not in BUNDLED_MODELS and downloaded_model_folder(name).is_dir()
    ]
    models += [
        InstalledModel(folder, Path(folder).name, ModelOrigin.ADDED)
        for folder in load_model_settings().added_folders
        if Path(folder).is_dir()
    ]
    return models


def is_downloaded(name: str) -> bool:
    return name in BUNDLED_MODELS or downloaded_model_folder(name).is_dir()


def add_model_folder(folder: Path) -> InstalledModel:
    """Remember ``folder`` (checked to be a CTranslate2 Whisper model) as a model to choose."""
    folder = check_model_folder(folder.expanduser().resolve())
    settings = load_model_settings()
    if str(folder) not in settings.added_folders:
        save_model_settings(replace(settings, added_folders=(*settings.added_folders, str(folder))))
    return InstalledModel(str(folder), folder.name, ModelOrigin.ADDED)


def delete_model(key: str) -> None:
    """Delete a downloaded model's files (and those of an unfinished download), or forget an added folder
    (its files stay)."""
    if key in BUNDLED_MODELS:
        raise ModelError(translated("The {key} model ships with Earshot and cannot be deleted.").format(key=key))
    settings = load_model_settings()
    if key in settings.added_folders:
        save_model_settings(replace(settings, added_folders=tuple(f for f in settings.added_folders if f != key)))
        return
    with model_folder_lock(key):  # a download of it that was cancelled may still be closing a file
        _delete_folders(key)


def _delete_folders(key: str) -> None:
    folders = [downloaded_model_folder(key), partial_download_folder(key)] if key in CATALOG else []
    folders = [folder for folder in folders if folder.is_dir()]
    if not folders:
        raise ModelError(translated("There is no downloaded model “{key}” to delete.").format(key=key))
    try:
        for folder in folders:
            # Renamed first, so the model is gone from every list at once even if removing its files takes a while.
            doomed = downloaded_models_dir() / f".deleting-{key}-{secrets.token_hex(4)}"
            folder.rename(doomed)
            shutil.rmtree(doomed)
    except OSError as error:
        reason = error.strerror or str(error)
        raise ModelStoreError(translated(
            "Cannot delete the {key} model from “{downloaded_models_dir}”: {reason}."
        ).format(key=key, downloaded_models_dir=downloaded_models_dir(), reason=reason)) from error
