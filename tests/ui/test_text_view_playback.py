"""Playback in the text view: the spoken word highlighted and followed without moving the text cursor,
Ctrl+click on a word seeks to it, a hand scroll suspends following."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor

from app.core.editing.uncertain_words import WordPosition
from app.core.transcript import Segment, Transcript, Word
from app.ui.editor.document import Document
from app.ui.main_window import MainWindow
from tests.ui.test_playback_window import wheel

pytestmark = pytest.mark.qt_log_ignore("qt.multimedia", "PulseAudioService")
SEGMENTS, WORDS = 40, 12
SEGMENT_SECONDS = 10.5 / SEGMENTS  # all within JFK's eleven seconds
VOCABULARY = ("river", "stone", "meadow", "lantern", "harbour", "willow", "copper", "thistle", "orchard", "falcon",
              "cedar", "pebble")


def talk() -> Transcript:
    """Forty segments of twelve timed words each: a text longer than the view."""
    segments = []
    for number in range(SEGMENTS):
        start = number * SEGMENT_SECONDS
        step = SEGMENT_SECONDS / WORDS
        words = [Word(start + i * step, start + (i + 1) * step, f" {VOCABULARY[i]}{number}") for i in range(WORDS)]
        segments.append(Segment(start, start + SEGMENT_SECONDS, "".join(w.text for w in words).strip(), words=words))
    return Transcript(segments, language="en")


@pytest.fixture
def text_window(window: MainWindow, qtbot, jfk_path: Path) -> MainWindow:
    window.resize(900, 520)
    with qtbot.waitSignal(window.playback_panel.controller.duration_changed, timeout=10_000):
        window.adopt_document(Document(talk(), jfk_path))
    window.text_editing.text_view_action.setChecked(True)
    qtbot.waitUntil(window.text_editing.text_view.isVisible)
    return window


def highlighted(window: MainWindow) -> list[str]:
    return [selection.cursor.selectedText() for selection in window.text_editing.text_view.extraSelections()]


def word_is_in_view(window: MainWindow, segment: int, word: int) -> bool:
    view = window.text_editing.text_view
    number, start, _end = view.paragraph_layout.word_range(view.transcript, WordPosition(segment, word))
    cursor = QTextCursor(view.document().findBlockByNumber(number))
    cursor.setPosition(cursor.position() + start)
    rect = view.cursorRect(cursor)
    return rect.top() >= 0 and rect.bottom() <= view.viewport().height()


def test_the_spoken_word_and_its_segment_are_highlighted(text_window: MainWindow) -> None:
    window, segments = text_window, text_window.document.transcript.segments
    window.playback_panel.controller.seek(segments[3].words[5].start + 0.001)
    assert highlighted(window) == [segments[3].text, segments[3].words[5].text.strip()]
    window.playback_panel.controller.seek(segments[3].words[6].start + 0.001)
    assert highlighted(window)[1] == "copper3"


def test_following_scrolls_to_the_word_and_leaves_the_text_cursor(text_window: MainWindow, qtbot) -> None:
    window, segments = text_window, text_window.document.transcript.segments
    view, controller = window.text_editing.text_view, window.playback_panel.controller
    view.setFocus()
    cursor = view.textCursor()
    cursor.setPosition(7)
    view.setTextCursor(cursor)
    last = len(segments) - 1
    assert not word_is_in_view(window, last, 10), "the text is longer than the view"
    controller.seek(segments[last].words[10].start + 0.001)
    assert word_is_in_view(window, last, 10)
    assert view.textCursor().position() == 7 and view.hasFocus()  # the user's cursor did not move

    wheel(view.viewport(), -40)  # back to the top by hand: following stops
    assert not window.playback_panel.playback_actions.follow.isChecked()
    controller.seek(segments[last].words[2].start + 0.001)
    assert highlighted(window)[1] == "meadow39"  # still highlighted, not scrolled to
    assert not word_is_in_view(window, last, 2)


def test_ctrl_click_on_a_word_seeks_to_it(text_window: MainWindow, qtbot) -> None:
    window, segments = text_window, text_window.document.transcript.segments
    view = window.text_editing.text_view
    window.playback_panel.playback_actions.follow.setChecked(False)
    number, start, _end = view.paragraph_layout.word_range(view.transcript, WordPosition(1, 4))
    cursor = QTextCursor(view.document().findBlockByNumber(number))
    cursor.setPosition(cursor.position() + start + 2)  # inside "harbour1"
    point = view.cursorRect(cursor).center()
    position_before = view.textCursor().position()
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.ControlModifier, point)
    assert window.playback_panel.controller.current_position() == pytest.approx(segments[1].words[4].start, abs=0.002)
    assert highlighted(window)[1] == "harbour1"
    assert window.playback_panel.playback_actions.follow.isChecked()  # a seek by click follows again
    assert view.textCursor().position() == position_before
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, point)
    assert view.textCursor().position() != position_before  # a plain click still places the cursor



def test_the_text_view_shows_the_word_spoken_while_it_was_hidden(text_window: MainWindow, qtbot) -> None:
    window, segments = text_window, text_window.document.transcript.segments
    window.text_editing.text_view_action.setChecked(False)  # the table is shown
    window.playback_panel.controller.seek(segments[-1].words[8].start + 0.001)
    window.text_editing.text_view_action.setChecked(True)
    qtbot.waitUntil(lambda: highlighted(window)[1:] == ["orchard39"], timeout=2000)
    assert word_is_in_view(window, len(segments) - 1, 8)
