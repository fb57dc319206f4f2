"""The player against a real audio device: what it plays arrives in the PulseAudio null sink."""

from __future__ import annotations

import itertools
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest
import soundfile
from PySide6.QtCore import SIGNAL
from PySide6.QtMultimedia import QAudioOutput, QMediaPlayer

from app.core.audio import decode_audio
from app.core.thread_priority import BACKGROUND_NICENESS, IDLE_WHILE_PLAYING, is_idle, threads_named
from app.ui.playback.player import PlaybackController
from tests.conftest import JFK_REFERENCE
from tests.devices.window_playback import QT_MULTIMEDIA_LOGS, WindowPlayback
from tests.pulseaudio_server import PulseAudioServer, rms
from tests.speech import word_error_rate

pytestmark = QT_MULTIMEDIA_LOGS


@pytest.fixture
def controller(pulseaudio: PulseAudioServer, qtbot, jfk_path: Path) -> Iterator[PlaybackController]:
    """A player on the test sink (the fixture order makes Qt Multimedia meet PULSE_SERVER first)."""
    player = PlaybackController()
    with qtbot.waitSignal(player.media_opened, timeout=10_000):
        player.open(jfk_path)
    yield player
    player.close()
    with qtbot.waitSignal(player.destroyed):  # Qt's PulseAudio stream goes with it, not at some later collection
        player.deleteLater()


def record_while(pulseaudio: PulseAudioServer, path: Path, qtbot, play_until) -> np.ndarray:
    recorder = pulseaudio.record(path)
    time.sleep(0.3)
    try:
        play_until()
        qtbot.wait(300)
    finally:
        recorder.stop()
    samples, rate = soundfile.read(path, dtype="float32")
    assert rate == 16_000
    return samples


def spectral_centroid(samples: np.ndarray) -> float:
    loud = samples[np.abs(samples) > 0.02]
    spectrum = np.abs(np.fft.rfft(loud))
    frequencies = np.fft.rfftfreq(len(loud), 1 / 16_000)
    return float((spectrum * frequencies).sum() / spectrum.sum())


def test_speech_played_arrives_in_the_sink_and_the_position_follows(jfk_played_by_the_window: WindowPlayback) -> None:
    """The window's player plays the whole file (see window_playback, shared with the window's test)."""
    played = jfk_played_by_the_window
    samples, rate = soundfile.read(played.monitor_recording, dtype="float32")
    assert rate == 16_000
    assert len(samples) / 16_000 > 10.5
    assert rms(samples) > 0.02
    assert word_error_rate(JFK_REFERENCE, played.heard.text) < 0.3
    positions = [tick.seconds for tick in played.ticks]
    assert positions == sorted(positions)  # smooth: never backwards while playing
    assert positions[-1] > 10.5
    assert len(played.ticks) > 11 * 20  # ~30 Hz, not the player's 10 Hz reports
    steps = np.diff(positions)
    assert np.median(steps[steps > 0]) < 0.05


def test_double_speed_plays_twice_as_fast_with_the_pitch_kept(
    controller: PlaybackController, pulseaudio: PulseAudioServer, qtbot, tmp_path: Path, jfk_path: Path
) -> None:
    assert controller.pitch_kept
    reports: list[tuple[float, float]] = []
    controller.findChild(QMediaPlayer).positionChanged.connect(
        lambda ms: reports.append((time.monotonic(), ms / 1000)))
    controller.seek(1.0)

    def play_at_double_speed() -> None:
        controller.play()
        qtbot.waitUntil(lambda: controller.current_position() > 1.5, timeout=10_000)
        controller.set_rate(2.0)
        reports.clear()
        qtbot.waitUntil(lambda: len(reports) > 25, timeout=15_000)
        controller.pause()

    fast = record_while(pulseaudio, tmp_path / "fast.wav", qtbot, play_at_double_speed)
    assert controller.rate == 2.0
    # report to report, the media advances twice as fast as the clock (the median ignores a stall of a busy machine)
    speeds = [(b[1] - a[1]) / (b[0] - a[0]) for a, b in itertools.pairwise(reports[2:]) if b[0] > a[0]]
    assert 1.6 < statistics.median(speeds) < 2.5
    original = decode_audio(jfk_path).samples
    # chipmunk speech would double the spectral centroid; kept pitch leaves it near the original's
    assert spectral_centroid(fast) / spectral_centroid(original) < 1.35


