"""The window's recordings: File ▸ New Recording, a finished recording opened as a document, unfinished ones offered.

A finished recording becomes the media of a new document like an opened file: with live text,
that text is its transcript and the optional full pass replaces it as one undoable step
(the recognition job's "Replace Transcript"); without, it is transcribed with the window's
options. A recording that ended by itself (a vanished device, a full disk) is opened the same
way after its one sentence. At start, recordings an earlier run never finished are repaired off
the GUI thread and offered one by one: open, discard, or keep the file for later.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMessageBox

from app.core.recording import UnfinishedRecording, find_unfinished_recordings
from app.engines.base import TranscriptionEngine, TranscriptionOptions
from app.jobs.runner import JobRunner
from app.ui.background_calls import BackgroundCalls
from app.ui.editor.document import Document
from app.ui.messages import show_error
from app.ui.recording.live_runner import LiveTranscriptionRunner
from app.ui.recording.recording_dialog import RecordingDialog
from app.ui.recording.recording_session import RecordingOutcome, RecordingSession
from app.ui.remote_engine_choice import RemoteEngineChoice

if TYPE_CHECKING:
    from app.ui.main_window import MainWindow

log = logging.getLogger(__name__)


class RecordingController(QObject):
    def __init__(self, window: MainWindow, runner: JobRunner, local_engine: TranscriptionEngine,
                 remote: RemoteEngineChoice) -> None:
        super().__init__(window)
        self._window = window
        self._runner = runner
        self._local_engine = local_engine
        self._remote = remote
        self._calls = BackgroundCalls(window)
        self.new_recording_action = QAction(self.tr("New Re&cording…"), window)
        self.new_recording_action.setShortcut(QKeySequence("Ctrl+Alt+R"))  # Ctrl+R is Transcribe
        self.new_recording_action.triggered.connect(self.new_recording)
        self.dialog: RecordingDialog | None = None
        self.unfinished_box: QMessageBox | None = None

    # ---- recording --------------------------------------------------------------------------
    def new_recording(self) -> None:
        """The recording dialog, once the window's document may be replaced (a modified one asks first)."""
        if self._window.is_busy():
            self._window.statusBar().showMessage(self.tr("Wait for the transcription to finish, or cancel it."))
            return
        self._window.projects.close_document_then(self._open_dialog)

    def _open_dialog(self) -> None:
        session = RecordingSession(LiveTranscriptionRunner(self._runner, self._local_engine, self._remote))
        window = self._window
        dialog = RecordingDialog(session, self._live_choice, window.options_bar.model_combo.currentText(), window)
        session.setParent(dialog)
        session.live.setParent(session)
        dialog.recording_finished.connect(self._open_recording)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        dialog.open()

    def _live_choice(self) -> tuple[str, TranscriptionOptions]:
        return self._window.options_bar.model(), self._window.current_options()

    def _open_recording(self, outcome: RecordingOutcome, full_pass: bool) -> None:
        window = self._window
        live = outcome.live_transcript
        document = Document(live if live is not None and live.segments else None, outcome.path)
        if live is not None and live.segments:
            document.mark_unsaved()  # the live text exists nowhere else
        window.adopt_document(document)
        window.files.probe_channels(outcome.path)
        window.projects.recent.add(outcome.path)
        if outcome.error is not None:
            show_error(window, outcome.error)
        if full_pass and outcome.seconds > 0:
            window.start_transcription()
        else:
            window.statusBar().showMessage(self.tr("Recorded {name}.").replace("{name}", outcome.path.name), 8000)

    def shutdown(self) -> None:
        """The window closes: a recording still running stops now and its file is kept."""
        if self.dialog is not None and shiboken6.isValid(self.dialog):
            self.dialog.session.abandon()

    # ---- unfinished recordings ----------------------------------------------------------------
    def offer_unfinished(self) -> None:
        """Repair what an earlier run left unfinished (off the GUI thread), then offer each in turn."""
        self._calls.run(find_unfinished_recordings, self._offer, lambda message: log.warning(
            "unfinished recordings not checked: %s", message), name="unfinished-recordings")

    def _offer(self, recordings: list[UnfinishedRecording]) -> None:
        if not recordings:
            return
        recording, rest = recordings[0], recordings[1:]
        minutes, seconds = divmod(round(recording.seconds), 60)
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Unfinished Recording"), self.tr(
            "Earshot closed while recording “{name}” ({length}). It has been repaired: open it now?").replace(
            "{name}", recording.path.name).replace("{length}", f"{minutes}:{seconds:02d}"), parent=self._window)
        box.setObjectName("unfinishedRecordingBox")
        box.setAccessibleName(self.tr("Unfinished recording"))
        box.setInformativeText(self.tr("Keep for Later leaves it in {folder}.").replace(
            "{folder}", str(recording.path.parent)))
        open_button = box.addButton(self.tr("&Open"), QMessageBox.ButtonRole.AcceptRole)
        discard_button = box.addButton(self.tr("&Discard"), QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(self.tr("&Keep for Later"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(open_button)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def answered() -> None:
            clicked = box.clickedButton()
            if clicked is open_button:
                self._window.projects.open_path(recording.path)
            elif clicked is discard_button:
                recording.path.unlink(missing_ok=True)
            self._offer(rest)

        box.finished.connect(answered)
        self.unfinished_box = box
        box.open()
