"""Peaks cached on disk: a hit reads the cache, a changed file or a damaged cache recomputes."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import numpy as np
import pytest

from app.core.peak_cache import cache_path_for, load_cached_peaks, peaks_for
from app.core.peak_pyramid import PeakPyramid


@pytest.fixture
def media(tmp_path: Path, jfk_path: Path) -> Path:
    copy = tmp_path / "speech.flac"
    shutil.copyfile(jfk_path, copy)
    return copy


def test_a_miss_computes_and_writes_the_cache(media: Path) -> None:
    assert load_cached_peaks(media) is None
    computed = peaks_for(media)
    cached = load_cached_peaks(media)
    assert cached is not None
    np.testing.assert_array_equal(cached.base, computed.base)
    assert cache_path_for(media).parent.name == "waveform-peaks"


def test_a_hit_returns_what_the_cache_holds(media: Path) -> None:
    peaks_for(media)
    marked = np.tile(np.array([[-0.25, 0.5]], dtype=np.float32), (7, 1))
    np.save(cache_path_for(media), marked, allow_pickle=False)
    reports: list[float] = []
    pyramid = peaks_for(media, lambda fraction, _partial: reports.append(fraction))
    np.testing.assert_array_equal(pyramid.base, marked)
    assert reports == [1.0]


def test_a_changed_file_misses_the_cache(media: Path) -> None:
    first = peaks_for(media)
    old_key = cache_path_for(media)
    status = media.stat()
    os.utime(media, ns=(status.st_atime_ns, status.st_mtime_ns + 5_000_000_000))
    assert cache_path_for(media) != old_key
    assert load_cached_peaks(media) is None
    np.testing.assert_array_equal(peaks_for(media).base, first.base)


@pytest.mark.parametrize("damage", [
    b"garbage, not numpy",
    b"",
    "truncated",
    "wrong shape",
    "not finite",
])
def test_a_damaged_cache_is_recomputed_and_rewritten(media: Path, damage: bytes | str) -> None:
    good = peaks_for(media).base
    path = cache_path_for(media)
    if damage == "truncated":
        path.write_bytes(path.read_bytes()[:200])
    elif damage == "wrong shape":
        np.save(path, np.zeros((10, 3), dtype=np.float32))
    elif damage == "not finite":
        np.save(path, np.full((10, 2), np.nan, dtype=np.float32))
    else:
        assert isinstance(damage, bytes)
        path.write_bytes(damage)
    assert load_cached_peaks(media) is None
    np.testing.assert_array_equal(peaks_for(media).base, good)
    reloaded = load_cached_peaks(media)
    assert isinstance(reloaded, PeakPyramid)
    np.testing.assert_array_equal(reloaded.base, good)
