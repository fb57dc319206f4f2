"""Whisper encoding only the audio a live pass has, not a padded 30-second window.

faster-whisper pads every window's features to 30 s (3,000 frames) and the encoder's cost grows
with its input, so a pass over 5 s of audio paid for 30: measured, the encoder is 87% of a live
pass. CTranslate2's Whisper encoder accepts fewer frames, and decoding and word alignment follow
the encoder's length. Padding is cut back to the audio plus a second, but never below
``MIN_WINDOW_FRAMES``: with a window under 10 s, base fell into temperature fallbacks on a 5 s
LibriSpeech clip (a wrong word and 6x the time), while 10 s gave the 30 s window's words on
every clip tried (``README``: live lag).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np

if TYPE_CHECKING:
    import ctranslate2
    from faster_whisper import WhisperModel

FRAMES_PER_SECOND = 100
MIN_WINDOW_FRAMES = 10 * FRAMES_PER_SECOND
MARGIN_FRAMES = FRAMES_PER_SECOND
FULL_WINDOW_FRAMES = 30 * FRAMES_PER_SECOND


def short_window_model(model: WhisperModel) -> WhisperModel:
    """A view of the loaded ``model`` (the same weights, nothing loaded twice) that encodes short windows."""
    from faster_whisper import WhisperModel

    class ShortWindowWhisperModel(WhisperModel):  # type: ignore[misc]  # faster-whisper has no type hints
        def encode(self, features: np.ndarray) -> ctranslate2.StorageView:
            return super().encode(without_padding(features))

    view: WhisperModel = ShortWindowWhisperModel.__new__(ShortWindowWhisperModel)
    view.__dict__.update(model.__dict__)  # shares the CTranslate2 model, tokenizer and feature extractor
    return view


def without_padding(features: np.ndarray) -> Any:
    """Mel features (mels × frames, or a batch of one) cut to the frames with sound plus a margin.

    faster-whisper pads with exact zeros after computing the features; a real frame, even of
    silence, is never zero in every mel band (the log-mel floor is about -1.5).
    """
    frames = features.shape[-1]
    if frames <= MIN_WINDOW_FRAMES:
        return features
    has_sound = np.any(features.reshape(-1, frames) != 0.0, axis=0)
    last = int(np.flatnonzero(has_sound)[-1]) + 1 if has_sound.any() else 0
    whole_seconds = -(-last // FRAMES_PER_SECOND) * FRAMES_PER_SECOND
    keep = min(frames, max(MIN_WINDOW_FRAMES, whole_seconds + MARGIN_FRAMES))
    return features[..., :keep]
