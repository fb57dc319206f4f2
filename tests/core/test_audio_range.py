"""Decoding only a passage of a file: the same sound as that stretch of the whole decode, found by seeking."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from app.core.audio import SAMPLE_RATE, decode_audio, decode_audio_range
from app.core.errors import AudioDecodeError

ALIGNMENT = int(0.06 * SAMPLE_RATE)  # after a seek, FFmpeg's MP3 decoder starts ~46 ms from where it says


@pytest.mark.parametrize("name", ["jfk.flac", "multilingual.mp3"])
def test_a_passage_sounds_as_that_stretch_of_the_whole_file(name: str, jfk_path: Path) -> None:
    path = jfk_path.parent / name
    whole = decode_audio(path).samples
    passage = decode_audio_range(path, 3.0, 7.0).samples
    assert len(passage) == 4 * SAMPLE_RATE
    start = 3 * SAMPLE_RATE

    def similarity(shift: int) -> float:
        stretch = whole[start + shift:start + shift + len(passage)]
        return float(np.corrcoef(stretch, passage)[0, 1])

    best = max(range(-ALIGNMENT, ALIGNMENT + 1, 8), key=similarity)
    assert similarity(best) > 0.9  # the same speech, not just any sound


def test_a_passage_past_the_end_is_cut_at_the_end_and_one_beyond_it_is_one_sentence(jfk_path: Path) -> None:
    assert abs(len(decode_audio_range(jfk_path, 10.5, 30.0).samples) / SAMPLE_RATE - 0.5) < 0.01
    with pytest.raises(AudioDecodeError, match="shorter than that"):
        decode_audio_range(jfk_path, 40.0, 50.0)
    with pytest.raises(AudioDecodeError, match="the passage is empty"):
        decode_audio_range(jfk_path, 5.0, 5.0)
