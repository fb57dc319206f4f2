"""Speaker embeddings of fixed-length feature windows: CAM++ on onnxruntime."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import onnxruntime

from app.engines.diarization.campplus_graph import EMBEDDING_DIM, build_campplus
from app.engines.diarization.weights import load_weights

WINDOW_FRAMES = 150  # 1.5 s of 10 ms frames
_BATCH = 8  # larger batches are no faster on 2 cores and hold more activations


class SpeakerEmbedder:
    """Unit-length 192-dimensional embeddings, one per window of ``WINDOW_FRAMES`` frames."""

    def __init__(self, threads: int = 0) -> None:
        model = build_campplus(load_weights(), WINDOW_FRAMES)
        options = onnxruntime.SessionOptions()
        options.intra_op_num_threads = threads
        options.inter_op_num_threads = 1
        self._session = onnxruntime.InferenceSession(
            model.SerializeToString(), options, providers=["CPUExecutionProvider"]
        )

    def embed(self, windows: np.ndarray, check_cancelled: Callable[[], None] | None = None) -> np.ndarray:
        """(n, WINDOW_FRAMES, 80) filterbank windows to (n, 192) float32 unit vectors.

        ``check_cancelled`` is called before each batch (a fraction of a second each on 2 idle cores, several
        under load), so a long speech region is not an uninterruptible step; it raises to stop."""
        windows = windows - windows.mean(axis=1, keepdims=True)  # 3D-Speaker's per-chunk mean normalisation
        pieces = []
        for start in range(0, len(windows), _BATCH):
            if check_cancelled is not None:
                check_cancelled()
            pieces.append(self._session.run(None, {"features": windows[start:start + _BATCH]})[0])
        if not pieces:
            return np.zeros((0, EMBEDDING_DIM), np.float32)
        embeddings = np.concatenate(pieces).astype(np.float32, copy=False)
        norms = np.linalg.norm(embeddings, axis=1, keepdims=True)
        unit: np.ndarray = embeddings / np.maximum(norms, 1e-8)
        return unit