def test_a_loop_repeats_its_range(controller: PlaybackController, qtbot) -> None:
    seen: list[float] = []
    controller.position_ticked.connect(seen.append)
    controller.set_loop_range(2.0, 3.0)
    assert controller.current_position() == 2.0

    def wraps() -> int:
        return sum(1 for before, after in itertools.pairwise(seen) if after < before - 0.5)

    controller.play()
    qtbot.waitUntil(lambda: wraps() >= 2, timeout=15_000)  # the FFmpeg backend takes ~1.5 s to resume after a seek
    looped = list(seen)
    controller.pause()
    assert min(looped) >= 2.0 and max(looped) < 3.2


def test_pause_rewinds_one_second_and_skips_move_five(controller: PlaybackController, qtbot) -> None:
    controller.seek(4.0)
    controller.play()
    qtbot.waitUntil(lambda: controller.current_position() > 5.0, timeout=10_000)
    controller.pause()
    assert 3.9 < controller.current_position() < 4.6
    controller.skip_forward()
    assert 8.9 < controller.current_position() < 9.6
    controller.skip_back()
    controller.skip_back()
    assert controller.current_position() < 0.6
    controller.rewind_on_pause = False
    controller.seek(6.0)
    controller.play()
    qtbot.waitUntil(lambda: controller.current_position() > 6.5, timeout=10_000)
    controller.pause()
    assert controller.current_position() > 6.5


def niceness_of_threads(prefix: str) -> list[int]:
    """The niceness of this process's threads whose kernel name starts with ``prefix``."""
    return [os.getpriority(os.PRIO_PROCESS, tid) for tid in threads_named((prefix,))]


def cores_of_threads(prefix: str) -> list[set[int]]:
    """The cores each of this process's threads whose kernel name starts with ``prefix`` may run on."""
    return [os.sched_getaffinity(tid) for tid in threads_named((prefix,))]


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="thread priorities are Linux's")
def test_while_playing_qt_s_readers_ahead_yield_and_background_processes_idle(
    controller: PlaybackController, qtbot
) -> None:
    sleeper = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    IDLE_WHILE_PLAYING.add(sleeper.pid)
    try:
        controller.play()
        qtbot.waitUntil(lambda: niceness_of_threads("QFFmpeg::Demux") == [BACKGROUND_NICENESS], timeout=5_000)
        assert niceness_of_threads("QFFmpeg::Stream") == [BACKGROUND_NICENESS]  # the audio decoder
        assert set(niceness_of_threads("QFFmpeg::AudioR")) == {os.getpriority(os.PRIO_PROCESS, 0)}  # the output's
        cores = os.sched_getaffinity(0)
        if len(cores) > 1:  # and they leave a core to the GUI thread
            assert cores_of_threads("QFFmpeg::Demux") == cores_of_threads("QFFmpeg::Stream") == [cores - {min(cores)}]
            assert set(map(frozenset, cores_of_threads("QFFmpeg::AudioR"))) == {frozenset(cores)}
        assert is_idle(sleeper.pid)
        qtbot.waitUntil(lambda: controller.current_position() > 0.5, timeout=10_000)  # and it plays on
        controller.pause()
        assert not IDLE_WHILE_PLAYING.playing
    finally:
        IDLE_WHILE_PLAYING.discard(sleeper.pid)
        sleeper.kill()
        sleeper.wait()


def test_qt_s_audio_thread_lets_go_of_the_audio_output_while_the_gui_thread_holds_the_gil(
    controller: PlaybackController, qtbot
) -> None:
    """Stopping makes Qt's FFmpeg thread delete its audio renderer, whose connections to our QAudioOutput go
    with it. Before, that thread first asked for the GIL (PySide's override lookup of disconnectNotify) while
    holding a Qt mutex: with the GUI thread holding the GIL and waiting for a mutex of the same pool, the
    window froze. Now the connections go while this thread keeps the GIL."""
    audio, player = controller.findChild(QAudioOutput), controller.findChild(QMediaPlayer)
    signals = [SIGNAL("volumeChanged(float)"), SIGNAL("mutedChanged(bool)"), SIGNAL("deviceChanged()")]

    def connected() -> list[int]:
        return [audio.receivers(signal) for signal in signals]

    controller.play()
    qtbot.waitUntil(lambda: controller.is_playing and sum(connected()) > 0, timeout=10_000)
    playing = connected()
    interval = sys.getswitchinterval()
    sys.setswitchinterval(100.0)  # from here no other thread gets the GIL while this one runs
    try:
        player.stop()  # the renderer goes on Qt's thread
        deadline = time.monotonic() + 3
        while connected() == playing and time.monotonic() < deadline:
            pass
        let_go = connected() != playing
    finally:
        sys.setswitchinterval(interval)
    assert let_go
