"""The OpenAI-compatible engine against a local server speaking the OpenAI audio API (and Xinference's)."""

from __future__ import annotations

import io

import openai
import pytest

from app.core.audio import AudioClip
from app.core.errors import EngineError
from app.core.remote_profiles import RemoteProfile
from app.engines.base import JobContext, TranscriptionOptions, run_transcription
from app.engines.remote.audio_pieces import UNTIMED_NOTE
from app.engines.remote.openai_compatible import OpenAICompatibleEngine
from app.engines.remote.registry import create_remote_engine
from tests.conftest import JFK_REFERENCE
from tests.engines.remote.conftest import QUICK_HTTP
from tests.engines.remote.servers.openai_server import JSON_ONLY, PLAIN_TEXT, TEXT_ONLY, WORDS_ONLY, FakeOpenAIServer
from tests.engines.remote.servers.recogniser import decode_upload
from tests.speech import word_error_rate


def engine_for(server, model: str = "whisper-1", **kwargs) -> OpenAICompatibleEngine:
    return OpenAICompatibleEngine(server.base_url, model, server.api_key, http=QUICK_HTTP, **kwargs)


def transcribe(engine, clip, options: TranscriptionOptions | None = None):
    return run_transcription(engine, clip, options or TranscriptionOptions(), JobContext())


def test_transcribes_speech_with_segments_and_words(openai_server, jfk_clip) -> None:
    transcript = transcribe(engine_for(openai_server), jfk_clip)
    assert word_error_rate(JFK_REFERENCE, transcript.text) < 0.15
    assert transcript.language == "en"  # the server said "english"
    assert all(s.words for s in transcript.segments)
    assert transcript.segments[-1].end <= jfk_clip.duration + 0.5
    form = openai_server.forms[-1]
    assert form["response_format"] == ["verbose_json"]
    assert sorted(form["timestamp_granularities[]"]) == ["segment", "word"]
    assert form["temperature"] == ["0"]
    request = openai_server.requests_to("/audio/transcriptions")[-1]
    assert request.header("Authorization") == "Bearer test-key"


@pytest.mark.parametrize("answers", [WORDS_ONLY, TEXT_ONLY, JSON_ONLY, PLAIN_TEXT])
def test_degrades_to_what_the_server_returns(recogniser, jfk_clip, answers: str) -> None:
    with FakeOpenAIServer(recogniser, answers=answers) as server:
        transcript = transcribe(engine_for(server), jfk_clip)
    assert word_error_rate(JFK_REFERENCE, transcript.text) < 0.15
    if answers == WORDS_ONLY:  # segments built from the words, cut at sentence ends
        assert len(transcript.segments) >= 1 and all(s.words for s in transcript.segments)
        assert transcript.segments[0].start < 1.0
        assert transcript.warnings == []  # the words' times are the server's
    else:  # text alone: one segment over the whole clip, and the transcript says there were no times
        assert [(s.start, s.end) for s in transcript.segments] == [(0.0, jfk_clip.duration)]
        assert transcript.warnings == [UNTIMED_NOTE]


def test_language_prompt_and_translation_fields(openai_server, jfk_clip) -> None:
    engine = engine_for(openai_server)
    transcribe(engine, jfk_clip, TranscriptionOptions(language="en", initial_prompt="Kennedy", hotwords="Americans"))
    assert openai_server.forms[-1]["language"] == ["en"]
    assert openai_server.forms[-1]["prompt"] == ["Kennedy Americans"]
    translated = transcribe(engine, jfk_clip, TranscriptionOptions(task="translate", language="en"))
    assert word_error_rate(JFK_REFERENCE, translated.text) < 0.15
    assert openai_server.requests[-1].path == "/v1/audio/translations"
    assert "language" not in openai_server.forms[-1]


def test_the_profiles_temperature_is_sent(openai_server, jfk_clip) -> None:
    profile = RemoteProfile("p", "openai", openai_server.base_url, "whisper-1", {"temperature": 0.4})
    transcript = transcribe(create_remote_engine(profile, openai_server.api_key), jfk_clip)
    assert openai_server.forms[-1]["temperature"] == ["0.4"]
    assert word_error_rate(JFK_REFERENCE, transcript.text) < 0.15


