"""The main window: open a file, recognise it, correct the transcript; it composes the controllers that do the work.

The window shows one document at a time (``self.document``); ProjectController opens and saves
documents, EditActions edits them, the Autosaver keeps a recovery copy, and recognition jobs
deliver into the document by job id.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QLocale, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QDragEnterEvent, QDropEvent, QKeySequence, QUndoGroup
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QStackedWidget,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from app.core.collector_freeze import settle_collector_after_loading
from app.core.languages import language_name
from app.core.recent_files import RecentFiles
from app.core.recovery import RecoveryStore
from app.core.remote_profiles import RemoteProfileStore
from app.core.transcript import Transcript
from app.engines.base import TranscriptionEngine, TranscriptionOptions
from app.jobs import JobRunner
from app.ui.about_box import show_about_box
from app.ui.advanced_options_dialog import AdvancedOptions, AdvancedOptionsDialog
from app.ui.batch.batch_controller import BatchController
from app.ui.batch.runner_port import RunnerPort
from app.ui.editor.autosave import Autosaver
from app.ui.editor.document import Document
from app.ui.editor.edit_actions import EditActions
from app.ui.editor.text_editing import TextEditing
from app.ui.export_dialog import ExportDialog
from app.ui.file_controller import FileController, local_paths
from app.ui.job_progress_panel import JobProgressPanel
from app.ui.messages import show_error
from app.ui.model_manager_dialog import ModelManagerDialog
from app.ui.passage_controller import PassageRetranscription
from app.ui.playback_binding import PlaybackBinding
from app.ui.playback_panel import PlaybackPanel
from app.ui.preferences.binding import PreferenceBinding
from app.ui.preferences.store import PreferenceStore
from app.ui.project_controller import ProjectController
from app.ui.recognition_controller import RecognitionController
from app.ui.recording.recording_controller import RecordingController
from app.ui.remote_engine_choice import RemoteEngineChoice
from app.ui.remote_profiles_dialog import RemoteProfilesDialog
from app.ui.speakers_controller import SpeakersController
from app.ui.speech.speech_controller import SpeechController
from app.ui.transcript_table_model import TranscriptTableModel
from app.ui.transcript_view import TranscriptView
from app.ui.transcription_options_bar import TranscriptionOptionsBar
from app.ui.welcome_page import WelcomePage
from app.ui.window_menus import build_menus, build_toolbar

log = logging.getLogger(__name__)
# The first size: room for every choice of the options bar (about 1,124 px, in English or Chinese), so none starts
# in its » menu; less on a small screen, where a margin of the screen stays around the window.
DEFAULT_WIDTH, DEFAULT_HEIGHT = 1180, 720


def default_window_size(screen: QSize) -> QSize:
    return QSize(min(DEFAULT_WIDTH, int(screen.width() * 0.88)), min(DEFAULT_HEIGHT, int(screen.height() * 0.85)))


class MainWindow(QMainWindow):
    transcript_changed = Signal()

    def __init__(
        self,
        manager: JobRunner,
        local_engine: TranscriptionEngine,
        profile_store: RemoteProfileStore | None = None,
        recovery_store: RecoveryStore | None = None,
        recent_files: RecentFiles | None = None,
        preferences: PreferenceStore | None = None,
    ) -> None:
        super().__init__()
        self._manager = manager
        self._remote = RemoteEngineChoice(profile_store or RemoteProfileStore())
        self.advanced_options = AdvancedOptions()
        self._may_close = False
        self.setAcceptDrops(True)
        self._fit_to_screen()
        self.undo_group = QUndoGroup(self)
        self.document = Document(parent=self)
        self.undo_group.addStack(self.document.undo_stack)
        self.undo_group.setActiveStack(self.document.undo_stack)
        self.transcript_model = TranscriptTableModel(self)
        self.transcript_model.edit_refused.connect(lambda sentence: show_error(self, sentence))
        self.autosaver = Autosaver(recovery_store or RecoveryStore(), self)
        self.files = FileController(self)
        self.projects = ProjectController(self, recent_files)
        self.edit_actions = EditActions(self, self.undo_group)
        self.text_editing = TextEditing(self)
        self.recognition = RecognitionController(self, manager, local_engine, self._remote)
        self.passages = PassageRetranscription(self, manager, local_engine, self._remote)
        self.speakers = SpeakersController(self)
        self.speech = SpeechController(self, self._remote.store)
        self.batch = BatchController(self, RunnerPort(manager), local_engine, self._remote)
        self.recordings = RecordingController(self, manager, local_engine, self._remote)
        self.tabifyDockWidget(self.batch.panel, self.speech.panel)  # side by side they would widen the window
        self._build_actions()
        self.edit_menu, self.remote_services_action = build_menus(self)
        build_toolbar(self)
        self._build_central()
        self.passages.watch_waveform(self.playback_panel.waveform)
        self.playback = PlaybackBinding(self, self.playback_panel)
        self.speech.watch_media(self.playback_panel.controller)
        self._remote.fill(self.options_bar.model_combo)
        self.preferences = PreferenceBinding(self, preferences or PreferenceStore(parent=self), self._remote.store)
        self.edit_menu.addSeparator()
        self.edit_menu.addAction(self.preferences.action)
        self.options_bar.model_combo.currentIndexChanged.connect(self.prepare_selected_model)
        self.adopt_document(self.document)
        self.statusBar().showMessage(self.tr("Open an audio or video file, a transcript or a project to begin."))

    # ---- construction -------------------------------------------------------------
    def _fit_to_screen(self) -> None:
        screen = self.screen().availableGeometry()
        self.resize(default_window_size(screen.size()))

    def _build_actions(self) -> None:
        style = self.style()
        self.open_action = self.projects.open_action
        self.open_action.setIcon(style.standardIcon(QStyle.StandardPixmap.SP_DialogOpenButton))
        self.save_action = self.projects.save_action
        self.save_action.setIcon(style.standardIcon(QStyle.StandardPixmap.SP_DialogSaveButton))
        self.export_action = QAction(self.tr("&Export Subtitles…"), self)
        self.export_action.setShortcut(QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_E))
        self.export_action.triggered.connect(self.choose_export)
        self.save_transcript_action = QAction(self.tr("Save &Transcript As…"), self)
        self.save_transcript_action.setShortcut(QKeySequence(Qt.Modifier.CTRL | Qt.Modifier.SHIFT | Qt.Key.Key_E))
        self.save_transcript_action.triggered.connect(self.files.choose_save_path)
        self.recover_action = QAction(self.tr("Recover &Unsaved Work…"), self)
        self.recover_action.triggered.connect(self.projects.offer_recovery)
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
        self.word_timestamps_action = QAction(self.tr("&Word Timestamps"), self, checkable=True)  # checked: preferences
        self.vad_action = QAction(self.tr("Skip &Silence (Voice Activity Filter)"), self, checkable=True)
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

    def _build_central(self) -> None:
        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(10)
        self.options_bar = TranscriptionOptionsBar(self.transcribe_action, central)
        self.options_bar.add_option(self.speakers.option)
        layout.addWidget(self.options_bar)
        self.media_label = QLabel(central)
        self.media_label.setObjectName("mediaLabel")
        self.media_label.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.media_label)
        self.pages = QStackedWidget(central)
        welcome_actions = [self.open_action, self.recordings.new_recording_action, self.remote_services_action]
        self.welcome = WelcomePage(welcome_actions, central)
        self.pages.addWidget(self.welcome)
        self.transcript_view = TranscriptView(self.transcript_model, central)
        self.pages.addWidget(self.transcript_view)
        self.text_editing.add_views(self.pages)
        self.playback_panel = PlaybackPanel(self._manager, central)
        layout.addWidget(self.playback_panel.wrap(self.pages), 1)
        layout.addWidget(self.text_editing.find_bar)
        layout.addWidget(self.playback_panel)
        self.progress_panel = JobProgressPanel(central)
        self.progress_panel.cancel_requested.connect(self.cancel_transcription)
        self.progress_panel.hide()
        layout.addWidget(self.progress_panel)
        self.setCentralWidget(central)

    # ---- the document ---------------------------------------------------------------
    def adopt_document(self, document: Document) -> None:
        """Show and edit ``document`` from now on (the one before is closed: ask first, see ProjectController)."""
        previous = self.document
        if previous is not document:
            self.undo_group.removeStack(previous.undo_stack)
            previous.deleteLater()
            document.setParent(self)
            self.undo_group.addStack(document.undo_stack)
        self.undo_group.setActiveStack(document.undo_stack)
        self.document = document
        document.modified_changed.connect(self.show_document_title)
        document.title_changed.connect(self.show_document_title)
        document.edited.connect(self.update_actions)
        self.transcript_model.set_document(document)
        self.text_editing.set_document(document)
        self.autosaver.watch(document)
        self.playback.set_document(document)
        has_content = document.media_path is not None or bool(document.transcript.segments)
        self.pages.setCurrentWidget(self.text_editing.transcript_page() if has_content else self.welcome)
        self.show_document_title()
        if document.media_path is not None and not document.transcript.segments:
            self.statusBar().showMessage(self.tr("Press Transcribe to recognise the speech."))
        elif has_content:
            self.statusBar().clearMessage()
        self.update_actions()
        settle_collector_after_loading(len(document.transcript.segments))

    def show_document_title(self) -> None:
        has_content = self.document.media_path is not None or bool(self.document.transcript.segments)
        title = self.document.title() if has_content or self.document.project_path else ""
        self.setWindowTitle(f"{title}[*] — Earshot" if title else self.tr("Earshot"))
        self.setWindowModified(self.document.is_modified)
        self.show_media_label(self.document.transcript)

    def open_media(self, path: Path) -> None:
        self.projects.open_path(path)

    def choose_export(self) -> None:
        """The export dialog (on a snapshot); the rules chosen there mark the segments that break them."""
        initial_format, folder = self.preferences.export_dialog_defaults()
        self.export_dialog = ExportDialog(self.document.snapshot(), self.document.media_path,
                                          self.transcript_model.subtitle_rules, self, initial_format, folder)
        self.export_dialog.rules_chosen.connect(self.transcript_model.set_subtitle_rules)
        self.export_dialog.rules_chosen.connect(self.playback_panel.video_pane.set_rules)
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
            word_timestamps=self.word_timestamps_action.isChecked() or self.speakers.wants_word_timings(),
            vad_filter=self.vad_action.isChecked(),
            chinese_script=script_action.data() if script_action else "simplified",
            initial_prompt=self.advanced_options.initial_prompt or None,
            hotwords=self.advanced_options.hotwords or None,
            beam_size=self.advanced_options.beam_size,
            cpu_threads=self.advanced_options.cpu_threads,
            language_per_passage=self.advanced_options.language_per_passage,
            fast_mode=self.advanced_options.fast_mode,
        )

    def edit_advanced_options(self) -> None:
        dialog = AdvancedOptionsDialog(self.advanced_options, self)
        dialog.accepted.connect(lambda: setattr(self, "advanced_options", dialog.options()))
        dialog.open()

    def edit_remote_profiles(self) -> RemoteProfilesDialog:
        dialog = RemoteProfilesDialog(self._remote.store, self)
        dialog.profiles_changed.connect(lambda: self._remote.fill(self.options_bar.model_combo))
        dialog.profiles_changed.connect(self.speech.panel.fill_engines)
        dialog.profiles_changed.connect(self.preferences.profiles_changed)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def manage_models(self) -> ModelManagerDialog:
        dialog = ModelManagerDialog(self._manager, self)
        dialog.models_changed.connect(self.options_bar.refresh_models)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def prepare_selected_model(self) -> None:
        self.recognition.prepare_selected_model()

    def set_remote_jobs(self, count: int) -> None:
        """How many remote jobs run at once; a waiting batch takes up the room at once."""
        self._manager.set_remote_jobs(count)
        QTimer.singleShot(0, self.batch.schedule)

    def start_transcription(self) -> None:
        self.recognition.start()

    def cancel_transcription(self) -> None:
        self.recognition.cancel()
        self.speakers.cancel()
        self.passages.cancel()

    def is_busy(self) -> bool:
        return self.recognition.is_busy() or self.speakers.is_busy() or self.passages.is_busy()

    # ---- state ----------------------------------------------------------------------
    def update_actions(self) -> None:
        busy = self.is_busy()
        self.transcribe_action.setEnabled(self.files.media_path is not None and not busy)
        self.cancel_action.setEnabled(busy)
        self.options_bar.set_busy(busy)
        editable = not busy and not self.document.is_read_only
        has_segments = bool(self.document.transcript.segments)
        self.save_action.setEnabled(editable and (has_segments or self.document.is_modified))
        self.projects.save_as_action.setEnabled(editable and has_segments)
        self.export_action.setEnabled(editable and has_segments)
        self.save_transcript_action.setEnabled(editable and has_segments)
        self.edit_actions.set_enabled(editable)
        self.speakers.update_actions(busy, editable and has_segments)
        self.passages.update_action(busy, editable and has_segments)
        self.speech.update_actions()

    def show_media_label(self, transcript: Transcript | None = None) -> None:
        media = self.document.media_path
        if media is None:
            known = self.document.project_path or self.document.transcript.segments
            self.media_label.setText(self.document.title() if known else self.tr("No file open"))
            return
        parts = [media.name]
        if transcript and transcript.duration:
            minutes, seconds = divmod(round(transcript.duration), 60)
            parts.append(f"{minutes}:{seconds:02d}")
        if transcript and transcript.language:
            parts.append(self.tr(language_name(transcript.language)))
        self.media_label.setText("  ·  ".join(parts))

    def show_about(self) -> None:
        self.about_box = show_about_box(self)

    # ---- drag and drop --------------------------------------------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if local_paths(event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        """One file opens; several files, or a folder, go to the batch queue (a folder's files counted first)."""
        paths = local_paths(event.mimeData().urls())
        if not paths:
            return
        event.acceptProposedAction()
        if len(paths) > 1 or paths[0].is_dir():
            self.batch.adding.add_paths(paths)
        else:
            self.projects.open_path(paths[0])

    def closeEvent(self, event: QCloseEvent) -> None:
        """A modified document asks Save / Discard / Cancel first; a clean close leaves nothing to recover."""
        if not self._may_close and self.document.is_modified:
            event.ignore()
            self.projects.close_document_then(self._close_now)
            return
        self.cancel_transcription()
        self.speech.shutdown()
        self.batch.shutdown()
        self.recordings.shutdown()
        self.playback_panel.shutdown()
        self.autosaver.finish()
        self.autosaver.discard(self.document)
        super().closeEvent(event)

    def close_discarding_changes(self) -> None:
        """Close without asking to save (for a document that is disposable, like the self-test's)."""
        self._close_now()

    def _close_now(self) -> None:
        self._may_close = True
        self.close()


def _default_chinese_script() -> str:
    locale = QLocale()
    if locale.language() == QLocale.Language.Chinese and locale.script() == QLocale.Script.TraditionalChineseScript:
        return "traditional"
    return "simplified"
