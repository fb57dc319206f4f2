"""Re-translating the widgets on screen in place, so the interface language changes without a restart.

Widgets take their texts from tr() when they are built, and keep them. Rather than a retranslate
method in every class, this walks every window and rewrites each text it knows: menus, actions,
labels, buttons, group and tab titles, tool tips, placeholders, list items, accessible names. A
``Rewrite`` maps a text on screen to its English source and the new language's text (None: leave
it, e.g. a file name or a sentence built with values, which its owner refreshes on its next update).
Each text rewritten keeps its source on its object (a dynamic property), so switching back never
has to guess between two sources with the same translation.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from functools import partial
from typing import Protocol

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListView,
    QPlainTextEdit,
    QSpinBox,
    QStatusBar,
    QTableWidget,
    QTabWidget,
    QTextEdit,
    QWidget,
)


class Rewrite(Protocol):
    def __call__(self, text: str, known_source: str | None, owners: Sequence[str]) -> tuple[str, str] | None:
        """``text`` on screen (``known_source``: its English source when known; ``owners``: the class names of the
        object and its parents) → (source, new text), or None to leave it."""


def retranslate_windows(windows: Iterable[QWidget], rewrite: Rewrite) -> int:
    """Rewrite the texts of ``windows`` and everything in them; the number of texts changed."""
    seen: dict[int, QObject] = {}
    changed = 0
    for window in windows:
        for widget in (window, *window.findChildren(QWidget)):
            if not _first_meeting(widget, seen):
                continue
            changed += _retranslate_widget(widget, rewrite)
            for action in (*widget.actions(), *widget.findChildren(QAction)):
                if _first_meeting(action, seen):
                    changed += _retranslate_action(action, rewrite)
        for action in window.findChildren(QAction):  # actions of non-widget owners (controllers)
            if _first_meeting(action, seen):
                changed += _retranslate_action(action, rewrite)
    return changed


def _first_meeting(thing: QObject, seen: dict[int, QObject]) -> bool:
    """Whether the walk meets ``thing`` for the first time; it is then kept in ``seen`` until the walk ends.

    Kept, not just its id(): PySide makes some wrappers (a menu's own action, listed by a menu bar) only for as
    long as Python holds them, and a freed wrapper's id() can go to the next one made, which would then be skipped
    as seen and keep the old language (the View menu's title, now and then)."""
    if id(thing) in seen:
        return False
    seen[id(thing)] = thing
    return True


SOURCE_PROPERTY = "earshotSource:"  # + the text's slot: the English source of the text last put there
SHOWN_PROPERTY = "earshotShown:"


def _owners(owner: QObject) -> list[str]:
    names = []
    node: QObject | None = owner
    while node is not None:
        names.append(node.metaObject().className())
        node = node.parent()
    return names


def _apply(owner: QObject, slot: str, getter: Callable[[], str], setter: Callable[[str], object],
           rewrite: Rewrite) -> int:
    text = getter()
    if not text:
        return 0
    known = owner.property(SOURCE_PROPERTY + slot) if owner.property(SHOWN_PROPERTY + slot) == text else None
    rewritten = rewrite(text, known if isinstance(known, str) else None, _owners(owner))
    if rewritten is None:
        rewritten = _with_shortcut(text, owner, rewrite)
    if rewritten is None:
        return 0
    source, new = rewritten
    owner.setProperty(SOURCE_PROPERTY + slot, source)
    owner.setProperty(SHOWN_PROPERTY + slot, new)
    if new == text:
        return 0
    setter(new)
    return 1


def _with_shortcut(text: str, owner: QObject, rewrite: Rewrite) -> tuple[str, str] | None:
    """A tool tip made of a text and its shortcut, "Back 5 Seconds (Alt+Left)": the text rewritten, the rest kept."""
    head, separator, tail = text.rpartition(" (")
    if not separator or not tail.endswith(")"):
        return None
    rewritten = rewrite(head, None, _owners(owner))
    if rewritten is None:
        return None
    source, new = rewritten
    return f"{source} ({tail}", f"{new} ({tail}"


def _retranslate_action(action: QAction, rewrite: Rewrite) -> int:
    changed = _apply(action, "toolTip", action.toolTip, action.setToolTip, rewrite)  # before the text it may follow
    changed += _apply(action, "text", action.text, action.setText, rewrite)
    changed += _apply(action, "statusTip", action.statusTip, action.setStatusTip, rewrite)
    changed += _apply(action, "whatsThis", action.whatsThis, action.setWhatsThis, rewrite)
    return changed


def _retranslate_widget(widget: QWidget, rewrite: Rewrite) -> int:
    changed = 0
    for slot, getter, setter in (
        ("toolTip", widget.toolTip, widget.setToolTip),
        ("statusTip", widget.statusTip, widget.setStatusTip),
        ("whatsThis", widget.whatsThis, widget.setWhatsThis),
        ("accessibleName", widget.accessibleName, widget.setAccessibleName),
        ("accessibleDescription", widget.accessibleDescription, widget.setAccessibleDescription),
    ):
        changed += _apply(widget, slot, getter, setter, rewrite)
    changed += _apply(widget, "windowTitle", widget.windowTitle, widget.setWindowTitle, rewrite)  # also a tool bar's
    for kind, retranslate in _BY_KIND:
        if isinstance(widget, kind):
            changed += retranslate(widget, rewrite)
    return changed


def _label(label: QLabel, rewrite: Rewrite) -> int:
    return _apply(label, "text", label.text, label.setText, rewrite)


def _button(button: QAbstractButton, rewrite: Rewrite) -> int:
    return _apply(button, "text", button.text, button.setText, rewrite)


def _group_box(box: QGroupBox, rewrite: Rewrite) -> int:
    return _apply(box, "title", box.title, box.setTitle, rewrite)


def _placeholder(edit: QLineEdit | QTextEdit | QPlainTextEdit, rewrite: Rewrite) -> int:
    return _apply(edit, "placeholderText", edit.placeholderText, edit.setPlaceholderText, rewrite)


def _apply_to_items(owner: QObject, slot: str, count: int, getter: Callable[[int], str],
                    setter: Callable[[int, str], object], rewrite: Rewrite) -> int:
    changed = 0
    for index in range(count):
        changed += _apply(owner, f"{slot}{index}", partial(getter, index), partial(setter, index), rewrite)
    return changed


def _combo(combo: QComboBox, rewrite: Rewrite) -> int:
    changed = _apply(combo, "placeholderText", combo.placeholderText, combo.setPlaceholderText, rewrite)
    return changed + _apply_to_items(combo, "item", combo.count(), combo.itemText, combo.setItemText, rewrite)


def _spin_box(spin: QAbstractSpinBox, rewrite: Rewrite) -> int:
    changed = _apply(spin, "specialValueText", spin.specialValueText, spin.setSpecialValueText, rewrite)
    if isinstance(spin, QSpinBox):
        changed += _apply(spin, "suffix", spin.suffix, spin.setSuffix, rewrite)
    return changed


def _tabs(tabs: QTabWidget, rewrite: Rewrite) -> int:
    changed = _apply_to_items(tabs, "tab", tabs.count(), tabs.tabText, tabs.setTabText, rewrite)
    return changed + _apply_to_items(tabs, "tabToolTip", tabs.count(), tabs.tabToolTip, tabs.setTabToolTip, rewrite)


def _item_view(view: QAbstractItemView, rewrite: Rewrite) -> int:
    """Models that translate as they are asked (the transcript's headers) are asked again; a table of items
    has its header items rewritten."""
    changed = 0
    if isinstance(view, QTableWidget):
        for column in range(view.columnCount()):
            item = view.horizontalHeaderItem(column)
            if item is not None:
                changed += _apply(view, f"header{column}", item.text, item.setText, rewrite)
    model = view.model()
    headed = model is not None and not isinstance(view, QTableWidget | QListView)  # a list's model hides columnCount
    if headed and model.columnCount():
        model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, model.columnCount() - 1)
    view.viewport().update()
    return changed


def _status_bar(bar: QStatusBar, rewrite: Rewrite) -> int:
    return _apply(bar, "message", bar.currentMessage, bar.showMessage, rewrite)


_BY_KIND: tuple[tuple[type[QObject], Callable[..., int]], ...] = (
    (QLabel, _label),
    (QAbstractButton, _button),
    (QGroupBox, _group_box),
    (QLineEdit, _placeholder),
    (QTextEdit, _placeholder),
    (QPlainTextEdit, _placeholder),
    (QComboBox, _combo),
    (QAbstractSpinBox, _spin_box),
    (QTabWidget, _tabs),
    (QAbstractItemView, _item_view),
    (QStatusBar, _status_bar),
)
