"""RTTM (Rich Transcription Time Marked), the diarization tools' format for speaker turns.

One line per turn: ``SPEAKER <recording> 1 <start> <duration> <NA> <NA> <speaker> <NA> <NA>``,
fields separated by spaces, so spaces inside the recording's or a speaker's name become ``_``.
"""

from __future__ import annotations

from app.core.speaker_turns import SpeakerTurn


def write_rttm(turns: list[SpeakerTurn], recording: str) -> str:
    """The turns of ``recording`` (usually the media file's stem) in time order."""
    recording_id = _field(recording) or "recording"
    lines = [
        f"SPEAKER {recording_id} 1 {turn.start:.3f} {turn.duration:.3f} <NA> <NA> {_field(turn.speaker)} <NA> <NA>"
        for turn in sorted(turns, key=lambda turn: (turn.start, turn.end))
        if turn.duration > 0
    ]
    return "".join(f"{line}\n" for line in lines)


def _field(text: str) -> str:
    return "_".join(text.split())
