"""Autosave: a moment after each edit, a snapshot of the document written to its recovery file off the GUI thread.

At most ``AUTOSAVE_DELAY_MS`` after an edit (a single-shot timer started by the first change
and not pushed back by the ones after it, so steady typing is saved every two seconds) the
document's snapshot goes to a worker thread that writes it through RecoveryStore. One write per
document at a time: a change made while one is being written is written right after it. When
the document is saved, or returns to its saved state, or is closed cleanly, its recovery file
is discarded (after any write in flight, which would otherwise bring it back).
"""

from __future__ import annotations

import logging
import threading
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal

from app.core.editing.segment_edit import snapshot_of
from app.core.preferences import preference
from app.core.project_file import ViewState
from app.core.recovery import RecoveryStore
from app.core.transcript import Transcript
from app.ui.background_calls import BackgroundCalls
from app.ui.editor.document import Document

AUTOSAVE_DELAY_MS = int(preference("editing/autosave_seconds").default) * 1000  # until the preference is applied
log = logging.getLogger(__name__)


class Autosaver(QObject):
    saved = Signal(str)  # the document id, after its recovery file was written
    failed = Signal(str)  # one sentence

    def __init__(self, store: RecoveryStore, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self._document: Document | None = None
        self._timer = QTimer(self, singleShot=True, interval=AUTOSAVE_DELAY_MS)
        self._timer.timeout.connect(self.save_now)
        self._calls = BackgroundCalls(self)
        self._idle = threading.Event()
        self._idle.set()
        self._again = False  # changed while a write was in flight
        self._discard_after_write: str | None = None

    def watch(self, document: Document | None) -> None:
        """Autosave ``document`` from now on (the one before it is left as it is)."""
        if self._document is not None:
            self._document.edited.disconnect(self._changed)
            self._document.modified_changed.disconnect(self._modified_changed)
        self._timer.stop()
        self._document = document
        if document is not None:
            document.edited.connect(self._changed)
            document.modified_changed.connect(self._modified_changed)
            if document.is_modified:
                self._timer.start()

    def set_delay(self, milliseconds: int) -> None:
        """Write at most this long after an edit from now on (Preferences ▸ Editing)."""
        self._timer.setInterval(milliseconds)

    @property
    def delay(self) -> int:
        return self._timer.interval()

    @property
    def is_pending(self) -> bool:
        return self._timer.isActive() or not self._idle.is_set()

    def _changed(self) -> None:
        document = self._document
        if document is not None and document.is_modified and not document.is_read_only and not self._timer.isActive():
            self._timer.start()

    def _modified_changed(self, modified: bool) -> None:
        if modified:
            self._changed()  # also a recognition result that arrived unsaved
        elif self._document is not None:
            self.discard(self._document)

    def save_now(self) -> None:
        document = self._document
        if document is None or not document.is_modified or document.is_read_only:
            return
        if not self._idle.is_set():
            self._again = True
            return
        self._again = False
        self._idle.clear()
        document_id, title, project = document.document_id, document.title(), document.project_path
        snapshot, view = snapshot_of(document.transcript), replace(document.view_state)
        self._calls.run(lambda: self._write(document_id, snapshot, view, title, project),
                        lambda _path: self._written(document_id), self._write_failed, name="autosave")

    def _write(self, document_id: str, snapshot: Transcript, view: ViewState, title: str,
               project: Path | None) -> Path:
        try:
            return self.store.save(document_id, snapshot, view, title, project)
        finally:
            self._idle.set()

    def _written(self, document_id: str) -> None:
        if self._discard_after_write == document_id:
            self._discard_after_write = None
            self.store.discard(document_id)
        else:
            self.saved.emit(document_id)
        if self._again:
            self.save_now()

    def _write_failed(self, message: str) -> None:
        log.warning("autosave failed: %s", message)
        self.failed.emit(message)
        if self._again:
            self.save_now()

    def discard(self, document: Document) -> None:
        """Nothing of ``document`` is left to recover (it was saved, or closed on purpose)."""
        self._timer.stop()
        self._again = False
        if not self._idle.is_set():
            self._discard_after_write = document.document_id
        self.store.discard(document.document_id)

    def finish(self, timeout: float = 5.0) -> bool:
        """Wait for a write in flight (before the app quits); True when none is left."""
        self._timer.stop()
        return self._idle.wait(timeout)

