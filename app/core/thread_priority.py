"""Background threads and processes yield the cores to the window's GUI thread (Linux; elsewhere nothing).

On two cores the window's event loop stalled while our own background work held both: Qt's FFmpeg
demuxer and decoder refilling after each seek, the waveform's peaks child. Linux schedules threads: a
nice value set with ``setpriority(PRIO_PROCESS, thread id)`` applies to that one thread (and to the
threads and processes it starts later), so the GUI thread, at the normal priority, gets most of a
core's time against them. SCHED_IDLE goes further: such a thread runs only on a core nothing else of
its group wants, and it still runs whenever one is free. The audio output threads are never lowered:
their underruns would be heard. Nor are the process's Python threads: one lowered while it holds the
GIL keeps the GUI thread waiting for the GIL as long as it waits for a core (priority inversion).

A lower weight is not enough after a seek: Qt's demuxer and decoder then both refill at once, one on each
of two cores, and a woken GUI thread waits for the end of one's time slice (a scheduler tick, 4 ms at
250 Hz) before it runs. Nor is SCHED_IDLE in a group of its own: the group itself competes with the
window's at its group weight, and when picked at a tick its threads hold the core for a slice. So while
media plays both the readers and the idle children are kept off one core, left to the GUI thread.

Nice values order threads within one scheduling group. With the kernel's autogroups (a group per
session: the default on desktops and on the build machine) each busy session gets the same share of a
core, and a busy child in the window's session spends the window's share: the GUI thread then waits
longer behind other sessions. So a background child process leads a session of its own, whose group
runs at BACKGROUND_NICENESS, and at the least weight (19) while media plays. A group's nice value may
be raised and lowered again by its owner; a thread back from SCHED_IDLE needs room under RLIMIT_NICE
(or CAP_SYS_NICE), so that part is best effort and said.
"""

from __future__ import annotations

import contextlib
import os
import sys
import threading
from collections.abc import Iterable
from pathlib import Path

BACKGROUND_NICENESS = 10  # the weight of a nice-10 thread is a tenth of a normal one's
LEAST_NICENESS = 19
_LINUX = sys.platform.startswith("linux")
_AUTOGROUPS_ON = Path("/proc/sys/kernel/sched_autogroup_enabled")


def lower_this_thread(niceness: int = BACKGROUND_NICENESS) -> bool:
    """Run the calling thread (and what it starts from now on) at ``niceness`` or lower; whether it was done."""
    if not _LINUX:
        return False
    return _lower(threading.get_native_id(), niceness)


def yield_threads_named(prefixes: Iterable[str], niceness: int = BACKGROUND_NICENESS) -> int:
    """Lower this process's threads whose kernel name (15 characters at most) starts with one of ``prefixes``
    (threads of native libraries, such as Qt's "QFFmpeg::Demuxer") and keep them off the first core the
    process may use, so the GUI thread (never moved) finds one none of them holds; how many are at
    ``niceness`` now."""
    if not _LINUX:
        return 0
    theirs = _cores_but_the_window_s()
    lowered = 0
    for tid in threads_named(prefixes):
        if _lower(tid, niceness):
            lowered += 1
            with contextlib.suppress(OSError):  # the thread ended
                if theirs:
                    os.sched_setaffinity(tid, theirs)
    return lowered


def leave_the_window_s_group() -> bool:
    """In a child process: a session of its own, so a scheduling group of its own (Linux autogroups), at
    BACKGROUND_NICENESS; whether there is such a group."""
    if not _LINUX:
        return False
    with contextlib.suppress(OSError):  # a process group leader already: it stays where it is
        os.setsid()
    return os.getsid(0) == os.getpid() and _set_group_niceness(os.getpid(), BACKGROUND_NICENESS)


