"""Resampling audio that arrives in blocks (a recording) to recognition's 16 kHz, keeping state between blocks.

FFmpeg's resampler (through PyAV, already the decoder) carries its filter state from one block to
the next, so the joins between blocks are seamless, unlike resampling each block on its own.
"""

from __future__ import annotations

import av
import numpy as np

from app.core.audio import SAMPLE_RATE


class StreamResampler:
    """Mono float32 blocks at ``source_rate`` in, mono float32 at 16 kHz out."""

    def __init__(self, source_rate: int, target_rate: int = SAMPLE_RATE) -> None:
        self.source_rate = source_rate
        self.target_rate = target_rate
        self._resampler = (
            None if source_rate == target_rate
            else av.AudioResampler(format="flt", layout="mono", rate=target_rate)
        )

    def resample(self, block: np.ndarray) -> np.ndarray:
        if self._resampler is None or block.size == 0:
            return np.ascontiguousarray(block, dtype=np.float32)
        frame = av.AudioFrame.from_ndarray(
            np.ascontiguousarray(block, dtype=np.float32).reshape(1, -1), format="flt", layout="mono"
        )
        frame.sample_rate = self.source_rate
        return self._joined(self._resampler.resample(frame))

    def flush(self) -> np.ndarray:
        """What the resampler still holds, at the end of the stream."""
        if self._resampler is None:
            return np.zeros(0, dtype=np.float32)
        return self._joined(self._resampler.resample(None))

    @staticmethod
    def _joined(frames: list[av.AudioFrame]) -> np.ndarray:
        if not frames:
            return np.zeros(0, dtype=np.float32)
        return np.concatenate([f.to_ndarray().reshape(-1) for f in frames]).astype(np.float32, copy=False)
