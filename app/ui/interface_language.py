"""The interface's language: the translators installed, and switching them while the window is open.

On a switch the new translators are installed (so every text made from now on is in the new
language), then the windows on screen are re-translated in place (app/ui/retranslation.py): each
text is traced back to its English source through the catalog of the language it is in now, and
replaced by the new language's text. ``changed`` then tells the parts that build texts with values
(a file's duration, a count) to build them again.
"""

from __future__ import annotations

import importlib.resources
import logging
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QObject, QTranslator, Signal
from PySide6.QtWidgets import QApplication

from app.core.json_shape import ShapeError
from app.core.preferences import SYSTEM
from app.core.text_translation import use_language
from app.core.translation_catalog import CatalogEntry, read_catalog
from app.ui.core_text_translator import CoreTextTranslator, core_texts
from app.ui.retranslation import retranslate_windows

# .qm files built by `make translations` and the .ts catalogs beside them, so an installed wheel has both.
TRANSLATIONS = Path(str(importlib.resources.files("app") / "translations"))
ENGLISH = "en"
log = logging.getLogger(__name__)


class InterfaceLanguage(QObject):
    changed = Signal(str)  # the language now shown: "en" or a catalog's language such as "zh_CN"

    def __init__(self, app: QApplication, directory: Path = TRANSLATIONS) -> None:
        super().__init__(app)
        self.setObjectName("interfaceLanguage")
        self._app = app
        self.directory = directory
        self._translators: list[QTranslator] = []
        self.language = ENGLISH
        self._catalogs: dict[str, list[CatalogEntry]] = {}

    @staticmethod
    def of(app: QApplication) -> InterfaceLanguage:
        """The application's one language switcher (made on first use)."""
        return app.findChild(InterfaceLanguage, "interfaceLanguage") or InterfaceLanguage(app)

    def use_directory(self, directory: Path) -> None:
        """Take translations from ``directory`` from the next install on (tests, a build's own folder)."""
        self.directory = directory
        self._catalogs.clear()

    def install(self, choice: str) -> None:
        """Install the translators for ``choice`` ("system", "en", "zh_CN"), before the window is built; the
        sentences of core and engines (gettext) follow."""
        for translator in self._translators:
            self._app.removeTranslator(translator)
        self._translators = []
        self.language = ENGLISH
        loaded = self._loaded_translators(choice) if choice != ENGLISH else []
        if self.language != ENGLISH:  # installed first, so Qt asks it after the Qt Linguist catalogs
            loaded.insert(0, CoreTextTranslator(core_texts(self.language, self.directory), self))
        for translator in loaded:
            self._app.installTranslator(translator)
            self._translators.append(translator)
        use_language(self.language, self.directory)

    def _loaded_translators(self, choice: str) -> list[QTranslator]:
        """Qt's own and Earshot's Qt Linguist catalogs for ``choice``, loaded; ``language`` set from Earshot's."""
        locale = QLocale.system() if choice == SYSTEM else QLocale(choice)
        sources = (("qtbase", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)),
                   ("earshot", str(self.directory)))
        loaded: list[QTranslator] = []
        for name, folder in sources:
            translator = QTranslator(self)
            if translator.load(locale, name, "_", folder):
                loaded.append(translator)
                if name == "earshot":
                    self.language = translator.language() or choice
        return loaded

    def switch(self, choice: str) -> int:
        """Show the interface in ``choice`` now; the number of texts re-translated on screen."""
        before = self.language
        self.install(choice)
        after = self.language
        if after == before:
            return 0
        sources_of = self._sources_by_translation(before)
        from_english = {entry.source: entry.translation for entry in reversed(self._catalog(after))}

        def rewrite(text: str, known_source: str | None, owners: Sequence[str]) -> tuple[str, str] | None:
            source = known_source or (text if before == ENGLISH else _likeliest(sources_of.get(text, []), owners))
            if source is None:
                return None
            new = source if after == ENGLISH else from_english.get(source)
            return (source, new) if new is not None else None

        changed = retranslate_windows(self._app.topLevelWidgets(), rewrite)
        self.changed.emit(after)
        return changed

    def _catalog(self, language: str) -> list[CatalogEntry]:
        if language == ENGLISH:
            return []
        if language not in self._catalogs:
            path = self.directory / f"earshot_{language}.ts"
            try:
                self._catalogs[language] = read_catalog(path)
            except (OSError, ShapeError) as error:
                log.warning("translation catalog %s unreadable (%s): texts on screen change at their next update",
                            path, error)
                self._catalogs[language] = []
            core = core_texts(language, self.directory)  # after the Qt catalog's: its entries come first
            self._catalogs[language] += [CatalogEntry("", source, text) for source, text in core.items()]
        return self._catalogs[language]

    def _sources_by_translation(self, language: str) -> dict[str, list[CatalogEntry]]:
        found: dict[str, list[CatalogEntry]] = {}
        for entry in self._catalog(language):
            found.setdefault(entry.translation, []).append(entry)
        return found


def _likeliest(candidates: list[CatalogEntry], owners: Sequence[str]) -> str | None:
    """The source of a translation that several sources share: the one asked for by the text's owner (or the
    nearest of its parents), else the first."""
    for owner in owners:
        for entry in candidates:
            if entry.context == owner:
                return entry.source
    return candidates[0].source if candidates else None
