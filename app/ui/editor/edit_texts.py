"""What the core's edits say, in the user's language: the names of undo steps and the EditError sentences.

The core names its edits and words its errors in English; this table is where the Qt layer
translates them. A sentence with values in it ("The start (0:03.000) must come before the end
(0:02.000).") is matched against its template, and the values are put into the translation.
"""

from __future__ import annotations

import re
from functools import cache

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

# {name} stands for a value the core puts in; the translation keeps the same names.
EDIT_ERROR_TEMPLATES: tuple[str, ...] = tuple(map(str, (
    QT_TRANSLATE_NOOP("EditTexts", "A segment cannot start before 0:00.000."),
    QT_TRANSLATE_NOOP("EditTexts", "The start ({start}) must come before the end ({end})."),
    QT_TRANSLATE_NOOP("EditTexts", "Select the segments to shift first."),
    QT_TRANSLATE_NOOP("EditTexts", "Select the segments to re-transcribe first."),
    QT_TRANSLATE_NOOP("EditTexts", "The segments cannot move earlier: the first of them starts at 0:00.000."),
    QT_TRANSLATE_NOOP("EditTexts", "There is no segment {number}; the transcript has {count}."),
    QT_TRANSLATE_NOOP("EditTexts", "Put the cursor between two words of the segment to split it there."),
    QT_TRANSLATE_NOOP("EditTexts", "The last segment has no next segment to merge with."),
    QT_TRANSLATE_NOOP("EditTexts", "The first segment has no previous segment to merge with."),
    QT_TRANSLATE_NOOP("EditTexts", "Select the segments to assign a speaker to first."),
    QT_TRANSLATE_NOOP("EditTexts", "The selected segments already have the speaker “{name}”."),
    QT_TRANSLATE_NOOP("EditTexts", "The selected segments already have no speaker."),
    QT_TRANSLATE_NOOP("EditTexts", "Give the speaker a name."),
    QT_TRANSLATE_NOOP("EditTexts", "No segment has the speaker “{name}”."),
    QT_TRANSLATE_NOOP("EditTexts", "The speaker is already called “{name}”."),
    QT_TRANSLATE_NOOP("EditTexts", "Type what to find."),
    QT_TRANSLATE_NOOP("EditTexts", "The regular expression is not valid: {reason} (at position {position})."),
    QT_TRANSLATE_NOOP("EditTexts", "The replacement is not valid: {reason}."),
    QT_TRANSLATE_NOOP("EditTexts", "There is nothing to replace: the text was not found."),
    QT_TRANSLATE_NOOP("EditTexts", "The text changed since it was found; find it again."),
    QT_TRANSLATE_NOOP("EditTexts", "“{text}” is negative; times start at 0."),
    QT_TRANSLATE_NOOP("EditTexts", "“{text}” is not a time; write it as 1:02:03.456, 62:03.4 or 3723.456."),
    QT_TRANSLATE_NOOP("EditTexts", "“{text}” has {count} seconds after the minutes; use 0 to 59."),
    QT_TRANSLATE_NOOP("EditTexts", "“{text}” has {count} minutes after the hours; use 0 to 59."),
    QT_TRANSLATE_NOOP("EditTexts", "“{text}” is more precise than a millisecond; use at most three decimals."),
    QT_TRANSLATE_NOOP("EditTexts", "Edit one segment at a time here; to join or split segments use Merge or Split."),
    QT_TRANSLATE_NOOP("EditTexts", "Select the segments to delete first."),
    QT_TRANSLATE_NOOP("EditTexts", "Wait for the transcription to finish, or cancel it, before editing."),
)))
_PLACEHOLDER = re.compile(r"\{(\w+)\}")


def translated_edit_name(name: str) -> str:
    """An undo step's name ("Split Segment") in the user's language."""
    return QCoreApplication.translate(CONTEXT, name)


def translated_edit_error(message: str) -> str:
    """An EditError's sentence in the user's language (as it came when no template matches)."""
    template = edit_error_template(message)
    if template is None:
        return message
    found = dict(zip(_PLACEHOLDER.findall(template), _values(template, message), strict=True))
    translated = QCoreApplication.translate(CONTEXT, template)
    return _PLACEHOLDER.sub(lambda name: found.get(name.group(1), name.group(0)), translated)


def edit_error_template(message: str) -> str | None:
    """The template ``message`` was made from, or None (for a test that every sentence is in the table)."""
    return next((template for template, pattern in _compiled_templates() if pattern.fullmatch(message)), None)


def _values(template: str, message: str) -> tuple[str, ...]:
    found = dict(_compiled_templates())[template].fullmatch(message)
    return found.groups() if found else ()


@cache
def _compiled_templates() -> tuple[tuple[str, re.Pattern[str]], ...]:
    compiled = []
    for template in EDIT_ERROR_TEMPLATES:
        parts = _PLACEHOLDER.split(template)  # text, name, text, name, …, text
        body = "".join(re.escape(part) if i % 2 == 0 else f"(?P<{part}>.+?)" for i, part in enumerate(parts))
        compiled.append((template, re.compile(body, re.DOTALL)))
    return tuple(compiled)
