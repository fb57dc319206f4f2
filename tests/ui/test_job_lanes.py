"""The job runner's lanes: kinds of work do not wait for each other, each cancels, failures stay in their job,
and shutdown stops every lane at once."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
import soundfile

from app.core.audio import decode_audio
from app.core.remote_profiles import RemoteProfile
from app.core.transcript import Transcript
from app.engines.base import TranscriptionOptions
from app.engines.live import LocalLiveTranscriber
from app.engines.remote.registry import create_remote_engine
from app.engines.speech_output import LocalSpeechSynthesiser
from app.jobs.events import (
    JobCancelled,
    JobEvent,
    JobFailed,
    JobFinished,
    JobStarted,
    PartialResult,
    SegmentRecognised,
)
from app.jobs.job import Job, LaneKind
from app.jobs.live_job import LiveLag, LiveReady, LiveTranscriptionJob
from app.jobs.peaks_job import WaveformPeaksJob
from app.jobs.runner import JobRunner
from app.jobs.speech_job import SpeechOutputJob
from app.jobs.transcription_jobs import TranscribeFileJob
from tests.conftest import JFK_REFERENCE
from tests.engines.remote.servers.fake_http_server import Fault
from tests.engines.remote.servers.openai_server import FakeOpenAIServer
from tests.engines.remote.servers.recogniser import Recogniser
from tests.speech import word_error_rate

TINY = TranscriptionOptions(model="tiny.en")
LIVE = TranscriptionOptions(model="tiny.en", language="en", beam_size=1, word_timestamps=True)
KEY = "sk-lanes-test"
LONG_TEXT = " ".join(f"This is sentence number {n} of a long text read aloud." for n in range(40))


class EventLog:
    def __init__(self, runner: JobRunner) -> None:
        self.events: list[tuple[int, JobEvent]] = []
        runner.job_event.connect(lambda job_id, event: self.events.append((job_id, event)))

    def of(self, job_id: int) -> list[JobEvent]:
        return [event for i, event in self.events if i == job_id]

    def ended(self, job_id: int) -> JobEvent | None:
        return next((e for e in self.of(job_id) if isinstance(e, JobFinished | JobFailed | JobCancelled)), None)

    def started(self, job_id: int) -> bool:
        return any(isinstance(e, JobStarted) for e in self.of(job_id))


@pytest.fixture
def openai_server(local_engine):
    with FakeOpenAIServer(Recogniser(local_engine), api_key=KEY) as server:
        yield server


def remote_engine(base_url: str):
    return create_remote_engine(RemoteProfile("lanes", "openai", base_url, "whisper-1", {"read_timeout": 60}), KEY)


@pytest.fixture(scope="module")
def long_media(tmp_path_factory: pytest.TempPathFactory, jfk_path: Path) -> Path:
    """Three minutes of real speech (JFK over and over): long enough to outlast the other lanes' jobs."""
    samples = decode_audio(jfk_path).samples
    path = tmp_path_factory.mktemp("lanes") / "long-speech.wav"
    soundfile.write(path, np.tile(samples, 16), 16_000)
    return path


def test_a_remote_job_and_a_speech_job_finish_while_a_long_local_job_runs(
    qtbot, manager: JobRunner, local_engine, openai_server, long_media: Path, jfk_path: Path
) -> None:
    log = EventLog(manager)
    local = manager.submit(TranscribeFileJob(long_media, local_engine, TINY))
    qtbot.waitUntil(lambda: log.started(local), timeout=30_000)
    remote = manager.submit(TranscribeFileJob(jfk_path, remote_engine(openai_server.base_url), TINY))
    speech = manager.submit(SpeechOutputJob("Ask not what your country can do for you.", LocalSpeechSynthesiser()))
    qtbot.waitUntil(lambda: log.ended(remote) is not None and log.ended(speech) is not None, timeout=60_000)

    assert log.ended(local) is None and manager.lane_counts(LaneKind.LOCAL) == (0, 1)  # still recognising
    remote_end, speech_end = log.ended(remote), log.ended(speech)
    assert isinstance(remote_end, JobFinished) and isinstance(remote_end.result, Transcript)
    assert word_error_rate(JFK_REFERENCE, remote_end.result.text) < 0.15
    assert isinstance(speech_end, JobFinished) and len(speech_end.result) == 1
    assert speech_end.result[0].seconds > 1.0  # real synthesised speech
    assert [e for e in log.of(speech) if isinstance(e, PartialResult)]  # the sentence came before the end
    manager.cancel(local)
    assert isinstance(log.ended(local), JobCancelled)


