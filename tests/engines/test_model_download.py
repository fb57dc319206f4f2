"""Downloading models with huggingface_hub from a hub on 127.0.0.1 that serves the bundled tiny.en files."""

from __future__ import annotations

import json
import re
import threading
from pathlib import Path

import pytest

from app.core.audio import decode_audio
from app.core.errors import Cancelled, ModelDownloadError, ModelError
from app.engines.base import JobContext, TranscriptionOptions, run_transcription
from app.engines.installed_models import ModelOrigin, installed_models
from app.engines.model_catalog import CATALOG
from app.engines.model_download import download_model
from app.engines.model_store import downloaded_model_folder, file_sha256, partial_download_folder, resolve_model
from tests.conftest import JFK_REFERENCE
from tests.engines.model_hub_server import COMMIT, FakeModelHub
from tests.speech import word_error_rate

TINY_EN = CATALOG["tiny.en"]


def test_a_download_installs_a_model_that_transcribes(model_hub: FakeModelHub, local_engine, jfk_path: Path) -> None:
    progress: list[tuple[int, int]] = []

    folder = download_model(TINY_EN, model_hub.root, on_progress=lambda done, total: progress.append((done, total)))

    served = model_hub.repositories[TINY_EN.repo_id]
    assert folder == downloaded_model_folder("tiny.en")
    assert sorted(p.name for p in folder.iterdir()) == sorted(served)
    assert file_sha256(folder / "model.bin") == served["model.bin"].sha256
    total = sum(f.size for f in served.values())
    assert progress[0] == (0, total) and progress[-1] == (total, total)
    assert [done for done, _ in progress] == sorted(done for done, _ in progress)
    assert len(progress) > 4  # the bar moves within model.bin, not only between files
    assert not partial_download_folder("tiny.en").exists()
    assert all("authorization" not in r.headers for r in model_hub.requests)  # no token, ever

    options = TranscriptionOptions(model=str(folder), language="en")
    transcript = run_transcription(local_engine, decode_audio(jfk_path), options, JobContext())
    assert word_error_rate(JFK_REFERENCE, transcript.text) < 0.15


def test_a_dropped_connection_resumes_with_a_range_request(model_hub: FakeModelHub) -> None:
    model_hub.faults.drop_once.add("model.bin")

    folder = download_model(TINY_EN, model_hub.root)

    first, second = model_hub.gets_of("model.bin")
    model_bin = model_hub.repositories[TINY_EN.repo_id]["model.bin"]
    for transfer in (first, second):  # from the storage host the hub's redirect named, as on the real hub
        assert transfer.path == f"/lfs-storage/{model_bin.sha256}" and transfer.headers["host"].startswith("localhost")
    assert "range" not in first.headers
    resumed_at = int(second.headers["range"].removeprefix("bytes=").removesuffix("-"))
    assert 0 < resumed_at < model_hub.repositories[TINY_EN.repo_id]["model.bin"].size
    assert file_sha256(folder / "model.bin") == model_hub.repositories[TINY_EN.repo_id]["model.bin"].sha256


def test_cancel_stops_mid_file_installs_nothing_and_the_next_attempt_keeps_finished_files(
    model_hub: FakeModelHub,
) -> None:
    served = model_hub.repositories[TINY_EN.repo_id]
    cancel = threading.Event()
    progress: list[int] = []

    def cancel_inside_model_bin(done: int, _total: int) -> None:
        progress.append(done)
        if done > served["config.json"].size:
            cancel.set()

    with pytest.raises(Cancelled):
        download_model(TINY_EN, model_hub.root, on_progress=cancel_inside_model_bin, cancel_event=cancel)

    assert max(progress) < served["config.json"].size + served["model.bin"].size  # stopped inside model.bin
    assert not downloaded_model_folder("tiny.en").exists()
    assert "tiny.en" not in {m.key for m in installed_models() if m.origin is ModelOrigin.DOWNLOADED}
    assert sorted(p.name for p in partial_download_folder("tiny.en").iterdir() if p.is_file()) == ["config.json"]

    download_model(TINY_EN, model_hub.root)

    assert len(model_hub.gets_of("config.json")) == 1  # finished files are not fetched again
    assert downloaded_model_folder("tiny.en").is_dir()


def test_cancel_before_a_file_starts_fetches_nothing_more(model_hub: FakeModelHub) -> None:
    cancel = threading.Event()
    cancel.set()

    with pytest.raises(Cancelled):
        download_model(TINY_EN, model_hub.root, cancel_event=cancel)

    assert model_hub.gets_of("config.json") == [] and model_hub.gets_of("model.bin") == []


