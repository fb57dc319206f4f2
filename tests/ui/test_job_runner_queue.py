"""The job runner's local lane, watched through its one signal: one job at a time, in order, hardened against
failing jobs, cancel races and shutdown."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from pathlib import Path

from app.core.audio import AudioClip
from app.core.transcript import Segment
from app.engines.base import JobContext, TranscriptionEngine, TranscriptionOptions
from app.jobs import JobRunner
from app.jobs.events import JobFinished, JobProgress, JobStatus
from app.jobs.transcription_jobs import ModelPrepared, PrepareModelJob, TranscribeFileJob
from tests.ui.job_events import record, transcribed

TINY = TranscriptionOptions(model="tiny.en")


class BrokenEngine(TranscriptionEngine):
    """An engine with a bug: the manager must turn it into one sentence and keep working."""

    name = "broken"

    def transcribe(self, audio: AudioClip, options: TranscriptionOptions, context: JobContext) -> Iterator[Segment]:
        raise ZeroDivisionError("division by zero")


def test_jobs_run_one_at_a_time_in_order(qtbot, manager: JobRunner, local_engine, jfk_path: Path) -> None:
    events = record(manager)
    first = manager.submit(TranscribeFileJob(jfk_path, local_engine, TINY))
    second = manager.submit(TranscribeFileJob(jfk_path, local_engine, TINY))
    qtbot.waitUntil(lambda: len([e for e in events if e[0] == "finished"]) == 2, timeout=120_000)
    order = [(e[0], e[1]) for e in events]
    assert order == [("started", first), ("finished", first), ("started", second), ("finished", second)]
    assert events[1][2].text == events[3][2].text


def test_a_cancelled_queued_job_never_starts(qtbot, manager: JobRunner, local_engine, jfk_path: Path) -> None:
    events = record(manager)
    first = manager.submit(TranscribeFileJob(jfk_path, local_engine, TINY))
    second = manager.submit(TranscribeFileJob(jfk_path, local_engine, TINY))
    manager.cancel(second)
    qtbot.waitUntil(lambda: ("finished", first) in [(e[0], e[1]) for e in events], timeout=120_000)
    qtbot.wait(300)
    assert ("cancelled", second) in events
    assert ("started", second) not in events


def test_a_bug_in_an_engine_becomes_one_sentence_and_the_worker_goes_on(
    qtbot, manager: JobRunner, local_engine, jfk_path: Path
) -> None:
    events = record(manager)
    broken = manager.submit(TranscribeFileJob(jfk_path, BrokenEngine(), TINY))
    healthy = manager.submit(TranscribeFileJob(jfk_path, local_engine, TINY))
    qtbot.waitUntil(lambda: any(e[:2] == ("finished", healthy) for e in events), timeout=120_000)
    failure = next(e for e in events if e[0] == "failed")
    assert failure[1] == broken
    assert failure[2] == "Transcription failed unexpectedly: division by zero."


def test_progress_reports_time_left(qtbot, manager: JobRunner, local_engine, jfk_path: Path) -> None:
    reports: list[tuple[float, float | None]] = []
    manager.job_event.connect(lambda _job, event: reports.append((event.fraction, event.seconds_left))
                              if isinstance(event, JobProgress) else None)
    with qtbot.waitSignal(manager.job_event, timeout=120_000, check_params_cb=transcribed):
        manager.submit(TranscribeFileJob(jfk_path, local_engine, TINY))
    fractions = [fraction for fraction, _ in reports]
    assert fractions == sorted(fractions) and fractions[-1] == 1.0
    assert all(left is not None and left >= 0 for fraction, left in reports if fraction > 0)
    assert reports[-1][1] == 0.0


def test_a_prepared_model_is_not_loaded_again_by_the_job(qtbot, manager: JobRunner, jfk_path: Path) -> None:
    from app.engines.faster_whisper_engine import FasterWhisperEngine

    engine = FasterWhisperEngine()
    with qtbot.waitSignal(manager.job_event, timeout=120_000, check_params_cb=lambda _job, event: isinstance(
            event, JobFinished) and isinstance(event.result, ModelPrepared)):
        manager.submit(PrepareModelJob(engine, TINY))
    statuses: list[str] = []
    manager.job_event.connect(lambda _job, event: statuses.append(event.text) if isinstance(event, JobStatus) else None)
    with qtbot.waitSignal(manager.job_event, timeout=120_000, check_params_cb=transcribed):
        manager.submit(TranscribeFileJob(jfk_path, engine, TINY))
    assert statuses == ["Reading audio", "Recognising speech"]


class UnwritableCacheEngine(TranscriptionEngine):
    """Preparing its model fails as a full or read-only cache folder makes it fail."""

    name = "unwritable-cache"

    def prepare(self, options: TranscriptionOptions, context: JobContext) -> None:
        raise OSError(28, "No space left on device", "/cache/models/base")

    def transcribe(self, audio: AudioClip, options: TranscriptionOptions, context: JobContext) -> Iterator[Segment]:
        raise AssertionError("never asked to transcribe")


class GatedEngine(TranscriptionEngine):
    """Waits for its gate (two seconds at most), then yields a segment per tenth of a second; records its calls.

    It checks for cancel all along, as a real engine does between segments.
    """

    name = "gated"

    def __init__(self, segments: int = 10) -> None:
        self.segments = segments
        self.started = threading.Event()
        self.gate = threading.Event()  # opened by the test; until then the job waits, cancellable
        self.calls: list[str] = []
        self.prepared: list[str] = []
        self.produced = 0

    def prepare(self, options: TranscriptionOptions, context: JobContext) -> None:
        self.prepared.append(options.model)

    def transcribe(self, audio: AudioClip, options: TranscriptionOptions, context: JobContext) -> Iterator[Segment]:
        self.calls.append(options.model)
        self.started.set()
        deadline = time.monotonic() + 2
        while not self.gate.wait(0.02) and time.monotonic() < deadline:
            context.check_cancelled()
        for index in range(self.segments):
            context.check_cancelled()
            self.produced += 1
            yield Segment(index * 0.1, index * 0.1 + 0.1, f"segment {index}")
            time.sleep(0.1)


def test_an_os_error_while_preparing_fails_that_job_and_later_jobs_still_run(
    qtbot, manager: JobRunner, local_engine, jfk_path: Path
) -> None:
    events = record(manager)
    preparation = manager.submit(PrepareModelJob(UnwritableCacheEngine(), TINY))
    healthy = manager.submit(TranscribeFileJob(jfk_path, local_engine, TINY))
    qtbot.waitUntil(lambda: any(e[:2] == ("finished", healthy) for e in events), timeout=120_000)
    failure = next(e for e in events if e[0] == "failed")
    assert failure[1] == preparation
    assert "No space left on device" in failure[2] and "\n" not in failure[2] and failure[2].endswith(".")


def test_shutdown_cancels_the_running_job_and_never_starts_the_queued_ones(
    qtbot, local_engine, jfk_path: Path
) -> None:
    manager = JobRunner()
    engine = GatedEngine()
    for _ in range(4):
        manager.submit(TranscribeFileJob(jfk_path, engine, TINY))
    assert engine.started.wait(10)
    manager.shutdown()
    assert engine.calls == ["tiny.en"]  # the three queued jobs never ran
    assert engine.produced == 0  # the running one stopped at its next check


def test_a_job_cancelled_just_after_the_worker_checked_it_stops_at_its_first_check(
    qtbot, manager: JobRunner, jfk_path: Path
) -> None:
    engine = GatedEngine()
    engine.gate.set()
    check = manager.is_cancelled
    target: list[int] = []

    def cancel_right_after_the_check(job_id: int) -> bool:
        answer = check(job_id)
        if threading.current_thread() is not threading.main_thread() and job_id in target:
            manager.cancel(job_id)  # the user's click lands between the check and the start
        return answer

    manager.is_cancelled = cancel_right_after_the_check  # type: ignore[method-assign]
    events = record(manager)
    blocker = GatedEngine(segments=1)
    manager.submit(TranscribeFileJob(jfk_path, blocker, TINY))
    target.append(manager.submit(TranscribeFileJob(jfk_path, engine, TINY)))
    last = manager.submit(TranscribeFileJob(jfk_path, GatedEngine(segments=1), TINY))
    blocker.gate.set()
    qtbot.waitUntil(lambda: ("cancelled", target[0]) in events, timeout=10_000)
    qtbot.waitUntil(lambda: any(e[:2] == ("finished", last) for e in events), timeout=10_000)
    assert engine.produced == 0


def test_a_newer_model_choice_drops_the_older_pending_loads(qtbot, manager: JobRunner, jfk_path: Path) -> None:
    blocker = GatedEngine(segments=1)
    engine = GatedEngine()
    manager.submit(TranscribeFileJob(jfk_path, blocker, TINY))
    assert blocker.started.wait(10)
    for model in ("tiny.en", "base", "tiny.en", "base"):
        manager.submit(PrepareModelJob(engine, TranscriptionOptions(model=model)))
    last = GatedEngine(segments=1)
    last.gate.set()
    with qtbot.waitSignal(manager.job_event, timeout=10_000, check_params_cb=transcribed):
        manager.submit(TranscribeFileJob(jfk_path, last, TINY))
        blocker.gate.set()
    qtbot.waitUntil(lambda: bool(last.calls), timeout=10_000)
    assert engine.prepared == ["base"]
