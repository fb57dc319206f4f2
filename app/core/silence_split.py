"""Cutting long audio into pieces at its quietest moments, so no word is cut in half.

Plain numpy: the short-time energy of the signal, smoothed, and for each piece the
quietest point in the last part of the allowed window becomes the cut. The energy can be
gathered from a stream of chunks (``FrameLoudness``), 50 numbers a second, so a recording of
hours is cut without holding its samples.
"""

from __future__ import annotations

import numpy as np

FRAME_SECONDS = 0.02
SMOOTHING_SECONDS = 0.3
SEARCH_FRACTION = 0.4  # look for a cut in the last 40 % of a piece's allowed length


class FrameLoudness:
    """Feed samples in order; ``pieces`` then cuts everything fed at its quietest moments."""

    def __init__(self, sample_rate: int) -> None:
        self.sample_rate = sample_rate
        self.frame = max(1, int(FRAME_SECONDS * sample_rate))
        self.total_samples = 0
        self._rest = np.zeros(0, dtype=np.float64)  # the samples of a frame not yet whole
        self._energy: list[np.ndarray] = []

    def feed(self, samples: np.ndarray) -> None:
        self.total_samples += len(samples)
        joined = np.concatenate([self._rest, samples.astype(np.float64)])
        whole = len(joined) // self.frame * self.frame
        frames = joined[:whole].reshape(-1, self.frame)
        self._energy.append(np.sqrt(np.mean(frames**2, axis=1)))
        self._rest = joined[whole:]

    def pieces(self, max_piece_seconds: float) -> list[tuple[int, int]]:
        """Sample ranges ``[start, end)`` covering what was fed, each at most ``max_piece_seconds`` long."""
        total = self.total_samples
        max_length = int(max_piece_seconds * self.sample_rate)
        if max_length <= 0:
            raise ValueError("max_piece_seconds must be positive")
        if total <= max_length:
            return [(0, total)]
        energy = np.concatenate(self._energy) if self._energy else np.zeros(0)
        width = max(1, int(SMOOTHING_SECONDS * self.sample_rate / self.frame))
        loudness = np.convolve(energy, np.ones(width) / width, mode="same")
        pieces: list[tuple[int, int]] = []
        start = 0
        while total - start > max_length:
            end = _quietest_cut(loudness, self.frame, start, max_length)
            pieces.append((start, end))
            start = end
        pieces.append((start, total))
        return pieces


def split_at_silences(samples: np.ndarray, sample_rate: int, max_piece_seconds: float) -> list[tuple[int, int]]:
    """Sample ranges ``[start, end)`` covering ``samples``, each at most ``max_piece_seconds`` long."""
    loudness = FrameLoudness(sample_rate)
    loudness.feed(samples)
    return loudness.pieces(max_piece_seconds)


def _quietest_cut(loudness: np.ndarray, frame: int, start: int, max_length: int) -> int:
    """The sample index of the quietest frame centre in the search window of the piece from ``start``."""
    window_end = (start + max_length) // frame
    window_start = max(start // frame + 1, (start + int(max_length * (1 - SEARCH_FRACTION))) // frame)
    window = loudness[window_start:window_end]
    if window.size == 0:
        return start + max_length
    quietest = window_start + int(np.argmin(window))
    return min(start + max_length, quietest * frame + frame // 2)
