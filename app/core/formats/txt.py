"""Plain text, with or without timestamps."""

from __future__ import annotations

from app.core.formats.timecode import short_clock
from app.core.transcript import Transcript


def write_txt(transcript: Transcript, timestamps: bool = False) -> str:
    lines = []
    for segment in transcript.segments:
        text = segment.text.strip()
        if not text:
            continue
        if segment.speaker:
            text = f"{segment.speaker}: {text}"
        if timestamps:
            text = f"[{short_clock(segment.start)} - {short_clock(segment.end)}] {text}"
        lines.append(text)
    return "\n".join(lines) + ("\n" if lines else "")
