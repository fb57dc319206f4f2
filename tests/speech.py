"""Helpers for tests on real speech: word error rate and synthesised speech."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import jiwer


def normalise(text: str) -> str:
    """Lower case, no punctuation, single spaces: WER counts words, not commas."""
    return " ".join(re.sub(r"[^\w\s']", " ", text.lower()).split())


def word_error_rate(reference: str, hypothesis: str) -> float:
    return jiwer.wer(normalise(reference), normalise(hypothesis))


def synthesise_speech(text: str, path: Path, voice: str = "en-us", words_per_minute: int = 150) -> Path:
    """Speak ``text`` with espeak-ng into a WAV file."""
    espeak = shutil.which("espeak-ng")
    assert espeak, "espeak-ng is installed by `make test` (scripts/install-system-deps.sh)"
    subprocess.run(
        [espeak, "-v", voice, "-s", str(words_per_minute), "-w", str(path), text],
        check=True, capture_output=True,
    )
    return path