def test_audio_over_the_upload_limit_is_split_at_silences_and_stitched(recogniser, jfk_clip) -> None:
    limit = 100_000  # jfk.flac re-encoded is about 200 kB: three pieces
    with FakeOpenAIServer(recogniser, max_upload_bytes=limit) as server:
        transcript = transcribe(engine_for(server, max_upload_bytes=limit), jfk_clip)
        uploads = server.requests_to("/audio/transcriptions")
    assert len(uploads) >= 2 and all(len(r.body) < limit for r in uploads)
    assert word_error_rate(JFK_REFERENCE, transcript.text) < 0.2
    starts = [s.start for s in transcript.segments]
    assert starts == sorted(starts)
    assert transcript.segments[-1].end == pytest.approx(jfk_clip.duration, abs=1.5)
    assert "country" in transcript.segments[-1].text  # the last piece's words sit at the end of the timeline


def test_a_server_with_a_smaller_limit_gets_smaller_pieces(recogniser, jfk_clip) -> None:
    limit = 150_000
    with FakeOpenAIServer(recogniser, max_upload_bytes=limit) as server:
        transcript = transcribe(engine_for(server), jfk_clip)  # the engine believes in OpenAI's 25 MiB
        sizes = [len(r.body) for r in server.requests_to("/audio/transcriptions")]
    assert sizes[0] > limit and len(sizes) >= 3 and all(size <= limit for size in sizes[1:])
    assert word_error_rate(JFK_REFERENCE, transcript.text) < 0.2


def test_model_list_and_connection_check(openai_server) -> None:
    engine = engine_for(openai_server)
    assert engine.list_models(JobContext()) == ["whisper-1", "tts-1"]
    assert engine.check_connection(JobContext()) == "Connected: the server offers 2 model(s)."
    with pytest.raises(EngineError, match=r"has no model “whisper-large” \(it offers: whisper-1, tts-1\)"):
        engine_for(openai_server, model="whisper-large").check_connection(JobContext())


def test_speech_endpoint_speaks_the_text(openai_server, local_engine) -> None:
    text = "Ask not what your country can do for you."
    audio = engine_for(openai_server, model="tts-1").synthesise_speech(text, "alloy", JobContext(), "wav", 1.0)
    clip: AudioClip = decode_upload(audio, ".wav")
    heard = run_transcription(local_engine, clip, TranscriptionOptions(model="tiny.en", language="en"), JobContext())
    assert word_error_rate(text, heard.text) < 0.3
    assert openai_server.requests[-1].json() == {
        "model": "tts-1", "input": text, "voice": "alloy", "response_format": "wav", "speed": 1.0,
    }


def test_xinference_errors_read_from_detail(recogniser, jfk_clip) -> None:
    with FakeOpenAIServer(recogniser, flavour="xinference", models=("whisper-tiny-uid",)) as server:
        with pytest.raises(EngineError, match=r"does not know the model “whisper-1”.*: The model `whisper-1` does not"):
            transcribe(engine_for(server), jfk_clip)
        transcript = transcribe(engine_for(server, model="whisper-tiny-uid"), jfk_clip)
    assert word_error_rate(JFK_REFERENCE, transcript.text) < 0.15


def test_the_official_openai_client_speaks_to_the_same_server(openai_server, jfk_path) -> None:
    client = openai.OpenAI(base_url=openai_server.base_url, api_key="test-key", max_retries=0)
    with jfk_path.open("rb") as audio:
        verbose = client.audio.transcriptions.create(
            model="whisper-1", file=audio, response_format="verbose_json", timestamp_granularities=["word", "segment"]
        )
    assert word_error_rate(JFK_REFERENCE, verbose.text) < 0.15
    assert verbose.segments and verbose.words and verbose.language == "english"
    with jfk_path.open("rb") as audio:
        plain = client.audio.transcriptions.create(model="whisper-1", file=audio, language="en")
    assert word_error_rate(JFK_REFERENCE, plain.text) < 0.15
    assert [m.id for m in client.models.list()] == ["whisper-1", "tts-1"]
    speech = client.audio.speech.create(model="tts-1", input="Hello there.", voice="alloy", response_format="flac")
    assert decode_upload(io.BytesIO(speech.content).getvalue(), ".flac").duration > 0.3
    with pytest.raises(openai.AuthenticationError):
        openai.OpenAI(base_url=openai_server.base_url, api_key="wrong", max_retries=0).models.list()
    client.close()
