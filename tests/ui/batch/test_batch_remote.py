"""Remote rows of the batch: up to the remote lane's capacity submitted at once, an unreachable service fails its
row in one sentence, and the rest finish through a real local OpenAI-compatible server."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from app.core.api_keys import delete_api_key, store_api_key
from app.core.batch.items import BatchStatus
from app.core.remote_profiles import RemoteProfile, RemoteProfileStore
from app.ui.main_window import MainWindow
from tests.conftest import JFK_REFERENCE
from tests.engines.remote.servers.openai_server import FakeOpenAIServer
from tests.engines.remote.servers.recogniser import Recogniser
from tests.speech import word_error_rate

SECRET = "sk-batch-SECRET-do-not-leak"


@pytest.fixture
def remote_batch_window(qtbot, manager, local_engine, temporary_keyring, data_folder):
    with FakeOpenAIServer(Recogniser(local_engine), api_key=SECRET) as server:
        store = RemoteProfileStore()
        store.put(RemoteProfile("Cluster", "openai", server.base_url, "whisper-1"))
        store.put(RemoteProfile("Switched off", "openai", "http://127.0.0.1:9/v1", "whisper-1"))
        for name in ("Cluster", "Switched off"):
            store_api_key(name, SECRET)
        window = MainWindow(manager, local_engine, store)
        qtbot.addWidget(window)
        window.show()
        yield window
        for name in ("Cluster", "Switched off"):
            store.remove(name)
            delete_api_key(name)


def add_with(window: MainWindow, profile: str, paths: list[Path]) -> None:
    combo = window.options_bar.model_combo
    combo.setCurrentIndex(combo.findData(f"remote:{profile}"))
    window.batch.adding.add_files(paths)


def test_remote_rows_run_a_lane_at_a_time_and_an_unreachable_service_fails_alone(
        qtbot, remote_batch_window: MainWindow, tmp_path: Path, jfk_path: Path) -> None:
    window, batch = remote_batch_window, remote_batch_window.batch
    copies = [shutil.copy(jfk_path, tmp_path / f"speech-{n}.flac") for n in range(5)]
    batch.set_paused(True)
    add_with(window, "Cluster", [Path(path) for path in copies])
    add_with(window, "Switched off", [Path(copies[0])])
    batch.set_paused(False)
    assert len(batch.queue.running()) == batch.runner.lane_capacity(remote=True) == 4
    assert len(batch.queue.waiting()) == 2
    qtbot.waitUntil(lambda: not batch.queue.waiting() and not batch.queue.running(), timeout=120_000)
    statuses = [item.status for item in batch.queue]
    assert statuses == [BatchStatus.DONE] * 5 + [BatchStatus.FAILED]
    failure = batch.queue[5].failure
    assert failure and "\n" not in failure and "Traceback" not in failure and SECRET not in failure
    for item in list(batch.queue)[:5]:
        assert item.result_path is not None
    done = window.batch.queue[0]
    batch.open_result([done])
    qtbot.waitUntil(lambda: bool(window.document.transcript.segments))
    assert word_error_rate(JFK_REFERENCE, window.document.transcript.text) < 0.15
    assert window.document.transcript.engine == "openai"
