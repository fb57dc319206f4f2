"""The level meter's reading of one block: peak and RMS against full scale, and clipping at either rail."""

from __future__ import annotations

import numpy as np
import pytest

from app.core.recording.recorder import block_level


def test_a_quiet_block_reads_its_peak_and_rms_without_clipping() -> None:
    block = np.array([[1000], [-2000], [1000], [-2000]], dtype=np.int16)
    reading = block_level(block)
    assert reading.peak == pytest.approx(2000 / 32768)
    assert reading.rms == pytest.approx(np.sqrt((1000**2 + 2000**2) / 2) / 32768)
    assert not reading.clipped


@pytest.mark.parametrize("rail", [32767, -32768])
def test_a_block_touching_either_rail_is_clipped(rail: int) -> None:
    reading = block_level(np.array([[0], [rail], [0]], dtype=np.int16))
    assert reading.clipped and reading.peak == pytest.approx(1.0, abs=1e-4)
