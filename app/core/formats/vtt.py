"""WebVTT (.vtt): ``WEBVTT`` header, blank line, ``HH:MM:SS.mmm --> HH:MM:SS.mmm`` cues."""

from __future__ import annotations

import html
import re

from app.core.errors import FormatError
from app.core.formats.cues import cue_text, cues_from_segments
from app.core.formats.text_blocks import is_timing_line, parse_timing, split_run_on_cues, text_blocks
from app.core.formats.timecode import clock_from_milliseconds
from app.core.text_translation import translated
from app.core.transcript import Segment, Transcript

_EXAMPLE = "00:00:01.000 --> 00:00:02.500"
_VOICE = re.compile(r"<v(?:\.[^\s>]*)?\s+([^>]*)>")
_TAG = re.compile(r"<[^>]*>")
_NOT_CUES = ("NOTE", "STYLE", "REGION")


def write_vtt(transcript: Transcript) -> str:
    blocks = ["WEBVTT\n"]
    for cue in cues_from_segments(transcript.segments):
        start = clock_from_milliseconds(cue.start_ms, ".")
        end = clock_from_milliseconds(cue.end_ms, ".")
        # Braces as in SRT: FFmpeg-based players turn WebVTT into ASS, where they open style tags.
        text = _escaped(cue.text.replace("-->", "->").replace("{", "(").replace("}", ")"))
        if cue.speaker:
            text = f"<v {_escaped(cue.speaker).replace('>', '')}>{text}"
        blocks.append(f"{start} --> {end}\n{text}\n")
    return "\n".join(blocks)


def _escaped(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def read_vtt(text: str, name: str = "the file") -> Transcript:
    blocks = text_blocks(text)
    header = blocks[0].lines[0] if blocks else ""
    if not blocks or blocks[0].first_line != 1 or not re.match(r"WEBVTT(?:[ \t]|$)", header):
        raise FormatError(translated(
            "Cannot read {name}: line 1 should be “WEBVTT”, as every WebVTT file starts."
        ).format(name=name))
    segments = []
    warnings: list[str] = []
    for block in split_run_on_cues(blocks[1:], name, warnings):
        if block.lines[0].split(maxsplit=1)[0] in _NOT_CUES and not is_timing_line(block.lines[0]):
            continue
        segment = _read_cue(block.lines, block.first_line, name)
        if segment is not None:
            segments.append(segment)
    if not segments:
        raise FormatError(translated("Cannot read {name}: it holds no subtitle cues.").format(name=name))
    return Transcript(segments=segments, duration=max(s.end for s in segments), warnings=warnings)


def _read_cue(lines: list[str], line_number: int, name: str) -> Segment | None:
    if not is_timing_line(lines[0]):  # the first line names the cue
        if len(lines) < 2 or not is_timing_line(lines[1]):
            raise FormatError(
                translated(
                    "Cannot read {name}: line {line_number} should be a time line like “{EXAMPLE}”."
                ).format(name=name, line_number=line_number, EXAMPLE=_EXAMPLE)
            )
        lines, line_number = lines[1:], line_number + 1
    start, end = parse_timing(lines[0], line_number, name, _EXAMPLE)
    payload = "\n".join(lines[1:])
    voice = _VOICE.search(payload)
    body = cue_text(html.unescape(_TAG.sub("", payload)))
    if not body:
        return None
    speaker = html.unescape(voice.group(1)).strip() or None if voice else None
    return Segment(start, end, body, speaker)
