"""Scoring diarization: conversations built from single-speaker clips, RTTM references, DER.

The diarization error rate is NIST's: (missed speech + false alarm + speaker confusion) over
reference speech, on 10 ms frames, with an optimal one-to-one mapping of hypothesis speakers
to reference speakers (scipy's linear_sum_assignment) and a collar around every reference
boundary left unscored. pyannote.metrics computes the same but brings a large stack with it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np
from scipy.optimize import linear_sum_assignment

from app.core.audio import SAMPLE_RATE, decode_audio
from app.core.speaker_turns import SpeakerTurn
from app.core.transcript import Segment

FRAME_SECONDS = 0.01
DEV_AUDIO = Path(__file__).resolve().parents[2] / "shared" / "audio" / "dev"
# Long single-speaker readings, each a different voice.
READERS = [DEV_AUDIO / name for name in (
    "en_librivox_udhr_preamble.mp3", "en_librivox_sonnet002.mp3", "fr_librivox_udhr_preamble.mp3",
    "da_librivox_udhr_preamble.mp3", "en_mfa_acoustic_corpus.wav", "fr_readalongs_ej-fra.m4a",
)]


def diarization_error_rate(
    reference: list[SpeakerTurn], hypothesis: list[SpeakerTurn], collar: float = 0.25
) -> float:
    ends = [turn.end for turn in (*reference, *hypothesis)]
    frames = int(np.ceil(max(ends, default=0.0) / FRAME_SECONDS)) + 1
    ref = _activity(reference, frames)
    hyp = _activity(hypothesis, frames)
    scored = np.ones(frames, dtype=bool)
    for turn in reference:
        for boundary in (turn.start, turn.end):
            scored[_frame(boundary - collar):_frame(boundary + collar)] = False
    ref, hyp = ref[scored], hyp[scored]
    reference_speech = int(ref.sum())
    if reference_speech == 0:
        return 0.0 if not hyp.any() else float("inf")
    overlap = ref.T.astype(np.int64) @ hyp.astype(np.int64)
    rows, columns = linear_sum_assignment(overlap, maximize=True)
    correct = int(overlap[rows, columns].sum())
    errors = int(np.maximum(ref.sum(axis=1), hyp.sum(axis=1)).sum()) - correct
    return errors / reference_speech


def _frame(seconds: float) -> int:
    return max(0, round(seconds / FRAME_SECONDS))


def _activity(turns: list[SpeakerTurn], frames: int) -> np.ndarray:
    speakers = sorted({turn.speaker for turn in turns})
    activity = np.zeros((frames, max(1, len(speakers))), dtype=bool)
    for turn in turns:
        activity[_frame(turn.start):_frame(turn.end), speakers.index(turn.speaker)] = True
    return activity


def read_rttm_reference(path: Path) -> list[SpeakerTurn]:
    turns = []
    for line in path.read_text(encoding="utf-8").splitlines():
        fields = line.split()
        if fields and fields[0] == "SPEAKER":
            start, duration = float(fields[3]), float(fields[4])
            turns.append(SpeakerTurn(start, start + duration, fields[7]))
    return turns


@dataclass(frozen=True, slots=True)
class Clip:
    """``seconds`` of speech from ``path`` starting at ``offset``, said by ``speaker``."""

    path: Path
    speaker: str
    offset: float
    seconds: float


def alternating_turns(readers: list[Path], rounds: int, seconds: float) -> list[Clip]:
    """Each reader in turn says ``seconds`` of their recording, ``rounds`` times, never repeating audio."""
    return [
        Clip(path, path.stem, 3.0 + round_ * (seconds + 1.0), seconds)
        for round_ in range(rounds) for path in readers
    ]


def build_conversation(clips: list[Clip], pause: float = 0.6) -> tuple[np.ndarray, list[SpeakerTurn]]:
    """The clips one after another with ``pause`` seconds of silence between, and the true turns.

    Each clip is trimmed of its quiet edges so the reference turns start and end on speech.
    """
    pieces: list[np.ndarray] = [np.zeros(int(pause * SAMPLE_RATE), np.float32)]
    turns: list[SpeakerTurn] = []
    cursor = pause
    decoded: dict[Path, np.ndarray] = {}
    for clip in clips:
        if clip.path not in decoded:
            decoded[clip.path] = decode_audio(clip.path).samples
        samples = decoded[clip.path]
        start = int(clip.offset * SAMPLE_RATE)
        speech = _trimmed(samples[start:start + int(clip.seconds * SAMPLE_RATE)])
        turns.append(SpeakerTurn(cursor, cursor + len(speech) / SAMPLE_RATE, clip.speaker))
        pieces += [speech, np.zeros(int(pause * SAMPLE_RATE), np.float32)]
        cursor += len(speech) / SAMPLE_RATE + pause
    return np.concatenate(pieces), turns


def _trimmed(samples: np.ndarray, frame: int = 320) -> np.ndarray:
    usable = len(samples) // frame * frame
    energy = np.sqrt((samples[:usable].reshape(-1, frame) ** 2).mean(axis=1))
    loud = np.flatnonzero(energy > 0.1 * energy.max())
    return samples[loud[0] * frame:(loud[-1] + 1) * frame].copy()


def two_speaker_clips() -> list[Clip]:
    """A conversation of two English readers, "A" first, seven turns of 4 to 9 s."""
    english, sonnet = READERS[:2]
    return [
        Clip(english, "A", 5, 7), Clip(sonnet, "B", 3, 5), Clip(english, "A", 14, 4), Clip(sonnet, "B", 10, 9),
        Clip(english, "A", 20, 6), Clip(sonnet, "B", 21, 4), Clip(english, "A", 28, 8),
    ]


def words_with_the_right_speaker(
    segments: list[Segment], reference: list[SpeakerTurn], truth: dict[str, str], slack: float = 0.3
) -> float:
    """The share of words whose speaker is the one the reference turn around them maps to in ``truth``."""
    words = [(word, segment.speaker) for segment in segments for word in segment.words]
    right = sum(
        1 for word, speaker in words
        for turn in reference
        if turn.start - slack <= (word.start + word.end) / 2 <= turn.end + slack and truth[turn.speaker] == speaker
    )
    return right / max(1, len(words))
