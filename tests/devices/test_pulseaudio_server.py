"""The test audio devices are real: what is played into the null sink is heard on its monitor."""

from __future__ import annotations

import time
from pathlib import Path

import sounddevice
import soundfile

from app.core.audio import decode_audio
from app.engines.base import JobContext, TranscriptionOptions, run_transcription
from tests.pulseaudio_server import MONITOR_NAME, PulseAudioServer, rms
from tests.speech import word_error_rate

LAST_WORDS_START = 7.7  # JFK's pause before the last sentence
LAST_WORDS = "ask what you can do for your country"


def test_speech_played_into_the_sink_is_recorded_from_its_monitor(
    pulseaudio: PulseAudioServer, jfk_path: Path, tmp_path: Path, local_engine
) -> None:
    jfk = decode_audio(jfk_path)
    last_words = tmp_path / "last-words.wav"  # its last 3.3 s: enough to hear, a third of the time to play
    soundfile.write(last_words, jfk.samples[int(LAST_WORDS_START * jfk.sample_rate):], jfk.sample_rate)
    recording = tmp_path / "monitor.wav"
    recorder = pulseaudio.record(recording)
    time.sleep(0.3)
    player = pulseaudio.play(last_words)
    assert player.wait(30) == 0
    time.sleep(0.3)
    recorder.stop()

    samples, rate = soundfile.read(recording, dtype="float32")
    assert rate == 16000
    assert len(samples) / rate > jfk.duration - LAST_WORDS_START  # in real time: (nearly) all of it arrived
    assert rms(samples) > 0.02
    clip = decode_audio(recording)
    transcript = run_transcription(local_engine, clip, TranscriptionOptions(model="tiny.en"), JobContext())
    assert word_error_rate(LAST_WORDS, transcript.text) < 0.25


def test_sounddevice_sees_the_server_and_records_what_is_played(pulseaudio: PulseAudioServer, jfk_path: Path) -> None:
    names = [device["name"] for device in sounddevice.query_devices()]
    assert "pulse" in names
    player = pulseaudio.play(jfk_path)
    try:
        block = sounddevice.rec(3 * 16000, samplerate=16000, channels=1, device="pulse", blocking=True)
    finally:
        player.terminate()
        player.wait(10)
    assert rms(block) > 0.02


def test_an_unplugged_sink_takes_its_monitor_source_away(pulseaudio: PulseAudioServer) -> None:
    assert MONITOR_NAME in pulseaudio.pactl("list", "short", "sources")
    pulseaudio.unplug_sink()
    try:
        assert MONITOR_NAME not in pulseaudio.pactl("list", "short", "sources")
    finally:
        pulseaudio.plug_in_sink()
        pulseaudio.pactl("set-default-sink", "earshot_test_sink")
        pulseaudio.pactl("set-default-source", MONITOR_NAME)
    assert MONITOR_NAME in pulseaudio.pactl("list", "short", "sources")
