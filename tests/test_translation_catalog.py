"""Every text of the interface has a finished Simplified Chinese translation, and the catalog is current."""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ElementTree
from pathlib import Path

from app.core.formats import OUTPUT_FORMATS
from app.core.languages import LANGUAGES
from app.core.preferences import GROUPS, PREFERENCES
from app.core.subtitle_rules import SUBTITLE_PROFILES
from app.core.translation_catalog import missing_translations, read_catalog
from tests.conftest import REPO_ROOT

CATALOG = REPO_ROOT / "translations" / "earshot_zh_CN.ts"
# Names of languages, formats and subtitle profiles are declared in app.core for the command line too: the window
# translates them through the core's catalog and CLDR (app/ui/core_text_translator.py), not this one.
NOT_MARKED = {"English"} | set(LANGUAGES.values()) | {f.description for f in OUTPUT_FORMATS.values()} | {
    p.label for p in SUBTITLE_PROFILES.values()}


def test_no_text_lacks_a_chinese_translation() -> None:
    assert missing_translations(CATALOG) == []


def texts_marked_in(sources: list[Path], scratch: Path) -> set[tuple[str, str]]:
    """(context, source text) of every text the code marks for Qt's translation (tr(), QT_TRANSLATE_NOOP), as
    `make update-translations` extracts them: pyside6-lupdate into a catalog of its own."""
    extracted = scratch / "extracted_zh_CN.ts"
    lupdate = Path(sys.executable).parent / "pyside6-lupdate"
    subprocess.run([str(lupdate), "-silent", "-no-obsolete", "-locations", "none", *map(str, sources),
                    "-ts", str(extracted)], check=True, capture_output=True, timeout=60)
    root = ElementTree.parse(extracted).getroot()
    return {(context.findtext("name") or "", message.findtext("source") or "")
            for context in root.iter("context") for message in context.iter("message")}


def translated_texts() -> set[tuple[str, str]]:
    return {(entry.context, entry.source) for entry in read_catalog(CATALOG)}


def test_every_text_the_code_marks_has_a_chinese_translation(tmp_path: Path) -> None:
    """A text added to the Qt layer without `make update-translations` would show in English in a Chinese window;
    the catalog's own completeness (above) cannot see it."""
    marked = texts_marked_in(sorted((REPO_ROOT / "app").rglob("*.py")), tmp_path)
    assert len(marked) > 500
    assert sorted(marked - translated_texts()) == []


def test_a_text_marked_but_not_in_the_catalog_is_caught(tmp_path: Path) -> None:
    module = tmp_path / "new_dialog.py"
    module.write_text("from PySide6.QtWidgets import QDialog\n\n\nclass NewDialog(QDialog):\n"
                      "    def build(self) -> None:\n        self.setWindowTitle(self.tr(\"A brand new title\"))\n",
                      encoding="utf-8")
    assert texts_marked_in([module], tmp_path) - translated_texts() == {("NewDialog", "A brand new title")}


def test_a_text_left_unfinished_is_caught(tmp_path: Path) -> None:
    catalog = tmp_path / "earshot_zh_CN.ts"
    catalog.write_text(
        '<?xml version="1.0" encoding="utf-8"?><TS version="2.1" language="zh_CN"><context><name>A</name>'
        '<message><source>Open</source><translation>打开</translation></message>'
        '<message><source>Close</source><translation type="unfinished"/></message>'
        '<message><source>Gone</source><translation type="vanished">旧</translation></message>'
        '</context></TS>', encoding="utf-8")
    assert missing_translations(catalog) == ["Close"]
    assert [(e.context, e.source, e.translation) for e in read_catalog(catalog)] == [("A", "Open", "打开")]


def test_the_declared_preferences_are_in_the_catalog() -> None:
    """The catalog was brought up to date (make update-translations) after the declarations changed."""
    translated = {entry.source for entry in read_catalog(CATALOG) if entry.context == "Preferences"}
    declared = {group.label for group in GROUPS}
    for preference in PREFERENCES:
        declared |= {preference.label, preference.description}
        declared |= {text for text in (preference.special_value_text, preference.empty_text) if text}
        declared |= {choice.label for choice in preference.choices if choice.label.isascii()} - NOT_MARKED
    assert declared - translated == set()
