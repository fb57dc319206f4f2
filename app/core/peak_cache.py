"""Waveform peaks cached on disk, keyed by the media file's path, size and modification time.

One ``.npy`` file per media file under the cache folder's ``waveform-peaks``: the base level only
(the rest of the pyramid is rebuilt from it in milliseconds). A file that does not load as a
finite (n, 2) float32 array of sane values is damaged: it is ignored and the peaks are recomputed.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import threading
from pathlib import Path

import numpy as np

from app.core.atomic_write import write_bytes_atomically
from app.core.errors import EarshotError
from app.core.paths import cache_dir
from app.core.peak_pyramid import PeakPyramid
from app.core.peaks_process import compute_peaks_in_process
from app.core.waveform_peaks import PeaksProgress

CACHE_VERSION = 1
SAMPLE_LIMIT = 16.0  # float decoders overshoot full scale on clipped audio; beyond this is garbage


def peaks_cache_folder() -> Path:
    return cache_dir() / "waveform-peaks"


def cache_path_for(media: Path) -> Path:
    status = media.stat()
    key = f"{CACHE_VERSION}\0{media.resolve()}\0{status.st_size}\0{status.st_mtime_ns}"
    return peaks_cache_folder() / f"{hashlib.sha256(key.encode('utf-8')).hexdigest()}.npy"


def load_cached_peaks(media: Path) -> PeakPyramid | None:
    """The cached peaks of ``media`` as it is now, or None (never cached, changed since, or damaged)."""
    try:
        data = cache_path_for(media).read_bytes()
        base = np.load(io.BytesIO(data), allow_pickle=False)
    except (OSError, ValueError, EOFError):
        return None
    if not _is_peak_array(base):
        return None
    return PeakPyramid.from_base(base)


def store_peaks(media: Path, pyramid: PeakPyramid) -> None:
    """Cache the peaks; a cache that cannot be written only costs a recomputation next time."""
    buffer = io.BytesIO()
    np.save(buffer, pyramid.base, allow_pickle=False)
    with contextlib.suppress(EarshotError, OSError):
        write_bytes_atomically(cache_path_for(media), buffer.getvalue())


def peaks_for(
    media: str | Path, progress: PeaksProgress | None = None, cancel_event: threading.Event | None = None
) -> PeakPyramid:
    """Cached peaks when they match the file, else computed (streamed; a long file in a child process) and cached."""
    media = Path(media)
    cached = load_cached_peaks(media) if media.is_file() else None
    if cached is not None:
        if progress is not None:
            progress(1.0, cached.base)
        return cached
    pyramid = compute_peaks_in_process(media, progress, cancel_event)
    store_peaks(media, pyramid)
    return pyramid


def _is_peak_array(base: object) -> bool:
    return (
        isinstance(base, np.ndarray)
        and base.dtype == np.float32
        and base.ndim == 2
        and base.shape[1] == 2
        and bool(np.isfinite(base).all())
        and bool((np.abs(base) <= SAMPLE_LIMIT).all())
        and bool((base[:, 0] <= base[:, 1]).all())
    )
