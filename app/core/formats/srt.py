"""SubRip (.srt): numbered cues, ``HH:MM:SS,mmm --> HH:MM:SS,mmm``, UTF-8 without BOM."""

from __future__ import annotations

from app.core.formats.cues import cues_from_segments
from app.core.formats.timecode import clock
from app.core.transcript import Transcript


def write_srt(transcript: Transcript) -> str:
    blocks = []
    for number, cue in enumerate(cues_from_segments(transcript.segments), start=1):
        start = clock(cue.start_ms / 1000, ",")
        end = clock(cue.end_ms / 1000, ",")
        blocks.append(f"{number}\n{start} --> {end}\n{cue.text}\n")
    return "\n".join(blocks)
