"""Handing work from any thread back to the GUI thread, the one way the app does it.

A worker thread posts a callback; the relay runs it on the thread the relay lives in.
Only an argument-less signal crosses threads, into a declared slot: no Python object
rides Qt's queued-connection machinery, where PySide6 6.8+ has known crashes
(PYSIDE-3124), and listeners of the signals the callback emits may be plain functions.
A callback that raises is handed to sys.excepthook (the window's hook logs it and shows
one sentence) and the callbacks queued after it still run.
"""

from __future__ import annotations

import queue
import sys
from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal, Slot


class GuiThreadRelay(QObject):
    _posted = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._callbacks: queue.SimpleQueue[tuple[Callable[..., None], tuple[object, ...]]] = queue.SimpleQueue()
        self._posted.connect(self._run_posted, Qt.ConnectionType.QueuedConnection)

    def post(self, callback: Callable[..., None], *arguments: object) -> None:
        """Called on any thread: run ``callback(*arguments)`` soon on the relay's thread."""
        self._callbacks.put((callback, arguments))
        self._posted.emit()

    @Slot()
    def _run_posted(self) -> None:
        while True:
            try:
                callback, arguments = self._callbacks.get_nowait()
            except queue.Empty:
                return
            try:
                callback(*arguments)
            except Exception:
                sys.excepthook(*sys.exc_info())


_application_relay: GuiThreadRelay | None = None


def application_relay() -> GuiThreadRelay:
    """A relay that lives as long as the application, for posts that may outlive the widget that asked.

    Call it first on the GUI thread. A relay owned by a dialog is deleted with it, and a thread
    posting to it afterwards would fail ("Signal source has been deleted").
    """
    global _application_relay
    if _application_relay is None or not shiboken6.isValid(_application_relay):
        _application_relay = GuiThreadRelay(QCoreApplication.instance())
    return _application_relay
