"""The names of the core's edits (the undo steps) in the user's language.

The core names its edits in English, as keys the undo stack shows; this table is where the Qt layer
translates them. (The core's EditError sentences come translated already: app/core/text_translation.py.)
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

CONTEXT = "EditTexts"

EDIT_NAMES: tuple[str, ...] = tuple(map(str, (  # QT_TRANSLATE_NOOP is typed as giving an object
    QT_TRANSLATE_NOOP("EditTexts", "Edit Text"),
    QT_TRANSLATE_NOOP("EditTexts", "Split Segment"),
    QT_TRANSLATE_NOOP("EditTexts", "Merge Segments"),
    QT_TRANSLATE_NOOP("EditTexts", "Insert Segment"),
    QT_TRANSLATE_NOOP("EditTexts", "Delete Segment"),
    QT_TRANSLATE_NOOP("EditTexts", "Delete Segments"),
    QT_TRANSLATE_NOOP("EditTexts", "Set Times"),
    QT_TRANSLATE_NOOP("EditTexts", "Shift Times"),
    QT_TRANSLATE_NOOP("EditTexts", "Assign Speaker"),
    QT_TRANSLATE_NOOP("EditTexts", "Rename Speaker"),
    QT_TRANSLATE_NOOP("EditTexts", "Replace"),
    QT_TRANSLATE_NOOP("EditTexts", "Replace All"),
    QT_TRANSLATE_NOOP("EditTexts", "Replace Transcript"),
    QT_TRANSLATE_NOOP("EditTexts", "Re-transcribe Passage"),
    QT_TRANSLATE_NOOP("EditTexts", "Identify Speakers"),
    QT_TRANSLATE_NOOP("EditTexts", "Change Speaker Count"),
)))


def translated_edit_name(name: str) -> str:
    """An undo step's name ("Split Segment") in the user's language."""
    return QCoreApplication.translate(CONTEXT, name)
