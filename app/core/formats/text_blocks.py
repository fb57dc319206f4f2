"""Subtitle text as blocks separated by blank lines, each knowing the line number it starts on."""

from __future__ import annotations

import re
from dataclasses import dataclass

from app.core.errors import FormatError
from app.core.formats.timecode import parse_clock
from app.core.text_translation import translated

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
            translated(
                "Cannot read {name}: line {line_number} is not a valid time line (“{shortened}”, "
                "expected like “{example}”)."
            ).format(name=name, line_number=line_number, shortened=_shortened(line), example=example)
        )
    if end < start:
        raise FormatError(translated(
            "Cannot read {name}: the cue on line {line_number} ends before it starts."
        ).format(name=name, line_number=line_number))
    return start, end


def split_run_on_cues(blocks: list[TextBlock], name: str, warnings: list[str]) -> list[TextBlock]:
    """Blocks cut where a valid time line follows a cue's text with no blank line between, as players read them.

    A number just before that time line is the new cue's. Each cut adds a sentence to ``warnings``;
    a line with "-->" that is not a valid time line stays text.
    """
    cut: list[TextBlock] = []
    for block in blocks:
        lines, start = block.lines, 0
        timing = 0 if is_timing_line(lines[0]) else 1
        for index in range(timing + 1, len(lines)):
            if _valid_timing(lines[index]) is None:
                continue
            new_cue = index - 1 if index - 1 > timing + 1 and lines[index - 1].strip().isdigit() else index
            cut.append(TextBlock(block.first_line + start, lines[start:new_cue]))
            warnings.append(
                translated(
                    "In {name}, the blank line before line {first_line} is missing; a new cue was "
                    "started there."
                ).format(name=name, first_line=block.first_line + new_cue)
            )
            start, timing = new_cue, index
        cut.append(TextBlock(block.first_line + start, lines[start:]))
    return cut


def _valid_timing(line: str) -> tuple[float, float] | None:
    match = _TIMING.match(line)
    if not match:
        return None
    start, end = parse_clock(match.group(1)), parse_clock(match.group(2))
    return None if start is None or end is None or end < start else (start, end)


def _shortened(line: str, limit: int = 40) -> str:
    line = line.strip()
    return line if len(line) <= limit else line[: limit - 1] + "…"
