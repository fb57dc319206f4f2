"""The find and replace bar under the transcript: Ctrl+F finds, Ctrl+H replaces, Esc closes.

It searches the document's segments (and, when asked, speaker names) with the core's
find_replace: match case, whole words, regular expressions with capture groups (``\\1`` in the
replacement), next and previous wrapping round, a count of matches. Replace All is one undo
step. It works in the view the caller names (``target``), which shows the current match and
highlights the others. A bad expression is one sentence in the bar, not a dialog.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QToolButton,
    QWidget,
)

from app.core.editing.find_replace import (
    SearchField,
    SearchQuery,
    TextMatch,
    TextPosition,
    count_matches,
    find_all,
    find_next,
    find_previous,
    replace_all,
    replace_match,
)
from app.core.errors import EditError
from app.ui.editor.document import Document
from app.ui.editor.search_targets import SearchTarget
from app.ui.themes import error_text_colour

COUNT_DELAY_MS = 120  # typing in the find field counts once it pauses


class FindReplaceBar(QFrame):
    closed = Signal()

    def __init__(self, document: Callable[[], Document], target: Callable[[], SearchTarget],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("findReplaceBar")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self._document, self._target = document, target
        self.current: TextMatch | None = None
        self._build()
        self._count_timer = QTimer(self, singleShot=True, interval=COUNT_DELAY_MS)
        self._count_timer.timeout.connect(self.update_count)
        self.find_field.textChanged.connect(self._query_changed)
        for box in self.options:
            box.toggled.connect(self._query_changed)
        self.find_field.returnPressed.connect(self._return_pressed)
        self.replace_field.returnPressed.connect(self.replace)
        self.hide()

    def _build(self) -> None:
        self.find_field = self._field(self.tr("Find"), "findField")
        self.replace_field = self._field(self.tr("Replace with"), "replaceField")
        self.find_label = self._label(self.tr("&Find:"), self.find_field)
        self.replace_label = self._label(self.tr("Re&place:"), self.replace_field)
        self.previous_button = self._button(self.tr("Previous"), self.find_previous,
                                            self.tr("Previous match (Shift+Enter)"))
        self.next_button = self._button(self.tr("Next"), self.find_next, self.tr("Next match (Enter)"))
        self.count_label = QLabel(self)
        self.count_label.setObjectName("matchCount")
        self.count_label.setAccessibleName(self.tr("Matches"))
        self.count_label.setMinimumWidth(self.fontMetrics().horizontalAdvance("0000 of 0000 matches"))
        self.replace_button = self._button(self.tr("Replace"), self.replace, self.tr("Replace this match"))
        self.replace_all_button = self._button(self.tr("Replace All"), self.replace_all,
                                               self.tr("Replace every match (one undo step)"))
        self.match_case = self._option(self.tr("Match case"))
        self.whole_words = self._option(self.tr("Whole words"))
        self.regex = self._option(self.tr("Regular expression"))
        self.regex.setToolTip(self.tr("Python regular expressions; \\1 or \\g<name> in the replacement."))
        self.speakers = self._option(self.tr("Speaker names"))
        self.speakers.setToolTip(self.tr("Search the speakers' names too."))
        self.options = (self.match_case, self.whole_words, self.regex, self.speakers)
        self.close_button = QToolButton(self)
        self.close_button.setText("✕")
        self.close_button.setAutoRaise(True)
        self.close_button.setAccessibleName(self.tr("Close the find bar"))
        self.close_button.setToolTip(self.tr("Close (Esc)"))
        self.close_button.clicked.connect(self.close_bar)
        grid = QGridLayout(self)
        grid.setContentsMargins(10, 6, 6, 6)
        grid.setHorizontalSpacing(8)
        grid.setVerticalSpacing(6)
        grid.addWidget(self.find_label, 0, 0)
        grid.addWidget(self.find_field, 0, 1)
        grid.addLayout(_row(self.previous_button, self.next_button, self.count_label), 0, 2)
        grid.addLayout(_row(*self.options), 0, 3)
        grid.addWidget(self.close_button, 0, 4, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        grid.addWidget(self.replace_label, 1, 0)
        grid.addWidget(self.replace_field, 1, 1)
        grid.addLayout(_row(self.replace_button, self.replace_all_button), 1, 2)
        grid.setColumnStretch(1, 1)

    def _field(self, name: str, object_name: str) -> QLineEdit:
        field = QLineEdit(self)
        field.setObjectName(object_name)
        field.setAccessibleName(name)
        field.setPlaceholderText(name)
        field.setClearButtonEnabled(True)
        field.setMinimumWidth(self.fontMetrics().horizontalAdvance("M") * 16)
        return field

    def _label(self, text: str, buddy: QWidget) -> QLabel:
        label = QLabel(text, self)
        label.setBuddy(buddy)
        return label

    def _button(self, text: str, slot: Callable[[], object], tip: str) -> QPushButton:
        button = QPushButton(text, self)
        button.setAccessibleName(text)
        button.setToolTip(tip)
        button.setAutoDefault(False)
        button.clicked.connect(slot)
        return button

    def _option(self, text: str) -> QCheckBox:
        box = QCheckBox(text, self)
        box.setAccessibleName(text)
        return box

    # ---- opening and closing ---------------------------------------------------------
    def open_find(self, replacing: bool = False) -> None:
        for widget in (self.replace_label, self.replace_field, self.replace_button, self.replace_all_button):
            widget.setVisible(replacing)
        self.show()
        field = self.replace_field if replacing and self.find_field.text() else self.find_field
        field.setFocus()
        field.selectAll()
        self._query_changed()

    def close_bar(self) -> None:
        self.hide()
        self.current = None
        self._target().show_search(None, None)
        self.closed.emit()

    def event(self, event: QEvent) -> bool:
        if isinstance(event, QKeyEvent) and event.type() == QEvent.Type.ShortcutOverride \
                and event.key() == Qt.Key.Key_Escape:
            event.accept()  # Esc closes the bar (not the window's Cancel)
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.close_bar()
            return
        super().keyPressEvent(event)

    def _return_pressed(self) -> None:
        if QApplication.keyboardModifiers() & Qt.KeyboardModifier.ShiftModifier:
            self.find_previous()
        else:
            self.find_next()

    # ---- searching ------------------------------------------------------------------
    def query(self) -> SearchQuery:
        return SearchQuery(self.find_field.text(), self.match_case.isChecked(), self.whole_words.isChecked(),
                           self.regex.isChecked(), self.speakers.isChecked())

    def _query_changed(self) -> None:
        self.current = None
        self._count_timer.start()

    def schedule_count(self) -> None:
        """The document changed: count again (soon) while the bar is open."""
        if self.isVisible():
            self._count_timer.start()

    def update_count(self) -> None:
        self._count_timer.stop()
        if not self.find_field.text():
            self._say("")
            self._target().show_search(None, None)
            return
        transcript = self._document().transcript
        try:
            query = self.query()
            found = find_all(transcript, query) if self.current is not None else None  # one pass: count and place
            total = len(found) if found is not None else count_matches(transcript, query)
        except EditError as error:
            self._say(error.message, problem=True)
            self._target().show_search(None, None)
            return
        if total == 0:
            self._say(self.tr("No matches"), problem=True)
        elif found is not None and self.current in found:
            self._say(self.tr("{number} of {count}").replace("{number}", str(found.index(self.current) + 1))
                      .replace("{count}", str(total)))
        else:
            self._say(self.tr("1 match") if total == 1 else self.tr("{count} matches").replace("{count}", str(total)))
        self._target().show_search(query, self.current)

    def _say(self, text: str, problem: bool = False) -> None:
        self.count_label.setText(text)
        self.count_label.setProperty("problem", problem)
        self.count_label.setStyleSheet(f"color: {error_text_colour()};" if problem else "")

    def find_next(self) -> TextMatch | None:
        return self._find(forward=True)

    def find_previous(self) -> TextMatch | None:
        return self._find(forward=False)

    def _find(self, forward: bool) -> TextMatch | None:
        span = self._target().selection_span()
        start, end = span if span is not None else (TextPosition(0, SearchField.SPEAKER, 0),) * 2
        try:
            query = self.query()
            transcript = self._document().transcript
            found = find_next(transcript, query, end) if forward else find_previous(transcript, query, start)
        except EditError as error:
            self._say(error.message, problem=True)
            return None
        self.current = found
        self._show_current()
        return found

    def _show_current(self) -> None:
        focused = self.focusWidget() if self.isAncestorOf(self.focusWidget()) else None
        if self.current is not None:
            match = self.current
            self._target().show_range(match.segment, match.field, match.start, match.end)
        self.update_count()
        if focused is not None:
            focused.setFocus()  # keep typing in the bar

    # ---- replacing -------------------------------------------------------------------
    def replace(self) -> None:
        """Replace the current match and go to the next one (find one first if none is current)."""
        if self.current is None:
            self.find_next()
            return
        document, match = self._document(), self.current
        before = _field_text(document, match)
        try:
            document.apply(replace_match(document.transcript, self.query(), match, self.replace_field.text()))
        except EditError as error:
            self.current = None
            self._say(error.message, problem=True)
            return
        after = match.end + len(_field_text(document, match)) - len(before)
        self.current = find_next(document.transcript, self.query(), TextPosition(match.segment, match.field, after))
        self._show_current()

    def replace_all(self) -> None:
        document = self._document()
        try:
            document.apply(replace_all(document.transcript, self.query(), self.replace_field.text()))
        except EditError as error:
            self._say(error.message, problem=True)
            return
        self.current = None
        self.update_count()


def _field_text(document: Document, match: TextMatch) -> str:
    segment = document.transcript.segments[match.segment]
    return segment.text if match.field == SearchField.TEXT else (segment.speaker or "")


def _row(*widgets: QWidget) -> QHBoxLayout:
    row = QHBoxLayout()
    row.setSpacing(6)
    for widget in widgets:
        row.addWidget(widget)
    return row
