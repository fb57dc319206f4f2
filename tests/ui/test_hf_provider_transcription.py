"""The seed's example in the window: a profile with provider fal-ai and openai/whisper-large-v3, on local servers."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from app.core.api_keys import delete_api_key, store_api_key
from app.core.remote_profiles import RemoteProfile, RemoteProfileStore
from app.jobs.events import JobEvent
from app.ui.main_window import MainWindow
from tests.conftest import JFK_REFERENCE
from tests.engines.remote.servers.fal_server import FakeFalServer
from tests.engines.remote.servers.hub_server import SEED_MODEL
from tests.engines.remote.servers.recogniser import Recogniser
from tests.speech import word_error_rate
from tests.ui.job_events import failed, transcribed

HF_SECRET = "hf_e2eSECRET4711doNotLeak"
WRONG_PROVIDER_KEY = "fal-e2e-WRONG-2323-do-not-leak"
SEED_PROFILE, DIRECT_PROFILE = "Seed example", "fal.ai own key"


@pytest.fixture
def router(local_engine, monkeypatch):
    with FakeFalServer(Recogniser(local_engine), routed=True, api_key=HF_SECRET) as server:
        monkeypatch.setenv("EARSHOT_CACHE_DIR", str(server.mapping_cache))
        yield server


@pytest.fixture
def hf_window(qtbot, manager, local_engine, temporary_keyring, router):
    store = RemoteProfileStore()
    options = {"provider": "fal-ai", "hub_url": router.hub.root}
    store.put(RemoteProfile(SEED_PROFILE, "hf", router.root, SEED_MODEL, options))
    store.put(RemoteProfile(DIRECT_PROFILE, "hf", router.root, SEED_MODEL,
                            {**options, "provider_url": router.base_url}))
    store_api_key(SEED_PROFILE, HF_SECRET)
    store_api_key(DIRECT_PROFILE, WRONG_PROVIDER_KEY)
    window = MainWindow(manager, local_engine, store)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    yield window
    for name in (SEED_PROFILE, DIRECT_PROFILE):
        store.remove(name)
        delete_api_key(name)


def transcribe_with(qtbot, window: MainWindow, manager, profile: str,
                    ending: Callable[[int, JobEvent], bool] = transcribed) -> None:
    combo = window.options_bar.model_combo
    combo.setCurrentIndex(combo.findData(f"remote:{profile}"))
    with qtbot.waitSignal(manager.job_event, check_params_cb=ending, timeout=60_000):
        qtbot.mouseClick(window.options_bar.transcribe_button, Qt.MouseButton.LeftButton)


def test_the_seeds_example_in_the_window_and_no_key_in_anything_written(
    qtbot, hf_window, manager, router, jfk_path, tmp_path, caplog, isolated_app_folders
) -> None:
    caplog.set_level(logging.DEBUG)
    combo = hf_window.options_bar.model_combo
    assert combo.itemText(combo.findData(f"remote:{SEED_PROFILE}")) == f"{SEED_PROFILE} — Hugging Face Inference"
    hf_window.open_media(jfk_path)
    transcribe_with(qtbot, hf_window, manager, SEED_PROFILE)
    transcript = hf_window.transcript_model.transcript
    assert word_error_rate(JFK_REFERENCE, transcript.text) < 0.15
    assert hf_window.transcript_model.rowCount() == len(transcript.segments) >= 2
    assert transcript.engine == "hf"
    assert router.requests[-1].path == "/fal-ai/fal-ai/whisper"
    assert router.requests[-1].header("Authorization") == f"Bearer {HF_SECRET}"

    transcribe_with(qtbot, hf_window, manager, DIRECT_PROFILE, failed)
    [box] = [b for b in hf_window.findChildren(QMessageBox) if b.isVisible()]
    shown_error = box.text()
    assert shown_error == "Fal.ai rejected the API key: Incorrect API key provided: •••."
    box.accept()
    exports = tmp_path / "exports"
    for name in ("jfk.srt", "jfk.txt", "jfk.json"):
        assert hf_window.files.save_transcript_to(exports / name)

    folders = (*isolated_app_folders.values(), router.mapping_cache, exports)
    written = [p for folder in folders for p in Path(folder).rglob("*") if p.is_file()]
    assert RemoteProfileStore().path in written and list(router.mapping_cache.iterdir())
    assert "/fal-ai/fal-ai/whisper" in caplog.text  # the log really recorded the requests
    for secret in (HF_SECRET, WRONG_PROVIDER_KEY):
        assert [p for p in written if secret.encode() in p.read_bytes()] == []
        assert secret not in caplog.text
        assert secret not in shown_error
