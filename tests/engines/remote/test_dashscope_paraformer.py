"""The DashScope Paraformer engine against a local server: upload, submit, poll with backoff, fetch."""

from __future__ import annotations

import io
import threading
import time

import dashscope
import httpx
import numpy as np
import pytest
import soundfile
from dashscope.audio.asr import Transcription
from dashscope.utils.oss_utils import OssUtils

from app.core.audio import SAMPLE_RATE
from app.core.errors import Cancelled, EngineError
from app.engines.base import JobContext, TranscriptionOptions, run_transcription
from app.engines.remote.dashscope_paraformer import DashScopeParaformerEngine, PollSchedule
from tests.conftest import JFK_REFERENCE
from tests.engines.remote.conftest import QUICK_HTTP
from tests.engines.remote.contracts import QUICK_POLL
from tests.engines.remote.servers.dashscope_server import FakeDashScopeServer
from tests.engines.remote.servers.fake_http_server import Fault
from tests.speech import word_error_rate

SUBMIT_PATH = "/services/audio/asr/transcription"


@pytest.fixture
def dashscope_server(recogniser):
    with FakeDashScopeServer(recogniser) as server:
        yield server


def engine_for(server, poll: PollSchedule = QUICK_POLL) -> DashScopeParaformerEngine:
    return DashScopeParaformerEngine(server.base_url, "paraformer-v2", server.api_key, poll=poll, http=QUICK_HTTP)


@pytest.fixture(scope="module")
def stereo_flac(jfk_clip) -> bytes:
    """Left: a quiet hum; right: the speech."""
    hum = 0.01 * np.sin(np.arange(len(jfk_clip.samples)) * 2 * np.pi * 120 / SAMPLE_RATE)
    buffer = io.BytesIO()
    soundfile.write(buffer, np.stack([hum, jfk_clip.samples], axis=1), SAMPLE_RATE, format="FLAC")
    return buffer.getvalue()


def test_local_audio_is_uploaded_submitted_polled_and_fetched(dashscope_server, jfk_clip) -> None:
    statuses: list[str] = []
    context = JobContext(on_status=statuses.append)
    transcript = run_transcription(engine_for(dashscope_server), jfk_clip, TranscriptionOptions(language="en"), context)
    assert word_error_rate(JFK_REFERENCE, transcript.text) < 0.15
    words = [w.text for s in transcript.segments for w in s.words]
    [result] = dashscope_server.results.values()
    last_sent = result["transcripts"][0]["sentences"][-1]["words"][-1]
    assert (last_sent["text"], last_sent["punctuation"]) == ("country ", ".")
    assert words[-1] == "country."  # the punctuation joins its word
    assert all(s.text.endswith(".") for s in transcript.segments)
    [upload] = dashscope_server.requests_to("/oss")
    assert upload.header("Authorization") is None
    [key] = dashscope_server.stored
    submitted = dashscope_server.submissions[-1]
    assert submitted["body"]["input"]["file_urls"] == [f"oss://{key}"]
    assert submitted["headers"]["x-dashscope-ossresourceresolve"] == "enable"
    assert submitted["body"]["parameters"] == {"channel_id": [0], "language_hints": ["en"]}
    assert statuses[:3] == ["Uploading audio to DashScope", "Waiting in DashScope's queue", "DashScope is transcribing"]


def test_a_url_is_transcribed_on_the_chosen_channel(dashscope_server, stereo_flac) -> None:
    url = dashscope_server.publish("interview.flac", stereo_flac)
    engine = engine_for(dashscope_server)
    right = list(engine.transcribe_url(url, TranscriptionOptions(), JobContext(), channel=1))
    assert word_error_rate(JFK_REFERENCE, " ".join(s.text for s in right)) < 0.15
    submitted = dashscope_server.submissions[-1]
    assert submitted["body"]["input"]["file_urls"] == [url]
    assert submitted["body"]["parameters"]["channel_id"] == [1]
    assert "x-dashscope-ossresourceresolve" not in submitted["headers"]
    left = list(engine.transcribe_url(url, TranscriptionOptions(), JobContext(), channel=0))
    assert word_error_rate(JFK_REFERENCE, " ".join(s.text for s in left)) > 0.9


def test_failed_task_is_one_sentence(dashscope_server, jfk_clip) -> None:
    dashscope_server.fail_tasks_with = ("InvalidFile.DecodeFailed", "The audio file cannot be decoded.")
    with pytest.raises(EngineError) as raised:
        run_transcription(engine_for(dashscope_server), jfk_clip, TranscriptionOptions(), JobContext())
    assert str(raised.value) == (
        "DashScope could not transcribe the audio: The audio file cannot be decoded (InvalidFile.DecodeFailed)."
    )


def test_unreachable_url_fails_the_subtask(dashscope_server) -> None:
    missing = f"{dashscope_server.root}/media/missing.wav"
    with pytest.raises(EngineError, match=r"^DashScope could not transcribe the audio: The audio file cannot be read"):
        list(engine_for(dashscope_server).transcribe_url(missing, TranscriptionOptions(), JobContext()))


