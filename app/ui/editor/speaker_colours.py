"""A distinct colour for each speaker of a transcript, kept while the transcript is edited.

Speakers are numbered in the order they first speak when a transcript is shown; a name that
appears later (typed, assigned, renamed) gets the next number. Numbers never move, so a
speaker's colour does not jump while the user edits, and no edit costs a pass over the transcript.
"""

from __future__ import annotations

from PySide6.QtGui import QColor

from app.core.editing.speakers import speaker_names
from app.core.transcript import Transcript
from app.ui.themes import is_dark

_GOLDEN_ANGLE = 137.508  # consecutive hues this far apart stay distinct for many speakers


def _hue(number: int) -> int:
    return int(210 + number * _GOLDEN_ANGLE) % 360


def speaker_colour(number: int) -> QColor:
    """The text colour of the ``number``-th speaker: dark enough to read on white, light enough on the dark theme."""
    return QColor.fromHsl(_hue(number), 150, 185 if is_dark() else 72)


def speaker_tint(number: int) -> QColor:
    """A faint background of the same hue, for the speaker's cell (the text on it keeps the theme's colour)."""
    return QColor.fromHsl(_hue(number), 120, 60) if is_dark() else QColor.fromHsl(_hue(number), 170, 235)


class SpeakerColours:
    def __init__(self) -> None:
        self._numbers: dict[str, int] = {}

    def start_from(self, transcript: Transcript) -> None:
        """Number the speakers of a newly shown transcript in order of appearance."""
        self._numbers = {name: number for number, name in enumerate(speaker_names(transcript))}

    def number_of(self, speaker: str) -> int:
        return self._numbers.setdefault(speaker, len(self._numbers))
