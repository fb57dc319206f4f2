"""Putting speaker turns onto a transcript: who said each word, and segments split where that changes.

Each word (or whole segment, when there are no word timings) gets the speaker whose turns
cover most of it, or the nearest turn's speaker when it falls in a gap between turns.
Speakers are then named "Speaker 1", "Speaker 2"… in the order they first speak in the
transcript, whatever the turns called them.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable
from dataclasses import replace

from app.core.speaker_turns import SpeakerTurn
from app.core.transcript import Segment, Word


def speaker_label(index: int) -> str:
    """The label of the ``index``-th speaker (from 0) in order of first appearance."""
    return f"Speaker {index + 1}"


def assign_speakers(segments: list[Segment], turns: list[SpeakerTurn]) -> list[Segment]:
    """New segments carrying speakers; ``segments`` are left as they were.

    With no turns (no speech found) the segments come back unchanged, without speakers.
    """
    if not turns:
        return [replace(segment, words=list(segment.words)) for segment in segments]
    speaker_at = _SpeakerLookup(sorted(turns, key=lambda turn: turn.start))
    assigned: list[Segment] = []
    for segment in segments:
        assigned.extend(_split_by_speaker(segment, speaker_at))
    return _named_in_order(assigned)


class _SpeakerLookup:
    def __init__(self, turns: list[SpeakerTurn]) -> None:
        self._turns = turns
        self._starts = [turn.start for turn in turns]
        self._longest = max(turn.duration for turn in turns)

    def __call__(self, start: float, end: float) -> str:
        """The speaker covering most of [start, end]; in a gap, the nearest turn's."""
        first = bisect.bisect_left(self._starts, start - self._longest)
        last = bisect.bisect_right(self._starts, end)
        covered: dict[str, float] = {}
        for turn in self._turns[first:last]:
            overlap = min(end, turn.end) - max(start, turn.start)
            if overlap > 0:
                covered[turn.speaker] = covered.get(turn.speaker, 0.0) + overlap
        if covered:
            return max(covered, key=lambda speaker: covered[speaker])
        middle = (start + end) / 2
        nearby = self._turns[max(0, first - 1):last + 1] or self._turns
        return min(nearby, key=lambda turn: _distance(turn, middle)).speaker


def _distance(turn: SpeakerTurn, moment: float) -> float:
    return max(turn.start - moment, moment - turn.end, 0.0)


def _split_by_speaker(segment: Segment, speaker_at: Callable[[float, float], str]) -> list[Segment]:
    if not segment.words:
        return [replace(segment, speaker=speaker_at(segment.start, segment.end), words=[])]
    runs: list[tuple[str, list[Word]]] = []
    for word in segment.words:
        speaker = speaker_at(word.start, word.end)
        if runs and runs[-1][0] == speaker:
            runs[-1][1].append(word)
        else:
            runs.append((speaker, [word]))
    if len(runs) == 1:
        return [replace(segment, speaker=runs[0][0], words=list(segment.words))]
    pieces = []
    for index, (speaker, words) in enumerate(runs):
        start = segment.start if index == 0 else words[0].start
        end = segment.end if index == len(runs) - 1 else words[-1].end
        text = "".join(word.text for word in words).strip()
        pieces.append(replace(segment, start=start, end=end, text=text, speaker=speaker, words=words))
    return pieces


def _named_in_order(segments: list[Segment]) -> list[Segment]:
    names: dict[str, str] = {}
    for segment in segments:
        if segment.speaker is not None and segment.speaker not in names:
            names[segment.speaker] = speaker_label(len(names))
        segment.speaker = names.get(segment.speaker) if segment.speaker is not None else None
    return segments
