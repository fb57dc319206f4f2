"""Downloading a faster-whisper model from the Hugging Face hub or a mirror into the app's model folder.

huggingface_hub does the transfers (``hf_hub_download``, file by file), with the address passed as
``endpoint=`` on every call: its own HF_ENDPOINT is read once at import, and a mirror chosen in the
window must work without a restart. No token is sent (the models are public, and a mirror must never
receive the user's Hugging Face token).

Files arrive in a staging folder beside the installed models; the folder is renamed into place only
when every file is there and matches the hub's checksum (huggingface_hub checks only sizes): the LFS
SHA-256 for large files, the git blob id for small ones. A cancelled or failed download leaves the
finished files in the staging folder, and the next attempt downloads only the rest. Within a file,
a dropped connection is resumed by huggingface_hub with a Range request.
"""

from __future__ import annotations

import fnmatch
import hashlib
import logging
import re
import shutil
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import httpx2
from huggingface_hub import HfApi, hf_hub_download
from huggingface_hub.errors import (
    FileMetadataError,
    HfHubHTTPError,
    LocalEntryNotFoundError,
    RemoteEntryNotFoundError,
    RepositoryNotFoundError,
    RevisionNotFoundError,
)

from app.core.errors import Cancelled, ModelDownloadError, ModelStoreError
from app.core.text_translation import translated
from app.engines.model_catalog import MODEL_FILE_PATTERNS, CatalogModel
from app.engines.model_settings import hub_endpoint
from app.engines.model_store import (
    check_model_folder,
    downloaded_model_folder,
    downloaded_models_dir,
    model_folder_lock,
    partial_download_folder,
)

log = logging.getLogger(__name__)
ProgressCallback = Callable[[int, int], None]  # bytes done, bytes in all

_COMMIT = re.compile(r"[0-9a-f]{40}")
_SHA256 = re.compile(r"[0-9a-f]{64}")
_HASH_CHUNK = 4 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class RemoteFile:
    name: str
    size: int
    sha256: str | None  # an LFS file's SHA-256
    blob_id: str | None  # a small file's git blob id (SHA-1 of "blob SIZE\0" + content)


@dataclass(frozen=True, slots=True)
class RemoteModel:
    repo_id: str
    commit: str
    files: tuple[RemoteFile, ...]

    @property
    def size(self) -> int:
        return sum(file.size for file in self.files)


def download_model(
    model: CatalogModel,
    download_source: str = "",
    on_progress: ProgressCallback | None = None,
    cancel_event: threading.Event | None = None,
) -> Path:
    """Download ``model`` and install it; its folder. Cancelled when ``cancel_event`` is set, ModelDownloadError
    for a hub that cannot be reached, refuses or sends a damaged file, ModelStoreError for a disk that fails."""
    endpoint = hub_endpoint(download_source)
    cancel_event = cancel_event or threading.Event()
    with model_folder_lock(model.name), _download_errors(model, endpoint):
        remote = fetch_file_list(model.repo_id, endpoint)
        staging = partial_download_folder(model.name)
        tracker = _ProgressTracker(remote.size, on_progress, cancel_event)
        for remote_file in remote.files:
            tracker.check_cancel()
            path = Path(hf_hub_download(
                remote.repo_id, remote_file.name, revision=remote.commit, endpoint=endpoint, token=False,
                local_dir=staging, cache_dir=staging / ".hub-cache", tqdm_class=tracker.bar_class(),
            ))
            _verify(path, remote_file, model)
            tracker.file_done(remote_file.size)
        return _install(staging, model)


