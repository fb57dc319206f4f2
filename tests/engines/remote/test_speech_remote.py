"""Remote text to speech through an OpenAI-compatible server's /audio/speech, checked by recognising it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from app.core.audio import decode_audio
from app.core.sentences import sentence_spans
from app.engines.base import JobContext, TranscriptionOptions, run_transcription
from app.engines.speech_output import RemoteSpeechSynthesiser
from app.engines.speech_playback import save_speech
from tests.conftest import REPO_ROOT
from tests.engines.remote.test_openai_compatible import engine_for
from tests.speech import word_error_rate

TEXT = "The quick brown fox jumps over the lazy dog. Then it runs back home before the rain starts."


def recognised(local_engine, path: Path, model: str = "tiny.en") -> str:
    return run_transcription(local_engine, decode_audio(path), TranscriptionOptions(model=model),
                             JobContext()).text


def test_remote_speech_is_asked_for_sentence_by_sentence_and_recognised(
    openai_server, local_engine, tmp_path: Path
) -> None:
    spoken = RemoteSpeechSynthesiser(engine_for(openai_server, model="tts-1"), "alloy").synthesise(TEXT)
    requests = openai_server.requests_to("/audio/speech")
    assert [r.json()["input"] for r in requests] == [s.text for s in sentence_spans(TEXT)]
    assert all(r.json()["response_format"] == "wav" for r in requests)
    path = save_speech(spoken, tmp_path / "remote.wav")
    assert word_error_rate(TEXT, recognised(local_engine, path)) < 0.25


def test_speak_command_saves_remote_speech_streamed_as_pcm(openai_server, local_engine, tmp_path: Path) -> None:
    output = tmp_path / "spoken.flac"
    command = [sys.executable, "-m", "app", "speak", TEXT, "--engine", "openai", "--base-url", openai_server.base_url,
               "--model", "tts-1", "--voice", "alloy", "--format", "pcm", "--stream", "--output", str(output)]
    finished = subprocess.run(command, cwd=REPO_ROOT, capture_output=True, text=True, timeout=120,
                              env={**os.environ, "OPENAI_API_KEY": "test-key"})
    assert finished.returncode == 0, finished.stderr
    assert all(r.json()["stream"] is True and r.json()["response_format"] == "pcm"
               for r in openai_server.requests_to("/audio/speech"))
    assert word_error_rate(TEXT, recognised(local_engine, output)) < 0.25
