"""Fixtures for GUI tests: the real window with the real job runner."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from app.jobs import JobRunner
from app.ui.main_window import MainWindow
from tests.conftest import SHARED_AUDIO


@pytest.fixture
def manager(qtbot) -> Iterator[JobRunner]:
    runner = JobRunner()
    yield runner
    runner.shutdown()


@pytest.fixture
def window(qtbot, manager: JobRunner, local_engine) -> MainWindow:
    main_window = MainWindow(manager, local_engine)
    qtbot.addWidget(main_window)
    main_window.show()
    qtbot.waitExposed(main_window)
    combo = main_window.options_bar.model_combo
    combo.setCurrentIndex(combo.findData("tiny.en"))  # the fast model keeps GUI tests quick
    return main_window


@pytest.fixture(scope="session")
def long_speech_path() -> Path:
    """Two and a half minutes of one reading (the UDHR's preamble) whose text never repeats: repeated text
    would set off the loop guard, which decodes again and slows every step."""
    return SHARED_AUDIO / "dev" / "en_librivox_udhr_preamble.mp3"


@pytest.fixture(scope="session")
def translations_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The Chinese translation compiled from translations/, with its catalog beside it, and the core's gettext
    catalog (as `make translations`)."""
    import shutil
    import subprocess
    import sys

    from tests.conftest import REPO_ROOT, compile_core_catalogs

    folder = tmp_path_factory.mktemp("translations")
    source = REPO_ROOT / "translations" / "earshot_zh_CN.ts"
    lrelease = Path(sys.executable).parent / "pyside6-lrelease"
    subprocess.run([str(lrelease), "-silent", str(source), "-qm", str(folder / "earshot_zh_CN.qm")], check=True)
    shutil.copy(source, folder)
    return compile_core_catalogs(folder)


@pytest.fixture
def preference_store(qtbot, tmp_path: Path):
    """Preferences kept in this test's own file: nothing a test sets reaches another test's window."""
    from app.ui.preferences.store import PreferenceStore

    return PreferenceStore(tmp_path / "config" / "preferences.ini")


@pytest.fixture
def interface_language(qtbot, translations_dir: Path):
    """The application's language switcher reading the compiled translation; English again afterwards."""
    from PySide6.QtWidgets import QApplication

    from app.ui.interface_language import InterfaceLanguage

    language = InterfaceLanguage.of(QApplication.instance())
    language.use_directory(translations_dir)
    language.install("en")
    yield language
    language.install("en")


@pytest.fixture
def application_look(qtbot):
    """The application's style, palette and style sheet put back as they were after a theme test."""
    from PySide6.QtCore import QCoreApplication, QEvent
    from PySide6.QtWidgets import QApplication

    from app.core.collector_freeze import collector_paused
    from app.ui.themes import ThemeSwitcher

    app = QApplication.instance()
    style, palette, sheet = app.style().name(), app.palette(), app.styleSheet()
    switcher = ThemeSwitcher.of(app)
    yield switcher
    switcher.choice, switcher.applied = "system", ""
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)  # closed widgets gone before the walk
    with collector_paused():  # as ThemeSwitcher.apply: nothing deleted while every widget is polished again
        if app.style().name() != style:  # replacing the style object needlessly once crashed a teardown
            app.setStyle(style)
        app.setPalette(palette)
        app.setStyleSheet(sheet)
