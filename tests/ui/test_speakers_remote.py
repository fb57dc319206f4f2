"""A DashScope profile with its own diarization: the service's speakers reach the table, and are kept."""

from __future__ import annotations

from typing import Any

import pytest

from app.core.api_keys import delete_api_key, store_api_key
from app.core.editing.speakers import speaker_names
from app.core.remote_profiles import RemoteProfile, RemoteProfileStore
from app.core.speaker_turns import SpeakerTurn
from app.ui.main_window import MainWindow
from tests.engines.remote.servers.dashscope_server import FakeDashScopeServer, Task
from tests.engines.remote.servers.recogniser import Recogniser
from tests.ui.job_events import transcribed
from tests.ui.test_speakers import conversation  # noqa: F401  (the two-speaker conversation fixture)

PROFILE = "Paraformer with speakers"


class DiarizingDashScopeServer(FakeDashScopeServer):
    """Says which true speaker each sentence falls in, as the service does with diarization_enabled."""

    def __init__(self, recogniser: Recogniser, turns: list[SpeakerTurn]) -> None:
        super().__init__(recogniser, polls_before_done=0)
        self.turns = turns

    def _recognise(self, task: Task) -> dict[str, Any]:
        document = super()._recognise(task)
        if self.submissions[-1]["body"].get("parameters", {}).get("diarization_enabled"):
            speakers = sorted({turn.speaker for turn in self.turns})
            for sentence in document["transcripts"][0]["sentences"]:
                middle = (sentence["begin_time"] + sentence["end_time"]) / 2000
                nearest = min(self.turns, key=lambda turn: abs((turn.start + turn.end) / 2 - middle))
                sentence["speaker_id"] = speakers.index(nearest.speaker)
        return document


@pytest.fixture
def dashscope_window(qtbot, manager, local_engine, temporary_keyring, conversation):  # noqa: F811
    with DiarizingDashScopeServer(Recogniser(local_engine), conversation[1]) as server:
        store = RemoteProfileStore()
        store.put(RemoteProfile(PROFILE, "dashscope", server.base_url, "paraformer-v2",
                                {"diarization": True, "poll_first_interval": 0.1}))
        store_api_key(PROFILE, server.api_key)
        window = MainWindow(manager, local_engine, store)
        qtbot.addWidget(window)
        window.show()
        yield window
        store.remove(PROFILE)
        delete_api_key(PROFILE)


def test_dashscope_speakers_arrive_with_the_segments(qtbot, dashscope_window: MainWindow, manager,
                                                     conversation) -> None:  # noqa: F811
    window = dashscope_window
    window.open_media(conversation[0])
    combo = window.options_bar.model_combo
    combo.setCurrentIndex(combo.findData(f"remote:{PROFILE}"))
    window.speakers.option.check_box.setChecked(True)  # the service's speakers take its place

    with qtbot.waitSignal(manager.job_event, check_params_cb=transcribed, timeout=120_000):
        window.transcribe_action.trigger()

    names = speaker_names(window.document.transcript)
    assert len(names) == 2
    assert not window.speakers.is_busy()  # no local diarization over the service's speakers
    model = window.transcript_model
    shown = {model.index(row, model.SPEAKER_COLUMN).data() for row in range(model.rowCount())}
    assert shown == set(names)
    assert window.document.undo_stack.count() == 0  # the result only, no "Identify Speakers" step
