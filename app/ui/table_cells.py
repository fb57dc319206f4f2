"""What a cell of the transcript table holds, as the Qt item roles it is kept in (see transcript_table_model.py).

A cell's roles are set in one call of the base's ``setItemData``, so the item is made by Qt, never by Python.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItemModel

from app.core.editing.time_text import format_time

DISPLAY, ALIGNMENT = int(Qt.ItemDataRole.DisplayRole), int(Qt.ItemDataRole.TextAlignmentRole)
BACKGROUND, FOREGROUND = int(Qt.ItemDataRole.BackgroundRole), int(Qt.ItemDataRole.ForegroundRole)
TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
FLAGS = int(Qt.ItemDataRole.UserRole) - 1  # where a QStandardItem keeps its flags (QStandardItem::setFlags)
SECONDS = int(Qt.ItemDataRole.UserRole) + 1  # a time cell's time as set: whether a change moved it
_SELECTABLE = Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemNeverHasChildren
EDITABLE_FLAGS = int((_SELECTABLE | Qt.ItemFlag.ItemIsEditable).value)
READ_ONLY_FLAGS = int(_SELECTABLE.value)
ALIGN_TIME = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
ALIGN_TEXT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
set_cell = QStandardItemModel.setItemData  # the base's: a model's own setData is an edit typed by the user


def time_cell(seconds: float, flags: int) -> dict[int, Any]:
    return {DISPLAY: format_time(seconds), ALIGNMENT: ALIGN_TIME, FLAGS: flags, SECONDS: seconds}


def text_cell(text: str | None, flags: int) -> dict[int, Any]:
    return {DISPLAY: text or None, ALIGNMENT: ALIGN_TEXT, FLAGS: flags}
