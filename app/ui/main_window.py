"""The main window: open a file, choose how to recognise it, watch the transcript arrive."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QLocale, Qt, QUrl, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QDragEnterEvent, QDropEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHeaderView,
    QLabel,
    QMainWindow,
    QMenu,
    QStackedWidget,
    QStyle,
    QTableView,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from app.core.audio import MEDIA_EXTENSIONS, audio_channel_count
from app.core.errors import EarshotError
from app.core.formats import INPUT_EXTENSIONS, OUTPUT_FORMATS, read_transcript, save_transcript
from app.core.languages import language_name
from app.core.remote_profiles import RemoteProfileStore
from app.core.transcript import Segment, Transcript
from app.engine_manager import EngineManager
from app.engines.base import TranscriptionEngine, TranscriptionOptions
from app.ui.advanced_options_dialog import AdvancedOptions, AdvancedOptionsDialog
from app.ui.export_dialog import ExportDialog
from app.ui.job_progress_panel import JobProgressPanel
from app.ui.messages import show_error
from app.ui.remote_engine_choice import RemoteEngineChoice, remote_profile_name
from app.ui.remote_profiles_dialog import RemoteProfilesDialog
from app.ui.transcript_table_model import TranscriptTableModel
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
        self._media_path: Path | None = None
        self._job_id: int | None = None
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
        self.open_action.triggered.connect(self.choose_media_file)
        self.save_action = QAction(
            style.standardIcon(QStyle.StandardPixmap.SP_DialogSaveButton), self.tr("&Save Transcript As…"), self
        )
        self.save_action.setShortcuts([QKeySequence.StandardKey.SaveAs, QKeySequence.StandardKey.Save])
        self.save_action.triggered.connect(self.choose_save_path)
        self.export_action = QAction(self.tr("&Export…"), self)
        self.export_action.setShortcut(QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_E))
        self.export_action.triggered.connect(self.choose_export)
        self.save_action.enabledChanged.connect(self.export_action.setEnabled)
        self.import_action = QAction(self.tr("&Import Subtitles…"), self)
        self.import_action.triggered.connect(self.choose_subtitles_file)
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
        self.transcript_view = QTableView(central)
        self.transcript_view.setObjectName("transcriptView")
        self.transcript_view.setModel(self.transcript_model)
        self.transcript_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.transcript_view.setAlternatingRowColors(True)
        self.transcript_view.setWordWrap(True)
        self.transcript_view.setShowGrid(False)
        self.transcript_view.verticalHeader().setVisible(False)
        header = self.transcript_view.horizontalHeader()
        header.setSectionResizeMode(TranscriptTableModel.TIME_COLUMN, QHeaderView.ResizeMode.Fixed)
        widest_time = self.transcript_view.fontMetrics().horizontalAdvance("0:00:00 – 0:00:00")
        header.resizeSection(TranscriptTableModel.TIME_COLUMN, widest_time + 32)
        header.setSectionResizeMode(TranscriptTableModel.TEXT_COLUMN, QHeaderView.ResizeMode.Stretch)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        # Sizing each new row alone keeps a long transcript's inserts cheap (ResizeToContents
        # would measure every row on every insert).
        self.transcript_model.rowsInserted.connect(self._fit_new_rows)
        self.transcript_model.modelReset.connect(self.transcript_view.resizeRowsToContents)
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

    # ---- opening and saving -------------------------------------------------------
    def choose_media_file(self) -> None:
        patterns = " ".join(f"*{extension}" for extension in MEDIA_EXTENSIONS)
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Open Audio or Video"), "",
            self.tr("Audio and video ({patterns});;All files (*)").replace("{patterns}", patterns),
        )
        if path:
            self.open_media(Path(path))

    def open_media(self, path: Path) -> None:
        if self.is_busy():
            self.statusBar().showMessage(self.tr("Wait for the transcription to finish, or cancel it."))
            return
        self._media_path = path
        log.info("opened %s", path.name)
        self.options_bar.set_channel_count(audio_channel_count(path))
        self.transcript_model.clear()
        self.pages.setCurrentWidget(self.transcript_view)
        self._show_media_label()
        self.statusBar().showMessage(self.tr("Press Transcribe to recognise the speech."))
        self._update_actions()

    def choose_save_path(self) -> None:
        if not self.transcript_model.transcript.segments:
            return
        filters = [f"{f.description} (*{f.extension})" for f in OUTPUT_FORMATS.values()]
        suggested = self._media_path.with_suffix(".srt") if self._media_path else Path("transcript.srt")
        path, chosen_filter = QFileDialog.getSaveFileName(
            self, self.tr("Save Transcript"), str(suggested), ";;".join(filters),
            filters[list(OUTPUT_FORMATS).index("srt")],
        )
        if not path:
            return
        format_name = next(
            (f.name for f in OUTPUT_FORMATS.values() if chosen_filter.endswith(f"(*{f.extension})")), None
        )
        chosen = Path(path)
        if format_name and not chosen.suffix:
            chosen = chosen.with_suffix(OUTPUT_FORMATS[format_name].extension)
        self.save_transcript_to(chosen, format_name if not Path(path).suffix else None)

    def choose_export(self) -> None:
        """The export dialog; the rules chosen there mark the segments that break them."""
        self.export_dialog = ExportDialog(
            self.transcript_model.transcript, self._media_path, self.transcript_model.subtitle_rules, self
        )
        self.export_dialog.rules_chosen.connect(self.transcript_model.set_subtitle_rules)
        self.export_dialog.open()

    def choose_subtitles_file(self) -> None:
        patterns = " ".join(f"*{extension}" for extension in INPUT_EXTENSIONS)
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Import Subtitles"), "", self.tr("Subtitles and transcripts ({patterns})").replace(
                "{patterns}", patterns)
        )
        if path:
            self.import_subtitles(Path(path))

    def import_subtitles(self, path: Path) -> bool:
        """Show the cues of a subtitle or transcript file as the transcript, to edit and export again."""
        if self.is_busy():
            return False
        try:
            self.transcript_model.set_transcript(read_transcript(path))
        except EarshotError as error:
            show_error(self, error.message)
            return False
        self.pages.setCurrentWidget(self.transcript_view)
        self.statusBar().showMessage(self.tr("Imported {name}").replace("{name}", path.name), 5000)
        return True

    def save_transcript_to(self, path: Path, format_name: str | None = None) -> bool:
        try:
            saved = save_transcript(self.transcript_model.transcript, path, format_name)
        except EarshotError as error:
            show_error(self, error.message)
            return False
        self.statusBar().showMessage(self.tr("Saved {name}").replace("{name}", saved.name), 5000)
        return True

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
        if self._media_path is None or self.is_busy():
            return
        try:
            engine, options = self._remote.engine_for(
                self.options_bar.model(), self._local_engine, self.current_options()
            )
        except EarshotError as error:
            show_error(self, error.message)
            return
        self.transcript_model.clear()
        self._job_id = self._manager.submit_transcription(self._media_path, engine, options, self.options_bar.channel())
        self.progress_panel.start(self.tr("Starting…"))
        self.statusBar().clearMessage()
        self._update_actions()

    def cancel_transcription(self) -> None:
        if self._job_id is not None:
            self._manager.cancel(self._job_id)

    def is_busy(self) -> bool:
        return self._job_id is not None

    def _on_status(self, job_id: int, message: str) -> None:
        if job_id == self._job_id:
            self.progress_panel.set_status(message)

    def _on_segment(self, job_id: int, segment: Segment) -> None:
        if job_id != self._job_id:
            return
        self.transcript_model.append_segment(segment)
        if self._follows_end():
            self.transcript_view.scrollToBottom()

    def _fit_new_rows(self, _parent, first: int, last: int) -> None:
        for row in range(first, last + 1):
            self.transcript_view.resizeRowToContents(row)

    def _follows_end(self) -> bool:
        bar = self.transcript_view.verticalScrollBar()
        return bar.value() >= bar.maximum() - 4

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
        self._job_id = None
        self.progress_panel.hide()
        self._update_actions()

    # ---- state ----------------------------------------------------------------------
    def _update_actions(self) -> None:
        busy = self.is_busy()
        self.transcribe_action.setEnabled(self._media_path is not None and not busy)
        self.cancel_action.setEnabled(busy)
        self._update_save_action()
        self.options_bar.set_busy(busy)

    def _update_save_action(self) -> None:
        self.save_action.setEnabled(bool(self.transcript_model.transcript.segments) and not self.is_busy())

    def _show_media_label(self, transcript: Transcript | None = None) -> None:
        if self._media_path is None:
            self.media_label.setText(self.tr("No file open"))
            return
        parts = [self._media_path.name]
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
        if _local_paths(event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = _local_paths(event.mimeData().urls())
        if paths:
            event.acceptProposedAction()
            self.open_media(paths[0])

    def closeEvent(self, event: QCloseEvent) -> None:
        self.cancel_transcription()
        super().closeEvent(event)


def _local_paths(urls: list[QUrl]) -> list[Path]:
    return [Path(url.toLocalFile()) for url in urls if url.isLocalFile()]


def _default_chinese_script() -> str:
    locale = QLocale()
    if locale.language() == QLocale.Language.Chinese and locale.script() == QLocale.Script.TraditionalChineseScript:
        return "traditional"
    return "simplified"
