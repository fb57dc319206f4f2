"""A distinct colour for each speaker of a transcript, in the order they first speak."""

from __future__ import annotations

from PySide6.QtGui import QColor

from app.core.editing.speakers import speaker_names
from app.core.transcript import Transcript

_GOLDEN_ANGLE = 137.508  # consecutive hues this far apart stay distinct for many speakers


def speaker_colour(number: int) -> QColor:
    """The text colour of the ``number``-th speaker: dark enough to read on white."""
    return QColor.fromHsl(int(210 + number * _GOLDEN_ANGLE) % 360, 150, 85)


def speaker_tint(number: int) -> QColor:
    """A light background of the same hue, for the speaker's cell."""
    return QColor.fromHsl(int(210 + number * _GOLDEN_ANGLE) % 360, 170, 235)


class SpeakerColours:
    """Speaker name → its number, worked out again only when the transcript changed."""

    def __init__(self) -> None:
        self._numbers: dict[str, int] | None = None

    def invalidate(self) -> None:
        self._numbers = None

    def number_of(self, transcript: Transcript, speaker: str) -> int:
        if self._numbers is None:
            self._numbers = {name: number for number, name in enumerate(speaker_names(transcript))}
        return self._numbers.get(speaker, 0)

    def numbers(self, transcript: Transcript) -> dict[str, int]:
        self.number_of(transcript, "")
        return dict(self._numbers or {})
