"""Text cut into sentences, each under a length limit: what is read aloud (and highlighted) one at a time."""

from __future__ import annotations

import re
from dataclasses import dataclass

_SENTENCE_END = re.compile(r"(?<=[.!?…。！？])[\"'”’)\]]*\s+|\n\s*")


@dataclass(frozen=True, slots=True)
class TextSpan:
    start: int  # character offsets into the whole text, so a view can highlight the span
    end: int
    text: str


def sentence_spans(text: str, limit: int | None = None) -> list[TextSpan]:
    """The sentences of ``text`` in order; one longer than ``limit`` characters is cut at spaces."""
    spans: list[TextSpan] = []
    start = 0
    for boundary in [*(m.end() for m in _SENTENCE_END.finditer(text)), len(text)]:
        spans.extend(_pieces(text, start, boundary, limit))
        start = boundary
    return spans


def _pieces(text: str, start: int, end: int, limit: int | None) -> list[TextSpan]:
    pieces = []
    while start < end:
        stop = end
        if limit is not None and end - start > limit:
            space = text.rfind(" ", start, start + limit)
            stop = space if space > start else start + limit
        chunk = text[start:stop]
        if chunk.strip():
            lead = len(chunk) - len(chunk.lstrip())
            pieces.append(TextSpan(start + lead, start + len(chunk.rstrip()), chunk.strip()))
        start = stop
    return pieces
