"""Streamed remote speech: audio is handed over while the server is still sending, and is what was asked for."""

from __future__ import annotations

import threading
from pathlib import Path

import numpy as np
import pytest

from app.core.errors import SpeechOutputError
from app.engines.speech_output import RemoteSpeechSynthesiser, SpokenSentence
from app.engines.speech_playback import save_speech
from tests.engines.remote.servers.fake_http_server import Fault
from tests.engines.remote.test_openai_compatible import engine_for
from tests.engines.remote.test_speech_remote import recognised
from tests.speech import word_error_rate

SENTENCE = "The quick brown fox jumps over the lazy dog."


def test_streamed_wav_reaches_the_listener_before_the_server_has_sent_the_rest(
    openai_server, local_engine, tmp_path: Path
) -> None:
    streaming = openai_server.speech_streaming
    streaming.hold = threading.Event()
    pieces: list[SpokenSentence] = []

    def heard(piece: SpokenSentence) -> None:
        pieces.append(piece)
        streaming.hold.set()  # the server sends the rest only once the first piece has arrived

    synthesiser = RemoteSpeechSynthesiser(engine_for(openai_server, model="tts-1"), "alloy", ask_to_stream=True)
    spoken = synthesiser.synthesise(SENTENCE, heard)

    assert streaming.log == ["first slice sent", "released by the client", "last slice sent"]
    body = openai_server.requests_to("/audio/speech")[0].json()
    assert body["stream"] is True and body["response_format"] == "wav"
    assert len(pieces) > 4 and {p.span for p in pieces} == {spoken[0].span}
    assert sum(len(p.samples) for p in pieces) == len(spoken[0].samples)
    whole = RemoteSpeechSynthesiser(engine_for(openai_server, model="tts-1"), "alloy").synthesise(SENTENCE)
    np.testing.assert_allclose(spoken[0].samples, whole[0].samples, atol=1e-4)  # the same audio, streamed
    heard = recognised(local_engine, save_speech(spoken, tmp_path / "s.flac"), "base")  # tiny.en: "groundhog stump"
    assert word_error_rate(SENTENCE, heard) < 0.25


def test_raw_pcm_without_streaming_is_read_as_it_arrives_at_24_khz(openai_server, local_engine, tmp_path) -> None:
    synthesiser = RemoteSpeechSynthesiser(engine_for(openai_server, model="tts-1"), "alloy", audio_format="pcm")
    spoken = synthesiser.synthesise(SENTENCE)
    assert "stream" not in openai_server.requests_to("/audio/speech")[0].json()
    assert spoken[0].sample_rate == 24_000
    heard = recognised(local_engine, save_speech(spoken, tmp_path / "s.wav"), "base")  # tiny.en: "groundhog stump"
    assert word_error_rate(SENTENCE, heard) < 0.25


def test_a_stream_that_is_not_audio_is_one_sentence(openai_server) -> None:
    from tests.engines.remote.servers.fake_http_server import Reply

    openai_server.inject(Fault("reply", "/audio/speech", reply=Reply(200, b"<html>oops</html>", "text/html")))
    synthesiser = RemoteSpeechSynthesiser(engine_for(openai_server, model="tts-1"), "alloy")
    with pytest.raises(SpeechOutputError, match=r"^The server's speech stream is not audio this app can read"):
        synthesiser.synthesise(SENTENCE)
