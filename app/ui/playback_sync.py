"""Which segment and which word are playing now: one object any transcript view can follow.

PlaybackSync reads the player's smooth position (~30 Hz while playing, and after every seek) and
the document's transcript, and emits only when the answer changes. The table highlights the
segment; a text view (Ctrl+click a word to seek, the spoken word highlighted) subscribes to the
same two signals. Segment starts are read once per document change, then found by bisection.
"""

from __future__ import annotations

import bisect

from PySide6.QtCore import QObject, Signal

from app.core.transcript import Segment
from app.ui.editor.document import Document
from app.ui.playback.player import PlaybackController

NONE = -1


class PlaybackSync(QObject):
    current_segment_changed = Signal(int)  # the segment's index, or -1 between segments
    current_word_changed = Signal(int, int)  # segment and word index, or (-1, -1) when no word is spoken

    def __init__(self, controller: PlaybackController, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._controller = controller
        self._document: Document | None = None
        self._starts: list[float] | None = None  # segment starts, read again after each change
        self._segment = NONE
        self._word = (NONE, NONE)
        controller.position_ticked.connect(self.update_position)

    @property
    def current_segment(self) -> int:
        return self._segment

    @property
    def current_word(self) -> tuple[int, int]:
        return self._word

    def set_document(self, document: Document) -> None:
        if self._document is not None:
            self._document.edited.disconnect(self._content_changed)
        self._document = document
        document.edited.connect(self._content_changed)
        self._content_changed()

    def _content_changed(self) -> None:
        self._starts = None
        self.update_position(self._controller.current_position())

    def update_position(self, seconds: float) -> None:
        segment = self._segment_at(seconds)
        word = (segment, self._word_at(self._document_segment(segment), seconds)) if segment != NONE else None
        word = word if word is not None and word[1] != NONE else (NONE, NONE)
        if segment != self._segment:
            self._segment = segment
            self.current_segment_changed.emit(segment)
        if word != self._word:
            self._word = word
            self.current_word_changed.emit(*word)

    def _document_segment(self, index: int) -> Segment:
        assert self._document is not None
        return self._document.transcript.segments[index]

    def _segment_at(self, seconds: float) -> int:
        if self._document is None or self._controller.media_path is None:
            return NONE  # nothing plays: no segment is "playing" at 0:00
        segments = self._document.transcript.segments
        if self._starts is None or len(self._starts) != len(segments):
            self._starts = [segment.start for segment in segments]
        index = bisect.bisect_right(self._starts, seconds) - 1
        if index >= 0 and seconds < segments[index].end:
            return index
        return NONE

    @staticmethod
    def _word_at(segment: Segment, seconds: float) -> int:
        """The last word begun by ``seconds`` (kept through the short gap before the next word)."""
        index = bisect.bisect_right(segment.words, seconds, key=lambda word: word.start) - 1
        return index if index >= 0 else NONE
