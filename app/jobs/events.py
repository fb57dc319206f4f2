"""What the job runner tells the window about a job: one small dataclass per kind of news.

Every event travels on ``JobRunner.job_event(job_id, event)``. A job ends with exactly one of
JobFinished, JobFailed or JobCancelled; after it, nothing more comes about that job.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.core.transcript import Segment


@dataclass(frozen=True, slots=True)
class JobStarted:
    """The job left its lane's queue and runs now."""


@dataclass(frozen=True, slots=True)
class JobProgress:
    fraction: float  # 0..1
    seconds_left: float | None  # None: not known yet


@dataclass(frozen=True, slots=True)
class JobStatus:
    text: str  # what the job does now ("Reading audio"), in English: the window translates it


@dataclass(frozen=True, slots=True)
class SegmentRecognised:
    segment: Segment


@dataclass(frozen=True, slots=True)
class PartialResult:
    """Something usable before the end: the waveform so far, a spoken sentence ready to play."""

    value: object


@dataclass(frozen=True, slots=True)
class JobFinished:
    result: object


@dataclass(frozen=True, slots=True)
class JobFailed:
    message: str  # one sentence for the user


@dataclass(frozen=True, slots=True)
class JobCancelled:
    """Cancelled by the user or by shutdown; the window drops it silently."""


JobEvent = (
    JobStarted | JobProgress | JobStatus | SegmentRecognised | PartialResult | JobFinished | JobFailed | JobCancelled
)
FINAL_EVENTS = (JobFinished, JobFailed, JobCancelled)
