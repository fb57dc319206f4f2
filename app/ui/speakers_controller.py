"""Identify Speakers in the window: diarization off the GUI thread, its result one undoable step.

The analysis (speech regions and their speaker embeddings) is kept for the document and media
it was made from, so Change Speaker Count re-clusters it at once instead of listening again.
Speakers are put onto the transcript as it is when the analysis ends (edits made meanwhile
stay): each word gets the speaker whose turn covers it, segments split where that changes.
With "Identify speakers" on in the options bar, a finished recognition is followed by this
job, as a second undo step; a transcript that arrives with speakers (DashScope's own
diarization) keeps them.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction

from app.core.audio import decode_audio
from app.core.editing.segment_edit import replace_transcript
from app.core.editing.speakers import speaker_names
from app.core.speaker_assignment import assign_speakers
from app.core.speaker_turns import SpeakerCount
from app.core.time_left import TimeLeftEstimator
from app.engines.base import JobContext
from app.gui_thread_relay import application_relay
from app.ui.background_calls import BackgroundCalls
from app.ui.editor.document import Document
from app.ui.job_progress_panel import JobProgressPanel
from app.ui.messages import show_error
from app.ui.speaker_count_widget import SpeakerCountDialog, SpeakersOption

if TYPE_CHECKING:
    from app.engines.diarization import DiarizationEngine, DiarizationOptions, SpeakerAnalysis
    from app.ui.main_window import MainWindow

IDENTIFY = "Identify Speakers"
RECOUNT = "Change Speaker Count"


class SpeakersController(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self.identify_action = QAction(self.tr("Identify &Speakers…"), window)
        self.identify_action.triggered.connect(self.ask_and_identify)
        self.recount_action = QAction(self.tr("Change Speaker &Count…"), window)
        self.recount_action.triggered.connect(self.ask_and_recount)
        self.option = SpeakersOption()
        self._engine: DiarizationEngine | None = None
        self._engine_lock = threading.Lock()
        self._calls: BackgroundCalls | None = None  # the running job's; stop() cancels it
        self._analysis: SpeakerAnalysis | None = None
        self._analysed: tuple[Document, Path, int | None] | None = None  # the document, media and channel heard
        self._count = SpeakerCount()
        window.transcript_changed.connect(self._after_recognition)

    @property
    def actions(self) -> list[QAction]:
        return [self.identify_action, self.recount_action]

    def wants_word_timings(self) -> bool:
        return self.option.is_on()

    def is_busy(self) -> bool:
        return self._calls is not None

    def update_actions(self, busy: bool, editable_transcript: bool) -> None:
        can_identify = not busy and editable_transcript and self._window.files.media_path is not None
        self.identify_action.setEnabled(can_identify)
        self.recount_action.setEnabled(can_identify and self._analysis_fits())
        self.option.setEnabled(not busy)

    # ---- asking ---------------------------------------------------------------------------
    def ask_and_identify(self) -> None:
        dialog = SpeakerCountDialog(self.tr("Identify Speakers"), self._count, self._window)
        dialog.accepted.connect(lambda: self.identify(dialog.count_widget.count()))
        dialog.open()

    def ask_and_recount(self) -> None:
        dialog = SpeakerCountDialog(self.tr("Change Speaker Count"), self._count, self._window)
        dialog.accepted.connect(lambda: self.recount(dialog.count_widget.count()))
        dialog.open()

    # ---- the job --------------------------------------------------------------------------
    def identify(self, count: SpeakerCount) -> None:
        """Listen to the media for who speaks when, then label the transcript (one undo step)."""
        window = self._window
        media_path, document = window.files.media_path, window.document
        if media_path is None or window.is_busy() or not document.transcript.segments:
            return
        self._count = count
        if self._analysis_fits():
            self._label(count, IDENTIFY)
            return
        channel, threads = window.options_bar.channel(), window.current_options().cpu_threads
        self._calls = calls = BackgroundCalls(window)
        window.progress_panel.start(self.tr("Reading audio"))
        window.statusBar().clearMessage()
        window.update_actions()
        progress = _ProgressRelay(window.progress_panel, lambda: calls is self._calls)
        stage = self.tr("Telling speakers apart")
        calls.run(
            lambda: self._analyse(media_path, channel, threads, count, progress, stage, calls.cancel_event),
            lambda analysis: self._analysed_now(calls, (document, media_path, channel), analysis),
            lambda message: self._failed(calls, message),
            name="speaker-identification",
        )

    def _analyse(self, media_path: Path, channel: int | None, threads: int, count: SpeakerCount,
                 progress: _ProgressRelay, stage: str, cancel_event: threading.Event) -> SpeakerAnalysis:
        """On the job's thread: decode, load the speaker model once, analyse."""
        from app.engines.diarization import DiarizationOptions

        context = JobContext(on_progress=progress.report, cancel_event=cancel_event)
        audio = decode_audio(media_path, channel)
        context.check_cancelled()
        options = DiarizationOptions(speakers=count, cpu_threads=threads)
        engine = self._prepared_engine(options)
        progress.stage(stage)
        return engine.analyse(audio, options, context)

    def _prepared_engine(self, options: DiarizationOptions) -> DiarizationEngine:
        from app.engines.diarization import DiarizationEngine

        with self._engine_lock:
            if self._engine is None:
                self._engine = DiarizationEngine()
        self._engine.prepare(options)
        return self._engine

    def _analysed_now(self, calls: BackgroundCalls, heard: tuple[Document, Path, int | None],
                      analysis: SpeakerAnalysis) -> None:
        if calls is not self._calls:
            return
        self._end_job()
        if heard[0] is not self._window.document:
            return  # another document was opened meanwhile
        self._analysis, self._analysed = analysis, heard
        self._label(self._count, IDENTIFY)

    def _failed(self, calls: BackgroundCalls, message: str) -> None:
        if calls is self._calls:
            self._end_job()
            self._window.statusBar().showMessage(self.tr("Identifying speakers failed."))
            show_error(self._window, message)

    def cancel(self) -> None:
        if self._calls is not None:
            self._end_job()
            self._window.statusBar().showMessage(self.tr("Identifying speakers cancelled."), 5000)

    def _end_job(self) -> None:
        if self._calls is not None:
            self._calls.stop()
        self._calls = None
        self._window.progress_panel.hide()
        self._window.update_actions()

    # ---- labelling ------------------------------------------------------------------------
    def recount(self, count: SpeakerCount) -> None:
        """Re-count the speakers of the analysis already made: instant, one more undo step."""
        if self._analysis_fits() and not self._window.is_busy():
            self._count = count
            self._label(count, RECOUNT)

    def _label(self, count: SpeakerCount, step_name: str) -> None:
        assert self._analysis is not None
        document = self._window.document
        turns = self._analysis.turns(count)
        if not turns:
            self._window.statusBar().showMessage(self.tr("No speech was found to tell speakers apart."))
            return
        labelled = document.snapshot()
        labelled.segments = assign_speakers(labelled.segments, turns)
        document.apply(replace_transcript(labelled, step_name))
        names = speaker_names(document.transcript)
        legend = self.tr("{count} speakers: {names}").replace("{count}", str(len(names)))
        self._window.statusBar().showMessage(legend.replace("{names}", ", ".join(names)))
        self._window.update_actions()

    def _analysis_fits(self) -> bool:
        window = self._window
        return (self._analysis is not None and self._analysed is not None
                and self._analysed == (window.document, window.files.media_path, window.options_bar.channel()))

    def _after_recognition(self) -> None:
        """A recognition just finished: with the option on, label its speakers (unless the service did)."""
        transcript = self._window.document.transcript
        if self.option.is_on() and transcript.segments and not speaker_names(transcript):
            self.identify(self.option.count())


class _ProgressRelay:
    """The job thread's progress and stage, shown in the panel while that job is still the current one."""

    def __init__(self, panel: JobProgressPanel, is_current: Callable[[], bool]) -> None:
        self._panel = panel
        self._is_current = is_current
        self._relay = application_relay()
        self._estimator = TimeLeftEstimator()

    def report(self, fraction: float, _total: float) -> None:
        self._relay.post(self._show_progress, fraction, self._estimator.seconds_left(fraction))

    def stage(self, text: str) -> None:
        self._estimator.restart()
        self._relay.post(self._show_stage, text)

    def _show_progress(self, fraction: float, seconds_left: float | None) -> None:
        if self._is_current():
            self._panel.set_progress(fraction, seconds_left)

    def _show_stage(self, text: str) -> None:
        if self._is_current():
            self._panel.set_status(text)
