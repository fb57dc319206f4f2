"""Playback tied to the window's document and its segment table.

Clicking a row (or Ctrl+clicking a word in the text view) seeks to its segment (word); while
playing, the segment being spoken is highlighted in the table, and the segment and word in the
text view, and scrolled into view without touching the focus, the selection or an open editor;
a hand scroll of the table, the text view or the waveform turns Follow off until the user turns
it on again or clicks a segment. The waveform draws the document's segments and turns a dragged edge into one
undoable Set Times edit; a double-click on a region selects its row. Loop Segment loops the
segment playing (else the current row). The media is the document's: reopened when it changes.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QObject, SignalInstance
from PySide6.QtWidgets import QAbstractItemView

from app.core.editing.segment_times import set_times
from app.core.errors import EditError
from app.ui.editor.document import Document
from app.ui.messages import show_error
from app.ui.playback.text_view_playback import TextViewPlayback
from app.ui.playback.waveform_regions import SegmentRegions
from app.ui.playback_panel import PlaybackPanel
from app.ui.playback_sync import NONE
from app.ui.transcript_table_model import TranscriptTableModel

if TYPE_CHECKING:
    from app.ui.main_window import MainWindow


class PlaybackBinding(QObject):
    def __init__(self, window: MainWindow, panel: PlaybackPanel) -> None:
        super().__init__(window)
        self._window = window
        self.panel = panel
        self._document: Document | None = None
        view = window.transcript_view
        actions = panel.playback_actions
        actions.install(window)
        actions.set_loop_range_provider(self.loop_range)
        view.clicked.connect(self._row_clicked)
        view.verticalScrollBar().actionTriggered.connect(lambda _action: self.suspend_follow())
        panel.waveform.user_scrolled.connect(self.suspend_follow)
        panel.waveform.retime_requested.connect(self.retime)
        panel.waveform.segment_activated.connect(lambda row: view.go_to_row(row))
        panel.sync.current_segment_changed.connect(self._show_current_segment)
        self.text_playback = TextViewPlayback(window.text_editing.text_view, panel.sync, self)
        self.text_playback.seek_requested.connect(self._seek_following)
        self.text_playback.hand_scrolled.connect(self.suspend_follow)
        actions.follow.toggled.connect(self._follow_changed)

    @property
    def follow(self) -> bool:
        return self.panel.playback_actions.follow.isChecked()

    def set_document(self, document: Document) -> None:
        if self._document is not None:
            for signal, slot in self._connections(self._document):
                signal.disconnect(slot)
        self._document = document
        for signal, slot in self._connections(document):
            signal.connect(slot)
        self.panel.waveform.set_regions(SegmentRegions(document.transcript))
        self.panel.video_pane.set_rules(self._window.transcript_model.subtitle_rules)
        self.panel.sync.set_document(document)
        self.text_playback.set_document(document)
        self._media_changed()

    def _connections(self, document: Document) -> list[tuple[SignalInstance, Callable[..., None]]]:
        return [
            (document.edited, self._segments_changed),
            (document.reset, self._transcript_replaced),
            (document.segments_inserted, self._rows_streamed),
            (document.title_changed, self._media_changed),
        ]

    def _media_changed(self) -> None:
        media = self._document.media_path if self._document is not None else None
        if media != self.panel.media_path or (media is None and self.panel.isVisible()):
            self.panel.open_media(media)

    def _transcript_replaced(self) -> None:
        assert self._document is not None
        self.panel.waveform.set_regions(SegmentRegions(self._document.transcript))

    def _segments_changed(self) -> None:
        self.panel.waveform.regions_changed()
        self._show_current_segment(self.panel.sync.current_segment)

    def _rows_streamed(self, _first: int, _count: int) -> None:
        self.panel.waveform.regions_changed()

    # ---- the table -------------------------------------------------------------------------
    def _row_clicked(self, index: QModelIndex) -> None:
        if self._document is None or not 0 <= index.row() < len(self._document.transcript.segments):
            return
        self._seek_following(self._document.transcript.segments[index.row()].start)

    def _seek_following(self, seconds: float) -> None:
        """A click on a segment or a word: play from there, the views following again."""
        self.panel.playback_actions.follow.setChecked(True)
        self.panel.controller.seek(seconds)

    def _follow_changed(self, follow: bool) -> None:
        self.text_playback.follow = follow
        if follow:
            self.text_playback.show_current()

    def _show_current_segment(self, row: int) -> None:
        """The playing segment tinted in the table and the waveform, captioned over the video, followed."""
        model, playing = self._window.transcript_model, row if row != NONE else None
        model.set_playing_row(playing)
        self.panel.waveform.set_current_region(playing)
        segments = self._document.transcript.segments if self._document is not None else []
        self.panel.video_pane.show_segment(segments[row] if playing is not None and row < len(segments) else None)
        if row == NONE or not self.follow:
            return
        view = self._window.transcript_view
        view.scrollTo(model.index(row, TranscriptTableModel.TEXT_COLUMN), QAbstractItemView.ScrollHint.EnsureVisible)

    def suspend_follow(self) -> None:
        """A hand scroll (the scroll bars' actions, the wheel): the views stop following the player."""
        self.panel.playback_actions.follow.setChecked(False)

    def loop_range(self) -> tuple[float, float] | None:
        """The playing segment's (start, end), else the current row's; None without either."""
        if self._document is None:
            return None
        playing = self.panel.sync.current_segment
        row = playing if playing != NONE else self._window.transcript_view.current_row()
        segments = self._document.transcript.segments
        if row is None or not 0 <= row < len(segments):
            return None
        return segments[row].start, segments[row].end

    # ---- the waveform ---------------------------------------------------------------------
    def retime(self, row: int, start: float, end: float) -> None:
        """A dragged edge: one undoable Set Times step (or the sentence why not)."""
        if self._document is None:
            return
        try:
            self._document.apply(set_times(self._document.transcript, row, start, end))
        except EditError as error:
            show_error(self._window, error.message)
