"""Speech played through a real output (the null sink) is heard on its monitor, and stops at once."""

from __future__ import annotations

import time
from pathlib import Path

from app.core.audio import decode_audio
from app.core.sentences import TextSpan
from app.engines.base import JobContext, TranscriptionOptions, run_transcription
from app.engines.remote.openai_compatible import OpenAICompatibleEngine
from app.engines.speech_output import LocalSpeechSynthesiser, RemoteSpeechSynthesiser, SpeechSettings
from app.engines.speech_playback import SpeechPlayer
from tests.engines.remote.servers.openai_server import FakeOpenAIServer
from tests.pulseaudio_server import PulseAudioServer
from tests.speech import word_error_rate

TEXT = "The quick brown fox jumps over the lazy dog. Then it runs back home."


def test_sentences_play_as_they_arrive_and_say_which_is_being_read(
    pulseaudio: PulseAudioServer, tmp_path: Path, local_engine
) -> None:
    heard = tmp_path / "heard.wav"
    recorder = pulseaudio.record(heard)
    time.sleep(0.3)
    started: list[TextSpan] = []
    player = SpeechPlayer(device="pulse", on_sentence_started=started.append)
    LocalSpeechSynthesiser().synthesise(TEXT, SpeechSettings(rate=160), on_sentence=player.add)
    player.finish()
    assert player.wait(30) and player.error is None
    time.sleep(0.5)
    recorder.stop()

    assert [TEXT[s.start:s.end] for s in started] == ["The quick brown fox jumps over the lazy dog.",
                                                      "Then it runs back home."]
    transcript = run_transcription(local_engine, decode_audio(heard), TranscriptionOptions(model="tiny.en"),
                                   JobContext())
    assert word_error_rate(TEXT, transcript.text) < 0.5  # espeak through the sink to tiny.en: heard, if not clean


def test_stop_silences_at_once(pulseaudio: PulseAudioServer) -> None:
    spoken = LocalSpeechSynthesiser().synthesise(" ".join(["A long sentence that keeps going."] * 3),
                                                 SpeechSettings())
    player = SpeechPlayer(device="pulse")
    for sentence in spoken:
        player.add(sentence)
    time.sleep(0.5)
    asked = time.monotonic()
    player.stop()
    assert time.monotonic() - asked < 0.1
    assert player.wait(5)  # the slice under way (50 ms) is written, then the stream is aborted


def test_streamed_remote_speech_is_heard_before_the_server_has_sent_the_rest(
    pulseaudio: PulseAudioServer, tmp_path: Path, local_engine
) -> None:
    sentence = "The quick brown fox jumps over the lazy dog."
    heard = tmp_path / "heard.wav"
    recorder = pulseaudio.record(heard)
    time.sleep(0.3)
    with FakeOpenAIServer(recogniser=None) as server:
        player = SpeechPlayer(device="pulse")
        server.speech_streaming.hold = player.first_sound  # the rest is sent once the first slice is playing
        engine = OpenAICompatibleEngine(server.base_url, "tts-1", server.api_key)
        RemoteSpeechSynthesiser(engine, "alloy", ask_to_stream=True).synthesise(sentence, player.add)
        player.finish()
        assert player.wait(30) and player.error is None
    time.sleep(0.5)
    recorder.stop()

    assert server.speech_streaming.log == ["first slice sent", "released by the client", "last slice sent"]
    # base: tiny.en hears espeak's "brown fox jumps" as "groundhog stump" even from the file, let alone the sink
    transcript = run_transcription(local_engine, decode_audio(heard), TranscriptionOptions(model="base"),
                                   JobContext())
    assert word_error_rate(sentence, transcript.text) < 0.5