def live_job(local_engine) -> LiveTranscriptionJob:
    """Live transcription with tiny.en, its model loaded on the lane's thread as the window's job does."""
    return LiveTranscriptionJob(lambda listeners, cancel_event: LocalLiveTranscriber(
        local_engine.load_model(LIVE), LIVE, listeners, cancel_event))


def test_a_live_job_recognises_while_a_long_local_job_runs(
    qtbot, manager: JobRunner, local_engine, long_media: Path, jfk_path: Path
) -> None:
    log = EventLog(manager)
    local = manager.submit(TranscribeFileJob(long_media, local_engine, TINY))
    qtbot.waitUntil(lambda: log.started(local), timeout=30_000)
    job = live_job(local_engine)
    live = manager.submit(job)
    qtbot.waitUntil(lambda: any(isinstance(e, PartialResult) and isinstance(e.value, LiveReady)
                                for e in log.of(live)), timeout=30_000)
    samples = decode_audio(jfk_path).samples
    for start in range(0, len(samples), 16_000):  # a second at a time, as a recorder hands it over
        job.feed(samples[start:start + 16_000], 16_000)
    qtbot.waitUntil(lambda: any(isinstance(e, SegmentRecognised) for e in log.of(live)), timeout=60_000)
    job.finish()
    qtbot.waitUntil(lambda: log.ended(live) is not None, timeout=60_000)

    assert log.ended(local) is None and manager.lane_counts(LaneKind.LOCAL) == (0, 1)  # still recognising
    end = log.ended(live)
    assert isinstance(end, JobFinished) and isinstance(end.result, Transcript)
    committed = [e.segment for e in log.of(live) if isinstance(e, SegmentRecognised)]
    assert committed == end.result.segments  # every committed segment was told as it came, and nothing else
    assert word_error_rate(JFK_REFERENCE, end.result.text) < 0.2
    assert any(isinstance(e, PartialResult) and isinstance(e.value, LiveLag) for e in log.of(live))
    manager.cancel(local)


def test_each_kind_of_job_cancels_while_it_runs_and_says_nothing_after(
    qtbot, manager: JobRunner, local_engine, openai_server, long_media: Path, jfk_path: Path
) -> None:
    openai_server.inject(Fault("slow", "/audio/transcriptions", seconds=30.0))
    log = EventLog(manager)
    jobs: list[Job[object]] = [
        TranscribeFileJob(long_media, local_engine, TINY),
        TranscribeFileJob(jfk_path, remote_engine(openai_server.base_url), TINY),
        SpeechOutputJob(LONG_TEXT, LocalSpeechSynthesiser()),
        live_job(local_engine),  # waits for audio that never comes
    ]
    ids = [manager.submit(job) for job in jobs]
    qtbot.waitUntil(lambda: all(log.started(i) for i in ids), timeout=30_000)
    qtbot.waitUntil(lambda: bool(openai_server.requests_to("/audio/transcriptions")), timeout=10_000)
    for job_id in ids:
        manager.cancel(job_id)
        assert isinstance(log.ended(job_id), JobCancelled)
    peaks = manager.submit(WaveformPeaksJob(long_media))  # quick: cancelled as its first peaks arrive
    manager.job_event.connect(lambda job_id, event: manager.cancel(job_id)
                              if job_id == peaks and isinstance(event, PartialResult) else None)
    qtbot.waitUntil(lambda: log.ended(peaks) is not None, timeout=10_000)
    assert isinstance(log.ended(peaks), JobCancelled)
    qtbot.waitUntil(lambda: all(manager.lane_counts(lane) == (0, 0) for lane in LaneKind), timeout=10_000)
    qtbot.wait(100)  # anything a job posted while it stopped has been delivered (or dropped) by now
    for job_id in (*ids, peaks):
        assert isinstance(log.of(job_id)[-1], JobCancelled)
    assert openai_server.connections_closed_by_client == 1  # the remote job hung up at once


