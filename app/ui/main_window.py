"""The main window: open a file, choose how to recognise it, watch the transcript arrive."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QDragEnterEvent, QDropEvent, QKeySequence
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QMenu,
    QStackedWidget,
    QStyle,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from app.core.languages import language_name
from app.core.remote_profiles import RemoteProfileStore
from app.core.transcript import Segment, Transcript
from app.engine_manager import EngineManager
from app.engines.base import TranscriptionEngine, TranscriptionOptions
from app.ui.advanced_options_dialog import AdvancedOptions, AdvancedOptionsDialog
from app.ui.background_calls import BackgroundCalls
from app.ui.export_dialog import ExportDialog
from app.ui.file_controller import FileController, local_paths
from app.ui.job_progress_panel import JobProgressPanel
from app.ui.messages import show_error
from app.ui.remote_engine_choice import RemoteEngineChoice, remote_profile_name
from app.ui.remote_profiles_dialog import RemoteProfilesDialog
from app.ui.transcript_table_model import TranscriptTableModel
from app.ui.transcript_view import TranscriptView
from app.ui.transcription_options_bar import TranscriptionOptionsBar

log = logging.getLogger(__name__)


class MainWindow(QMainWindow):
    transcript_changed = Signal()

    def __init__(
        self,
        manager: EngineManager,
        local_engine: TranscriptionEngine,
        profile_store: RemoteProfileStore | None = None,
    ) -> None:
        super().__init__()
        self._manager = manager
        self._local_engine = local_engine
        self._remote = RemoteEngineChoice(profile_store or RemoteProfileStore())
        self.files = FileController(self)
        self._job_id: int | None = None
        self._starting: int | None = None  # the number of a start waiting for its engine (the keyring may prompt)
        self._starts = 0
        self._calls = BackgroundCalls(self)
        self._advanced_options = AdvancedOptions()
        self.setWindowTitle(self.tr("Earshot"))
        self.setAcceptDrops(True)
        self.resize(1040, 680)
        self.transcript_model = TranscriptTableModel(self)
        self._build_actions()
        self._build_menus()
        self._build_toolbar()
        self._build_central()
        self._connect_manager()
        self._remote.fill(self.options_bar.model_combo)
        self.options_bar.model_combo.currentIndexChanged.connect(self.prepare_selected_model)
        self.transcript_model.rowsInserted.connect(self._update_save_action)
        self.transcript_model.modelReset.connect(self._update_save_action)
        self._update_actions()
        self.statusBar().showMessage(self.tr("Open an audio or video file to begin."))

    # ---- construction -------------------------------------------------------------
    def _build_actions(self) -> None:
        style = self.style()
        self.open_action = QAction(
            style.standardIcon(QStyle.StandardPixmap.SP_DialogOpenButton), self.tr("&Open…"), self
        )
        self.open_action.setShortcut(QKeySequence.StandardKey.Open)
        self.open_action.triggered.connect(self.files.choose_media_file)
        self.save_action = QAction(
            style.standardIcon(QStyle.StandardPixmap.SP_DialogSaveButton), self.tr("&Save Transcript As…"), self
        )
        self.save_action.setShortcuts([QKeySequence.StandardKey.SaveAs, QKeySequence.StandardKey.Save])
        self.save_action.triggered.connect(self.files.choose_save_path)
        self.export_action = QAction(self.tr("&Export…"), self)
        self.export_action.setShortcut(QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_E))
        self.export_action.triggered.connect(self.choose_export)
        self.save_action.enabledChanged.connect(self.export_action.setEnabled)
        self.import_action = QAction(self.tr("&Import Subtitles…"), self)
        self.import_action.triggered.connect(self.files.choose_transcript_file)
        self.quit_action = QAction(self.tr("&Quit"), self)
        self.quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        self.quit_action.triggered.connect(self.close)
        self.transcribe_action = QAction(
            style.standardIcon(QStyle.StandardPixmap.SP_MediaPlay), self.tr("&Transcribe"), self
        )
        self.transcribe_action.setShortcut(QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_R))
        self.transcribe_action.triggered.connect(self.start_transcription)
        self.cancel_action = QAction(self.tr("&Cancel"), self)
        self.cancel_action.setShortcut(QKeySequence(Qt.Key.Key_Escape))
        self.cancel_action.triggered.connect(self.cancel_transcription)
        self.rule_breaks_action = QAction(self.tr("Subtitle Rule &Breaks"), self, checkable=True)
        self.rule_breaks_action.toggled.connect(self._show_rule_breaks)
        self.word_timestamps_action = QAction(self.tr("&Word Timestamps"), self, checkable=True)
        self.vad_action = QAction(self.tr("Skip &Silence (Voice Activity Filter)"), self, checkable=True)
        self.vad_action.setChecked(True)
        self.chinese_script_group = QActionGroup(self)
        default_script = _default_chinese_script()
        for script, label in (
            ("simplified", self.tr("Simplified Chinese")),
            ("traditional", self.tr("Traditional Chinese")),
            ("original", self.tr("As Recognised")),
        ):
            action = QAction(label, self.chinese_script_group, checkable=True)
            action.setData(script)
            action.setChecked(script == default_script)

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        file_menu.addAction(self.open_action)
        file_menu.addAction(self.save_action)
        file_menu.addAction(self.export_action)
        file_menu.addAction(self.import_action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        transcription_menu = self.menuBar().addMenu(self.tr("&Transcription"))
        transcription_menu.addAction(self.transcribe_action)
        transcription_menu.addAction(self.cancel_action)
        transcription_menu.addSeparator()
        transcription_menu.addAction(self.word_timestamps_action)
        transcription_menu.addAction(self.vad_action)
        transcription_menu.addAction(self.tr("&Advanced Options…"), self.edit_advanced_options)
        transcription_menu.addAction(self.tr("&Remote Services…"), self.edit_remote_profiles)
        chinese_menu = QMenu(self.tr("Chinese &Output"), self)
        chinese_menu.addActions(self.chinese_script_group.actions())
        transcription_menu.addMenu(chinese_menu)
        view_menu = self.menuBar().addMenu(self.tr("&View"))
        view_menu.addAction(self.rule_breaks_action)
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        help_menu.addAction(self.tr("&About Earshot"), self._show_about)

    def _build_toolbar(self) -> None:
        toolbar = QToolBar(self.tr("Main"), self)
        toolbar.setObjectName("mainToolbar")
        toolbar.setMovable(False)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.addToolBar(toolbar)
        toolbar.addAction(self.open_action)
        toolbar.addAction(self.save_action)

    def _build_central(self) -> None:
        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(10)
        self.options_bar = TranscriptionOptionsBar(self.transcribe_action, central)
        layout.addWidget(self.options_bar)
        self.media_label = QLabel(central)
        self.media_label.setObjectName("mediaLabel")
        self.media_label.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.media_label)
        self.pages = QStackedWidget(central)
        self.drop_hint = QLabel(
            self.tr("Drop an audio or video file here\nor choose File ▸ Open (Ctrl+O)"), central
        )
        self.drop_hint.setObjectName("dropHint")
        self.drop_hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.pages.addWidget(self.drop_hint)
        self.transcript_view = TranscriptView(self.transcript_model, central)
        self.pages.addWidget(self.transcript_view)
        layout.addWidget(self.pages, 1)
        self.progress_panel = JobProgressPanel(central)
        self.progress_panel.cancel_requested.connect(self.cancel_transcription)
        self.progress_panel.hide()
        layout.addWidget(self.progress_panel)
        self.setCentralWidget(central)
        self._show_media_label()

    def _connect_manager(self) -> None:
        self._manager.status_changed.connect(self._on_status)
        self._manager.segment_recognised.connect(self._on_segment)
        self._manager.progress_changed.connect(self._on_progress)
        self._manager.job_finished.connect(self._on_finished)
        self._manager.job_failed.connect(self._on_failed)
        self._manager.job_cancelled.connect(self._on_cancelled)

    # ---- files ----------------------------------------------------------------------
    def open_media(self, path: Path) -> None:
        self.files.open_media(path)

    def show_media_opened(self) -> None:
        self.transcript_model.clear()
        self.pages.setCurrentWidget(self.transcript_view)
        self._show_media_label()
        self.statusBar().showMessage(self.tr("Press Transcribe to recognise the speech."))
        self._update_actions()

    def show_transcript(self, transcript: Transcript) -> None:
        self.transcript_model.set_transcript(transcript)
        self.pages.setCurrentWidget(self.transcript_view)

    def choose_export(self) -> None:
        """The export dialog; the rules chosen there mark the segments that break them."""
        self.export_dialog = ExportDialog(
            self.transcript_model.transcript, self.files.media_path, self.transcript_model.subtitle_rules, self
        )
        self.export_dialog.rules_chosen.connect(self.transcript_model.set_subtitle_rules)
        self.export_dialog.open()

    def _show_rule_breaks(self, shown: bool) -> None:
        self.transcript_model.show_rule_breaks(shown)
        if shown:  # the legend of the tint
            self.statusBar().showMessage(self.tr(
                "A tinted time: its subtitles would still break the rules after re-flow (hover for why)."))

    # ---- transcription ------------------------------------------------------------
    def current_options(self) -> TranscriptionOptions:
        script_action = self.chinese_script_group.checkedAction()
        return TranscriptionOptions(
            model=self.options_bar.model(),
            language=self.options_bar.language(),
            task=self.options_bar.task(),
            word_timestamps=self.word_timestamps_action.isChecked(),
            vad_filter=self.vad_action.isChecked(),
            chinese_script=script_action.data() if script_action else "simplified",
            initial_prompt=self._advanced_options.initial_prompt or None,
            hotwords=self._advanced_options.hotwords or None,
            beam_size=self._advanced_options.beam_size,
            cpu_threads=self._advanced_options.cpu_threads,
            language_per_passage=self._advanced_options.language_per_passage,
            fast_mode=self._advanced_options.fast_mode,
        )

    def edit_advanced_options(self) -> None:
        dialog = AdvancedOptionsDialog(self._advanced_options, self)
        dialog.accepted.connect(lambda: setattr(self, "_advanced_options", dialog.options()))
        dialog.open()

    def edit_remote_profiles(self) -> RemoteProfilesDialog:
        dialog = RemoteProfilesDialog(self._remote.store, self)
        dialog.profiles_changed.connect(lambda: self._remote.fill(self.options_bar.model_combo))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def prepare_selected_model(self) -> None:
        """Load the chosen model in the background now, not when the user presses Transcribe."""
        if remote_profile_name(self.options_bar.model()) is not None:
            return  # a remote service has nothing to load here
        self._manager.submit_preparation(self._local_engine, self.current_options())

    def start_transcription(self) -> None:
        media_path = self.files.media_path
        if media_path is None or self.is_busy():
            return
        choice, options, channel = self.options_bar.model(), self.current_options(), self.options_bar.channel()
        self._starts += 1
        self._starting = start = self._starts
        self.transcript_model.clear()
        self.progress_panel.start(self.tr("Starting…"))
        self.statusBar().clearMessage()
        self._update_actions()
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
        self._job_id = self._manager.submit_transcription(media_path, engine, options, channel)

    def _start_failed(self, start: int, message: str) -> None:
        if start == self._starting:
            self._end_job()
            show_error(self, message)

    def cancel_transcription(self) -> None:
        if self._job_id is not None:
            self._manager.cancel(self._job_id)
        elif self._starting is not None:
            self._end_job()
            self.statusBar().showMessage(self.tr("Transcription cancelled."), 5000)

    def is_busy(self) -> bool:
        return self._job_id is not None or self._starting is not None

    def _on_status(self, job_id: int, message: str) -> None:
        if job_id == self._job_id:
            self.progress_panel.set_status(message)

    def _on_segment(self, job_id: int, segment: Segment) -> None:
        if job_id != self._job_id:
            return
        self.transcript_model.append_segment(segment)
        if self.transcript_view.follows_end():
            self.transcript_view.scrollToBottom()

    def _on_progress(self, job_id: int, fraction: float, seconds_left: float) -> None:
        if job_id == self._job_id:
            self.progress_panel.set_progress(fraction, seconds_left if seconds_left >= 0 else None)

    def _on_finished(self, job_id: int, transcript: Transcript) -> None:
        if job_id != self._job_id:
            return
        self._end_job()
        self.transcript_model.adopt_transcript(transcript)
        self._show_media_label(transcript)
        count = len(transcript.segments)
        self.statusBar().showMessage(
            self.tr("Transcribed {count} segments.").replace("{count}", str(count))
            if count else self.tr("No speech was found in this file.")
        )
        self.transcript_changed.emit()

    def _on_failed(self, job_id: int, message: str) -> None:
        if job_id != self._job_id:
            return
        self._end_job()
        self.statusBar().showMessage(self.tr("Transcription failed."))
        show_error(self, message)

    def _on_cancelled(self, job_id: int) -> None:
        if job_id != self._job_id:
            return
        self._end_job()
        self.statusBar().showMessage(self.tr("Transcription cancelled."), 5000)

    def _end_job(self) -> None:
        self._job_id = self._starting = None
        self.progress_panel.hide()
        self._update_actions()

    # ---- state ----------------------------------------------------------------------
    def _update_actions(self) -> None:
        busy = self.is_busy()
        self.transcribe_action.setEnabled(self.files.media_path is not None and not busy)
        self.cancel_action.setEnabled(busy)
        self._update_save_action()
        self.options_bar.set_busy(busy)

    def _update_save_action(self) -> None:
        self.save_action.setEnabled(bool(self.transcript_model.transcript.segments) and not self.is_busy())

    def _show_media_label(self, transcript: Transcript | None = None) -> None:
        if self.files.media_path is None:
            self.media_label.setText(self.tr("No file open"))
            return
        parts = [self.files.media_path.name]
        if transcript and transcript.duration:
            minutes, seconds = divmod(round(transcript.duration), 60)
            parts.append(f"{minutes}:{seconds:02d}")
        if transcript and transcript.language:
            parts.append(self.tr(language_name(transcript.language)))
        self.media_label.setText("  ·  ".join(parts))

    def _show_about(self) -> None:
        from app import __version__

        self.statusBar().showMessage(
            self.tr("Earshot {version}: speech to editable transcripts and subtitles.").replace(
                "{version}", __version__
            )
        )

    # ---- drag and drop --------------------------------------------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if local_paths(event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = local_paths(event.mimeData().urls())
        if paths:
            event.acceptProposedAction()
            self.files.open_path(paths[0])

    def closeEvent(self, event: QCloseEvent) -> None:
        self.cancel_transcription()
        super().closeEvent(event)


def _default_chinese_script() -> str:
    locale = QLocale()
    if locale.language() == QLocale.Language.Chinese and locale.script() == QLocale.Script.TraditionalChineseScript:
        return "traditional"
    return "simplified"
