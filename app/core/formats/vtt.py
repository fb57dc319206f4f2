"""WebVTT (.vtt): ``WEBVTT`` header, blank line, ``HH:MM:SS.mmm --> HH:MM:SS.mmm`` cues."""

from __future__ import annotations

from app.core.formats.cues import cues_from_segments
from app.core.formats.timecode import clock
from app.core.transcript import Transcript


def write_vtt(transcript: Transcript) -> str:
    blocks = ["WEBVTT\n"]
    for cue in cues_from_segments(transcript.segments):
        start = clock(cue.start_ms / 1000, ".")
        end = clock(cue.end_ms / 1000, ".")
        # "-->" inside cue text would end the cue early in every parser.
        text = cue.text.replace("-->", "->")
        blocks.append(f"{start} --> {end}\n{text}\n")
    return "\n".join(blocks)
