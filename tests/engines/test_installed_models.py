"""Installed models: bundled, downloaded and added folders; adding (checked), deleting, the download source."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from app.core.errors import ModelError
from app.engines.installed_models import ModelOrigin, add_model_folder, delete_model, installed_models
from app.engines.model_catalog import CATALOG
from app.engines.model_download import download_model
from app.engines.model_settings import (
    checked_download_source,
    hub_endpoint,
    load_model_settings,
    settings_path,
)
from app.engines.model_store import (
    downloaded_model_folder,
    model_folder_lock,
    partial_download_folder,
    resolve_model,
)
from tests.engines.model_hub_server import FakeModelHub


def _model_folder(tmp_path: Path, names: tuple[str, ...]) -> Path:
    """A folder with the bundled tiny.en's files of these names (linked, not copied)."""
    source = resolve_model("tiny.en")
    folder = tmp_path / "my-model"
    folder.mkdir()
    for name in names:
        (folder / name).symlink_to(source / name)
    return folder


def test_the_bundled_models_are_always_listed_and_cannot_be_deleted(own_model_folders: Path) -> None:
    assert [(m.key, m.origin) for m in installed_models()] == [
        ("base", ModelOrigin.BUNDLED), ("tiny.en", ModelOrigin.BUNDLED),
    ]
    with pytest.raises(ModelError, match="ships with Earshot and cannot be deleted"):
        delete_model("tiny.en")


def test_an_added_folder_is_listed_transcribable_by_path_and_forgotten_without_deleting_files(
    own_model_folders: Path,
) -> None:
    folder = _model_folder(own_model_folders, ("model.bin", "config.json", "tokenizer.json", "vocabulary.txt"))

    added = add_model_folder(folder)

    assert added.origin is ModelOrigin.ADDED and added.name == "my-model"
    assert added in installed_models()
    assert resolve_model(added.key) == folder
    delete_model(added.key)
    assert added not in installed_models()
    assert (folder / "model.bin").exists()
    assert load_model_settings().added_folders == ()


@pytest.mark.parametrize(("present", "missing"), [
    (("config.json", "tokenizer.json"), "no model.bin"),
    (("model.bin", "tokenizer.json"), "no config.json"),
    (("model.bin", "config.json"), "neither tokenizer.json nor a vocabulary file"),
])
def test_a_folder_that_is_not_a_model_is_refused_in_one_sentence(
    own_model_folders: Path, present: tuple[str, ...], missing: str
) -> None:
    folder = _model_folder(own_model_folders, present)
    with pytest.raises(ModelError, match=f"^“{folder}” is not a Whisper model folder: it has {missing}.$"):
        add_model_folder(folder)
    assert load_model_settings().added_folders == ()


def test_a_vocabulary_file_is_enough_without_tokenizer_json(own_model_folders: Path) -> None:
    folder = _model_folder(own_model_folders, ("model.bin", "config.json", "vocabulary.txt"))
    assert add_model_folder(folder).key == str(folder)


def test_deleting_a_downloaded_model_removes_it_at_once(model_hub: FakeModelHub) -> None:
    download_model(CATALOG["tiny"], model_hub.root)

    delete_model("tiny")

    assert not downloaded_model_folder("tiny").exists()
    assert "tiny" not in [m.key for m in installed_models()]
    assert not list(downloaded_model_folder("tiny").parent.glob(".deleting-*"))
    with pytest.raises(ModelError, match="There is no downloaded model “tiny” to delete"):
        delete_model("tiny")


def test_deleting_an_unfinished_download_discards_its_files(model_hub: FakeModelHub) -> None:
    model_hub.faults.corrupted.add("vocabulary.txt")  # fails last, after model.bin arrived
    with pytest.raises(ModelError):
        download_model(CATALOG["tiny"], model_hub.root)
    assert (partial_download_folder("tiny") / "model.bin").is_file()

    delete_model("tiny")

    assert not partial_download_folder("tiny").exists()


def test_a_delete_waits_for_a_cancelled_download_still_closing_its_files(model_hub: FakeModelHub) -> None:
    model_hub.faults.corrupted.add("vocabulary.txt")
    with pytest.raises(ModelError):
        download_model(CATALOG["tiny"], model_hub.root)
    closing = model_folder_lock("tiny")
    closing.acquire()  # as the cancelled download's thread holds it until its last file is closed
    deleting = threading.Thread(target=delete_model, args=("tiny",))
    deleting.start()
    deleting.join(0.3)
    assert deleting.is_alive() and (partial_download_folder("tiny") / "model.bin").is_file()
    closing.release()
    deleting.join(10)
    assert not partial_download_folder("tiny").exists()


def test_a_damaged_settings_file_is_set_aside_and_the_defaults_used(own_model_folders: Path) -> None:
    settings_path().parent.mkdir(parents=True)
    settings_path().write_text('{"added_folders": [3]}', encoding="utf-8")

    assert load_model_settings().added_folders == ()
    assert list(settings_path().parent.glob("models.broken-*.json"))


def test_the_download_source_is_the_hub_hf_endpoint_or_a_mirror(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("HF_ENDPOINT", raising=False)
    assert hub_endpoint("") == "https://huggingface.co"
    monkeypatch.setenv("HF_ENDPOINT", "https://hf-mirror.com/")
    assert hub_endpoint("") == "https://hf-mirror.com"
    assert hub_endpoint("http://10.0.0.5:8080/") == "http://10.0.0.5:8080"
    assert checked_download_source(" https://hf-mirror.com/ ") == "https://hf-mirror.com"
    assert checked_download_source("") == ""
    with pytest.raises(ModelError, match="is not a web address"):
        checked_download_source("hf-mirror.com")
