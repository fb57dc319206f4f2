"""Switching the language in place reaches every text the catalog knows, and switching back restores each exactly."""

from __future__ import annotations

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QComboBox, QWidget

from app.core.translation_catalog import read_catalog
from app.ui.main_window import MainWindow


def texts_on_screen(window: MainWindow) -> dict[tuple[int, str], str]:
    found = {}
    for thing in (window, *window.findChildren(QWidget), *window.findChildren(QAction)):
        for name in ("text", "title", "toolTip", "accessibleName", "windowTitle", "placeholderText", "statusTip"):
            getter = getattr(thing, name, None)
            if callable(getter):
                try:
                    found[(id(thing), name)] = getter()
                except TypeError:  # a method of that name that wants arguments
                    continue
        if isinstance(thing, QComboBox):
            for index in range(thing.count()):
                found[(id(thing), f"item {index}")] = thing.itemText(index)
    return found


def test_every_known_text_switches_and_comes_back(qtbot, window: MainWindow, interface_language,
                                                  translations_dir) -> None:
    english = texts_on_screen(window)
    sources = {entry.source for entry in read_catalog(translations_dir / "earshot_zh_CN.ts")}

    assert interface_language.switch("zh_CN") > 100
    chinese = texts_on_screen(window)
    left_in_english = {text for key, text in chinese.items() if text in sources and english.get(key) == text}
    assert left_in_english <= {"Earshot"}  # the name is the same in both

    interface_language.switch("en")
    assert texts_on_screen(window) == english


def test_names_the_core_declares_switch_too(qtbot, window: MainWindow, interface_language) -> None:
    """Language names (CLDR's) and the core catalog's texts reach the window through tr() and switch with it."""
    languages = window.options_bar.language_combo
    german = languages.findData("de")
    interface_language.switch("zh_CN")
    assert languages.itemText(german) == "德语"
    assert languages.itemText(languages.findData("yue")) == "粤语"
    interface_language.switch("en")
    assert languages.itemText(german) == "German"
