"""Recording from a real (PulseAudio) input: the file holds the speech, survives kill -9, and a lost device."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import soundfile

from app.core.audio import decode_audio
from app.core.errors import RecordingError
from app.core.recording import Recorder, find_input_device, find_unfinished_recordings, list_input_devices
from app.core.recording.unfinished import marker_path
from app.engines.base import JobContext, TranscriptionOptions, run_transcription
from tests.conftest import JFK_REFERENCE, REPO_ROOT
from tests.devices.window_playback import QT_MULTIMEDIA_LOGS, WindowPlayback
from tests.pulseaudio_server import MONITOR_NAME, SINK_NAME, PulseAudioServer
from tests.speech import word_error_rate


@QT_MULTIMEDIA_LOGS
def test_a_recording_of_speech_played_into_the_sink_holds_that_speech(
    jfk_played_by_the_window: WindowPlayback, local_engine
) -> None:
    """The Recorder ran on the default input while the window played JFK (see window_playback)."""
    played = jfk_played_by_the_window
    result = played.recording
    assert played.marker_while_recording

    assert result.error is None and result.overflow_count == 0
    assert not marker_path(result.path).exists()
    assert played.loudest_level > 0.05
    info = soundfile.info(result.path)  # a clean stop writes the real length into the header
    assert info.format == "FLAC" and info.samplerate == 16000
    assert info.duration == pytest.approx(result.seconds, abs=0.01)
    assert result.seconds > 11.0
    transcript = run_transcription(local_engine, decode_audio(result.path), TranscriptionOptions(model="tiny.en"),
                                   JobContext())
    assert word_error_rate(JFK_REFERENCE, transcript.text) < 0.25


def test_kill_9_loses_at_most_about_a_second_and_the_recording_is_found_and_repaired(
    pulseaudio: PulseAudioServer, tmp_path: Path
) -> None:
    path = tmp_path / "killed.flac"
    with subprocess.Popen(
        [sys.executable, "-m", "tests.devices.record_process", str(path)],
        cwd=REPO_ROOT, stdout=subprocess.PIPE, text=True, env={**os.environ},
    ) as child:
        assert child.stdout is not None
        written = 0.0
        while written < 3.0:
            line = child.stdout.readline()
            assert line, "the recording child ended early"
            written = float(line)
        child.send_signal(signal.SIGKILL)
        child.wait(10)
        handed_to_file = max([written, *(float(line) for line in child.stdout.read().split())])

    assert marker_path(path).exists()
    assert decode_audio(path).duration > 0  # readable as it is, before any repair
    found = find_unfinished_recordings(tmp_path, stale_seconds=0)
    assert [r.path for r in found] == [path]
    assert not marker_path(path).exists()
    info = soundfile.info(path)
    assert info.duration == pytest.approx(found[0].seconds, abs=0.01)
    assert handed_to_file - 1.0 <= info.duration <= handed_to_file + 0.01


def test_a_device_that_vanishes_mid_recording_ends_it_with_one_sentence_and_keeps_the_file(
    pulseaudio: PulseAudioServer, tmp_path: Path
) -> None:
    path = tmp_path / "unplugged.flac"
    errors: list[RecordingError] = []
    recorder = Recorder(path, find_input_device("pulse"), sample_rate=16000, on_error=errors.append)
    recorder.start()
    deadline = time.monotonic() + 10
    while recorder.elapsed_seconds < 1.5 and time.monotonic() < deadline:
        time.sleep(0.05)
    try:
        pulseaudio.unplug_sink()
        assert recorder.wait(10), "the recording did not notice its device went away"
    finally:
        pulseaudio.plug_in_sink()
        pulseaudio.pactl("set-default-sink", SINK_NAME)
        pulseaudio.pactl("set-default-source", MONITOR_NAME)
    result = recorder.stop()

    assert isinstance(result.error, RecordingError) and errors == [result.error]
    message = str(result.error)
    assert "unplugged" in message and path.name in message and message.count(". ") == 0
    assert not marker_path(path).exists()
    assert soundfile.info(path).duration == pytest.approx(result.seconds, abs=0.01)
    assert result.seconds >= 1.5


def test_a_disk_that_refuses_more_ends_the_recording_with_one_sentence_and_keeps_what_was_written(
    pulseaudio: PulseAudioServer, jfk_path: Path, tmp_path: Path
) -> None:
    path = tmp_path / "full.flac"
    player = pulseaudio.play(jfk_path)  # speech: silence would take FLAC minutes to fill the limit
    try:
        finished = subprocess.run([sys.executable, "-m", "tests.devices.record_process", str(path), "40000"],
                                  cwd=REPO_ROOT, capture_output=True, text=True, timeout=60, env={**os.environ})
    finally:
        player.terminate()
        player.wait(10)
    last_line = finished.stdout.strip().splitlines()[-1]
    assert last_line == ("The recording “full.flac” could not be written any further: it stopped, "
                         "and what was recorded is kept.")
    find_unfinished_recordings(tmp_path, stale_seconds=0)  # repairs it if the close failed too
    assert not marker_path(path).exists()
    samples, rate = soundfile.read(path, dtype="float32")
    assert len(samples) / rate > 1.0 and path.stat().st_size <= 40000


def test_paused_time_is_not_recorded_and_the_level_rests_while_paused(pulseaudio: PulseAudioServer,
                                                                      tmp_path: Path) -> None:
    recorder = Recorder(tmp_path / "paused.flac", find_input_device("pulse"), sample_rate=16000)
    recorder.start()
    deadline = time.monotonic() + 10
    while recorder.elapsed_seconds < 1.0 and time.monotonic() < deadline:
        time.sleep(0.02)
    recorder.pause()
    time.sleep(0.3)  # blocks already queued when pause was pressed are still written
    at_pause = recorder.elapsed_seconds
    time.sleep(1.5)
    assert recorder.paused and recorder.elapsed_seconds == at_pause and recorder.level.peak == 0.0
    recorder.resume()
    while recorder.elapsed_seconds < at_pause + 1.0 and time.monotonic() < deadline + 5:
        time.sleep(0.02)
    result = recorder.stop()
    assert result.error is None
    assert soundfile.info(result.path).duration == pytest.approx(result.seconds, abs=0.01)
    assert at_pause + 1.0 <= result.seconds < at_pause + 1.5  # the paused 1.5 s are not in the file


def test_a_sample_rate_the_device_refuses_falls_back_to_its_own(pulseaudio: PulseAudioServer) -> None:
    device = find_input_device("pulse")
    assert Recorder(Path("unused.flac"), device, sample_rate=10_000_000).sample_rate == device.default_sample_rate
    assert Recorder(Path("unused.flac"), device, sample_rate=16000).sample_rate == 16000


def test_devices_are_listed_and_found_by_name_or_number(pulseaudio: PulseAudioServer) -> None:
    devices = list_input_devices()
    pulse = next(d for d in devices if d.name == "pulse")
    assert find_input_device(str(pulse.index)) == pulse
    assert find_input_device("PULSE") == pulse
    assert sum(d.is_default for d in devices) == 1
    with pytest.raises(RecordingError, match="no input device called “nowhere”"):
        find_input_device("nowhere")
    with pytest.raises(RecordingError, match="no input device number 999"):
        find_input_device("999")
