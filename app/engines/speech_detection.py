"""Voice activity over a stream: faster-whisper's Silero filter, fed chunk by chunk.

faster-whisper's ``get_speech_timestamps`` wants the whole recording as one array and copies it
twice more on the way to the network (a one-hour file: ~700 MB). Here the same network runs on
the same batches (10 000 windows of 512 samples, each with the 64 samples before it, the state
carried from batch to batch) as the chunks arrive, keeping one speech probability per window
(a three-hour file: 1.3 MB); ``speech_stretches`` then applies faster-whisper's own rules to those
probabilities. The stretches are the ones faster-whisper finds on the whole array (a test
compares them on real speech).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from faster_whisper.vad import VadOptions

WINDOW = 512  # samples per speech probability
CONTEXT = 64  # samples of the window before, given with each window
BATCH_WINDOWS = 10_000  # faster-whisper's batch: the same batches give the same probabilities


class SpeechProbabilities:
    """Feed samples in order; ``finish`` gives one speech probability per 512-sample window."""

    def __init__(self) -> None:
        from faster_whisper.vad import get_vad_model

        self._session = get_vad_model().session
        self._state = np.zeros((1, 1, 128), dtype=np.float32), np.zeros((1, 1, 128), dtype=np.float32)
        self._previous_tail = np.zeros(CONTEXT, dtype=np.float32)
        self._pending: list[np.ndarray] = []
        self._pending_samples = 0
        self._probabilities: list[np.ndarray] = []
        self.total_samples = 0

    def feed(self, samples: np.ndarray) -> None:
        self._pending.append(samples)
        self._pending_samples += len(samples)
        self.total_samples += len(samples)
        batch_samples = BATCH_WINDOWS * WINDOW
        while self._pending_samples >= batch_samples:
            joined = np.concatenate(self._pending)
            self._run(joined[:batch_samples].reshape(-1, WINDOW))
            self._pending, self._pending_samples = [joined[batch_samples:]], len(joined) - batch_samples

    def finish(self) -> np.ndarray:
        """The probabilities; the rest padded to a whole window (a full one if none is left), as in faster-whisper."""
        rest = np.concatenate(self._pending) if self._pending else np.zeros(0, dtype=np.float32)
        padded = np.pad(rest, (0, WINDOW - len(rest) % WINDOW)).reshape(-1, WINDOW)
        padded[-1, -CONTEXT:] = 0  # faster-whisper zeroes the tail of the last window in place
        self._run(padded)
        self._pending = []
        return np.concatenate(self._probabilities).reshape(-1)

    def _run(self, windows: np.ndarray) -> None:
        contexts = np.concatenate([self._previous_tail[None, :], windows[:-1, -CONTEXT:]])
        self._previous_tail = windows[-1, -CONTEXT:].copy()
        batch = np.concatenate([contexts, windows], axis=1).astype(np.float32, copy=False)
        h, c = self._state
        output, h, c = self._session.run(None, {"input": batch, "h": h, "c": c})
        self._state = h, c
        self._probabilities.append(np.asarray(output, dtype=np.float32))


def speech_probabilities(chunks: Iterable[np.ndarray]) -> tuple[np.ndarray, int]:
    """The probabilities of a stream of chunks, and how many samples it had."""
    detector = SpeechProbabilities()
    for chunk in chunks:
        detector.feed(chunk)
    return detector.finish(), detector.total_samples


def speech_stretches(probabilities: np.ndarray, total_samples: int, options: VadOptions) -> list[tuple[int, int]]:
    """[start, end) sample ranges of speech: faster-whisper's get_speech_timestamps, from the probabilities."""
    threshold = options.threshold
    neg_threshold = options.neg_threshold if options.neg_threshold is not None else max(threshold - 0.15, 0.01)
    rate = 16_000
    min_speech = rate * options.min_speech_duration_ms / 1000
    pad = rate * options.speech_pad_ms / 1000
    max_speech = rate * options.max_speech_duration_s - WINDOW - 2 * pad
    min_silence = rate * options.min_silence_duration_ms / 1000
    min_silence_at_max_speech = rate * 98 / 1000

    triggered = False
    speeches: list[dict[str, int]] = []
    current: dict[str, int] = {}
    temp_end = prev_end = next_start = 0
    # compared as float32, as faster-whisper compares its float32 probabilities with the thresholds
    above = (probabilities >= np.float32(threshold)).tolist()
    below = (probabilities < np.float32(neg_threshold)).tolist()
    for i, (is_speech, is_silence) in enumerate(zip(above, below, strict=True)):
        position = WINDOW * i
        if is_speech and temp_end:
            temp_end = 0
            if next_start < prev_end:
                next_start = position
        if is_speech and not triggered:
            triggered = True
            current["start"] = position
            continue
        if triggered and position - current["start"] > max_speech:
            if prev_end:
                current["end"] = prev_end
                speeches.append(current)
                current = {}
                if next_start < prev_end:
                    triggered = False
                else:
                    current["start"] = next_start
                prev_end = next_start = temp_end = 0
            else:
                current["end"] = position
                speeches.append(current)
                current = {}
                prev_end = next_start = temp_end = 0
                triggered = False
                continue
        if is_silence and triggered:
            if not temp_end:
                temp_end = position
            if position - temp_end > min_silence_at_max_speech:
                prev_end = temp_end
            if position - temp_end < min_silence:
                continue
            current["end"] = temp_end
            if current["end"] - current["start"] > min_speech:
                speeches.append(current)
            current = {}
            prev_end = next_start = temp_end = 0
            triggered = False
    if current and total_samples - current["start"] > min_speech:
        current["end"] = total_samples
        speeches.append(current)
    return _padded(speeches, total_samples, pad)


def _padded(speeches: list[dict[str, int]], total_samples: int, pad: float) -> list[tuple[int, int]]:
    """Each stretch widened by ``pad`` on both sides, or by half the gap where the gap is shorter."""
    for i, speech in enumerate(speeches):
        if i == 0:
            speech["start"] = int(max(0, speech["start"] - pad))
        if i != len(speeches) - 1:
            gap = speeches[i + 1]["start"] - speech["end"]
            if gap < 2 * pad:
                speech["end"] += int(gap // 2)
                speeches[i + 1]["start"] = int(max(0, speeches[i + 1]["start"] - gap // 2))
            else:
                speech["end"] = int(min(total_samples, speech["end"] + pad))
                speeches[i + 1]["start"] = int(max(0, speeches[i + 1]["start"] - pad))
        else:
            speech["end"] = int(min(total_samples, speech["end"] + pad))
    return [(speech["start"], speech["end"]) for speech in speeches]