def test_cancel_stops_polling_at_once(recogniser, jfk_clip) -> None:
    """Cancelled while it waits between polls, the job stops at once, not at the next poll."""
    with FakeDashScopeServer(recogniser, polls_before_done=10_000) as server:
        cancel = threading.Event()
        cancelled_at: list[float] = []

        def cancel_after_three_polls() -> None:
            while len(server.requests_to("/tasks/")) < 3:
                time.sleep(0.01)
            cancelled_at.append(time.monotonic())
            cancel.set()

        threading.Thread(target=cancel_after_three_polls, daemon=True).start()
        with pytest.raises(Cancelled):
            # The interval grows from 0.05 s to 2 s: after three polls the engine waits 1.1 s or more.
            run_transcription(engine_for(server, PollSchedule(0.05, 2.0, growth=3.0)), jfk_clip,
                              TranscriptionOptions(), JobContext(cancel_event=cancel))
        assert time.monotonic() - cancelled_at[0] < 1.0
        polls = len(server.requests_to("/tasks/"))
    assert polls == 3  # cancel interrupted the wait before a fourth poll


def test_gives_up_after_the_configured_time(recogniser, jfk_clip) -> None:
    with FakeDashScopeServer(recogniser, polls_before_done=10_000) as server:
        engine = engine_for(server, PollSchedule(0.05, 0.05, give_up_after=0.2))
        with pytest.raises(EngineError, match=r"^DashScope did not finish within 0\.00333333 minutes\.$"):
            run_transcription(engine, jfk_clip, TranscriptionOptions(), JobContext())


def test_connection_check_asks_for_an_upload_policy(dashscope_server) -> None:
    assert engine_for(dashscope_server).check_connection(JobContext()) == (
        "Connected: DashScope accepts the key for paraformer-v2."
    )
    assert dashscope_server.requests[-1].query == {"action": ["getPolicy"], "model": ["paraformer-v2"]}


def test_the_official_dashscope_client_speaks_to_the_same_server(recogniser, jfk_path, monkeypatch) -> None:
    with FakeDashScopeServer(recogniser, polls_before_done=0) as server:  # the client's wait() polls slowly
        official_client_round_trip(server, jfk_path, monkeypatch)


def official_client_round_trip(dashscope_server, jfk_path, monkeypatch) -> None:
    monkeypatch.setattr(dashscope, "base_http_api_url", dashscope_server.base_url)
    url = dashscope_server.publish("jfk.flac", jfk_path.read_bytes())
    submitted = Transcription.async_call(model="paraformer-v2", file_urls=[url], api_key=dashscope_server.api_key)
    assert submitted.status_code == 200 and submitted.output.task_status == "PENDING"
    finished = Transcription.wait(task=submitted.output.task_id, api_key=dashscope_server.api_key)
    assert finished.output.task_status == "SUCCEEDED"
    result = httpx.get(finished.output.results[0]["transcription_url"]).json()
    assert word_error_rate(JFK_REFERENCE, result["transcripts"][0]["text"]) < 0.15
    oss_url, _ = OssUtils.upload(model="paraformer-v2", file_path=str(jfk_path), api_key=dashscope_server.api_key)
    assert dashscope_server.stored[oss_url.removeprefix("oss://")] == jfk_path.read_bytes()


def test_a_task_id_is_escaped_in_the_url_path(recogniser, jfk_clip) -> None:
    with FakeDashScopeServer(recogniser) as server:
        server.task_id_prefix = "batch/7?region=cn#"
        transcript = run_transcription(engine_for(server), jfk_clip, TranscriptionOptions(), JobContext())
        polls = server.requests_to("/tasks/")
    assert word_error_rate(JFK_REFERENCE, transcript.text) < 0.15
    assert polls and all(p.path.startswith("/api/v1/tasks/batch%2F7%3Fregion%3Dcn%23") for p in polls)


@pytest.mark.parametrize("fault", [Fault("drop", SUBMIT_PATH), Fault("status", SUBMIT_PATH, 502, "Bad gateway")],
                         ids=["dropped", "bad-gateway"])
def test_a_submit_that_may_have_reached_the_server_is_not_repeated(recogniser, jfk_clip, fault) -> None:
    with FakeDashScopeServer(recogniser) as server:
        server.inject(fault)
        with pytest.raises(EngineError) as raised:
            run_transcription(engine_for(server), jfk_clip, TranscriptionOptions(), JobContext())
        assert len(server.requests_to(SUBMIT_PATH)) == 1  # a second submit would be a second billed task
    assert str(raised.value).count(". ") == 0


@pytest.mark.parametrize("status", [429, 503])
def test_a_submit_refused_with_nothing_done_is_repeated(recogniser, jfk_clip, status) -> None:
    with FakeDashScopeServer(recogniser) as server:
        server.inject(Fault("status", SUBMIT_PATH, status, "Too busy", {"Retry-After": "0"}))
        transcript = run_transcription(engine_for(server), jfk_clip, TranscriptionOptions(), JobContext())
        assert len(server.requests_to(SUBMIT_PATH)) == 2
    assert word_error_rate(JFK_REFERENCE, transcript.text) < 0.15
