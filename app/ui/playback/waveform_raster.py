"""The waveform strip's pixels, built with numpy in one pass (no Qt): backgrounds of the regions
under the wave, the wave from min/max columns, a mid line where peaks are not computed yet.

Painting thousands of alpha-blended rectangles and lines through QPainter took 10-250 ms per frame
at a three-hour zoom; one ARGB array handed to QPainter.drawImage takes about a millisecond.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True, slots=True)
class StripColours:
    """Opaque 0xAARRGGBB colours (region fills already blended over the background)."""

    background: int
    region: int
    current: int
    wave: int
    pending: int


@dataclass(frozen=True, slots=True)
class RegionSpans:
    """Columns ``[firsts[i], stops[i])`` of the strip covered by regions (may reach outside the strip);
    span ``current`` (if any) is drawn highlighted."""

    firsts: np.ndarray
    stops: np.ndarray
    current: int | None = None


def strip_pixels(
    width: int, height: int, columns: np.ndarray | None, scale: float, spans: RegionSpans, colours: StripColours,
    wave_top: int = 0,
) -> np.ndarray:
    """An (height, width) uint32 ARGB array; ``columns`` is (width, 2) [min, max] with NaN where pending.

    The wave is drawn in rows ``[wave_top, height)``, leaving the rows above it for the regions' text.
    """
    backdrop = np.full(width, colours.background, dtype=np.uint32)
    if len(spans.firsts):
        firsts, stops = np.clip(spans.firsts, 0, width), np.clip(spans.stops, 0, width)
        depth = np.zeros(width + 1, dtype=np.int32)  # how many regions cover each column
        np.add.at(depth, firsts, 1)
        np.add.at(depth, stops, -1)
        backdrop[np.cumsum(depth[:-1]) > 0] = colours.region
        if spans.current is not None:
            backdrop[firsts[spans.current]:stops[spans.current]] = colours.current
    pixels = np.repeat(backdrop[None, :], height, axis=0)
    if columns is None or not len(columns):
        return pixels
    middle, half = (wave_top + height) / 2, (height - wave_top) / 2 - 4
    ready = np.isfinite(columns[:, 0])
    filled = np.nan_to_num(columns, nan=0.0)
    tops = np.floor(middle - np.clip(filled[:, 1] * scale, -1, 1) * half)
    bottoms = np.ceil(middle - np.clip(filled[:, 0] * scale, -1, 1) * half)
    rows = np.arange(height)[:, None]
    wave = (rows >= tops[None, :]) & (rows <= bottoms[None, :]) & ready[None, :]
    pixels[wave] = colours.wave
    pending_line = (rows == int(middle)) & ~ready[None, :]
    pixels[pending_line] = colours.pending
    return pixels