def set_process_idle(pid: int, idle: bool) -> bool:
    """Every thread of process ``pid`` at idle priority (SCHED_IDLE), off the core left to the window (as
    yield_threads_named does), and its own group (if it leads a session) at the least weight; or back to the
    normal policy, every core and BACKGROUND_NICENESS. Whether all of it was done."""
    if not _LINUX:
        return False
    policy = os.SCHED_IDLE if idle else os.SCHED_OTHER
    cores = _cores_but_the_window_s() if idle else os.sched_getaffinity(0)
    done = True
    for tid in _threads_of(str(pid)):
        try:
            os.sched_setscheduler(tid, policy, os.sched_param(0))
        except ProcessLookupError:
            continue  # the thread ended
        except OSError:  # not allowed: back from SCHED_IDLE needs RLIMIT_NICE room or CAP_SYS_NICE
            done = False
        with contextlib.suppress(OSError):
            if cores:
                os.sched_setaffinity(tid, cores)
    with contextlib.suppress(OSError):
        if os.getsid(pid) == pid:  # never the group of the window's own session
            done = _set_group_niceness(pid, LEAST_NICENESS if idle else BACKGROUND_NICENESS) and done
    return done


def is_idle(tid: int) -> bool:
    """Whether thread ``tid`` runs at idle priority (Linux)."""
    return _LINUX and os.sched_getscheduler(tid) == os.SCHED_IDLE


def group_niceness(pid: int) -> int | None:
    """The nice value of the autogroup of process ``pid``, or None without autogroups or in the root group
    (a process of init's session, as in some containers: the kernel then shows no group)."""
    try:
        return int(Path(f"/proc/{pid}/autogroup").read_text().split()[-1]) if autogroups_on() else None
    except (OSError, ValueError, IndexError):
        return None


class IdleWhilePlaying:
    """Child processes of background work (the waveform's peaks) that run at idle priority while media plays.

    The players say when they play and stop; a process added while one plays becomes idle at once (add it
    again once it leads its own session, so its group goes idle too). Thread-safe: processes come and go on
    worker threads, players live on the GUI thread.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._pids: set[int] = set()
        self._players: set[int] = set()  # id() of each player playing now

    @property
    def playing(self) -> bool:
        with self._lock:
            return bool(self._players)

    def add(self, pid: int) -> None:
        with self._lock:
            self._pids.add(pid)
            if self._players:
                set_process_idle(pid, True)

    def discard(self, pid: int) -> None:
        with self._lock:
            self._pids.discard(pid)

    def player_playing(self, player: object, playing: bool) -> None:
        with self._lock:
            was_playing = bool(self._players)
            if playing:
                self._players.add(id(player))
            else:
                self._players.discard(id(player))
            if bool(self._players) != was_playing:
                for pid in self._pids:
                    set_process_idle(pid, bool(self._players))


IDLE_WHILE_PLAYING = IdleWhilePlaying()  # the process's one registry


def _cores_but_the_window_s() -> set[int] | None:
    """The cores this process may use but the first, left to the GUI thread; None with a single core."""
    allowed = os.sched_getaffinity(0)
    return allowed - {min(allowed)} if len(allowed) > 1 else None


def threads_named(prefixes: Iterable[str]) -> list[int]:
    """This process's threads whose kernel name starts with one of ``prefixes`` (Linux; elsewhere none)."""
    wanted = tuple(prefixes)
    named = []
    for tid in _threads_of("self"):
        with contextlib.suppress(OSError):
            if Path(f"/proc/self/task/{tid}/comm").read_text().startswith(wanted):
                named.append(tid)
    return named


def _threads_of(pid: str) -> list[int]:
    try:
        return [int(task.name) for task in Path(f"/proc/{pid}/task").iterdir()]
    except (OSError, ValueError):
        return []


def _lower(tid: int, niceness: int) -> bool:
    try:
        if os.getpriority(os.PRIO_PROCESS, tid) < niceness:
            os.setpriority(os.PRIO_PROCESS, tid, niceness)
    except OSError:  # the thread ended, or the platform refuses
        return False
    return True


def autogroups_on() -> bool:
    """Whether the kernel groups each session's threads for scheduling (Linux autogroups)."""
    try:
        return _AUTOGROUPS_ON.read_text().strip() == "1"
    except OSError:
        return False


def _set_group_niceness(pid: int, niceness: int) -> bool:
    if not autogroups_on():
        return False
    try:
        Path(f"/proc/{pid}/autogroup").write_text(str(niceness))
    except OSError:
        return False
    return True
