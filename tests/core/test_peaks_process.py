"""A long file's peaks computed in a child process: the same peaks as on a thread, progress in pieces,
a cancel that ends the child at once, failures as one sentence."""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import signal
import sys
import threading
import time
from multiprocessing.process import BaseProcess
from pathlib import Path

import numpy as np
import pytest
import soundfile

from app.core.errors import AudioDecodeError, Cancelled
from app.core.peaks_process import IN_PROCESS_UNDER_SECONDS, compute_peaks_in_process
from app.core.thread_priority import IDLE_WHILE_PLAYING, LEAST_NICENESS, autogroups_on, group_niceness, is_idle
from app.core.waveform_peaks import compute_peaks


@pytest.fixture(scope="module")
def long_flac(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Just over the child-process threshold: noise whose loudness swells and fades, 8 kHz mono."""
    seconds = IN_PROCESS_UNDER_SECONDS + 30
    rng = np.random.default_rng(5)
    count = int(8_000 * seconds)
    envelope = np.abs(np.sin(np.linspace(0, 40, count)))
    path = tmp_path_factory.mktemp("long") / "long.flac"
    soundfile.write(path, (rng.uniform(-0.8, 0.8, count) * envelope).astype(np.float32), 8_000, subtype="PCM_16")
    return path


def test_the_child_gives_the_threads_peaks_with_progress_in_pieces(long_flac: Path) -> None:
    reports: list[tuple[float, int, int]] = []
    children: list[int] = []

    def progress(fraction: float, partial: np.ndarray) -> None:
        reports.append((fraction, int(np.isfinite(partial[:, 0]).sum()), len(partial)))
        children.extend(child.pid or 0 for child in multiprocessing.active_children())

    in_child = compute_peaks_in_process(long_flac, progress)
    on_threads = compute_peaks(long_flac)
    np.testing.assert_array_equal(in_child.base, on_threads.base)
    assert children, "the peaks were not computed in a child process"
    fractions = [fraction for fraction, _ready, _total in reports]
    assert fractions == sorted(fractions) and fractions[-1] == 1.0
    assert len(reports) >= 2 and 0 < reports[0][1] <= reports[-2][1] < reports[-1][2]  # pieces before the end


def test_cancel_kills_the_child_at_once(long_flac: Path) -> None:
    cancel = threading.Event()
    started = threading.Event()
    failure: list[BaseException] = []

    children: list[BaseProcess] = []

    def first_piece(_fraction: float, _partial: np.ndarray) -> None:
        if not started.is_set():  # held still, the child can only end by being killed
            children.extend(multiprocessing.active_children())
            for child in children:
                os.kill(child.pid or 0, signal.SIGSTOP)
        started.set()
        cancel.wait(10)  # the cancel is seen before the next message

    def compute() -> None:
        try:
            compute_peaks_in_process(long_flac, first_piece, cancel)
        except BaseException as error:
            failure.append(error)

    worker = threading.Thread(target=compute)
    worker.start()
    assert started.wait(30)
    cancel.set()
    cancelled_at = time.monotonic()
    worker.join(10)
    assert not worker.is_alive() and time.monotonic() - cancelled_at < 2
    assert len(failure) == 1 and isinstance(failure[0], Cancelled)
    assert children and not any(child.is_alive() for child in children)


def test_a_long_file_damaged_midway_is_one_sentence_or_its_readable_part(long_flac: Path, tmp_path: Path) -> None:
    cut = tmp_path / "cut.flac"
    cut.write_bytes(long_flac.read_bytes()[: long_flac.stat().st_size // 2])
    pyramid = compute_peaks_in_process(cut)  # the header still says 150 s: the child decodes what there is
    assert 0 < pyramid.duration < IN_PROCESS_UNDER_SECONDS
    garbage = tmp_path / "garbage.flac"
    garbage.write_bytes(long_flac.read_bytes()[:4096] + b"\0" * 4096)
    with pytest.raises(AudioDecodeError, match=r"Cannot draw the waveform of “garbage\.flac”"):
        compute_peaks_in_process(garbage)


def test_a_child_that_dies_is_one_sentence(long_flac: Path) -> None:
    """A decoder crashing on a damaged file ends the child, not the app: here the child is killed as it starts."""

    def kill_the_child() -> None:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            for child in multiprocessing.active_children():
                child.kill()
                return
            time.sleep(0.005)

    killer = threading.Thread(target=kill_the_child)
    killer.start()
    with pytest.raises(AudioDecodeError, match=r"Cannot draw the waveform of “long\.flac”: its decoder stopped"):
        compute_peaks_in_process(long_flac)
    killer.join()


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="scheduling groups and idle priority are Linux's")
def test_the_child_runs_in_its_own_session_and_idle_while_media_plays(long_flac: Path) -> None:
    seen: list[tuple[bool, bool, int | None]] = []

    def progress(_fraction: float, _partial: np.ndarray) -> None:
        for child in multiprocessing.active_children():
            with contextlib.suppress(OSError):  # it may be ending
                tasks = [int(task.name) for task in Path(f"/proc/{child.pid}/task").iterdir()]
                seen.append((os.getsid(child.pid) == child.pid, all(is_idle(tid) for tid in tasks),
                             group_niceness(child.pid or 0)))

    player = object()
    IDLE_WHILE_PLAYING.player_playing(player, True)
    try:
        compute_peaks_in_process(long_flac, progress)
    finally:
        IDLE_WHILE_PLAYING.player_playing(player, False)
    least = LEAST_NICENESS if autogroups_on() else None  # the test's own process may sit in the root group
    assert seen and all(own_session and idle for own_session, idle, _group in seen)
    assert {group for _own, _idle, group in seen} == {least}
