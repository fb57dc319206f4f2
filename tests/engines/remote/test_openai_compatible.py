"""The OpenAI-compatible engine against a local server speaking the OpenAI audio API."""

from __future__ import annotations

from app.engines.base import JobContext, TranscriptionOptions, run_transcription
from app.engines.remote.openai_compatible import OpenAICompatibleEngine
from tests.conftest import JFK_REFERENCE
from tests.engines.remote.conftest import QUICK_HTTP
from tests.speech import word_error_rate


def engine_for(server, **kwargs) -> OpenAICompatibleEngine:
    return OpenAICompatibleEngine(server.base_url, "whisper-1", "test-key", http=QUICK_HTTP, **kwargs)


def test_transcribes_speech_with_segments_and_words(openai_server, jfk_clip) -> None:
    context = JobContext()
    transcript = run_transcription(engine_for(openai_server), jfk_clip, TranscriptionOptions(), context)
    assert word_error_rate(JFK_REFERENCE, transcript.text) < 0.15
    assert transcript.language == "en"
    assert all(s.words for s in transcript.segments)
    assert transcript.segments[-1].end <= jfk_clip.duration + 0.5
    form = openai_server.forms[-1]
    assert form["response_format"] == ["verbose_json"]
    assert sorted(form["timestamp_granularities[]"]) == ["segment", "word"]
