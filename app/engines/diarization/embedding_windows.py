"""Speech regions cut into overlapping 1.5 s windows, and windows' labels turned back into turns."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import numpy as np

from app.core.audio import SAMPLE_RATE
from app.core.speaker_turns import SpeakerTurn
from app.engines.diarization.features import FRAME_SHIFT_SECONDS, filterbank_features
from app.engines.diarization.speaker_embedder import WINDOW_FRAMES

HOP_FRAMES = WINDOW_FRAMES // 2  # a window every 0.75 s
SAME_SPEAKER_GAP_SECONDS = 1.0  # a pause shorter than this inside one speaker's talk is not a new turn
_WINDOW_SAMPLES = (WINDOW_FRAMES - 1) * 160 + 400  # 10 ms shift, 25 ms frames


@dataclass(frozen=True, slots=True)
class RegionWindows:
    """One speech region (seconds) and the centres of its windows."""

    start: float
    end: float
    centres: np.ndarray


def region_windows(samples: np.ndarray, start: int, end: int) -> tuple[RegionWindows, np.ndarray]:
    """Windows every 0.75 s over samples[start:end], with their (windows, WINDOW_FRAMES, 80) features.

    A region under 1.5 s gets one window centred on it.
    """
    chunk = _at_least_one_window(samples, start, end)
    features = filterbank_features(chunk.samples)
    last = len(features) - WINDOW_FRAMES
    starts = list(range(0, last + 1, HOP_FRAMES))
    if starts[-1] != last:
        starts.append(last)
    windows = np.stack([features[first:first + WINDOW_FRAMES] for first in starts])
    centres = chunk.offset / SAMPLE_RATE + (np.array(starts) + WINDOW_FRAMES / 2) * FRAME_SHIFT_SECONDS
    return RegionWindows(start / SAMPLE_RATE, end / SAMPLE_RATE, centres), windows


@dataclass(frozen=True, slots=True)
class _Chunk:
    samples: np.ndarray
    offset: int


def _at_least_one_window(samples: np.ndarray, start: int, end: int) -> _Chunk:
    if end - start >= _WINDOW_SAMPLES:
        return _Chunk(samples[start:end], start)
    if len(samples) < _WINDOW_SAMPLES:  # the whole recording is shorter than a window: repeat it
        repeats = -(-_WINDOW_SAMPLES // max(1, len(samples)))
        return _Chunk(np.tile(samples, repeats)[:_WINDOW_SAMPLES], 0)
    first = min(max(0, (start + end - _WINDOW_SAMPLES) // 2), len(samples) - _WINDOW_SAMPLES)
    return _Chunk(samples[first:first + _WINDOW_SAMPLES], first)


def turns_from_labels(regions: list[RegionWindows], labels: Iterator[int], names: list[str]) -> list[SpeakerTurn]:
    """Each window speaks for the time nearest its centre inside its region; same-speaker pieces join."""
    turns: list[SpeakerTurn] = []
    for region in regions:
        centres = region.centres
        bounds = [region.start, *((centres[1:] + centres[:-1]) / 2).tolist(), region.end]
        for index in range(len(centres)):
            speaker = names[next(labels)]
            start, end = max(region.start, bounds[index]), min(region.end, bounds[index + 1])
            if end <= start:
                continue
            previous = turns[-1] if turns else None
            if previous and previous.speaker == speaker and start - previous.end < SAME_SPEAKER_GAP_SECONDS:
                turns[-1] = SpeakerTurn(previous.start, end, speaker)
            else:
                turns.append(SpeakerTurn(start, end, speaker))
    return turns
