"""The feature front end CAM++ was trained on: 80 Kaldi log-mel filterbanks every 10 ms.

3D-Speaker computes them with torchaudio's Kaldi-compatible fbank (25 ms frames, povey
window, pre-emphasis 0.97, no dither) on samples in [-1, 1] and subtracts each chunk's
mean; kaldi-native-fbank is the same computation without torch.
"""

from __future__ import annotations

import kaldi_native_fbank as knf
import numpy as np

from app.core.audio import SAMPLE_RATE

FRAME_SHIFT_SECONDS = 0.01
FEATURE_DIM = 80


def filterbank_features(samples: np.ndarray) -> np.ndarray:
    """(frames, 80) float32 log-mel energies of mono ``SAMPLE_RATE`` samples; no frames if too short."""
    options = knf.FbankOptions()
    options.frame_opts.dither = 0.0
    options.frame_opts.samp_freq = SAMPLE_RATE
    options.mel_opts.num_bins = FEATURE_DIM
    bank = knf.OnlineFbank(options)
    bank.accept_waveform(SAMPLE_RATE, np.ascontiguousarray(samples, dtype=np.float32))
    bank.input_finished()
    count = bank.num_frames_ready
    features = np.empty((count, FEATURE_DIM), dtype=np.float32)
    for index in range(count):
        features[index] = bank.get_frame(index)
    return features
