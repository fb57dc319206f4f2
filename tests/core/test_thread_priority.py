"""Background threads and processes yield the cores to the window: a lowered thread, threads found by name,
child processes at idle priority while media plays and in a scheduling group of their own (Linux)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.core.thread_priority import (
    BACKGROUND_NICENESS,
    LEAST_NICENESS,
    IdleWhilePlaying,
    autogroups_on,
    group_niceness,
    is_idle,
    lower_this_thread,
    set_process_idle,
    yield_threads_named,
)

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="thread priorities are Linux's")


def niceness(tid: int) -> int:
    return os.getpriority(os.PRIO_PROCESS, tid)


def in_a_thread(work) -> dict[str, int]:
    """Run ``work`` in a new thread; the thread's niceness after it."""
    seen: dict[str, int] = {}

    def run() -> None:
        work()
        seen["niceness"] = niceness(threading.get_native_id())

    thread = threading.Thread(target=run)
    thread.start()
    thread.join(5)
    return seen


def start_sleeper(own_session: bool) -> subprocess.Popen[bytes]:
    """A child process with two threads (in a session of its own: a scheduling group of its own)."""
    code = "import threading, time; threading.Thread(target=time.sleep, args=(30,)).start(); time.sleep(30)"
    process = subprocess.Popen([sys.executable, "-c", code], start_new_session=own_session)
    while len(list(Path(f"/proc/{process.pid}/task").iterdir())) < 2:
        pass
    return process


@pytest.fixture
def sleeper() -> Iterator[subprocess.Popen[bytes]]:
    process = start_sleeper(own_session=True)
    yield process
    process.kill()
    process.wait()


def test_a_thread_lowers_itself_and_no_other() -> None:
    before = niceness(threading.get_native_id())
    seen = in_a_thread(lower_this_thread)
    assert seen["niceness"] == max(before, BACKGROUND_NICENESS)
    assert niceness(threading.get_native_id()) == before


@pytest.fixture
def reader_and_output() -> Iterator[dict[str, int]]:
    """Two threads named as a reader ahead and an audio output would be: their native ids by name."""
    barrier = threading.Barrier(3)
    seen: dict[str, int] = {}

    def named(name: str) -> None:
        Path("/proc/thread-self/comm").write_text(name)
        seen[name] = threading.get_native_id()
        barrier.wait(5)  # both named
        barrier.wait(5)  # the test done

    threads = [threading.Thread(target=named, args=(name,)) for name in ("EarshotReader", "EarshotOutput")]
    for thread in threads:
        thread.start()
    barrier.wait(5)
    try:
        yield seen
    finally:
        barrier.wait(5)
        for thread in threads:
            thread.join(5)


def test_threads_are_lowered_and_leave_the_window_a_core_by_their_kernel_names(
    reader_and_output: dict[str, int],
) -> None:
    """Qt's readers refilling after a seek held both cores for a scheduler tick while the GUI thread waited."""
    lower = min(19, niceness(threading.get_native_id()) + 2)  # the suite may itself run niced
    allowed = os.sched_getaffinity(0)
    assert yield_threads_named(("EarshotRead",), lower) == 1
    assert niceness(reader_and_output["EarshotReader"]) == lower
    assert os.sched_getaffinity(reader_and_output["EarshotReader"]) == (allowed - {min(allowed)} or allowed)
    assert niceness(reader_and_output["EarshotOutput"]) == niceness(threading.get_native_id())
    assert os.sched_getaffinity(reader_and_output["EarshotOutput"]) == allowed


def test_a_process_goes_idle_and_back_to_its_niceness(sleeper: subprocess.Popen[bytes]) -> None:
    tasks = [int(task.name) for task in Path(f"/proc/{sleeper.pid}/task").iterdir()]
    autogroups = group_niceness(sleeper.pid) is not None
    cores = os.sched_getaffinity(0)
    assert set_process_idle(sleeper.pid, True)
    assert all(is_idle(tid) for tid in tasks)
    assert group_niceness(sleeper.pid) == (LEAST_NICENESS if autogroups else None)
    # an idle thread in a group of its own still held a core for a tick when its group was picked
    assert all(os.sched_getaffinity(tid) == (cores - {min(cores)} or cores) for tid in tasks)
    restored = set_process_idle(sleeper.pid, False)  # unprivileged, only with room under RLIMIT_NICE
    assert [is_idle(tid) for tid in tasks] == [not restored] * len(tasks)
    assert group_niceness(sleeper.pid) == (BACKGROUND_NICENESS if autogroups else None)
    assert all(os.sched_getaffinity(tid) == cores for tid in tasks)


def test_the_window_s_own_scheduling_group_is_never_lowered() -> None:
    ours = group_niceness(os.getpid())
    process = start_sleeper(own_session=False)  # it shares our session, so our group
    try:
        set_process_idle(process.pid, True)
        assert is_idle(process.pid)
        assert group_niceness(os.getpid()) == ours
    finally:
        process.kill()
        process.wait()


def test_processes_are_idle_while_any_player_plays(sleeper: subprocess.Popen[bytes]) -> None:
    processes = IdleWhilePlaying()
    first, second = object(), object()
    processes.player_playing(first, True)
    processes.add(sleeper.pid)  # a process started during playback starts idle
    assert is_idle(sleeper.pid)
    processes.player_playing(second, True)
    processes.player_playing(first, False)
    assert is_idle(sleeper.pid) and processes.playing  # the second one still plays
    processes.player_playing(second, False)
    assert not processes.playing
    assert is_idle(sleeper.pid) == (not set_process_idle(sleeper.pid, False))  # back, where the system allows it
    processes.discard(sleeper.pid)
    processes.player_playing(first, True)
    assert not is_idle(sleeper.pid) or not set_process_idle(sleeper.pid, False)  # a discarded process is left alone


def test_a_child_leaves_the_window_s_scheduling_group() -> None:
    code = (
        "import json, os\n"
        "from app.core.thread_priority import group_niceness, leave_the_window_s_group\n"
        "left = leave_the_window_s_group()\n"
        "print(json.dumps({'left': left, 'leads_session': os.getsid(0) == os.getpid(),\n"
        "                  'group': group_niceness(os.getpid())}))\n"
    )
    root = Path(__file__).resolve().parents[2]
    result = json.loads(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                                       cwd=root).stdout)
    autogroups = autogroups_on()  # the test's own process may sit in the root group, which shows none
    assert result["leads_session"]
    assert result["left"] == autogroups
    assert result["group"] == (BACKGROUND_NICENESS if autogroups else None)
