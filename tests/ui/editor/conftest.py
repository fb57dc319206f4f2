"""A window holding a small transcript with word timings and speakers, ready to edit."""

from __future__ import annotations

import pytest

from app.core.transcript import Segment, Transcript, Word
from app.ui.editor.document import Document
from app.ui.main_window import MainWindow


def podcast() -> Transcript:
    def words(start: float, text: str) -> list[Word]:
        return [Word(start + 0.5 * i, start + 0.5 * i + 0.4, f" {w}", 0.9) for i, w in enumerate(text.split())]

    texts = ["Welcome back to the show", "Today we talk about rivers", "They shape the land",
             "And we drink from them", "Thanks for listening"]
    segments = []
    for number, text in enumerate(texts):
        start = number * 4.0
        segments.append(Segment(start, start + 3.0, text, speaker="Ada" if number % 2 == 0 else "Bo",
                                words=words(start, text)))
    return Transcript(segments, language="en")


@pytest.fixture
def editing_window(window: MainWindow) -> MainWindow:
    window.adopt_document(Document(podcast()))
    view = window.transcript_view
    view.setFocus()
    view.go_to_row(0)
    return window


def texts(window: MainWindow) -> list[str]:
    return [s.text for s in window.document.transcript.segments]
