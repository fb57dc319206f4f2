"""The one bridge between background work and the window: jobs run in lanes, news comes back as typed events.

Lanes keep kinds of work from blocking each other (see LaneKind): a two-hour local transcription
holds the local lane only, while remote jobs, speech output and waveform peaks go on beside it.
Jobs run on the lanes' plain threads (app/core/work_lanes.py) and never touch widgets; what they
report is posted through a GuiThreadRelay and emitted on the GUI thread as
``job_event(job_id, event)`` (app/jobs/events.py). Each job has its own cancel event, set by
cancel() whether it waits or runs; the window hears JobCancelled at once and the runner drops
whatever the job still produces. Any exception of a job becomes its one-sentence JobFailed:
the lane always goes on with the next. Shutdown drops what waits, cancels what runs and joins
the lanes within a second.
"""

from __future__ import annotations

import contextlib
import itertools
import logging
import threading
import time

from PySide6.QtCore import QObject, Signal

from app.core.errors import Cancelled, EarshotError
from app.core.preferences import DEFAULT_REMOTE_JOBS
from app.core.work_lanes import WorkLane
from app.gui_thread_relay import GuiThreadRelay
from app.jobs.events import FINAL_EVENTS, JobCancelled, JobEvent, JobFailed, JobFinished, JobStarted
from app.jobs.job import Job, JobReport, LaneKind

log = logging.getLogger(__name__)

LIGHT_JOBS = 2
SHUTDOWN_SECONDS = 1.0
AnyJob = Job[object]


class JobRunner(QObject):
    job_event = Signal(int, object)  # job id, a JobEvent: the runner's one signal

    def __init__(self, remote_jobs: int = DEFAULT_REMOTE_JOBS, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._ids = itertools.count(1)
        self._lock = threading.Lock()  # guards the three fields below (cancel may come from any thread)
        self._jobs: dict[int, AnyJob] = {}  # submitted, not ended yet as far as the window knows
        self._cancelled_ids: set[int] = set()
        self._closing = False
        self._relay = GuiThreadRelay(self)
        self._lanes: dict[LaneKind, WorkLane[AnyJob]] = {
            LaneKind.LOCAL: WorkLane("local-lane", 1, self._execute),
            LaneKind.REMOTE: WorkLane("remote-lane", remote_jobs, self._execute),
            LaneKind.REAL_TIME: WorkLane("real-time-lane", None, self._execute),
            LaneKind.LIGHT: WorkLane("light-lane", LIGHT_JOBS, self._execute),
        }

    # ---- the runner's interface -----------------------------------------------------------
    def submit(self, job: AnyJob) -> int:
        """Queue ``job`` in its lane; its id, which every event about it carries."""
        job.id = next(self._ids)
        lane = self._lanes[job.lane]
        with self._lock:
            if self._closing:  # after shutdown nothing starts, and nothing is heard of it
                job.cancel_event.set()
                return job.id
            self._jobs[job.id] = job
        for pointless in lane.withdraw(job.makes_pointless):
            self._end_unstarted(pointless)
        lane.submit(job)
        return job.id

    def cancel(self, job_id: int) -> None:
        """Stop the job, waiting or running; the window hears JobCancelled at once, the job stops at its next check."""
        with self._lock:
            job = self._jobs.get(job_id)
            if job is None or job_id in self._cancelled_ids:
                return
            self._cancelled_ids.add(job_id)
        self._lanes[job.lane].withdraw(lambda waiting: waiting is job)
        self._end_unstarted(job)

    def is_cancelled(self, job_id: int) -> bool:
        with self._lock:
            return job_id in self._cancelled_ids

    def set_remote_jobs(self, count: int) -> None:
        """How many remote jobs run at once (the preference recognition/remote_jobs; 4 by default)."""
        self._lanes[LaneKind.REMOTE].set_capacity(count)

    def capacity(self, lane: LaneKind) -> int | None:
        """How many jobs of ``lane`` run at once (None: all of them)."""
        return self._lanes[lane].capacity

    def lane_counts(self, lane: LaneKind) -> tuple[int, int]:
        """(waiting, running) jobs of ``lane``."""
        return self._lanes[lane].counts()

    def shutdown(self, seconds: float = SHUTDOWN_SECONDS) -> bool:
        """Cancel every job, waiting and running, and join the lanes; call before the application quits.

        Jobs stop at their next check; a model load cannot be interrupted, so after ``seconds``
        the runner stops waiting (False) and the step finishes unheard (Python waits for it at exit).
        """
        with self._lock:
            self._closing = True
            for job in self._jobs.values():
                job.cancel_event.set()
                self._cancelled_ids.add(job.id)
            self._jobs.clear()
        deadline = time.monotonic() + seconds
        for lane in self._lanes.values():
            lane.close()
        return all([lane.join(deadline) for lane in self._lanes.values()])

    # ---- on a lane's thread ----------------------------------------------------------------------
    def _execute(self, job: AnyJob) -> None:
        if self.is_cancelled(job.id):
            return
        report = JobReport(job, lambda event: self._post(job, event))
        self._post(job, JobStarted())
        try:
            result = job.run(report)
        except Cancelled:
            self._post(job, JobCancelled())
        except EarshotError as error:
            self._post(job, JobFailed(error.message))
        except Exception as error:
            if job.cancel_event.is_set():  # stopping broke what it was doing (a killed process's half-written file)
                log.debug("job %d stopped with %r after it was cancelled", job.id, error)
                return
            log.exception("job %d (%s) failed unexpectedly", job.id, type(job).__name__)  # a bug: one sentence
            self._post(job, JobFailed(job.unexpected_failure(error)))
        else:
            self._post(job, JobFinished(result))

    def _post(self, job: AnyJob, event: JobEvent) -> None:
        if job.cancel_event.is_set() and not isinstance(event, JobCancelled):
            return  # the window has heard JobCancelled already, or the runner is closing
        with contextlib.suppress(RuntimeError):  # the runner is gone (its job outlived shutdown): nobody listens
            self._relay.post(self._deliver, job, event)

    # ---- on the GUI thread ----------------------------------------------------------------------
    def _deliver(self, job: AnyJob, event: JobEvent) -> None:
        with self._lock:
            if self._jobs.get(job.id) is not job:
                return  # cancelled (the window heard it then), or the runner shut down
            if isinstance(event, FINAL_EVENTS):
                del self._jobs[job.id]
        self._emit(job, event)

    def _end_unstarted(self, job: AnyJob) -> None:
        """``job`` is cancelled or pointless: it ends now, whatever it may still post is dropped."""
        job.cancel_event.set()
        with self._lock:
            self._cancelled_ids.add(job.id)
            self._jobs.pop(job.id, None)
        self._emit(job, JobCancelled())

    def _emit(self, job: AnyJob, event: JobEvent) -> None:
        self.job_event.emit(job.id, event)
