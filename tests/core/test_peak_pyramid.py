"""The peak pyramid: pixel columns from precomputed levels, and silences for snapping."""

from __future__ import annotations

import numpy as np
import pytest

from app.core.peak_pyramid import BASE_BLOCK_SECONDS, PeakPyramid


def random_base(count: int, seed: int = 5) -> np.ndarray:
    rng = np.random.default_rng(seed)
    highs = rng.uniform(0, 1, count).astype(np.float32)
    return np.stack([-highs * rng.uniform(0.5, 1, count).astype(np.float32), highs], axis=1)


def test_each_level_halves_the_one_below() -> None:
    base = random_base(1001)
    pyramid = PeakPyramid.from_base(base)
    for finer, coarser in zip(pyramid.levels, pyramid.levels[1:], strict=False):
        assert len(coarser) == (len(finer) + 1) // 2
        assert coarser[0, 0] == min(finer[0, 0], finer[1, 0])
        assert coarser[-1, 1] == finer[-1, 1] if len(finer) % 2 else max(finer[-2, 1], finer[-1, 1])
    assert len(pyramid.levels[-1]) <= 64


@pytest.mark.parametrize("seconds_per_column", [0.004, 0.016, 0.05, 0.33, 1.7])
def test_columns_agree_with_the_base_peaks_they_cover(seconds_per_column: float) -> None:
    base = random_base(5000)
    pyramid = PeakPyramid.from_base(base)
    start, count = 3.2137, 120  # no column edge falls exactly on a peak edge
    columns = pyramid.columns(start, seconds_per_column, count)
    level = pyramid.level_for(seconds_per_column)
    block_count = 2**level
    for column in range(count):
        left = start + column * seconds_per_column
        first = int(left / (BASE_BLOCK_SECONDS * block_count)) * block_count
        stop = int((left + seconds_per_column) / (BASE_BLOCK_SECONDS * block_count)) * block_count
        covered = base[first:min(len(base), max(stop, first + block_count))]
        if first >= len(base):
            assert np.isnan(columns[column]).all()
            continue
        assert columns[column, 0] == covered[:, 0].min()
        assert columns[column, 1] == covered[:, 1].max()


def test_columns_before_the_start_and_past_the_end_are_empty() -> None:
    pyramid = PeakPyramid.from_base(random_base(100))
    columns = pyramid.columns(-1.0, 0.1, 40)
    assert np.isnan(columns[:10]).all()
    assert np.isfinite(columns[10:26]).all()
    assert np.isnan(columns[-5:]).all()


def test_quietest_time_near_finds_a_pause_and_nothing_in_speech() -> None:
    base = random_base(400) * 0.8 + np.array([-0.2, 0.2], dtype=np.float32)
    pause = slice(int(2.0 / BASE_BLOCK_SECONDS), int(2.3 / BASE_BLOCK_SECONDS))
    base[pause] = [-0.003, 0.003]
    pyramid = PeakPyramid.from_base(base)
    found = pyramid.quietest_time_near(1.9, 0.3)
    assert found is not None and 2.0 <= found <= 2.3
    assert pyramid.quietest_time_near(4.5, 0.3) is None


def test_a_partial_pyramid_takes_its_loud_level_from_the_peaks_known_so_far() -> None:
    known = random_base(4096)
    partial = np.concatenate([known, np.full((4096, 2), np.nan, dtype=np.float32)])
    pyramid = PeakPyramid.from_base(partial)
    assert pyramid.loud_level == PeakPyramid.from_base(known).loud_level > 0
    assert all(np.isnan(level[-1]).all() for level in pyramid.levels)  # a block with a pending peak is pending
    assert PeakPyramid.from_base(np.full((100, 2), np.nan, dtype=np.float32)).loud_level == 0.0
