"""A kind of background work: a typed job class that says which lane it runs in and how it runs.

Adding a kind of job is one subclass of Job: its ``lane``, its ``run(report)`` (on a lane's
thread, never touching widgets) returning the result, and the words of its unexpected failure.
The runner gives each job its id and calls ``run``; the job tells progress, status, segments and
partial results through the JobReport, and checks ``report.check_cancelled()`` (or hands
``report.engine_context()`` to an engine, which checks it between segments).
"""

from __future__ import annotations

import threading
from abc import ABC, abstractmethod
from collections.abc import Callable
from enum import StrEnum
from typing import ClassVar, Generic, TypeVar

from app.core.errors import Cancelled
from app.core.time_left import TimeLeftEstimator
from app.core.transcript import Segment
from app.engines.base import JobContext
from app.jobs.events import JobEvent, JobProgress, JobStatus, PartialResult, SegmentRecognised

ResultT = TypeVar("ResultT", covariant=True)


class LaneKind(StrEnum):
    LOCAL = "local recognition"  # one at a time: it uses every core
    REMOTE = "remote"  # a few at a time: the services do the work
    REAL_TIME = "real-time"  # recording, live transcription, speech: never queued
    LIGHT = "light"  # waveform peaks, downloads: beside everything else


class Job(ABC, Generic[ResultT]):
    """One piece of work: its own cancel event and id; ``run`` returns the result or raises
    EarshotError (its one sentence), Cancelled, or anything else (a bug, reported as ``what`` failing)."""

    what: ClassVar[str] = "The job"  # "Transcription" in "Transcription failed unexpectedly: …"

    def __init__(self) -> None:
        self.id = 0  # given by the runner when submitted
        self.cancel_event = threading.Event()

    @property
    @abstractmethod
    def lane(self) -> LaneKind: ...

    @abstractmethod
    def run(self, report: JobReport) -> ResultT: ...

    def makes_pointless(self, waiting: Job[object]) -> bool:
        """True when ``waiting``, not started yet, need not run once this job is submitted."""
        return False

    def unexpected_failure(self, error: Exception) -> str:
        reason = str(error).rstrip(".") or type(error).__name__
        return f"{self.what} failed unexpectedly: {reason}."


class JobReport:
    """What a running job tells the runner; called on the job's thread."""

    def __init__(self, job: Job[object], post: Callable[[JobEvent], None]) -> None:
        self._job = job
        self._post = post
        self._estimator = TimeLeftEstimator()

    @property
    def cancel_event(self) -> threading.Event:
        return self._job.cancel_event

    def check_cancelled(self) -> None:
        if self._job.cancel_event.is_set():
            raise Cancelled()

    def restart_clock(self) -> None:
        """Time left counts from now (after a setup step that says nothing about the rest's pace)."""
        self._estimator.restart()

    def progress(self, fraction: float) -> None:
        self._post(JobProgress(fraction, self._estimator.seconds_left(fraction)))

    def status(self, text: str) -> None:
        self._post(JobStatus(text))

    def segment(self, segment: Segment) -> None:
        self._post(SegmentRecognised(segment))

    def partial(self, value: object) -> None:
        self._post(PartialResult(value))

    def engine_context(self) -> JobContext:
        """An engine's view of this job: its progress and status come here, it stops on the job's cancel."""
        return JobContext(
            on_progress=lambda fraction, _total: self.progress(fraction),
            on_status=self.status,
            cancel_event=self._job.cancel_event,
        )
