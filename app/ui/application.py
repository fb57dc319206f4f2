"""Starting the window: the QApplication, its translations and look, and the services."""

from __future__ import annotations

import importlib.resources
import logging
import os
import signal
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSize, Qt, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from app import __version__
from app.core.log_file import start_log_file
from app.core.remote_profiles import RemoteProfileStore
from app.engines.base import TranscriptionEngine
from app.engines.faster_whisper_engine import FasterWhisperEngine
from app.jobs import JobRunner
from app.ui.exception_hook import GuiExceptionHook
from app.ui.interface_language import InterfaceLanguage
from app.ui.main_window import MainWindow
from app.ui.preferences.store import PreferenceStore
from app.ui.scripted_session import start_scripted_session
from app.ui.themes import ThemeSwitcher

# Package data (pyproject.toml), so an installed wheel looks and speaks as a checkout does.
ICONS = importlib.resources.files("app") / "resources" / "icons"  # rendered from earshot.svg (`make icons`)
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
DESKTOP_FILE_ID = "io.github.earshot.Earshot"  # packaging/: the .desktop file and AppStream metainfo
SERIAL_FILLS = "QT_NO_GUI_THREADPOOL"


def create_application(argv: list[str] | None = None, preferences: PreferenceStore | None = None) -> QApplication:
    """The application, in the theme and the interface language of the preferences."""
    # Qt's raster engine hands each fill of 96 or more lines to a pool of threads and waits for them. With
    # the cores busy decoding (playback, recognition) the window then waits for threads that wait for a
    # core; a window's fills are small enough to do at once (read by Qt at its first paint).
    os.environ.setdefault(SERIAL_FILLS, "1")
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv)
    assert isinstance(app, QApplication), "a QCoreApplication without widgets already exists"
    app.setApplicationName("Earshot")
    app.setOrganizationName("Earshot")
    app.setApplicationVersion(__version__)
    app.setDesktopFileName(DESKTOP_FILE_ID)  # Wayland finds the icon and name through the desktop file
    app.setWindowIcon(application_icon())
    preferences = preferences or PreferenceStore()
    ThemeSwitcher.of(app).apply(preferences.text("appearance/theme"))
    InterfaceLanguage.of(app).install(preferences.text("appearance/language"))
    return app


def application_icon() -> QIcon:
    """The icon at every rendered size, so no size is scaled from another (no SVG plugin needed)."""
    icon = QIcon()
    for size in ICON_SIZES:
        icon.addFile(str(ICONS / f"earshot-{size}.png"), QSize(size, size))
    return icon


log = logging.getLogger(__name__)


def quit_on_termination_signals(app: QApplication) -> QTimer:
    """Ctrl+C in a terminal or SIGTERM from the desktop closes the window cleanly."""
    for number in (signal.SIGINT, signal.SIGTERM):
        # Deferred to the event loop: a signal that arrives before exec() must still quit.
        signal.signal(number, lambda *_: QTimer.singleShot(0, app.closeAllWindows))
    wake = QTimer(app)  # Python runs signal handlers only when the interpreter gets control
    wake.start(200)
    wake.timeout.connect(lambda: None)
    return wake




def start_window(
    manager: JobRunner, local_engine: TranscriptionEngine, profile_store: RemoteProfileStore,
    preferences: PreferenceStore | None = None,
) -> MainWindow:
    """The main window, shown; a settings file set aside while it was built is told in a message."""
    window = MainWindow(manager, local_engine, profile_store, preferences=preferences)
    window.show()
    for notice in profile_store.take_notices():
        _show_settings_notice(window, notice)
    return window


def _show_settings_notice(window: MainWindow, sentence: str) -> None:
    box = QMessageBox(QMessageBox.Icon.Warning, QCoreApplication.translate("Application", "Earshot"), sentence,
                      QMessageBox.StandardButton.Ok, window)
    box.setAccessibleName(QCoreApplication.translate("Application", "Settings file set aside"))
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()  # not exec(): the window and its start-up go on


def offer_unfinished_work(window: MainWindow) -> None:
    """What an earlier run left: unsaved documents first, then unfinished recordings (one question at a time)."""
    recovery = window.projects.offer_recovery(quiet=True)
    if recovery is not None:
        recovery.finished.connect(window.recordings.offer_unfinished)
    else:
        window.recordings.offer_unfinished()


def run_gui(media_paths: list[Path] | None = None) -> int:
    """The window; with a path, that file opened (project, transcript or media), else unsaved work offered."""
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    start_log_file()
    preferences = PreferenceStore()
    app = create_application([sys.argv[0]], preferences)
    manager = JobRunner()
    window = start_window(manager, FasterWhisperEngine(), RemoteProfileStore(), preferences)
    GuiExceptionHook(window).install()
    quit_on_termination_signals(app)
    log.info("Earshot %s started", __version__)
    window.prepare_selected_model()
    if media_paths:
        window.projects.open_path(media_paths[0].absolute())
    else:
        offer_unfinished_work(window)
    start_scripted_session(window)
    try:
        return app.exec()
    finally:
        manager.shutdown()
