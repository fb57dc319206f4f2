"""Helpers for tests on real speech: word error rate and synthesised speech."""

from __future__ import annotations

import re
import shutil
import subprocess
from collections import Counter
from pathlib import Path

import jiwer
import numpy as np


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


# multilingual.mp3: the MIT licence's opening paragraphs in English (0-29.5 s), as read
MIT_LICENCE_ENGLISH = (
    "Permission is hereby granted, free of charge, to any person obtaining a copy of this software "
    "and associated documentation files, to deal in the Software without restriction, "
    "including without limitation the rights to use, copy, modify, merge, publish, distribute, sublicense, "
    "and/or sell copies of the Software, and to permit persons to whom the Software is furnished to do so, "
    "subject to the following conditions: The above copyright notice and this permission notice shall be "
    "included in all copies or substantial portions of the Software."
)
# ...then read in German (30.6 s to the cut at 59.9 s): the German Wikipedia's translation of the
# same paragraph, which the reader follows (checked against the recording by ear and with base).
MIT_LICENCE_GERMAN = (
    "Jedem, der eine Kopie dieser Software und der dazugehörigen Dokumentationsdateien erhält, wird "
    "hiermit unentgeltlich die Genehmigung erteilt, mit der Software uneingeschränkt zu verfahren. Dies "
    "umfasst insbesondere das Recht, die Software zu verwenden, zu vervielfältigen, zu modifizieren, "
    "zusammenzufügen, zu veröffentlichen, zu verteilen, unterzulizenzieren und/oder Kopien der Software "
    "zu verkaufen und diese Rechte unter den folgenden Bedingungen anderen zu übertragen."
)
GERMAN_START_SECONDS = 30.0


def hallucination_signals(seconds: int = 60, sample_rate: int = 16_000) -> dict[str, np.ndarray]:
    """Digital silence, white noise and music-like tones (a random melody of plucked notes)."""
    rng = np.random.default_rng(12)
    notes = 220.0 * 2 ** (rng.integers(0, 24, size=seconds * 2) / 12)  # two notes a second
    pitch = np.repeat(notes, sample_rate // 2)
    phase = 2 * np.pi * np.cumsum(pitch) / sample_rate
    envelope = np.tile(np.exp(-3 * np.arange(sample_rate // 2) / sample_rate), seconds * 2)
    tones = 0.2 * envelope * (np.sin(phase) + 0.5 * np.sin(2 * phase) + 0.25 * np.sin(3 * phase))
    return {
        "silence": np.zeros(sample_rate * seconds, dtype=np.float32),
        "noise": rng.normal(0, 0.05, sample_rate * seconds).astype(np.float32),
        "tones": tones.astype(np.float32),
    }


def most_repeated_ngram(text: str, size: int = 5) -> int:
    """How often the most frequent run of ``size`` words occurs in ``text`` (0 when shorter)."""
    words = normalise(text).split()
    counts = Counter(tuple(words[i:i + size]) for i in range(len(words) - size + 1))
    return max(counts.values(), default=0)
