"""The transcript model: segments of recognised speech with their times.

Times are seconds as floats everywhere inside the app; formats convert at the edges.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(slots=True)
class Word:
    start: float
    end: float
    text: str
    probability: float | None = None


@dataclass(slots=True)
class Segment:
    start: float
    end: float
    text: str
    speaker: str | None = None
    words: list[Word] = field(default_factory=list)
    language: str | None = None  # set where a transcript mixes languages

    @property
    def duration(self) -> float:
        return max(0.0, self.end - self.start)


@dataclass(slots=True)
class Transcript:
    segments: list[Segment] = field(default_factory=list)
    language: str | None = None
    duration: float | None = None
    media_path: str | None = None
    engine: str | None = None
    options: dict[str, Any] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)  # repairs made reading it, notes on making it; never saved

    @property
    def text(self) -> str:
        return " ".join(s.text.strip() for s in self.segments if s.text.strip())
