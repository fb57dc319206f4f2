"""Where someone speaks: the Silero VAD model that faster-whisper ships as ONNX.

The audio is scanned a minute at a time so a long file can be cancelled and its
progress shown; regions that touch at a piece boundary are joined again.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
from faster_whisper.vad import VadOptions, get_speech_timestamps

from app.core.audio import SAMPLE_RATE

_PIECE_SECONDS = 60  # the VAD holds working arrays in proportion to the piece
# Pauses from 0.3 s split regions, so fewer windows straddle a change of speaker (AMI dev00: DER 0.45 with 0.5 s).
_OPTIONS = VadOptions(threshold=0.5, min_silence_duration_ms=300, speech_pad_ms=100)
_JOIN_GAP_SAMPLES = int(0.5 * SAMPLE_RATE)


def speech_regions(
    samples: np.ndarray, on_piece_done: Callable[[int], None] | None = None
) -> list[tuple[int, int]]:
    """(start, end) sample indices of speech, in order; ``on_piece_done`` gets the samples scanned so far."""
    regions: list[tuple[int, int]] = []
    piece = _PIECE_SECONDS * SAMPLE_RATE
    for offset in range(0, len(samples), piece):
        found = get_speech_timestamps(samples[offset:offset + piece], _OPTIONS, SAMPLE_RATE)
        for index, region in enumerate(found):
            start, end = offset + int(region["start"]), offset + int(region["end"])
            if index == 0 and regions and start - regions[-1][1] <= _JOIN_GAP_SAMPLES:  # cut by the piece boundary
                regions[-1] = (regions[-1][0], max(end, regions[-1][1]))
            elif end > start:
                regions.append((start, end))
        if on_piece_done:
            on_piece_done(min(len(samples), offset + piece))
    return regions