def fetch_file_list(repo_id: str, endpoint: str) -> RemoteModel:
    """The commit and the files faster-whisper needs of ``repo_id``, with sizes and checksums, shape checked."""
    where = translated("{host}'s file list of {repo_id}").format(host=urlsplit(endpoint).netloc, repo_id=repo_id)
    try:
        info = HfApi(endpoint=endpoint, token=False).model_info(repo_id, files_metadata=True)
    except (KeyError, TypeError, ValueError) as error:  # an answer that ModelInfo cannot read
        raise ModelDownloadError(translated(
            "{where} is not in the hub's shape; check the download source address."
        ).format(where=where)) from error
    if not isinstance(info.sha, str) or not _COMMIT.fullmatch(info.sha):
        raise ModelDownloadError(translated(
            "{where} names no valid commit; the address may not be a Hugging Face hub or mirror."
        ).format(where=where))
    siblings = {sibling.rfilename: sibling for sibling in info.siblings or []}
    wanted = [name for name in siblings
              if isinstance(name, str) and any(fnmatch.fnmatchcase(name, p) for p in MODEL_FILE_PATTERNS)]
    files = tuple(_remote_file(siblings[name], where) for name in sorted(wanted))
    if "model.bin" not in {file.name for file in files}:
        raise ModelDownloadError(translated(
            "{where} has no model.bin: it is not a faster-whisper model."
        ).format(where=where))
    return RemoteModel(repo_id, info.sha, files)


def _remote_file(sibling: Any, where: str) -> RemoteFile:
    name, size, lfs = sibling.rfilename, sibling.size, sibling.lfs
    if not isinstance(name, str) or "/" in name or "\\" in name or name.startswith("."):
        raise ModelDownloadError(translated(
            "{where} names a file “{name}” that cannot be a model file."
        ).format(where=where, name=name))
    if isinstance(size, bool) or not isinstance(size, int) or size < 0:
        raise ModelDownloadError(translated("{where} gives no valid size for “{name}”.").format(where=where, name=name))
    sha256 = lfs.sha256 if lfs is not None else None
    blob_id = sibling.blob_id
    if sha256 is not None and not (isinstance(sha256, str) and _SHA256.fullmatch(sha256)):
        raise ModelDownloadError(translated(
            "{where} gives no valid checksum for “{name}”."
        ).format(where=where, name=name))
    if sha256 is None and not (isinstance(blob_id, str) and _COMMIT.fullmatch(blob_id)):
        raise ModelDownloadError(translated("{where} gives no checksum for “{name}”.").format(where=where, name=name))
    return RemoteFile(name, size, sha256, blob_id)


def _verify(path: Path, remote_file: RemoteFile, model: CatalogModel) -> None:
    """The file as the hub describes it, else removed and ModelDownloadError."""
    digest = hashlib.sha256() if remote_file.sha256 else hashlib.sha1()  # git's blob id is a SHA-1
    expected = remote_file.sha256 or remote_file.blob_id
    if remote_file.sha256 is None:
        digest.update(f"blob {remote_file.size}\0".encode())
    with path.open("rb") as source:
        while chunk := source.read(_HASH_CHUNK):
            digest.update(chunk)
    if path.stat().st_size != remote_file.size or digest.hexdigest() != expected:
        path.unlink(missing_ok=True)
        raise ModelDownloadError(
            translated(
                "The file “{name}” of the {name2} model arrived damaged (its checksum does not match), "
                "so the model was not installed; try again."
            ).format(name=remote_file.name, name2=model.name)
        )


def _install(staging: Path, model: CatalogModel) -> Path:
    """Rename the staging folder into place, without huggingface_hub's bookkeeping."""
    for bookkeeping in (".cache", ".hub-cache"):
        shutil.rmtree(staging / bookkeeping, ignore_errors=True)
    check_model_folder(staging)
    target = downloaded_model_folder(model.name)
    if target.exists():
        shutil.rmtree(target)  # an older copy the user asked to download again
    staging.replace(target)
    return target


