"""Plain text: one line a segment, with timestamps, as a script with speaker names, or as paragraphs."""

from __future__ import annotations

from app.core.formats.timecode import short_clock
from app.core.transcript import Segment, Transcript

PARAGRAPH_PAUSE = 2.0  # seconds of silence that start a new paragraph
PARAGRAPH_SENTENCES = 5


def _flat(text: str) -> str:
    return " ".join(text.split())


def _spoken(transcript: Transcript) -> list[Segment]:
    return [s for s in transcript.segments if s.text.strip()]


def _joined_lines(lines: list[str], separator: str = "\n") -> str:
    return separator.join(lines) + ("\n" if lines else "")


def write_txt(transcript: Transcript, timestamps: bool = False) -> str:
    """One line a segment; with ``timestamps`` each line starts with its times and speaker."""
    lines = []
    for segment in _spoken(transcript):
        text = _flat(segment.text)
        if timestamps:
            if segment.speaker:
                text = f"{segment.speaker}: {text}"
            text = f"[{short_clock(segment.start)} - {short_clock(segment.end)}] {text}"
        lines.append(text)
    return _joined_lines(lines)


def write_txt_with_timestamps(transcript: Transcript) -> str:
    return write_txt(transcript, timestamps=True)


def write_txt_with_speakers(transcript: Transcript) -> str:
    """A script: each speaker's turn one paragraph, headed by the name."""
    turns: list[tuple[str | None, list[str]]] = []
    for segment in _spoken(transcript):
        if not turns or turns[-1][0] != segment.speaker:
            turns.append((segment.speaker, []))
        turns[-1][1].append(_flat(segment.text))
    paragraphs = [f"{speaker}: {' '.join(texts)}" if speaker else " ".join(texts) for speaker, texts in turns]
    return _joined_lines(paragraphs, "\n\n")


def write_txt_paragraphs(transcript: Transcript) -> str:
    """Flowing text: a new paragraph at a change of speaker, a long pause or every few sentences."""
    paragraphs: list[list[str]] = []
    previous: Segment | None = None
    sentences = 0
    for segment in _spoken(transcript):
        if previous is None or _starts_paragraph(previous, segment, sentences):
            paragraphs.append([])
            sentences = 0
        paragraphs[-1].append(_flat(segment.text))
        sentences += sum(segment.text.count(mark) for mark in ".!?。！？")
        previous = segment
    return _joined_lines([" ".join(p) for p in paragraphs], "\n\n")


def _starts_paragraph(previous: Segment, segment: Segment, sentences: int) -> bool:
    ends_sentence = previous.text.rstrip().endswith((".", "!", "?", "…", "。", "！", "？"))
    return (
        segment.speaker != previous.speaker
        or segment.start - previous.end >= PARAGRAPH_PAUSE
        or (ends_sentence and sentences >= PARAGRAPH_SENTENCES)
    )
