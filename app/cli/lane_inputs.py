"""Running a command over its inputs in a work lane, N at a time, as if one after the other.

Each input's slow part (``work``) runs on the lane's threads; its end (``finish``: writing the
outputs, printing warnings) runs here on the main thread in the order of the inputs, so the files
written and standard output are the same as a sequential run's. A failure is one sentence, and
the other inputs go on; Ctrl+C cancels every input and exits 130.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from typing import Generic, TypeVar

from app.cli.batch_progress import BatchProgress, Outcome
from app.cli.inputs import EXIT_FAILED, EXIT_INTERRUPTED, EXIT_OK, input_failed, report_unexpected, say
from app.core.errors import Cancelled, EarshotError
from app.core.text_translation import translated
from app.core.work_lanes import WorkLane

ResultT = TypeVar("ResultT")
Progress = Callable[[float], None]
STOP_SECONDS = 1.0


@dataclass(eq=False)
class InputTask(Generic[ResultT]):
    index: int
    raw_input: str
    cancel_event: threading.Event = field(default_factory=threading.Event)
    ended: threading.Event = field(default_factory=threading.Event)
    result: ResultT | None = None
    error: BaseException | None = None


def run_in_lane(
    inputs: list[str],
    work: Callable[[str, Progress, threading.Event], ResultT],
    finish: Callable[[str, ResultT], None],
    jobs: int,
    progress: BatchProgress,
    debug: bool,
) -> int:
    """``work`` on every input, ``jobs`` at a time, then ``finish`` with its result, input by input."""
    def execute(task: InputTask[ResultT]) -> None:
        progress.started(task.index)
        try:
            task.result = work(task.raw_input, lambda fraction: progress.update(task.index, fraction),
                               task.cancel_event)
        except BaseException as error:  # reported on the main thread, in the order of the inputs
            task.error = error
        finally:
            task.ended.set()

    lane: WorkLane[InputTask[ResultT]] = WorkLane("inputs", jobs, execute)
    tasks = [InputTask[ResultT](index, raw_input) for index, raw_input in enumerate(inputs)]
    for task in tasks:
        lane.submit(task)
    failures, interrupted = 0, False
    try:
        for task in tasks:
            while not task.ended.wait(0.1):  # short waits: Ctrl+C is heard at once
                pass
            failures += not _end(task, finish, progress, debug)
    except KeyboardInterrupt:
        interrupted = True
        lane.close()  # what waits never starts; what runs stops at its next check
        lane.join(time.monotonic() + STOP_SECONDS)
    finally:
        progress.close()
    if interrupted:
        say(translated("cancelled."))
        return EXIT_INTERRUPTED
    return EXIT_FAILED if failures else EXIT_OK


def _end(task: InputTask[ResultT], finish: Callable[[str, ResultT], None], progress: BatchProgress,
         debug: bool) -> bool:
    """Finish one input or report why it failed; True when it succeeded."""
    try:
        if task.error is not None:
            raise task.error
        finish(task.raw_input, task.result)  # type: ignore[arg-type]  # no error: work returned a result
    except EarshotError as error:
        progress.ended(task.index, Outcome.FAILED)
        progress.tell(partial(say, str(error)))
        return False
    except Cancelled:
        progress.ended(task.index, Outcome.CANCELLED)
        raise KeyboardInterrupt from None
    except Exception as error:
        progress.ended(task.index, Outcome.FAILED)
        progress.tell(partial(report_unexpected, error, input_failed(task.raw_input), debug))
        return False
    progress.ended(task.index, Outcome.DONE)
    return True
