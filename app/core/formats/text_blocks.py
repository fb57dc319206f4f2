"""Subtitle text as blocks separated by blank lines, each knowing the line number it starts on."""

from __future__ import annotations

import re
from dataclasses import dataclass

from app.core.errors import FormatError
from app.core.formats.timecode import parse_clock

_TIMING = re.compile(r"^\s*(\S+)\s*-->\s*(\S+)(?:\s.*)?$")


@dataclass(frozen=True, slots=True)
class TextBlock:
    first_line: int  # 1-based
    lines: list[str]


def text_blocks(text: str) -> list[TextBlock]:
    blocks: list[TextBlock] = []
    current: list[str] = []
    first = 0
    for number, line in enumerate(text.splitlines(), start=1):
        if line.strip():
            if not current:
                first = number
            current.append(line.rstrip())
        elif current:
            blocks.append(TextBlock(first, current))
            current = []
    if current:
        blocks.append(TextBlock(first, current))
    return blocks


def is_timing_line(line: str) -> bool:
    return "-->" in line


def parse_timing(line: str, line_number: int, name: str, example: str) -> tuple[float, float]:
    """Start and end seconds of a ``start --> end`` line, or a FormatError naming the line."""
    match = _TIMING.match(line)
    start = parse_clock(match.group(1)) if match else None
    end = parse_clock(match.group(2)) if match else None
    if start is None or end is None:
        raise FormatError(
            f"Cannot read {name}: line {line_number} is not a valid time line "
            f"(“{_shortened(line)}”, expected like “{example}”)."
        )
    if end < start:
        raise FormatError(f"Cannot read {name}: the cue on line {line_number} ends before it starts.")
    return start, end


def check_no_timing_in_text(lines: list[str], timing_line_number: int, name: str) -> None:
    """A time line inside a cue's text means the blank line before it is missing."""
    for offset, line in enumerate(lines[1:], start=1):
        if is_timing_line(line):
            raise FormatError(
                f"Cannot read {name}: line {timing_line_number + offset} is a time line inside a cue's text "
                "(a blank line is missing before it)."
            )


def _shortened(line: str, limit: int = 40) -> str:
    line = line.strip()
    return line if len(line) <= limit else line[: limit - 1] + "…"
