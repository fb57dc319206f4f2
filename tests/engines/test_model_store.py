"""Bundled models: found offline, base joined from its two parts once and verified."""

from __future__ import annotations

import dataclasses
import os
import subprocess
import sys
from pathlib import Path

import pytest

from app.core.errors import ModelError, ModelStoreError
from app.engines import model_store
from app.engines.model_store import BASE, TINY_EN, file_sha256, resolve_model
from tests.conftest import REPO_ROOT


def test_tiny_en_resolves_to_the_installed_package_folder() -> None:
    folder = resolve_model("tiny.en")
    assert (folder / "model.bin").stat().st_size == TINY_EN.size


def test_base_is_joined_into_the_model_cache_and_verified(isolated_app_folders) -> None:
    folder = resolve_model("base")
    assert folder.is_relative_to(isolated_app_folders["cache"])
    model_bin = folder / "model.bin"
    assert model_bin.stat().st_size == 145_217_607
    assert file_sha256(model_bin) == BASE.sha256
    assert {"config.json", "tokenizer.json"} <= {p.name for p in folder.iterdir()}


def test_base_is_joined_only_once(monkeypatch: pytest.MonkeyPatch) -> None:
    resolve_model("base")

    def fail_if_joined_again(*_args) -> None:
        raise AssertionError("joined again")

    monkeypatch.setattr(model_store, "_join_parts", fail_if_joined_again)
    assert (resolve_model("base") / "model.bin").is_file()


def test_a_damaged_join_is_refused_and_leaves_no_file(tmp_path: Path) -> None:
    part = tmp_path / "part"
    part.write_bytes(b"not a model")
    damaged = dataclasses.replace(BASE, size=len(b"not a model"))
    destination = tmp_path / "model.bin"

    with pytest.raises(ModelError, match="damaged"):
        model_store._join_parts([part], destination, damaged)

    assert list(tmp_path.iterdir()) == [part]


def test_a_model_folder_path_is_accepted(tmp_path: Path) -> None:
    assert resolve_model(str(resolve_model("tiny.en"))) == resolve_model("tiny.en")
    with pytest.raises(ModelError, match=r"has no model\.bin"):
        resolve_model(str(tmp_path))


def test_an_unknown_model_name_is_one_clear_sentence() -> None:
    expected = r"^Unknown model “large-v9”: choose base, tiny.en, a downloadable model \(`earshot models list`\), or"
    with pytest.raises(ModelError, match=expected):
        resolve_model("large-v9")


def test_an_unwritable_cache_folder_is_one_sentence_naming_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    not_a_folder = tmp_path / "cache"
    not_a_folder.write_text("a file where the cache folder should be")
    monkeypatch.setenv("EARSHOT_CACHE_DIR", str(not_a_folder))
    with pytest.raises(ModelStoreError) as caught:
        resolve_model("base")
    message = str(caught.value)
    assert message.startswith("Cannot prepare the base model in the folder “") and str(not_a_folder) in message
    assert "\n" not in message


def test_two_processes_joining_base_at_once_both_succeed(tmp_path: Path) -> None:
    environment = {**os.environ, "EARSHOT_CACHE_DIR": str(tmp_path)}
    script = "from app.engines.model_store import resolve_model; print(resolve_model('base'))"
    processes = [
        subprocess.Popen([sys.executable, "-c", script], cwd=REPO_ROOT, env=environment,
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for _ in range(2)
    ]
    results = [process.communicate(timeout=120) for process in processes]
    assert [process.returncode for process in processes] == [0, 0], results
    folder = tmp_path / "models" / "whisper-base"
    assert {out.strip() for out, _err in results} == {str(folder)}
    assert file_sha256(folder / "model.bin") == BASE.sha256
    assert sorted(p.name for p in folder.iterdir()) == sorted(
        [".verified-sha256", "config.json", "model.bin", "tokenizer.json", "vocabulary.json"]
    )
