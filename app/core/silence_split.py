"""Cutting long audio into pieces at its quietest moments, so no word is cut in half.

Plain numpy: the short-time energy of the signal, smoothed, and for each piece the
quietest point in the last part of the allowed window becomes the cut.
"""

from __future__ import annotations

import numpy as np

FRAME_SECONDS = 0.02
SMOOTHING_SECONDS = 0.3
SEARCH_FRACTION = 0.4  # look for a cut in the last 40 % of a piece's allowed length


def split_at_silences(samples: np.ndarray, sample_rate: int, max_piece_seconds: float) -> list[tuple[int, int]]:
    """Sample ranges ``[start, end)`` covering ``samples``, each at most ``max_piece_seconds`` long."""
    total = len(samples)
    max_length = int(max_piece_seconds * sample_rate)
    if max_length <= 0:
        raise ValueError("max_piece_seconds must be positive")
    if total <= max_length:
        return [(0, total)]
    frame = max(1, int(FRAME_SECONDS * sample_rate))
    loudness = _smoothed_frame_energy(samples, frame, sample_rate)
    pieces: list[tuple[int, int]] = []
    start = 0
    while total - start > max_length:
        end = _quietest_cut(loudness, frame, start, max_length)
        pieces.append((start, end))
        start = end
    pieces.append((start, total))
    return pieces


def _smoothed_frame_energy(samples: np.ndarray, frame: int, sample_rate: int) -> np.ndarray:
    count = len(samples) // frame
    frames = samples[: count * frame].astype(np.float64).reshape(count, frame)
    energy = np.sqrt(np.mean(frames**2, axis=1))
    width = max(1, int(SMOOTHING_SECONDS * sample_rate / frame))
    return np.convolve(energy, np.ones(width) / width, mode="same")


def _quietest_cut(loudness: np.ndarray, frame: int, start: int, max_length: int) -> int:
    """The sample index of the quietest frame centre in the search window of the piece from ``start``."""
    window_end = (start + max_length) // frame
    window_start = max(start // frame + 1, (start + int(max_length * (1 - SEARCH_FRACTION))) // frame)
    window = loudness[window_start:window_end]
    if window.size == 0:
        return start + max_length
    quietest = window_start + int(np.argmin(window))
    return min(start + max_length, quietest * frame + frame // 2)
