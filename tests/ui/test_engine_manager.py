"""The engine manager: queued jobs on one worker thread, reported through signals."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from app.core.audio import AudioClip
from app.core.transcript import Segment
from app.engine_manager import EngineManager
from app.engines.base import JobContext, TranscriptionEngine, TranscriptionOptions

TINY = TranscriptionOptions(model="tiny.en")


class BrokenEngine(TranscriptionEngine):
    """An engine with a bug: the manager must turn it into one sentence and keep working."""

    name = "broken"

    def transcribe(self, audio: AudioClip, options: TranscriptionOptions, context: JobContext) -> Iterator[Segment]:
        raise ZeroDivisionError("division by zero")


def record(manager: EngineManager) -> list[tuple]:
    events: list[tuple] = []
    manager.job_started.connect(lambda job: events.append(("started", job)))
    manager.job_finished.connect(lambda job, transcript: events.append(("finished", job, transcript)))
    manager.job_failed.connect(lambda job, message: events.append(("failed", job, message)))
    manager.job_cancelled.connect(lambda job: events.append(("cancelled", job)))
    return events


def test_jobs_run_one_at_a_time_in_order(qtbot, manager: EngineManager, local_engine, jfk_path: Path) -> None:
    events = record(manager)
    first = manager.submit_transcription(jfk_path, local_engine, TINY)
    second = manager.submit_transcription(jfk_path, local_engine, TINY)
    qtbot.waitUntil(lambda: len([e for e in events if e[0] == "finished"]) == 2, timeout=120_000)
    order = [(e[0], e[1]) for e in events]
    assert order == [("started", first), ("finished", first), ("started", second), ("finished", second)]
    assert events[1][2].text == events[3][2].text


def test_a_cancelled_queued_job_never_starts(qtbot, manager: EngineManager, local_engine, jfk_path: Path) -> None:
    events = record(manager)
    first = manager.submit_transcription(jfk_path, local_engine, TINY)
    second = manager.submit_transcription(jfk_path, local_engine, TINY)
    manager.cancel(second)
    qtbot.waitUntil(lambda: ("finished", first) in [(e[0], e[1]) for e in events], timeout=120_000)
    qtbot.wait(300)
    assert ("cancelled", second) in events
    assert ("started", second) not in events


def test_a_bug_in_an_engine_becomes_one_sentence_and_the_worker_goes_on(
    qtbot, manager: EngineManager, local_engine, jfk_path: Path
) -> None:
    events = record(manager)
    broken = manager.submit_transcription(jfk_path, BrokenEngine(), TINY)
    healthy = manager.submit_transcription(jfk_path, local_engine, TINY)
    qtbot.waitUntil(lambda: any(e[:2] == ("finished", healthy) for e in events), timeout=120_000)
    failure = next(e for e in events if e[0] == "failed")
    assert failure[1] == broken
    assert failure[2] == "Transcription failed unexpectedly: division by zero."


def test_progress_reports_time_left(qtbot, manager: EngineManager, local_engine, jfk_path: Path) -> None:
    reports: list[tuple[float, float]] = []
    manager.progress_changed.connect(lambda _job, fraction, left: reports.append((fraction, left)))
    with qtbot.waitSignal(manager.job_finished, timeout=120_000):
        manager.submit_transcription(jfk_path, local_engine, TINY)
    fractions = [fraction for fraction, _ in reports]
    assert fractions == sorted(fractions) and fractions[-1] == 1.0
    assert all(left >= 0 for fraction, left in reports if fraction > 0)
    assert reports[-1][1] == 0.0


def test_a_prepared_model_is_not_loaded_again_by_the_job(qtbot, manager: EngineManager, jfk_path: Path) -> None:
    from app.engines.faster_whisper_engine import FasterWhisperEngine

    engine = FasterWhisperEngine()
    with qtbot.waitSignal(manager.engine_prepared, timeout=120_000):
        manager.submit_preparation(engine, TINY)
    statuses: list[str] = []
    manager.status_changed.connect(lambda _job, status: statuses.append(status))
    with qtbot.waitSignal(manager.job_finished, timeout=120_000):
        manager.submit_transcription(jfk_path, engine, TINY)
    assert statuses == ["Reading audio", "Recognising speech"]
