"""The CAM++ graph's pieces against direct computations, and the front end's invariances."""

from __future__ import annotations

import numpy as np

from app.core.audio import decode_audio
from app.engines.diarization.campplus_graph import _context_pooling
from app.engines.diarization.features import filterbank_features
from app.engines.diarization.speaker_embedder import WINDOW_FRAMES, SpeakerEmbedder
from tests.diarization_scoring import DEV_AUDIO


def test_context_pooling_is_the_mean_plus_each_100_frame_segment_mean() -> None:
    """3D-Speaker's CAMLayer: x.mean(-1) + avg_pool1d(x, 100, 100, ceil_mode=True) repeated over each segment."""
    rng = np.random.default_rng(7)
    x = rng.standard_normal((3, 250)).astype(np.float32)
    expected = np.empty_like(x)
    for start in range(0, 250, 100):
        segment = x[:, start:start + 100]
        expected[:, start:start + 100] = x.mean(axis=1, keepdims=True) + segment.mean(axis=1, keepdims=True)
    np.testing.assert_allclose(x @ _context_pooling(250), expected, rtol=1e-5, atol=1e-5)


def test_an_embedding_does_not_depend_on_loudness() -> None:
    """Mean-normalised log filterbanks cancel a gain, as 3D-Speaker's front end does."""
    samples = decode_audio(DEV_AUDIO / "en_ljspeech_LJ001-0001.wav").samples
    embedder = SpeakerEmbedder()
    loud = filterbank_features(samples)[None, :WINDOW_FRAMES]
    quiet = filterbank_features(samples * 0.25)[None, :WINDOW_FRAMES]
    assert float(embedder.embed(loud)[0] @ embedder.embed(quiet)[0]) > 0.99
    assert filterbank_features(samples).shape[1] == 80
