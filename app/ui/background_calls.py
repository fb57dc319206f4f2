"""Blocking calls the GUI thread must never wait on (a locked keyring, a file, a media probe), run on a thread.

Each call runs on a daemon thread (a keyring prompt left open must not hold up quitting);
its result comes back on the GUI thread through the application's relay and reaches the
owner only while the owner exists and has not stopped them: nothing posted after a dialog
closes touches it. A failure reaches ``on_failed`` as one sentence.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import TypeVar

import shiboken6
from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

from app.core.errors import Cancelled, EarshotError
from app.gui_thread_relay import application_relay
from app.ui.messages import show_error, unexpected_error_sentence

log = logging.getLogger(__name__)
Result = TypeVar("Result")


class BackgroundCalls:
    def __init__(self, owner: QObject) -> None:
        self._owner = owner
        self._relay = application_relay()
        self.cancel_event = threading.Event()  # set by stop(); work that can stop early may watch it

    def run(
        self,
        work: Callable[[], Result],
        on_done: Callable[[Result], None],
        on_failed: Callable[[str], None] | None = None,
        name: str = "background-call",
    ) -> None:
        """Run ``work()`` on a thread, then ``on_done(result)`` or ``on_failed(sentence)`` on the GUI thread."""
        failed = on_failed or self._show_failure
        threading.Thread(target=self._call, args=(work, on_done, failed), name=name, daemon=True).start()

    def report(self, callback: Callable[..., None], *arguments: object) -> None:
        """Called on any thread (a progress callback): ``callback(*arguments)`` on the GUI thread, while the
        owner exists and has not stopped them."""
        self._relay.post(self._deliver_report, callback, arguments)

    def stop(self) -> None:
        """Drop the results of every call still running, and ask them to stop."""
        self.cancel_event.set()

    def _call(self, work: Callable[[], Result], on_done: Callable[[Result], None],
              on_failed: Callable[[str], None]) -> None:
        try:
            result = work()
        except Cancelled:
            return
        except Exception as error:
            if not isinstance(error, EarshotError):
                log.exception("a background call failed unexpectedly")
            self._relay.post(self._deliver, on_failed, unexpected_error_sentence(error))
        else:
            self._relay.post(self._deliver, on_done, result)

    def _deliver(self, callback: Callable[[object], None], value: object) -> None:
        if not self.cancel_event.is_set() and shiboken6.isValid(self._owner):
            callback(value)

    def _deliver_report(self, callback: Callable[..., None], arguments: tuple[object, ...]) -> None:
        if not self.cancel_event.is_set() and shiboken6.isValid(self._owner):
            callback(*arguments)

    def _show_failure(self, message: str) -> None:
        if isinstance(self._owner, QWidget):
            show_error(self._owner, message)
        else:
            log.warning("a background call failed: %s", message)