def test_an_unknown_model_is_one_sentence(model_hub: FakeModelHub) -> None:
    expected = r"^127\.0\.0\.1:\d+ has no large-v3 model \(Systran/faster-whisper-large-v3\)"
    with pytest.raises(ModelDownloadError, match=expected):
        download_model(CATALOG["large-v3"], model_hub.root)
    assert not downloaded_model_folder("large-v3").exists()


@pytest.mark.parametrize("damaged", ["model.bin", "vocabulary.txt"])  # an LFS SHA-256, a git blob id
def test_a_corrupted_file_is_caught_by_its_checksum(model_hub: FakeModelHub, damaged: str) -> None:
    model_hub.faults.corrupted.add(damaged)

    with pytest.raises(ModelDownloadError, match=f"The file “{damaged}” of the tiny.en model arrived damaged"):
        download_model(TINY_EN, model_hub.root)

    assert not downloaded_model_folder("tiny.en").exists()
    assert not (partial_download_folder("tiny.en") / damaged).exists()


def test_an_unreachable_hub_is_one_sentence(unused_address: str) -> None:
    with pytest.raises(ModelDownloadError, match=r"^Cannot reach 127\.0\.0\.1:\d+ to download the tiny\.en model"):
        download_model(TINY_EN, unused_address)
    assert not downloaded_model_folder("tiny.en").exists()


@pytest.mark.parametrize("status", [403, 503])
def test_a_hub_that_refuses_is_one_sentence(model_hub: FakeModelHub, status: int) -> None:
    model_hub.faults.refused_with = status
    expected = rf"^127\.0\.0\.1:\d+ refused to send the tiny\.en model \(HTTP {status}\); try again later"
    with pytest.raises(ModelDownloadError, match=expected) as refused:
        download_model(TINY_EN, model_hub.root)
    assert "\n" not in str(refused.value)
    assert not downloaded_model_folder("tiny.en").exists()


def test_unreachable_and_refusing_hubs_are_said_in_chinese_once_chinese_is_chosen(
        model_hub: FakeModelHub, unused_address: str, chinese_sentences: None) -> None:
    with pytest.raises(ModelDownloadError) as unreachable:
        download_model(TINY_EN, unused_address)
    model_hub.faults.refused_with = 503
    with pytest.raises(ModelDownloadError) as refused:
        download_model(TINY_EN, model_hub.root)
    assert re.fullmatch(r"无法连接 127\.0\.0\.1:\d+ 下载 tiny\.en 模型：请检查网络连接，或选择镜像作为下载源。",
                        str(unreachable.value))
    assert re.fullmatch(r"127\.0\.0\.1:\d+ 拒绝发送 tiny\.en 模型（HTTP 503）；请稍后再试，或选择其他下载源。",
                        str(refused.value))


def test_hf_endpoint_set_after_import_is_honoured(model_hub: FakeModelHub, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HF_ENDPOINT", model_hub.root)

    folder = download_model(TINY_EN, download_source="")

    assert (folder / "model.bin").is_file()
    assert model_hub.gets_of("model.bin")


def test_a_downloaded_model_is_listed_and_chosen_by_name(model_hub: FakeModelHub) -> None:
    with pytest.raises(ModelError, match="The tiny model is not downloaded"):
        resolve_model("tiny")

    folder = download_model(CATALOG["tiny"], model_hub.root)

    assert resolve_model("tiny") == folder
    assert ("tiny", ModelOrigin.DOWNLOADED) in [(m.key, m.origin) for m in installed_models()]


def _listing(siblings: object, sha: str = COMMIT) -> bytes:
    return json.dumps({"id": TINY_EN.repo_id, "sha": sha, "siblings": siblings}).encode()


_BAD_LFS = {"sha256": "x", "size": 5, "pointerSize": 1}


@pytest.mark.parametrize(("file_list", "sentence"), [
    (b"<html>a captive portal</html>", "is not in the hub's shape"),
    (_listing([], sha="main"), "names no valid commit"),
    (_listing("model.bin"), "is not in the hub's shape"),
    (_listing([{"rfilename": 7}]), "has no model.bin"),
    (_listing([{"rfilename": "model.bin", "size": -5}]), "gives no valid size"),
    (_listing([{"rfilename": "model.bin", "size": 5}]), "gives no checksum"),
    (_listing([{"rfilename": "model.bin", "size": 5, "lfs": _BAD_LFS}]), "gives no valid checksum"),
])
def test_a_file_list_of_the_wrong_shape_is_one_sentence(
    model_hub: FakeModelHub, file_list: bytes, sentence: str
) -> None:
    model_hub.faults.file_list = file_list
    with pytest.raises(ModelDownloadError, match=sentence):
        download_model(TINY_EN, model_hub.root)
    assert not partial_download_folder("tiny.en").exists()
