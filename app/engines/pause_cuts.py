"""Where a long stretch of speech is cut into passages: at its longest pause, not its last short one.

faster-whisper's voice-activity filter cuts a stretch longer than its limit at the last pause of
100 ms before the limit, which in running speech is often between two words of a sentence (the
Danish read-along: "datalogi | med mine"). A passage cut there ends on half a sentence and the next
starts on the other half, and Whisper decodes both worse. Here a stretch is cut at its longest pause
that starts between SHORTEST_PASSAGE_SECONDS and the limit (in a reading, the end of a sentence or
a clause), padded as the filter pads its stretches: a pause longer than twice the padding is left
out between the two pieces.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

WINDOW = 512  # samples per speech probability (app/engines/speech_detection.py)
SAMPLE_RATE = 16_000
SHORTEST_PASSAGE_SECONDS = 15.0  # a cut is looked for only after this much speech
LONGEST_PAUSE_WINDOWS = 4 * SAMPLE_RATE // WINDOW  # a stretch has no longer pause (the filter ends it at 2 s)


@dataclass(frozen=True, slots=True)
class PauseRules:
    silence_below: float  # a probability under this is a pause (the filter's own end-of-speech threshold)
    limit: int  # samples: no piece is longer
    pad: int  # samples of a pause kept on each side of a cut, as the filter pads speech


def cut_at_pauses(start: int, end: int, probabilities: np.ndarray, rules: PauseRules) -> list[tuple[int, int]]:
    """[start, end) cut into pieces of at most ``rules.limit`` samples, each at the longest pause in reach.

    Where no pause starts in reach, the piece is cut at the limit.
    """
    shortest = min(int(SHORTEST_PASSAGE_SECONDS * SAMPLE_RATE), rules.limit)
    quiet = probabilities < np.float32(rules.silence_below)
    pieces: list[tuple[int, int]] = []
    while end - start > rules.limit:
        pause = _longest_pause(quiet, start + shortest, start + rules.limit)
        if pause is None:
            piece_end = next_start = start + rules.limit
        else:
            kept = min(rules.pad, (pause[1] - pause[0]) // 2)
            piece_end, next_start = min(pause[0] + kept, start + rules.limit), pause[1] - kept
        pieces.append((start, piece_end))
        start = next_start
    pieces.append((start, end))
    return pieces


def _longest_pause(quiet: np.ndarray, earliest: int, latest: int) -> tuple[int, int] | None:
    """[start, end) samples of the longest quiet run starting between the two samples (the later of equals)."""
    first, last = -(-earliest // WINDOW), latest // WINDOW
    runs = [run for run in _runs(quiet[first:last + LONGEST_PAUSE_WINDOWS]) if run[0] < last - first]
    if not runs:
        return None
    begin, finish = max(runs, key=lambda run: (run[1] - run[0], run[0]))
    return (first + begin) * WINDOW, (first + finish) * WINDOW


def _runs(flags: np.ndarray) -> list[tuple[int, int]]:
    """[start, end) index ranges of the consecutive True values."""
    padded = np.concatenate([[False], flags, [False]]).astype(np.int8)
    edges = np.flatnonzero(np.diff(padded))
    return list(zip(edges[::2].tolist(), edges[1::2].tolist(), strict=True))
