"""The strip's pixels: region fills under the wave, the current region highlighted, pending columns a line."""

from __future__ import annotations

import numpy as np

from app.ui.playback.waveform_raster import RegionSpans, StripColours, strip_pixels

COLOURS = StripColours(background=0xFF000001, region=0xFF000002, current=0xFF000003, wave=0xFF000004,
                       pending=0xFF000005)


def test_fills_wave_and_pending_columns() -> None:
    columns = np.array([[-0.5, 0.5]] * 6 + [[np.nan, np.nan]] * 4, dtype=np.float32)
    spans = RegionSpans(np.array([-100, 5]), np.array([3, 10_000]), current=1)
    pixels = strip_pixels(10, 40, columns, 1.0, spans, COLOURS)
    assert pixels.shape == (40, 10)
    assert pixels[0, 0] == COLOURS.region and pixels[0, 4] == COLOURS.background and pixels[0, 7] == COLOURS.current
    assert pixels[20, 2] == COLOURS.wave and pixels[2, 2] == COLOURS.region  # the wave spans half the height
    assert pixels[20, 8] == COLOURS.pending and pixels[10, 8] == COLOURS.current
    assert (pixels[:, 3] != COLOURS.region).all()  # the first region stops before column 3
