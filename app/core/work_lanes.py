"""A lane of background work: at most N of its tasks run at once, the rest wait in the order they came.

Plain threads and no Qt, so the window's job runner (app/jobs) and the command line's ``--jobs``
share it. A worker thread is started when a task arrives and a place is free, and it ends when
the lane has nothing left to run, so an idle lane holds no thread. Closing a lane drops what
waits (it never starts), sets the cancel event of what runs, and ``join`` waits for the workers
with a deadline. Work that cannot be interrupted (a model load, a recognition window) finishes
its step after that: the workers are not daemon threads, so Python waits for that step before it
exits rather than kill a thread inside native code (which aborts the process).
"""

from __future__ import annotations

import logging
import threading
import time
from collections import deque
from collections.abc import Callable
from typing import Generic, Protocol, TypeVar

log = logging.getLogger(__name__)


class LaneTask(Protocol):
    @property
    def cancel_event(self) -> threading.Event: ...


TaskT = TypeVar("TaskT", bound=LaneTask)


class WorkLane(Generic[TaskT]):
    """Runs ``execute(task)`` for each submitted task, ``capacity`` at a time (None: every task at once).

    ``execute`` reports its own outcome; an exception escaping it is a bug, logged, and the lane goes on.
    """

    def __init__(self, name: str, capacity: int | None, execute: Callable[[TaskT], None]) -> None:
        if capacity is not None and capacity < 1:
            raise ValueError("a lane runs at least one task at a time")
        self.name = name
        self._capacity = capacity
        self._execute = execute
        self._changes = threading.Condition()  # guards the fields below
        self._waiting: deque[TaskT] = deque()
        self._running: list[TaskT] = []
        self._workers: list[threading.Thread] = []
        self._closed = False
        self._started_workers = 0

    @property
    def capacity(self) -> int | None:
        return self._capacity

    def set_capacity(self, capacity: int | None) -> None:
        """Run up to ``capacity`` tasks at once from now on (running ones are never stopped for it)."""
        if capacity is not None and capacity < 1:
            raise ValueError("a lane runs at least one task at a time")
        with self._changes:
            self._capacity = capacity
            self._start_workers()

    def submit(self, task: TaskT) -> None:
        with self._changes:
            if self._closed:
                task.cancel_event.set()
                return
            self._waiting.append(task)
            self._start_workers()

    def withdraw(self, should_go: Callable[[TaskT], bool]) -> list[TaskT]:
        """Take the waiting tasks ``should_go`` picks out of the lane (they never start); the ones taken."""
        with self._changes:
            taken = [task for task in self._waiting if should_go(task)]
            for task in taken:
                self._waiting.remove(task)
            return taken

    def counts(self) -> tuple[int, int]:
        """(waiting, running)."""
        with self._changes:
            return len(self._waiting), len(self._running)

    def wait_until_idle(self, timeout: float | None = None) -> bool:
        """Block until nothing waits or runs; False when ``timeout`` passed first."""
        with self._changes:
            return self._changes.wait_for(lambda: not self._waiting and not self._running, timeout)

    def close(self) -> None:
        """Drop the waiting tasks (each one's cancel event set) and cancel the running ones; no new task starts."""
        with self._changes:
            self._closed = True
            for task in (*self._waiting, *self._running):
                task.cancel_event.set()
            self._waiting.clear()
            self._changes.notify_all()

    def join(self, deadline: float) -> bool:
        """Wait for the workers until ``deadline`` (time.monotonic()); False if one still runs then."""
        with self._changes:
            workers = list(self._workers)
        for worker in workers:
            worker.join(max(0.0, deadline - time.monotonic()))
        still_running = [worker.name for worker in workers if worker.is_alive()]
        if still_running:
            log.warning("lane %s: %s still finishing a step that cannot be interrupted", self.name, still_running)
        return not still_running

    def _start_workers(self) -> None:
        """Called with the lock held: a worker for each waiting task no idle worker will take, within capacity.

        A worker leaves ``_workers`` (under the lock) when it finds nothing to do, so every listed
        worker either runs a task or is about to take one.
        """
        idle = len(self._workers) - len(self._running)
        wanted = len(self._waiting) - idle
        if self._capacity is not None:
            wanted = min(wanted, self._capacity - len(self._workers))
        for _ in range(max(0, wanted)):
            self._started_workers += 1
            worker = threading.Thread(target=self._work, name=f"{self.name}-{self._started_workers}", daemon=False)
            self._workers.append(worker)
            worker.start()

    def _work(self) -> None:
        while (task := self._next_task()) is not None:
            try:
                self._execute(task)
            except Exception:
                log.exception("lane %s: a task's runner failed", self.name)
            finally:
                with self._changes:
                    self._running.remove(task)
                    self._changes.notify_all()

    def _next_task(self) -> TaskT | None:
        with self._changes:
            over_capacity = self._capacity is not None and len(self._running) >= self._capacity
            if self._closed or not self._waiting or over_capacity:
                self._workers.remove(threading.current_thread())
                return None
            task = self._waiting.popleft()
            self._running.append(task)
            return task
