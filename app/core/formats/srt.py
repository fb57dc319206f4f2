"""SubRip (.srt): numbered cues, ``HH:MM:SS,mmm --> HH:MM:SS,mmm``, UTF-8 without BOM."""

from __future__ import annotations

import re

from app.core.errors import FormatError
from app.core.formats.cues import cue_text, cues_from_segments
from app.core.formats.text_blocks import is_timing_line, parse_timing, split_run_on_cues, text_blocks
from app.core.formats.timecode import clock_from_milliseconds
from app.core.text_translation import translated
from app.core.transcript import Segment, Transcript

_EXAMPLE = "00:00:01,000 --> 00:00:02,500"
# SRT styling that players understand; the transcript keeps plain text.
_STYLING = re.compile(r"</?(?:i|b|u|s|font)(?:\s[^>]*)?>|\{\\[^}]*\}", re.IGNORECASE)


def write_srt(transcript: Transcript) -> str:
    blocks = []
    for number, cue in enumerate(cues_from_segments(transcript.segments), start=1):
        start = clock_from_milliseconds(cue.start_ms, ",")
        end = clock_from_milliseconds(cue.end_ms, ",")
        blocks.append(f"{number}\n{start} --> {end}\n{_shown_as_text(cue.text)}\n")
    return "\n".join(blocks)


def _shown_as_text(text: str) -> str:
    """"-->" would read as a time line; players (FFmpeg, VLC) hide anything in braces as ASS tags."""
    return text.replace("-->", "->").replace("{", "(").replace("}", ")")


def read_srt(text: str, name: str = "the file") -> Transcript:
    segments = []
    warnings: list[str] = []
    for block in split_run_on_cues(text_blocks(text), name, warnings):
        lines, line_number = block.lines, block.first_line
        if not is_timing_line(lines[0]):
            if not lines[0].strip().isdigit() or len(lines) < 2:
                raise FormatError(
                    translated(
                        "Cannot read {name}: line {line_number} should be a cue number or a time line "
                        "like “{EXAMPLE}”."
                    ).format(name=name, line_number=line_number, EXAMPLE=_EXAMPLE)
                )
            lines, line_number = lines[1:], line_number + 1
        start, end = parse_timing(lines[0], line_number, name, _EXAMPLE)
        body = cue_text(_STYLING.sub("", "\n".join(lines[1:])))
        if body:
            segments.append(Segment(start, end, body))
    if not segments:
        raise FormatError(translated("Cannot read {name}: it holds no subtitle cues.").format(name=name))
    return Transcript(segments=segments, duration=max(s.end for s in segments), warnings=warnings)
