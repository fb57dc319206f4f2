"""The Speech menu: read the selected segments or the whole transcript aloud, stop, save the speech as audio.

Reading runs in ``SpeechReading`` (its own worker, the synthesiser and a player); this controller
only starts and stops it and shows what it reports, relayed to the GUI thread. The segment being
read is tinted like the segment being played and scrolled into view while Follow Playback is on;
media playback pauses while the transcript is read. Esc stops speaking while it is under way.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QFileDialog, QMenu

from app.core.errors import EarshotError
from app.core.remote_profiles import RemoteProfileStore
from app.core.sentences import TextSpan
from app.core.spoken_segments import spoken_segments
from app.engines.speech_playback import save_speech, speech_file_format
from app.engines.speech_reading import SpeechReading, synthesiser_for
from app.ui.background_calls import BackgroundCalls
from app.ui.editor.document import Document
from app.ui.messages import show_error
from app.ui.playback.player import PlaybackController
from app.ui.playback_sync import NONE
from app.ui.speech.voice_panel import VoicePanel
from app.ui.transcript_table_model import TranscriptTableModel

if TYPE_CHECKING:
    from app.ui.main_window import MainWindow

STATUS_MS = 8000
SAVED_PAUSE_SECONDS = 0.4  # between sentences in a saved file, as between segments read aloud


@dataclass(frozen=True, slots=True)
class SpokenText:
    """A text to read and the segment each place in it belongs to (None: no segment to highlight)."""

    text: str
    row_at: Callable[[int], int | None]


class SpeechController(QObject):
    reading_changed = Signal(bool)
    sentence_started = Signal(str)  # the text of the sentence now being read
    speech_saved = Signal(str)  # the file's path

    def __init__(self, window: MainWindow, profiles: RemoteProfileStore) -> None:
        super().__init__(window)
        self._window = window
        self._profiles = profiles
        self._calls = BackgroundCalls(window)
        self._spoken: SpokenText | None = None
        self._read_document: Document | None = None  # the document being read: another one stops the reading
        self.reading = SpeechReading(lambda span: self._calls.report(self._sentence_started, span),
                                     lambda error: self._calls.report(self._finished, error))
        self.speak_selection_action = self._action(self.tr("Speak &Selection"), self.speak_selection,
                                                   QKeySequence("F9"))
        self.speak_transcript_action = self._action(self.tr("Speak &Transcript"), self.speak_transcript,
                                                    QKeySequence("Shift+F9"))
        self.stop_action = self._action(self.tr("St&op Speaking"), self.stop)
        self.save_action = self._action(self.tr("Save Speech as &Audio…"), self.choose_save_path)
        self.panel = VoicePanel(profiles, [self.speak_selection_action, self.speak_transcript_action,
                                           self.stop_action], window)
        self.panel.hide()
        window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.panel)
        # Its own action: a dock's toggle action takes the dock's title again whenever the title changes.
        self.panel_action = QAction(self.tr("&Voice Panel"), window, checkable=True)
        self.panel_action.toggled.connect(self.panel.setVisible)
        self.panel.visibilityChanged.connect(self.panel_action.setChecked)
        self.update_actions()

    def _action(self, text: str, slot: Callable[[], object], keys: QKeySequence | None = None) -> QAction:
        action = QAction(text, self._window)
        if keys is not None:
            action.setShortcut(keys)
        action.triggered.connect(slot)
        self._window.addAction(action)
        return action

    def fill(self, menu: QMenu) -> None:
        menu.addActions([self.speak_selection_action, self.speak_transcript_action, self.stop_action])
        menu.addSeparator()
        menu.addAction(self.save_action)
        menu.addSeparator()
        menu.addAction(self.panel_action)

    @property
    def is_reading(self) -> bool:
        return self._spoken is not None

    def update_actions(self) -> None:
        if self.is_reading and self._window.document is not self._read_document:
            self.stop()  # another document was opened
        has_text = any(segment.text.strip() for segment in self._window.document.transcript.segments)
        self.speak_selection_action.setEnabled(has_text and not self.is_reading)
        self.speak_transcript_action.setEnabled(has_text and not self.is_reading)
        self.save_action.setEnabled(has_text)
        self.stop_action.setEnabled(self.is_reading)
        escape = self.is_reading and not self._window.is_busy()  # while a job runs, Esc cancels the job
        self.stop_action.setShortcut(QKeySequence(Qt.Key.Key_Escape) if escape else QKeySequence())

    # ---- reading aloud ---------------------------------------------------------------------------
    def speak_selection(self) -> None:
        """The text view's selected text when it is shown and has one, else the selected segments."""
        text_view = self._window.text_editing.text_view
        cursor = text_view.textCursor()
        if self._window.text_editing.current_view() is text_view and cursor.hasSelection():
            start = cursor.selectionStart()
            text = cursor.selectedText().replace("\u2029", "\n")

            def row_at(offset: int) -> int | None:
                found = text_view.segment_at_position(start + offset)
                return found[0] if found is not None else None

            self._speak(SpokenText(text, row_at))
            return
        rows = self._window.transcript_view.selected_rows()
        if not rows:
            self._window.statusBar().showMessage(self.tr("Select the segments to speak first."), STATUS_MS)
            return
        segments = spoken_segments(self._window.document.transcript, rows)
        self._speak(SpokenText(segments.text, segments.row_at))

    def speak_transcript(self) -> None:
        segments = spoken_segments(self._window.document.transcript)
        self._speak(SpokenText(segments.text, segments.row_at))

    def _speak(self, spoken: SpokenText) -> None:
        if self.is_reading or self.reading.is_running or not spoken.text.strip():
            return
        self._window.playback_panel.controller.pause()
        self._spoken, self._read_document = spoken, self._window.document
        self.reading.start(spoken.text, synthesiser_for(self.panel.voice(), self._profiles))
        self._window.statusBar().showMessage(self.tr("Reading aloud… (Esc stops)"))
        self.update_actions()
        self.reading_changed.emit(True)

    def stop(self) -> None:
        """Silent at once; the highlight goes with the sound."""
        if not self.is_reading:
            return
        self.reading.stop()
        self._end_reading()
        self._window.statusBar().showMessage(self.tr("Stopped speaking."), STATUS_MS)

    def watch_media(self, controller: PlaybackController) -> None:
        """Media that starts playing stops the reading: one voice at a time."""
        controller.playing_changed.connect(self._media_playing)

    def _media_playing(self, playing: bool) -> None:
        if playing:
            self.stop()

    def _sentence_started(self, span: TextSpan) -> None:
        if self._spoken is None:
            return  # stopped before this sentence's report arrived
        self.panel.show_reading(span.text)
        self.sentence_started.emit(span.text)
        row = self._spoken.row_at(span.start)
        self._show_row(row)

    def _show_row(self, row: int | None) -> None:
        model = self._window.transcript_model
        model.set_playing_row(row)
        if row is not None and self._window.playback.follow:
            index = model.index(row, TranscriptTableModel.TEXT_COLUMN)
            self._window.transcript_view.scrollTo(index, QAbstractItemView.ScrollHint.EnsureVisible)

    def _finished(self, error: EarshotError | None) -> None:
        if self._spoken is None:
            return  # already stopped by the user
        self._end_reading()
        if error is not None:
            show_error(self._window, error.message)
        else:
            self._window.statusBar().showMessage(self.tr("Finished reading aloud."), STATUS_MS)

    def _end_reading(self) -> None:
        self._spoken = self._read_document = None
        self.panel.show_reading("")
        playing = self._window.playback_panel.sync.current_segment
        self._window.transcript_model.set_playing_row(playing if playing != NONE else None)
        self.update_actions()
        self.reading_changed.emit(False)

    def shutdown(self) -> None:
        self.reading.stop()
        self._calls.stop()

    # ---- saving ------------------------------------------------------------------------------------
    def choose_save_path(self) -> None:
        document = self._window.document
        suggested = Path(document.media_path or document.project_path or "speech").with_suffix(".flac")
        path, _chosen = QFileDialog.getSaveFileName(
            self._window, self.tr("Save Speech as Audio"), str(suggested),
            ";;".join([self.tr("FLAC audio (*.flac)"), self.tr("WAV audio (*.wav)")]),
        )
        if path:
            self.save_speech_to(Path(path))

    def save_speech_to(self, path: Path) -> None:
        """The whole transcript spoken with the panel's voice into ``path`` (.wav or .flac), off the GUI thread."""
        try:
            speech_file_format(path)
        except EarshotError as error:
            show_error(self._window, error.message)
            return
        text = spoken_segments(self._window.document.transcript).text
        synthesise = synthesiser_for(self.panel.voice(), self._profiles)
        cancel = self._calls.cancel_event
        self._window.statusBar().showMessage(self.tr("Saving the speech…"))
        self._calls.run(lambda: save_speech(synthesise(text, None, cancel), path, SAVED_PAUSE_SECONDS), self._saved,
                        name="save speech")

    def _saved(self, path: Path) -> None:
        self._window.statusBar().showMessage(self.tr("Speech saved to {path}.").replace("{path}", str(path)),
                                             STATUS_MS)
        self.speech_saved.emit(str(path))