def test_shutdown_stops_every_busy_lane_and_never_starts_the_waiting_jobs(
    qtbot, local_engine, openai_server, long_media: Path, jfk_path: Path, tmp_path: Path
) -> None:
    twenty_minutes = tmp_path / "twenty-minutes.wav"  # its peaks take a few seconds
    soundfile.write(twenty_minutes, np.tile(decode_audio(jfk_path).samples, 110), 16_000)
    runner = JobRunner()
    openai_server.inject(Fault("slow", "/audio/transcriptions", seconds=30.0))
    log = EventLog(runner)
    running = [
        runner.submit(TranscribeFileJob(long_media, local_engine, TINY)),
        runner.submit(TranscribeFileJob(jfk_path, remote_engine(openai_server.base_url), TINY)),
        runner.submit(SpeechOutputJob(LONG_TEXT, LocalSpeechSynthesiser())),
        runner.submit(WaveformPeaksJob(twenty_minutes)),
    ]
    waiting = runner.submit(TranscribeFileJob(jfk_path, local_engine, TINY))
    qtbot.waitUntil(lambda: all(log.started(i) for i in running), timeout=30_000)
    qtbot.waitUntil(lambda: bool(openai_server.requests_to("/audio/transcriptions")), timeout=10_000)
    assert all(log.ended(i) is None for i in running), [log.ended(i) for i in running]
    assert runner.shutdown(), "every lane joined within its second"
    assert all(runner.lane_counts(lane) == (0, 0) for lane in LaneKind)
    qtbot.wait(100)
    assert not log.started(waiting)
    assert all(log.ended(i) is None for i in running)  # nothing more is heard after shutdown


@pytest.mark.parametrize("lane", [LaneKind.REMOTE, LaneKind.REAL_TIME, LaneKind.LIGHT])
def test_a_failing_job_never_stops_its_lane(
    qtbot, manager: JobRunner, openai_server, jfk_path: Path, tmp_path: Path, lane: LaneKind
) -> None:
    broken, healthy = _broken_and_healthy(lane, openai_server, jfk_path, tmp_path)
    log = EventLog(manager)
    broken_id, healthy_id = manager.submit(broken), manager.submit(healthy)
    qtbot.waitUntil(lambda: log.ended(broken_id) is not None and log.ended(healthy_id) is not None, timeout=60_000)
    failure = log.ended(broken_id)
    assert isinstance(failure, JobFailed)
    assert failure.message.endswith(".") and "\n" not in failure.message
    assert isinstance(log.ended(healthy_id), JobFinished)


def _broken_and_healthy(lane: LaneKind, server: FakeOpenAIServer, jfk_path: Path,
                        tmp_path: Path) -> tuple[Job[object], Job[object]]:
    if lane is LaneKind.REMOTE:
        broken_file = tmp_path / "broken.mp3"  # fails before any request: the lane's other job goes on
        broken_file.write_bytes(b"ID3\x03\x00\x00\x00" + bytes(range(256)) * 16)
        engine = remote_engine(server.base_url)
        return TranscribeFileJob(broken_file, engine, TINY), TranscribeFileJob(jfk_path, engine, TINY)
    if lane is LaneKind.REAL_TIME:
        return SpeechOutputJob("   ", LocalSpeechSynthesiser()), SpeechOutputJob("Hello.", LocalSpeechSynthesiser())
    return WaveformPeaksJob(tmp_path / "gone.wav"), WaveformPeaksJob(jfk_path)


def test_remote_jobs_run_a_few_at_a_time(qtbot, manager: JobRunner, openai_server, jfk_path: Path) -> None:
    """Four by default (the setting), however many wait; the fifth starts when one ends."""
    for _ in range(6):
        openai_server.inject(Fault("slow", "/audio/transcriptions", seconds=30.0))
    log = EventLog(manager)
    engine = remote_engine(openai_server.base_url)
    ids = [manager.submit(TranscribeFileJob(jfk_path, engine, TINY)) for _ in range(6)]
    qtbot.waitUntil(lambda: manager.lane_counts(LaneKind.REMOTE) == (2, 4), timeout=10_000)
    qtbot.wait(200)
    assert sum(log.started(i) for i in ids) == 4
    manager.cancel(ids[0])
    qtbot.waitUntil(lambda: log.started(ids[4]), timeout=10_000)
    manager.set_remote_jobs(6)
    qtbot.waitUntil(lambda: log.started(ids[5]), timeout=10_000)