class _ProgressTracker:
    """Bytes done over all files, from huggingface_hub's progress bars; cancels from inside a transfer."""

    def __init__(self, total: int, on_progress: ProgressCallback | None, cancel_event: threading.Event) -> None:
        self.total = total
        self._finished = 0  # bytes of the files already complete
        self._in_file = 0
        self._on_progress = on_progress
        self._cancel_event = cancel_event
        self._report()

    def check_cancel(self) -> None:
        if self._cancel_event.is_set():
            raise Cancelled

    def file_done(self, size: int) -> None:
        self._finished += size
        self._in_file = 0
        self._report()

    def advance(self, count: int) -> None:
        self._in_file += count  # negative when huggingface_hub restarts a file whose Range was ignored
        self._report()
        self.check_cancel()

    def _report(self) -> None:
        if self._on_progress is not None:
            self._on_progress(min(self._finished + self._in_file, self.total), self.total)

    def bar_class(self) -> type:
        """A class that stands in for tqdm: huggingface_hub creates one per file and calls ``update`` with the bytes
        written. ``update_transfer`` makes its Xet path count into this one bar too (network bytes are ignored)."""
        tracker = self

        class ProgressBar:
            def __init__(self, *_args: object, total: int | None = None, **_kwargs: object) -> None:
                self.total = total
                tracker._in_file = 0

            def __enter__(self) -> ProgressBar:
                return self

            def __exit__(self, *_exc: object) -> None:
                return None

            def update(self, count: int | float | None = 1) -> None:
                tracker.advance(int(count or 0))

            def update_transfer(self, _count: int | float | None = 1) -> None:
                return None

            def set_postfix_str(self, *_args: object, **_kwargs: object) -> None:
                return None

            set_transfer_postfix_str = set_postfix_str

            def refresh(self) -> None:
                return None

            def close(self) -> None:
                return None

        return ProgressBar


@contextmanager
def _download_errors(model: CatalogModel, endpoint: str) -> Iterator[None]:
    """Turns huggingface_hub's and the network's failures into one sentence naming the model and the address."""
    try:
        yield
    except (Cancelled, ModelDownloadError, ModelStoreError):
        raise
    except Exception as error:
        host = urlsplit(endpoint).netloc or endpoint
        sentence = _sentence(error, model, host)
        if sentence is None:
            raise
        log.warning("download of %s from %s failed: %r", model.name, host, error)
        raise (ModelStoreError if _is_disk_error(error) else ModelDownloadError)(sentence) from error


def _sentence(error: Exception, model: CatalogModel, host: str) -> str | None:
    name = model.name
    if isinstance(error, RepositoryNotFoundError | RevisionNotFoundError | RemoteEntryNotFoundError):
        return translated(
            "{host} has no {name} model ({repo_id}); a mirror may not carry it."
        ).format(host=host, name=name, repo_id=model.repo_id)
    if isinstance(error, HfHubHTTPError):
        return translated(
            "{host} refused to send the {name} model (HTTP {status}); try again later or choose another "
            "download source."
        ).format(host=host, name=name, status=error.response.status_code)
    if isinstance(error, httpx2.HTTPError | LocalEntryNotFoundError | ConnectionError | TimeoutError):
        return translated(
            "Cannot reach {host} to download the {name} model: check the network connection, "
            "or choose a mirror as the download source."
        ).format(host=host, name=name)
    if isinstance(error, FileMetadataError):
        return translated(
            "{host} does not answer as a Hugging Face hub does; check the download source address."
        ).format(host=host)
    if _is_disk_error(error):
        reason = getattr(error, "strerror", None) or str(error)
        return translated(
            "Cannot save the {name} model in “{downloaded_models_dir}”: {reason}."
        ).format(name=name, downloaded_models_dir=downloaded_models_dir(), reason=reason)
    if isinstance(error, OSError):  # huggingface_hub's size check: fewer or more bytes than announced
        return translated(
            "The {name} model arrived incomplete from {host}; try again."
        ).format(name=name, host=host)
    return None


def _is_disk_error(error: BaseException) -> bool:
    return isinstance(error, OSError) and error.errno is not None and not isinstance(error, HfHubHTTPError)
