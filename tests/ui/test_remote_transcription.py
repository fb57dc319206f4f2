"""End to end through the window: a remote profile transcribes jfk.flac, a slow job cancels, no key leaks."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from app.core.api_keys import delete_api_key, store_api_key
from app.core.remote_profiles import RemoteProfile, RemoteProfileStore
from app.engines.remote.audio_pieces import UNTIMED_NOTE
from app.jobs.events import JobEvent
from app.ui.main_window import MainWindow
from tests.conftest import JFK_REFERENCE
from tests.engines.remote.servers.fake_http_server import Fault
from tests.engines.remote.servers.openai_server import TEXT_ONLY, FakeOpenAIServer
from tests.engines.remote.servers.recogniser import Recogniser
from tests.speech import word_error_rate
from tests.ui.job_events import cancelled, failed, transcribed

SECRET = "sk-e2e-SECRET-5150-do-not-leak"
WRONG_SECRET = "sk-e2e-WRONG-8086-do-not-leak"
PROFILE = "Xinference cluster"


@pytest.fixture
def openai_server(local_engine):
    with FakeOpenAIServer(Recogniser(local_engine), api_key=SECRET) as server:
        yield server


@pytest.fixture
def remote_window(qtbot, manager, local_engine, temporary_keyring, openai_server):
    store = RemoteProfileStore()  # the real settings file, in the session's isolated config folder
    store.put(RemoteProfile(PROFILE, "openai", openai_server.base_url, "whisper-1", {"read_timeout": 60}))
    store.put(RemoteProfile("Wrong key", "openai", openai_server.base_url, "whisper-1"))
    store_api_key(PROFILE, SECRET)
    store_api_key("Wrong key", WRONG_SECRET)
    window = MainWindow(manager, local_engine, store)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    yield window
    for name in (PROFILE, "Wrong key"):
        store.remove(name)
        delete_api_key(name)


def choose_profile(window: MainWindow, name: str) -> None:
    combo = window.options_bar.model_combo
    index = combo.findData(f"remote:{name}")
    assert index >= 0, "the profile is offered next to the local models"
    combo.setCurrentIndex(index)


def transcribe(qtbot, window: MainWindow, manager, ending: Callable[[int, JobEvent], bool] = transcribed) -> None:
    with qtbot.waitSignal(manager.job_event, check_params_cb=ending, timeout=60_000):
        qtbot.mouseClick(window.options_bar.transcribe_button, Qt.MouseButton.LeftButton)


def test_remote_profile_transcribes_into_the_window(qtbot, remote_window, manager, openai_server, jfk_path) -> None:
    combo = remote_window.options_bar.model_combo
    assert combo.itemText(combo.findData(f"remote:{PROFILE}")) == f"{PROFILE} — OpenAI-compatible"
    choose_profile(remote_window, PROFILE)
    remote_window.open_media(jfk_path)
    transcribe(qtbot, remote_window, manager)
    transcript = remote_window.transcript_model.transcript
    assert word_error_rate(JFK_REFERENCE, transcript.text) < 0.15
    assert remote_window.transcript_model.rowCount() == len(transcript.segments) >= 1
    assert transcript.engine == "openai"
    assert openai_server.requests[-1].header("Authorization") == f"Bearer {SECRET}"


def test_a_reply_without_times_is_said_in_the_status_bar(qtbot, remote_window, manager, openai_server,
                                                         jfk_path) -> None:
    openai_server.answers = TEXT_ONLY  # a server that sends the text and nothing else
    choose_profile(remote_window, PROFILE)
    remote_window.open_media(jfk_path)
    transcribe(qtbot, remote_window, manager)
    [segment] = remote_window.transcript_model.transcript.segments
    assert (segment.start, segment.end) == (0.0, pytest.approx(11.0, abs=0.1))  # the piece sent, no made-up times
    assert remote_window.statusBar().currentMessage() == f"Transcribed 1 segments. {UNTIMED_NOTE}"


def test_cancel_a_slow_remote_job(qtbot, remote_window, manager, openai_server, jfk_path) -> None:
    openai_server.inject(Fault("slow", "/audio/transcriptions", seconds=30.0))
    choose_profile(remote_window, PROFILE)
    remote_window.open_media(jfk_path)
    qtbot.mouseClick(remote_window.options_bar.transcribe_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(openai_server.requests_to("/audio/transcriptions")), timeout=10_000)
    began = time.monotonic()
    with qtbot.waitSignal(manager.job_event, check_params_cb=cancelled, timeout=2_000):
        remote_window.cancel_action.trigger()
    assert not remote_window.is_busy() and remote_window.options_bar.transcribe_button.isEnabled()
    qtbot.waitUntil(lambda: openai_server.connections_closed_by_client == 1, timeout=2_000)
    assert time.monotonic() - began < 2.5  # the connection closed at once, not after the 30 s answer
    transcribe(qtbot, remote_window, manager)  # still usable: the next job runs
    assert word_error_rate(JFK_REFERENCE, remote_window.transcript_model.transcript.text) < 0.15


def test_the_api_key_appears_in_nothing_the_app_wrote(
    qtbot, remote_window, manager, openai_server, jfk_path, tmp_path, caplog, isolated_app_folders
) -> None:
    caplog.set_level(logging.DEBUG)  # every logger, httpx and httpcore included
    remote_window.open_media(jfk_path)
    choose_profile(remote_window, "Wrong key")
    transcribe(qtbot, remote_window, manager, failed)
    [box] = [b for b in remote_window.findChildren(QMessageBox) if b.isVisible()]
    shown_error = box.text()
    assert shown_error == "The OpenAI-compatible server rejected the API key: Incorrect API key provided: •••."
    box.accept()
    choose_profile(remote_window, PROFILE)
    transcribe(qtbot, remote_window, manager)
    exports = tmp_path / "exports"
    for name in ("jfk.srt", "jfk.vtt", "jfk.txt", "jfk.json"):
        assert remote_window.files.save_transcript_to(exports / name)

    folders = (*isolated_app_folders.values(), exports)
    written = [p for folder in folders for p in Path(folder).rglob("*") if p.is_file()]
    settings = RemoteProfileStore().path
    assert settings in written and len(list(exports.iterdir())) == 4  # the search covers what it must
    assert "/audio/transcriptions" in caplog.text  # and the log really recorded the requests
    for secret in (SECRET, WRONG_SECRET):
        assert [p for p in written if secret.encode() in p.read_bytes()] == []
        assert secret not in caplog.text
        assert secret not in shown_error


def test_starting_a_remote_job_never_waits_for_a_locked_keyring(
    qtbot, manager, local_engine, locked_keyring, openai_server, jfk_path
) -> None:
    store = RemoteProfileStore()
    store.put(RemoteProfile("Locked", "openai", openai_server.base_url, "whisper-1", {"read_timeout": 60}))
    locked_keyring.set_password("Earshot remote services", "profile:Locked", SECRET)
    locked_keyring.calling_threads.clear()
    window = MainWindow(manager, local_engine, store)
    qtbot.addWidget(window)
    window.show()
    choose_profile(window, "Locked")
    window.open_media(jfk_path)
    qtbot.mouseClick(window.options_bar.transcribe_button, Qt.MouseButton.LeftButton)
    assert window.is_busy() and not window.options_bar.transcribe_button.isEnabled()
    assert not locked_keyring.called_on_the_gui_thread()
    with qtbot.waitSignal(manager.job_event, check_params_cb=transcribed, timeout=60_000):
        locked_keyring.unlocked.set()
    assert word_error_rate(JFK_REFERENCE, window.transcript_model.transcript.text) < 0.15
    assert locked_keyring.calling_threads and not locked_keyring.called_on_the_gui_thread()
    store.remove("Locked")
