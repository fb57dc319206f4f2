"""Who spoke when: speaker turns, and how many speakers the user expects."""

from __future__ import annotations

import re
from dataclasses import dataclass

from app.core.errors import SpeakerCountError
from app.core.text_translation import translated

MAX_SPEAKERS = 50


@dataclass(frozen=True, slots=True)
class SpeakerTurn:
    """One speaker talking from ``start`` to ``end`` seconds."""

    start: float
    end: float
    speaker: str

    @property
    def duration(self) -> float:
        return max(0.0, self.end - self.start)


@dataclass(frozen=True, slots=True)
class SpeakerCount:
    """Automatic (no bounds), exact (minimum == maximum) or a range of speakers."""

    minimum: int | None = None
    maximum: int | None = None

    def __post_init__(self) -> None:
        for bound in (self.minimum, self.maximum):
            if bound is not None and not 1 <= bound <= MAX_SPEAKERS:
                raise SpeakerCountError(translated(
                    "The number of speakers must be between 1 and {MAX_SPEAKERS}."
                ).format(MAX_SPEAKERS=MAX_SPEAKERS))
        if self.minimum is not None and self.maximum is not None and self.minimum > self.maximum:
            raise SpeakerCountError(translated("The smallest number of speakers must not be above the largest."))

    @classmethod
    def exactly(cls, count: int) -> SpeakerCount:
        return cls(count, count)

    @property
    def exact(self) -> int | None:
        return self.minimum if self.minimum is not None and self.minimum == self.maximum else None

    def clamp(self, count: int) -> int:
        if self.maximum is not None:
            count = min(count, self.maximum)
        if self.minimum is not None:
            count = max(count, self.minimum)
        return count

    def __str__(self) -> str:
        if self.minimum is None and self.maximum is None:
            return "auto"
        if self.exact is not None:
            return str(self.exact)
        return f"{self.minimum or 1}-{self.maximum or MAX_SPEAKERS}"


def parse_speaker_count(text: str) -> SpeakerCount:
    """``auto``, ``N`` or ``MIN-MAX`` (as the command line and settings write it)."""
    cleaned = text.strip().lower()
    if cleaned in ("", "auto"):
        return SpeakerCount()
    exact = re.fullmatch(r"(\d+)", cleaned)
    if exact:
        return SpeakerCount.exactly(int(exact.group(1)))
    bounds = re.fullmatch(r"(\d+)\s*-\s*(\d+)", cleaned)
    if bounds:
        return SpeakerCount(int(bounds.group(1)), int(bounds.group(2)))
    raise SpeakerCountError(translated(
        "“{text}” is not a number of speakers: write auto, a number like 2, or a range like 2-4."
    ).format(text=text))
