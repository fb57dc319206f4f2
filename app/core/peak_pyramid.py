"""A waveform's min/max peaks at several resolutions, so any zoom draws from a few thousand numbers.

Level 0 holds one (min, max) pair per BASE_BLOCK_SECONDS (256 samples at 16 kHz); each next level
halves the resolution. A view asks for pixel columns and gets them from the finest level with at
least one peak per column: drawing never touches samples.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

BASE_BLOCK_SECONDS = 256 / 16_000
COARSEST_LEVEL_PEAKS = 64
QUIET_FRACTION = 0.12  # a block under this share of the file's loud level counts as silence


@dataclass(frozen=True, slots=True)
class PeakPyramid:
    """``levels[k]`` is an (n, 2) float32 array of [min, max] per ``BASE_BLOCK_SECONDS * 2**k``."""

    levels: tuple[np.ndarray, ...]
    loud_level: float  # the peak-to-peak amplitude most blocks stay under (95th percentile)

    @classmethod
    def from_base(cls, base: np.ndarray) -> PeakPyramid:
        """The levels above ``base`` (NaN where a peak is not known yet: a block with one is NaN too)."""
        levels = [np.ascontiguousarray(base, dtype=np.float32).reshape(-1, 2)]
        while len(levels[-1]) > COARSEST_LEVEL_PEAKS:
            finer = levels[-1]
            pairs = len(finer) // 2 * 2
            # Pairwise minimum and maximum: a reduction over an axis of two (min(axis=1)) is ~10 times slower.
            coarser = np.empty(((len(finer) + 1) // 2, 2), dtype=np.float32)
            np.minimum(finer[0:pairs:2, 0], finer[1:pairs:2, 0], out=coarser[: pairs // 2, 0])
            np.maximum(finer[0:pairs:2, 1], finer[1:pairs:2, 1], out=coarser[: pairs // 2, 1])
            if len(finer) % 2:
                coarser[-1] = finer[-1]
            levels.append(coarser)
        return cls(tuple(levels), _loud_level(levels[min(len(levels) - 1, 3)]))

    @property
    def base(self) -> np.ndarray:
        return self.levels[0]

    @property
    def duration(self) -> float:
        """Seconds covered by the peaks (the last block may be partial: an upper bound)."""
        return len(self.base) * BASE_BLOCK_SECONDS

    def level_for(self, seconds_per_column: float) -> int:
        """The coarsest level that still has at least one peak per column."""
        level = 0
        while level + 1 < len(self.levels) and BASE_BLOCK_SECONDS * 2 ** (level + 1) <= seconds_per_column:
            level += 1
        return level

    def columns(self, start: float, seconds_per_column: float, count: int) -> np.ndarray:
        """A (count, 2) array of [min, max] per column from ``start``; NaN where there are no peaks."""
        result = np.full((count, 2), np.nan, dtype=np.float32)
        if count <= 0 or seconds_per_column <= 0 or not len(self.base):
            return result
        level = self.level_for(seconds_per_column)
        peaks = self.levels[level]
        block = BASE_BLOCK_SECONDS * 2**level
        edges = np.floor((start + np.arange(count + 1) * seconds_per_column) / block).astype(np.int64)
        inside = (edges[:-1] >= 0) & (edges[:-1] < len(peaks))
        if not inside.any():
            return result
        starts = np.clip(edges[:-1][inside], 0, len(peaks) - 1)
        # reduceat gives peaks[i] alone where the next index is not greater: a column narrower than a peak
        bounded = np.append(starts, len(peaks))
        lows = np.minimum.reduceat(peaks[:, 0], bounded[:-1])
        highs = np.maximum.reduceat(peaks[:, 1], bounded[:-1])
        stops = np.clip(edges[1:][inside], 0, len(peaks))
        last_start = starts[-1]  # reduceat ran the last column to the end of the peaks: bound it
        last_stop = max(int(stops[-1]), last_start + 1)
        lows[-1] = peaks[last_start:last_stop, 0].min()
        highs[-1] = peaks[last_start:last_stop, 1].max()
        result[inside, 0] = lows
        result[inside, 1] = highs
        return result

    def quietest_time_near(self, seconds: float, radius: float) -> float | None:
        """The middle of the quietest block within ``radius`` of ``seconds``, if it is silence; else None."""
        base = self.base
        if not len(base):
            return None
        first = max(0, int((seconds - radius) / BASE_BLOCK_SECONDS))
        stop = min(len(base), int((seconds + radius) / BASE_BLOCK_SECONDS) + 1)
        if first >= stop:
            return None
        amplitude = base[first:stop, 1] - base[first:stop, 0]
        quietest = int(np.argmin(amplitude))
        if amplitude[quietest] > QUIET_FRACTION * self.loud_level:
            return None
        return (first + quietest + 0.5) * BASE_BLOCK_SECONDS


def _loud_level(peaks: np.ndarray) -> float:
    """The 95th percentile of the peak-to-peak amplitudes known so far (0 with none)."""
    spans = peaks[:, 1] - peaks[:, 0]
    spans = spans[np.isfinite(spans)]
    if not len(spans):
        return 0.0
    return float(np.percentile(spans, 95))
