"""Text measured in terminal columns: a Chinese character takes two, so counting characters misaligns and wraps.

Python's own ``unicodedata.east_asian_width`` tells the wide (W) and full-width (F) characters.
"""

from __future__ import annotations

import unicodedata

WIDE = ("W", "F")
CLOSING = set("，。、；：！？）】」』》〉")  # stays on the line of what it closes
OPENING = set("（【「『《〈")  # stays on the line of what it opens


def display_width(text: str) -> int:
    return sum(2 if _is_wide(character) else 1 for character in text)


def pad_to_width(text: str, width: int) -> str:
    """``text`` with spaces after it up to ``width`` columns (``f"{text:<width}"`` by columns)."""
    return text + " " * max(0, width - display_width(text))


def cut_to_width(text: str, width: int) -> str:
    """``text`` in at most ``width`` columns, its cut end marked with "…"."""
    if display_width(text) <= width:
        return text
    kept, used = [], 1  # room for the "…"
    for character in text:
        used += display_width(character)
        if used > width:
            break
        kept.append(character)
    return "".join(kept) + "…"


def wrap_to_width(text: str, width: int) -> list[str]:
    """``text``'s words in lines of at most ``width`` columns (a longer word alone on its line)."""
    pieces = _breakable_pieces(" ".join(text.split()))
    lines: list[str] = []
    line = ""
    for piece in pieces:
        if line and display_width(line + piece.rstrip()) > width:
            lines.append(line.rstrip())
            line = "" if piece.isspace() else piece
        else:
            line += piece
    if line.strip():
        lines.append(line.rstrip())
    return lines


def _breakable_pieces(text: str) -> list[str]:
    """A word (a run of narrow characters) or a wide character, with the opening punctuation before it and the
    closing punctuation after it, or a space: a line may break before each."""
    pieces: list[str] = []
    for character in text:
        joins = pieces and not character.isspace() and (
            character in CLOSING or pieces[-1][-1] in OPENING
            or not (_is_wide(character) or pieces[-1].isspace() or _is_wide(pieces[-1][-1])))
        if joins:
            pieces[-1] += character
        else:
            pieces.append(character)
    return pieces


def _is_wide(character: str) -> bool:
    return unicodedata.east_asian_width(character) in WIDE
