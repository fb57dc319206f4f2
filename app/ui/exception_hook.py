"""The window's last resort: an exception no handler caught is logged with its trace and shown as one sentence.

Python hands an exception that escapes a Qt slot or a thread to sys.excepthook or
threading.excepthook, which would only print it to standard error where a desktop user never
looks (qutebrowser's crashsignal does the same). The hook may be called on any thread; the
message is shown on the GUI thread through a GuiThreadRelay.
"""

from __future__ import annotations

import logging
import sys
import threading
from types import TracebackType

import shiboken6
from PySide6.QtWidgets import QMessageBox, QWidget

from app.gui_thread_relay import application_relay
from app.ui.messages import show_error, unexpected_error_sentence

log = logging.getLogger(__name__)


class GuiExceptionHook:
    """Call it as sys.excepthook is called; ``install()`` makes it the process's hook."""

    def __init__(self, window: QWidget) -> None:
        self._window = window
        self._relay = application_relay()  # outlives the window: a thread may fail while the app quits
        self._shown: QMessageBox | None = None

    def __call__(
        self, kind: type[BaseException], error: BaseException, trace: TracebackType | None
    ) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, error, trace)
            return
        log.error("unexpected error: %s", error, exc_info=(kind, error, trace))
        self._relay.post(self._show, unexpected_error_sentence(error))

    def install(self) -> None:
        sys.excepthook = self
        threading.excepthook = self._from_thread

    def _from_thread(self, arguments: threading.ExceptHookArgs) -> None:
        self(arguments.exc_type, arguments.exc_value or arguments.exc_type(), arguments.exc_traceback)

    def _show(self, message: str) -> None:
        if not shiboken6.isValid(self._window):
            return
        if self._shown is not None and shiboken6.isValid(self._shown) and self._shown.isVisible():
            return  # one box at a time: a fault repeated by a timer must not bury the window
        self._shown = show_error(self._window, message)

