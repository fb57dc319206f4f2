"""Word documents (.docx) with python-docx: a title, then each segment with its time and speaker."""

from __future__ import annotations

import io
from pathlib import Path

from docx import Document
from docx.shared import Pt, RGBColor

from app.core.formats.timecode import short_clock
from app.core.transcript import Transcript

TIME_COLOUR = RGBColor(0x6B, 0x72, 0x80)


def write_docx(transcript: Transcript) -> bytes:
    document = Document()
    title = Path(transcript.media_path).name if transcript.media_path else "Transcript"
    document.core_properties.title = title
    document.add_heading(title, level=1)
    for segment in transcript.segments:
        text = " ".join(segment.text.split())
        if not text:
            continue
        paragraph = document.add_paragraph()
        time_run = paragraph.add_run(f"[{short_clock(segment.start)}] ")
        time_run.font.color.rgb = TIME_COLOUR
        time_run.font.size = Pt(9)
        if segment.speaker:
            paragraph.add_run(f"{segment.speaker}: ").bold = True
        paragraph.add_run(text)
    stream = io.BytesIO()
    document.save(stream)
    return stream.getvalue()
