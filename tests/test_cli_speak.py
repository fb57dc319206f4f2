"""`python -m app speak`: text to a speech file with the system's voice, as a user runs it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from app.core.audio import decode_audio
from app.engines.base import JobContext, TranscriptionOptions, run_transcription
from tests.conftest import REPO_ROOT
from tests.speech import word_error_rate


def run_app(*arguments: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "app", *map(str, arguments)], cwd=REPO_ROOT, capture_output=True,
                          text=True, timeout=120, env=os.environ.copy())


def test_speak_writes_a_wav_file_of_the_text_and_refuses_other_extensions(tmp_path: Path, local_engine) -> None:
    text = "Please read this sentence aloud for the test."
    output = tmp_path / "speech.wav"
    finished = run_app("speak", "--input", _written(tmp_path / "text.txt", text), "--rate", "150", "--output", output)
    assert finished.returncode == 0, finished.stderr
    transcript = run_transcription(local_engine, decode_audio(output), TranscriptionOptions(model="tiny.en"),
                                   JobContext())
    assert word_error_rate(text, transcript.text) < 0.25
    refused = run_app("speak", text, "--output", tmp_path / "speech.mp3")
    assert refused.returncode == 1
    assert refused.stderr.strip() == "earshot: Speech is saved as .wav or .flac, not “.mp3”."


def _written(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path
