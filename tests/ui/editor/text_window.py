"""The window with a small interview open in the text view: shared by the text view, find and proofreading tests."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from app.core.editing.paragraphs import layout_paragraphs
from app.ui.editor.document import Document
from app.ui.main_window import MainWindow
from tests.core.editing.samples import interview

CTRL = Qt.KeyboardModifier.ControlModifier


def shown_text(window: MainWindow) -> str:
    return window.text_editing.text_view.toPlainText()


def expected_text(window: MainWindow) -> str:
    layout = layout_paragraphs(window.document.transcript, keep_spaces=True)
    return "\n".join(paragraph.text for paragraph in layout.paragraphs)


@pytest.fixture
def editor(window: MainWindow, qtbot) -> MainWindow:
    """The window with the two-speaker interview open and the text view shown (Ctrl+T)."""
    window.adopt_document(Document(interview()))
    window.activateWindow()  # shortcuts reach an active window only
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_T, CTRL)
    view = window.text_editing.text_view
    assert window.pages.currentWidget() is view
    assert window.text_editing.text_view_action.isChecked()
    return window


def place_cursor(window: MainWindow, segment: int, offset: int) -> None:
    view = window.text_editing.text_view
    view.select_in_segment(segment, offset, offset)
    view.setFocus()
