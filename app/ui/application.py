"""Starting the window: the QApplication, its translations and look, and the services."""

from __future__ import annotations

import logging
import signal
import sys
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QTimer, QTranslator
from PySide6.QtWidgets import QApplication

from app import __version__
from app.engine_manager import EngineManager
from app.engines.faster_whisper_engine import FasterWhisperEngine
from app.ui.exception_hook import GuiExceptionHook
from app.ui.main_window import MainWindow

RESOURCES = Path(__file__).resolve().parent.parent.parent / "resources"
TRANSLATIONS = Path(__file__).resolve().parent.parent.parent / "translations"


def create_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv)
    app.setApplicationName("Earshot")
    app.setOrganizationName("Earshot")
    app.setApplicationVersion(__version__)
    app.setStyle("Fusion")
    style_sheet = RESOURCES / "style.qss"
    if style_sheet.is_file():
        app.setStyleSheet(style_sheet.read_text(encoding="utf-8"))
    install_translators(app, QLocale())
    return app


def install_translators(app: QApplication, locale: QLocale, directory: Path = TRANSLATIONS) -> list[QTranslator]:
    """Qt's own strings and Earshot's, in the user's language when a translation exists."""
    installed = []
    sources = (
        ("qtbase", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)),
        ("earshot", str(directory)),
    )
    for name, folder in sources:
        translator = QTranslator(app)
        if translator.load(locale, name, "_", folder):
            app.installTranslator(translator)
            installed.append(translator)
    return installed


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


def run_gui(media_paths: list[Path] | None = None) -> int:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    app = create_application([sys.argv[0]])
    manager = EngineManager()
    window = MainWindow(manager, FasterWhisperEngine())
    GuiExceptionHook(window).install()
    quit_on_termination_signals(app)
    window.show()
    log.info("Earshot %s started", __version__)
    window.prepare_selected_model()
    if media_paths:
        window.open_media(media_paths[0])
    try:
        return app.exec()
    finally:
        manager.shutdown()
