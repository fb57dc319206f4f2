"""Advanced SubStation Alpha (.ass), read and written with pysubs2; times in centiseconds."""

from __future__ import annotations

from pathlib import Path

import pysubs2

from app.core.errors import FormatError
from app.core.formats.cues import cue_text, cues_from_segments
from app.core.text_translation import translated
from app.core.transcript import Segment, Transcript

ASS_RESOLUTION_MS = 10
_DEFAULT_EVENT_FIELDS = ("Layer", "Start", "End", "Style", "Name", "MarginL", "MarginR", "MarginV", "Effect", "Text")


def write_ass(transcript: Transcript) -> str:
    subtitles = pysubs2.SSAFile()
    subtitles.info["Title"] = Path(transcript.media_path).name if transcript.media_path else "Transcript"
    for cue in cues_from_segments(transcript.segments, ASS_RESOLUTION_MS):
        event = pysubs2.SSAEvent(start=cue.start_ms, end=cue.end_ms, name=cue.speaker or "")
        # Braces open override tags in ASS and there is no escape for them.
        event.plaintext = cue.text.replace("{", "(").replace("}", ")")
        subtitles.events.append(event)
    return subtitles.to_string("ass")


def read_ass(text: str, name: str = "the file") -> Transcript:
    _check_lines(text, name)
    try:
        subtitles = pysubs2.SSAFile.from_string(text, format_="ass")
    except (ValueError, KeyError, pysubs2.Pysubs2Error) as error:
        raise FormatError(translated(
            "Cannot read {name}: it is not a valid ASS file ({error})."
        ).format(name=name, error=error)) from error
    segments = []
    for event in subtitles.events:
        body = cue_text(event.plaintext)
        if event.is_comment or not body:
            continue
        segments.append(Segment(event.start / 1000, event.end / 1000, body, event.name.strip() or None))
    if not segments:
        raise FormatError(translated("Cannot read {name}: it holds no subtitle cues.").format(name=name))
    return Transcript(segments=segments, duration=max(s.end for s in segments))


def _check_lines(text: str, name: str) -> None:
    """Name the first broken line, which pysubs2 would skip or fill in silently."""
    lines = text.splitlines()
    first = next((n for n, line in enumerate(lines, start=1) if line.strip()), None)
    if first is None or lines[first - 1].strip().lower() not in ("[script info]", "[v4+ styles]", "[v4 styles]"):
        raise FormatError(translated(
            "Cannot read {name}: line {line} should be “[Script Info]”, as ASS files start."
        ).format(name=name, line=first or 1))
    fields = list(_DEFAULT_EVENT_FIELDS)
    for number, line in enumerate(lines, start=1):
        kind, _, rest = line.partition(":")
        if kind.strip() == "Format" and "Text" in rest:
            fields = [f.strip() for f in rest.split(",")]
        elif kind.strip() in ("Dialogue", "Comment"):
            _check_event(dict(zip(fields, rest.split(",", len(fields) - 1), strict=False)), len(fields), number, name)


def _check_event(event: dict[str, str], field_count: int, number: int, name: str) -> None:
    if len(event) < field_count:
        raise FormatError(translated(
            "Cannot read {name}: line {number} is cut short ({found} of {field_count} fields)."
        ).format(name=name, number=number, found=len(event), field_count=field_count))
    start, end = _milliseconds(event.get("Start", "")), _milliseconds(event.get("End", ""))
    if start is None or end is None:
        raise FormatError(translated(
            "Cannot read {name}: line {number} has a start or end time that is not like 0:00:01.00."
        ).format(name=name, number=number))
    if end < start:
        raise FormatError(translated(
            "Cannot read {name}: the cue on line {number} ends before it starts."
        ).format(name=name, number=number))


def _milliseconds(timestamp: str) -> int | None:
    match = pysubs2.time.TIMESTAMP.fullmatch(timestamp.strip())
    return pysubs2.time.timestamp_to_ms(match.groups()) if match else None
