"""A lane runs at most N tasks at once, in order; closing never starts what waits; a bug in a task is not the lane's."""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field

import pytest

from app.core.work_lanes import WorkLane


@dataclass(eq=False)
class Task:
    name: str
    release: threading.Event = field(default_factory=threading.Event)
    cancel_event: threading.Event = field(default_factory=threading.Event)
    explode: bool = False


class Recorder:
    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.started: list[str] = []
        self.running = 0
        self.most_at_once = 0

    def execute(self, task: Task) -> None:
        with self.lock:
            self.started.append(task.name)
            self.running += 1
            self.most_at_once = max(self.most_at_once, self.running)
        try:
            if task.explode:
                raise ZeroDivisionError("a bug")
            while not task.release.wait(0.01) and not task.cancel_event.is_set():
                pass
        finally:
            with self.lock:
                self.running -= 1


def test_at_most_capacity_tasks_run_at_once_in_the_order_they_came() -> None:
    recorder = Recorder()
    lane = WorkLane("test", 3, recorder.execute)
    tasks = [Task(str(n)) for n in range(8)]
    for task in tasks:
        lane.submit(task)
    deadline = time.monotonic() + 5
    while lane.counts() != (5, 3) and time.monotonic() < deadline:
        time.sleep(0.01)
    assert lane.counts() == (5, 3)
    for task in tasks:
        task.release.set()
    assert lane.wait_until_idle(5)
    assert recorder.started[:3] == ["0", "1", "2"] and sorted(recorder.started) == [str(n) for n in range(8)]
    assert recorder.most_at_once == 3


def test_a_task_that_raises_does_not_stop_the_lane() -> None:
    recorder = Recorder()
    lane = WorkLane("test", 1, recorder.execute)
    healthy = Task("healthy")
    healthy.release.set()
    lane.submit(Task("broken", explode=True))
    lane.submit(healthy)
    assert lane.wait_until_idle(5)
    assert recorder.started == ["broken", "healthy"]


def test_closing_cancels_what_runs_and_never_starts_what_waits() -> None:
    recorder = Recorder()
    lane = WorkLane("test", 1, recorder.execute)
    running, waiting = Task("running"), Task("waiting")
    lane.submit(running)
    lane.submit(waiting)
    while lane.counts() != (1, 1):
        time.sleep(0.01)
    lane.close()
    assert lane.join(time.monotonic() + 1)
    assert recorder.started == ["running"]
    assert running.cancel_event.is_set() and waiting.cancel_event.is_set()
    late = Task("late")
    lane.submit(late)
    assert late.cancel_event.is_set() and lane.counts() == (0, 0)


def test_withdrawn_tasks_never_start_and_capacity_can_grow() -> None:
    recorder = Recorder()
    lane = WorkLane("test", 1, recorder.execute)
    tasks = [Task(str(n)) for n in range(4)]
    for task in tasks:
        lane.submit(task)
    assert [t.name for t in lane.withdraw(lambda t: t.name == "2")] == ["2"]
    lane.set_capacity(None)  # every task at once
    deadline = time.monotonic() + 5
    while lane.counts() != (0, 3) and time.monotonic() < deadline:
        time.sleep(0.01)
    assert lane.counts() == (0, 3)
    for task in tasks:
        task.release.set()
    assert lane.wait_until_idle(5)
    assert sorted(recorder.started) == ["0", "1", "3"]
    with pytest.raises(ValueError):
        lane.set_capacity(0)
