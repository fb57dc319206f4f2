"""Watching the job runner's one signal, ``job_event(job_id, event)``, in tests."""

from __future__ import annotations

from app.core.transcript import Transcript
from app.jobs import JobRunner
from app.jobs.events import JobCancelled, JobEvent, JobFailed, JobFinished, JobStarted

NAMES = {JobStarted: "started", JobFinished: "finished", JobFailed: "failed", JobCancelled: "cancelled"}


def record(runner: JobRunner) -> list[tuple]:
    """("started", id), ("finished", id, result), ("failed", id, sentence), ("cancelled", id), as they come."""
    events: list[tuple] = []

    def note(job_id: int, event: JobEvent) -> None:
        name = NAMES.get(type(event))
        if isinstance(event, JobFinished):
            events.append((name, job_id, event.result))
        elif isinstance(event, JobFailed):
            events.append((name, job_id, event.message))
        elif name is not None:
            events.append((name, job_id))

    runner.job_event.connect(note)
    return events


def transcribed(_job_id: int, event: JobEvent) -> bool:
    """For ``qtbot.waitSignal(runner.job_event, check_params_cb=transcribed)``: a transcription finished."""
    return isinstance(event, JobFinished) and isinstance(event.result, Transcript)


def failed(_job_id: int, event: JobEvent) -> bool:
    return isinstance(event, JobFailed)


def cancelled(_job_id: int, event: JobEvent) -> bool:
    return isinstance(event, JobCancelled)
