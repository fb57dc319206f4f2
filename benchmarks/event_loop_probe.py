"""The GUI thread's stalls, seen by a 5 ms timer: how long each gap between its ticks lasted, and how
much of it the GUI thread itself spent computing.

The wall-clock gap is what a user would feel; on a machine whose cores are shared with other work it
also counts the time the process waited for a core. The GUI thread's CPU time within each gap does
not: it tells the application's own cost apart from the machine's load.
"""

from __future__ import annotations

import statistics
import time
from typing import Any

from PySide6.QtCore import QTimer

TICK_MS = 5


class EventLoopProbe:
    def __init__(self) -> None:
        self.gaps_ms: list[float] = []
        self.cpu_ms: list[float] = []
        self._timer = QTimer()
        self._timer.setInterval(TICK_MS)
        self._timer.timeout.connect(self._tick)
        self._last = (0.0, 0.0)

    def start(self) -> None:
        self._last = (time.perf_counter(), time.thread_time())
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def _tick(self) -> None:
        now = (time.perf_counter(), time.thread_time())
        self.gaps_ms.append((now[0] - self._last[0]) * 1000)
        self.cpu_ms.append((now[1] - self._last[1]) * 1000)
        self._last = now

    def stall_figures(self) -> dict[str, Any]:
        """The longest and 99th-percentile gaps beyond the interval, and the most CPU the GUI thread spent in one."""
        stalls = sorted(max(0.0, gap - TICK_MS) for gap in self.gaps_ms[1:]) or [0.0]
        return {"longest_stall_ms": round(stalls[-1], 1), "p99_stall_ms": round(stalls[int(len(stalls) * 0.99)], 1),
                "longest_stall_cpu_ms": round(max(self.cpu_ms[1:], default=0.0), 1)}

    def figures(self) -> dict[str, Any]:
        gaps, cpu = sorted(self.gaps_ms[1:]), sorted(self.cpu_ms[1:])
        if not gaps:
            return {}
        return {
            "loop_gap_median_ms": round(statistics.median(gaps), 1),
            "loop_gap_p99_ms": round(gaps[int(len(gaps) * 0.99)], 1), "loop_gap_max_ms": round(gaps[-1], 1),
            "loop_gap_cpu_p99_ms": round(cpu[int(len(cpu) * 0.99)], 1), "loop_gap_cpu_max_ms": round(cpu[-1], 1),
            "loop_ticks": len(gaps),
        }
