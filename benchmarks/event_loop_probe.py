"""The GUI thread's stalls, seen by a 5 ms timer: how long each gap between its ticks lasted, and how
much of it the GUI thread itself spent computing, waiting for a core, or blocked.

The wall-clock gap is what a user would feel; on a machine whose cores are shared with other work it
also counts the time the process waited for a core. The GUI thread's CPU time within each gap does
not: it tells the application's own cost apart from the machine's load. On Linux the kernel's
schedstat also gives the time the thread was ready but waiting for a core; what is left of a gap
beyond the timer's own interval is time the thread was blocked (on the GIL held by another thread of
the process, or another lock).

ThreadClock tells who else used the CPU over a run: the on-CPU time of each thread of the process
(Linux schedstat), named by Python's thread name or else the kernel's (Qt names its threads, such
as QFFmpeg::Demuxer), and of the process's child processes (the waveform's peaks child).
"""

from __future__ import annotations

import bisect
import statistics
import threading
import time
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QTimer

TICK_MS = 5
_SCHEDSTAT = Path("/proc/thread-self/schedstat")  # on-CPU ns, run-queue wait ns, time slices (Linux)


def run_queue_wait_ms() -> float | None:
    """The calling thread's time so far ready to run but without a core (Linux), in ms; None elsewhere."""
    try:
        return int(_SCHEDSTAT.read_text().split()[1]) / 1e6
    except (OSError, IndexError, ValueError):
        return None


def _on_cpu_ms(task: Path) -> float | None:
    try:
        return int((task / "schedstat").read_text().split()[0]) / 1e6
    except (OSError, IndexError, ValueError):
        return None


def _task_name(task: Path) -> str:
    try:
        return (task / "comm").read_text().strip()
    except OSError:
        return "?"


class ThreadClock:
    """On-CPU milliseconds of this process's threads and its children's, from start() to figures() (Linux)."""

    def __init__(self) -> None:
        self._started: dict[str, float] = {}

    def _now(self) -> dict[str, float]:
        python_names = {thread.native_id: thread.name for thread in threading.enumerate()}
        clocks: dict[str, float] = {}
        processes = [(Path("/proc/self"), "")]
        for children in Path("/proc/self/task").glob("*/children"):  # each thread's own children
            try:
                processes += [(Path(f"/proc/{pid}"), f"child {pid} ") for pid in children.read_text().split()]
            except OSError:
                continue
        for process, prefix in processes:
            for task in sorted(process.glob("task/*")):
                spent = _on_cpu_ms(task)
                if spent is not None:
                    name = python_names.get(int(task.name)) if not prefix else None
                    clocks[f"{prefix}{name or _task_name(task)} [{task.name}]"] = spent
        return clocks

    def start(self) -> None:
        self._started = self._now()

    def figures(self, at_least_ms: float = 20.0) -> dict[str, float]:
        """Each thread's CPU since start() (those over ``at_least_ms``), the busiest first."""
        spent = {name: ms - self._started.get(name, 0.0) for name, ms in self._now().items()}
        busiest = sorted(spent.items(), key=lambda item: -item[1])
        return {name: round(ms, 1) for name, ms in busiest if ms >= at_least_ms}


class EventLoopProbe:
    """A timer ticking every ``tick_ms`` on the event loop: a stall of S ms shows as a gap between S and
    S + tick_ms (the work may start anywhere between two ticks), so a finer tick bounds it closer."""

    def __init__(self, tick_ms: int = TICK_MS) -> None:
        self.tick_ms = tick_ms
        self.gaps_ms: list[float] = []
        self.tick_times: list[float] = []  # perf_counter() of each tick
        self.cpu_ms: list[float] = []
        self.core_wait_ms: list[float] = []  # ready to run but no core free (Linux only; else empty)
        self._timer = QTimer()
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.setInterval(tick_ms)
        self._timer.timeout.connect(self._tick)
        self._last: tuple[float, float, float | None] = (0.0, 0.0, None)

    def start(self) -> None:
        self._last = (time.perf_counter(), time.thread_time(), run_queue_wait_ms())
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def _tick(self) -> None:
        now = (time.perf_counter(), time.thread_time(), run_queue_wait_ms())
        self.tick_times.append(now[0])
        self.gaps_ms.append((now[0] - self._last[0]) * 1000)
        self.cpu_ms.append((now[1] - self._last[1]) * 1000)
        if now[2] is not None and self._last[2] is not None:
            self.core_wait_ms.append(now[2] - self._last[2])
        self._last = now

    def response_ms(self, since: float) -> float | None:
        """How long after ``since`` (a perf_counter() time) the event loop next ran the probe: the wait an
        input event arriving then would have had."""
        later = bisect.bisect_right(self.tick_times, since)
        return (self.tick_times[later] - since) * 1000 if later < len(self.tick_times) else None

    def stall_figures(self) -> dict[str, Any]:
        """The longest and 99th-percentile gaps beyond the interval, and the most CPU the GUI thread spent in one."""
        stalls = sorted(max(0.0, gap - self.tick_ms) for gap in self.gaps_ms[1:]) or [0.0]
        return {"longest_stall_ms": round(stalls[-1], 1), "p99_stall_ms": round(stalls[int(len(stalls) * 0.99)], 1),
                "longest_stall_cpu_ms": round(max(self.cpu_ms[1:], default=0.0), 1)}

    def blocked_ms(self) -> list[float]:
        """Per gap: the time beyond the interval that the thread neither ran nor waited for a core."""
        if len(self.core_wait_ms) != len(self.gaps_ms):
            return []
        return [max(0.0, gap - cpu - wait - self.tick_ms)
                for gap, cpu, wait in zip(self.gaps_ms, self.cpu_ms, self.core_wait_ms, strict=True)]

    def figures(self) -> dict[str, Any]:
        gaps, cpu = sorted(self.gaps_ms[1:]), sorted(self.cpu_ms[1:])
        if not gaps:
            return {}
        figures: dict[str, Any] = {
            "loop_gap_median_ms": round(statistics.median(gaps), 1),
            "loop_gap_p99_ms": round(gaps[int(len(gaps) * 0.99)], 1), "loop_gap_max_ms": round(gaps[-1], 1),
            "loop_gap_cpu_p99_ms": round(cpu[int(len(cpu) * 0.99)], 1), "loop_gap_cpu_max_ms": round(cpu[-1], 1),
            "loop_ticks": len(gaps),
        }
        blocked = self.blocked_ms()[1:]
        if blocked:
            longest = max(range(1, len(self.gaps_ms)), key=self.gaps_ms.__getitem__)
            figures |= {
                "longest_gap_cpu_core_wait_blocked_ms": [round(self.cpu_ms[longest], 1),
                                                         round(self.core_wait_ms[longest], 1),
                                                         round(self.blocked_ms()[longest], 1)],
                "loop_blocked_p99_ms": round(sorted(blocked)[int(len(blocked) * 0.99)], 1),
                "loop_blocked_max_ms": round(max(blocked), 1),
                "loop_core_wait_max_ms": round(max(self.core_wait_ms[1:]), 1),
            }
        return figures
