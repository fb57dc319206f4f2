"""Recognition jobs of the window's document: start (the engine chosen off the GUI thread), follow, cancel.

A job delivers into the document by its id: rows stream in while it runs, and its result
becomes one undo step (or the initial state of an empty document). Anything from another job
(an earlier one cancelled, a dropped start) is ignored.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from app.core.transcript import Segment, Transcript
from app.engines.base import TranscriptionEngine, TranscriptionOptions
from app.jobs import JobRunner
from app.jobs.events import JobCancelled, JobEvent, JobFailed, JobFinished, JobProgress, JobStatus, SegmentRecognised
from app.jobs.transcription_jobs import PrepareModelJob, TranscribeFileJob
from app.ui.background_calls import BackgroundCalls
from app.ui.messages import show_error
from app.ui.remote_engine_choice import RemoteEngineChoice, remote_profile_name

if TYPE_CHECKING:
    from app.ui.main_window import MainWindow


class RecognitionController(QObject):
    def __init__(self, window: MainWindow, manager: JobRunner, local_engine: TranscriptionEngine,
                 remote: RemoteEngineChoice) -> None:
        super().__init__(window)
        self._window = window
        self._manager = manager
        self._local_engine = local_engine
        self._remote = remote
        self._job_id: int | None = None
        self._starting: int | None = None  # the number of a start waiting for its engine (the keyring may prompt)
        self._starts = 0
        self._calls = BackgroundCalls(window)
        manager.job_event.connect(self._on_job_event)

    def prepare_selected_model(self) -> None:
        """Load the chosen model in the background now, not when the user presses Transcribe."""
        if remote_profile_name(self._window.options_bar.model()) is not None:
            return  # a remote service has nothing to load here
        self._manager.submit(PrepareModelJob(self._local_engine, self._window.current_options()))

    def start(self) -> None:
        media_path = self._window.files.media_path
        if media_path is None or self.is_busy():
            return
        bar = self._window.options_bar
        choice, options, channel = bar.model(), self._window.current_options(), bar.channel()
        self._starts += 1
        self._starting = start = self._starts
        self._window.progress_panel.start(self.tr("Starting…"))
        self._window.statusBar().clearMessage()
        self._window.update_actions()
        self._calls.run(  # a remote profile's key comes from the keyring, which may wait for an unlock prompt
            lambda: self._remote.engine_for(choice, self._local_engine, options),
            lambda chosen: self._submit(start, media_path, channel, *chosen),
            lambda message: self._start_failed(start, message), name="engine-choice",
        )

    def _submit(self, start: int, media_path: Path, channel: int | None,
                engine: TranscriptionEngine, options: TranscriptionOptions) -> None:
        if start != self._starting:
            return  # cancelled while the engine was being made ready
        self._starting = None
        self._window.transcript_view.finish_editing()
        self._job_id = self._manager.submit(TranscribeFileJob(media_path, engine, options, channel))
        self._window.document.begin_recognition(self._job_id)
        self._window.pages.setCurrentWidget(self._window.transcript_view)

    def _start_failed(self, start: int, message: str) -> None:
        if start == self._starting:
            self._end_job()
            show_error(self._window, message)

    def cancel(self) -> None:
        if self._job_id is not None:
            self._manager.cancel(self._job_id)
        elif self._starting is not None:
            self._end_job()
            self._window.statusBar().showMessage(self.tr("Transcription cancelled."), 5000)

    def is_busy(self) -> bool:
        return self._job_id is not None or self._starting is not None

    def _on_job_event(self, job_id: int, event: JobEvent) -> None:
        if job_id != self._job_id:
            return
        if isinstance(event, JobStatus):
            self._window.progress_panel.set_status(event.text)
        elif isinstance(event, SegmentRecognised):
            self._on_segment(job_id, event.segment)
        elif isinstance(event, JobProgress):
            self._window.progress_panel.set_progress(event.fraction, event.seconds_left)
        elif isinstance(event, JobFinished) and isinstance(event.result, Transcript):
            self._on_finished(job_id, event.result)
        elif isinstance(event, JobFailed):
            self._on_failed(job_id, event.message)
        elif isinstance(event, JobCancelled):
            self._on_cancelled(job_id)

    def _on_segment(self, job_id: int, segment: Segment) -> None:
        if self._window.document.add_recognised(job_id, segment) and self._window.transcript_view.follows_end():
            self._window.transcript_view.scrollToBottom()

    def _on_finished(self, job_id: int, transcript: Transcript) -> None:
        self._window.document.finish_recognition(job_id, transcript)
        self._end_job()
        self._window.show_media_label(transcript)
        count = len(transcript.segments)
        done = (self.tr("Transcribed {count} segments.").replace("{count}", str(count))
                if count else self.tr("No speech was found in this file."))
        self._window.statusBar().showMessage(" ".join([done, *transcript.warnings]))  # e.g. a service gave no times
        self._window.transcript_changed.emit()

    def _on_failed(self, job_id: int, message: str) -> None:
        self._window.document.abandon_recognition(job_id)
        self._end_job()
        self._window.statusBar().showMessage(self.tr("Transcription failed."))
        show_error(self._window, message)

    def _on_cancelled(self, job_id: int) -> None:
        self._window.document.abandon_recognition(job_id)
        self._end_job()
        self._window.statusBar().showMessage(self.tr("Transcription cancelled."), 5000)

    def _end_job(self) -> None:
        self._job_id = self._starting = None
        self._window.progress_panel.hide()
        self._window.update_actions()
