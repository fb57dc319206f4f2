"""Tab-separated values: start and end in milliseconds, speaker, text; one row a segment."""

from __future__ import annotations

from app.core.formats.timecode import to_milliseconds
from app.core.transcript import Transcript

HEADER = "start\tend\tspeaker\ttext"


def _cell(text: str) -> str:
    """Tabs and line breaks would split the row, so they become spaces."""
    return " ".join(text.split())


def write_tsv(transcript: Transcript) -> str:
    rows = [HEADER]
    for segment in transcript.segments:
        if not segment.text.strip():
            continue
        start = to_milliseconds(segment.start)
        end = max(to_milliseconds(segment.end), start)
        rows.append(f"{start}\t{end}\t{_cell(segment.speaker or '')}\t{_cell(segment.text)}")
    return "\n".join(rows) + "\n"
