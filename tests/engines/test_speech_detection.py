"""Voice activity over a stream finds exactly the speech faster-whisper finds on the whole array."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from faster_whisper.vad import VadOptions, get_speech_timestamps

from app.core.audio import AudioClip, decode_audio
from app.engines.speech_detection import BATCH_WINDOWS, WINDOW, speech_probabilities, speech_stretches

SETTINGS = VadOptions(max_speech_duration_s=30.0)


def _faster_whisper_stretches(samples: np.ndarray) -> list[tuple[int, int]]:
    return [(c["start"], c["end"]) for c in get_speech_timestamps(samples.copy(), SETTINGS)]


@pytest.mark.parametrize("chunk_samples", [12_345, 480_000])
def test_streamed_speech_matches_faster_whisper_on_real_speech(jfk_path: Path, multilingual_path: Path,
                                                               chunk_samples: int) -> None:
    speech = np.concatenate([decode_audio(jfk_path).samples, decode_audio(multilingual_path).samples])
    long_speech = np.concatenate([speech] * 5)  # 354 s: more than one batch of the network
    assert len(long_speech) > BATCH_WINDOWS * WINDOW

    for samples in (speech, long_speech):
        probabilities, total = speech_probabilities(AudioClip(samples).chunks(chunk_samples))
        found = speech_stretches(probabilities, total, SETTINGS)
        assert total == len(samples)
        assert found == _faster_whisper_stretches(samples)
        assert len(found) >= 2


def test_silence_has_no_speech() -> None:
    silence = np.zeros(16_000 * 20, dtype=np.float32)
    probabilities, total = speech_probabilities(AudioClip(silence).chunks(16_000))
    assert speech_stretches(probabilities, total, SETTINGS) == [] == _faster_whisper_stretches(silence)
