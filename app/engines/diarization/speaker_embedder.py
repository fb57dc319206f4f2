"""Speaker embeddings of fixed-length feature windows: CAM++ on onnxruntime."""

from __future__ import annotations

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

    def embed(self, windows: np.ndarray) -> np.ndarray:
        """(n, WINDOW_FRAMES, 80) filterbank windows to (n, 192) float32 unit vectors."""
        windows = windows - windows.mean(axis=1, keepdims=True)  # 3D-Speaker's per-chunk mean normalisation
        pieces = [
            self._session.run(None, {"features": windows[start:start + _BATCH]})[0]
            for start in range(0, len(windows), _BATCH)
        ]
        if not pieces:
            return np.zeros((0, EMBEDDING_DIM), np.float32)
        embeddings = np.concatenate(pieces).astype(np.float32, copy=False)
        norms = np.linalg.norm(embeddings, axis=1, keepdims=True)
        unit: np.ndarray = embeddings / np.maximum(norms, 1e-8)
        return unit
