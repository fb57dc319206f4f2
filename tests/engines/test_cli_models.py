"""`earshot models …`: list, download from a hub on 127.0.0.1, delete, add, the source; one sentence on failure."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from app.cli import main
from app.engines.model_store import resolve_model
from tests.conftest import REPO_ROOT
from tests.engines.model_hub_server import FakeModelHub


def _status_of(listing: str, name: str) -> str:
    return next(line for line in listing.splitlines() if line.split()[0] == name)


def test_download_in_a_real_process_then_list_and_delete(
    model_hub: FakeModelHub, capsys: pytest.CaptureFixture[str]
) -> None:
    downloaded = subprocess.run(
        [sys.executable, "-m", "app", "models", "download", "tiny", "--source", model_hub.root],
        cwd=REPO_ROOT, capture_output=True, text=True, timeout=120, env=os.environ.copy(),
    )
    assert downloaded.returncode == 0, downloaded.stderr
    assert downloaded.stdout.startswith(f"Downloaded tiny from {model_hub.root} into ")
    assert main(["models", "list"]) == 0
    listing = capsys.readouterr().out
    assert _status_of(listing, "tiny").endswith(" downloaded")
    assert _status_of(listing, "tiny.en").endswith("bundled")
    assert _status_of(listing, "large-v3").endswith("not downloaded")

    assert main(["models", "delete", "tiny"]) == 0
    assert capsys.readouterr().out == "Deleted tiny.\n"
    assert main(["models", "list"]) == 0
    assert _status_of(capsys.readouterr().out, "tiny").endswith("not downloaded")


def test_failures_are_one_sentence(
    model_hub: FakeModelHub, unused_address: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["models", "download", "huge-v9"]) == 2
    assert capsys.readouterr().err == (
        "earshot: Unknown model “huge-v9”: `earshot models list` shows the models that can be downloaded.\n")
    assert main(["models", "download", "large-v3", "--source", model_hub.root]) == 1
    assert capsys.readouterr().err.startswith("earshot: 127.0.0.1:")
    assert main(["models", "download", "small", "--source", unused_address]) == 1
    error = capsys.readouterr().err
    assert error.startswith("earshot: Cannot reach 127.0.0.1:") and error.count("\n") == 1
    assert main(["models", "delete", "base"]) == 1
    assert capsys.readouterr().err == "earshot: The base model ships with Earshot and cannot be deleted.\n"


def test_a_bundled_model_needs_no_download(own_model_folders: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["models", "download", "tiny.en"]) == 0
    assert capsys.readouterr().out == "tiny.en ships with Earshot: there is nothing to download.\n"


def test_the_download_source_is_kept_and_used(model_hub: FakeModelHub, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["models", "source", model_hub.root + "/"]) == 0
    assert capsys.readouterr().out == f"{model_hub.root}\n"

    assert main(["models", "download", "tiny"]) == 0

    assert model_hub.gets_of("model.bin")
    assert main(["models", "source", "hub"]) == 0
    assert capsys.readouterr().out.endswith("https://huggingface.co\n")
    assert main(["models", "source", "hf-mirror.com"]) == 1
    assert "is not a web address" in capsys.readouterr().err


def test_an_added_folder_is_checked_and_listed(
    own_model_folders: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = own_model_folders / "my-whisper"
    folder.mkdir()
    for name in ("model.bin", "config.json", "vocabulary.txt"):
        (folder / name).symlink_to(resolve_model("tiny.en") / name)

    assert main(["models", "add", str(folder)]) == 0
    assert main(["models", "list"]) == 0
    assert f"added: {folder}" in capsys.readouterr().out
    assert main(["models", "add", str(own_model_folders)]) == 1
    assert "is not a Whisper model folder: it has no model.bin" in capsys.readouterr().err
