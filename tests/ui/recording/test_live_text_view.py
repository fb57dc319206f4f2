"""The live text: committed words stay put, the tentative tail is greyed and replaced, markup is shown as text."""

from __future__ import annotations

from PySide6.QtGui import QTextCursor

from app.core.transcript import Segment
from app.ui.recording.live_text_view import LiveTextView


def colour_at(view: LiveTextView, position: int) -> str:
    cursor = QTextCursor(view.document())
    cursor.setPosition(position + 1)  # the format of the character before the cursor
    return cursor.charFormat().foreground().color().name()


def test_committed_text_stays_and_the_greyed_tentative_tail_is_replaced(qtbot) -> None:
    view = LiveTextView()
    qtbot.addWidget(view)
    view.set_tentative("and so my")
    assert view.toPlainText() == "and so my" and colour_at(view, 0) == "#8a8f98"
    view.add_committed([Segment(0.0, 1.5, "And so my fellow")])
    view.set_tentative("Americans <b>ask</b>")
    assert view.toPlainText() == "And so my fellow Americans <b>ask</b>"  # a server's markup is not HTML here
    assert colour_at(view, 0) != "#8a8f98" and colour_at(view, len("And so my fellow ")) == "#8a8f98"
    view.add_committed([Segment(1.5, 3.0, "Americans, ask")])
    view.set_tentative("")
    assert view.toPlainText() == view.committed_text == "And so my fellow Americans, ask"
    assert view.accessibleName()
