"""Qt's way to the texts that core and engines declare: their gettext catalog and CLDR's names of languages.

Names the core declares once for the command line and the window alike (export formats, subtitle profiles,
remote services, the languages Whisper knows) reach the window through ``tr()`` like any other text; this
translator answers for them, after the Qt Linguist catalogs, so nothing at the call sites changes.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from PySide6.QtCore import QObject, QTranslator

from app.core.languages import language_names_in
from app.core.text_translation import translation_table


def core_texts(language: str, directory: Path) -> dict[str, str]:
    """English → ``language`` for every text of the core's catalog and every language's name."""
    return {**translation_table(language, directory), **language_names_in(language)}


class CoreTextTranslator(QTranslator):
    def __init__(self, table: Mapping[str, str], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._table = dict(table)

    def translate(self, context: str, source_text: str, disambiguation: str | None = None,
                  n: int = -1) -> str | None:  # None: not known here, Qt asks the next translator
        return self._table.get(source_text)

    def isEmpty(self) -> bool:  # Qt's name; installTranslator asks it
        return not self._table
