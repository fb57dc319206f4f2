"""The player under the transcript: the waveform strip above the transport bar, and the video pane.

PlaybackPanel owns the playback parts of one window and shows one media file at a time: it opens
it in the player, has its peaks computed for the waveform (off the GUI thread), and shows the
video pane (beside the transcript, in a splitter) only when the file has a picture. A file that
cannot be played is one sentence in the panel; the transcript stays editable.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QSplitter, QVBoxLayout, QWidget

from app.core.peak_pyramid import PeakPyramid
from app.jobs.runner import JobRunner
from app.ui.playback.peaks_loader import PeaksLoader
from app.ui.playback.playback_actions import PlaybackActions
from app.ui.playback.player import PlaybackController
from app.ui.playback.transport_bar import TransportBar
from app.ui.playback.video_pane import VideoPane
from app.ui.playback.waveform_view import WaveformView
from app.ui.playback_sync import PlaybackSync


class PlaybackPanel(QWidget):
    def __init__(self, runner: JobRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("playbackPanel")
        self.controller = PlaybackController(self)
        self.playback_actions = PlaybackActions(self.controller, self)
        self.sync = PlaybackSync(self.controller, self)
        self.peaks_loader = PeaksLoader(runner, self)
        self.waveform = WaveformView(self)
        self.transport_bar = TransportBar(self.controller, self.playback_actions, self)
        self.video_pane = VideoPane()
        self.video_pane.hide()
        self.controller.set_video_output(self.video_pane.video_item)
        self._splitter: QSplitter | None = None
        self.notice = QLabel(self)
        self.notice.setObjectName("playbackNotice")
        self.notice.setTextFormat(Qt.TextFormat.PlainText)
        self.notice.setWordWrap(True)
        self.notice.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.notice)
        layout.addWidget(self.waveform)
        layout.addWidget(self.transport_bar)
        self._connect()
        self.hide()

    def wrap(self, transcript: QWidget) -> QSplitter:
        """The transcript and the video pane side by side, the pane resizable (shown for video only)."""
        splitter = QSplitter(Qt.Orientation.Horizontal, transcript.parentWidget())
        splitter.setObjectName("transcriptVideoSplitter")
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(transcript)
        splitter.addWidget(self.video_pane)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        self._splitter = splitter
        return splitter

    def _show_video_pane(self, has_video: bool) -> None:
        """The pane for a video, given two fifths of the width unless the user made it wider than a third."""
        self.video_pane.setVisible(has_video)
        splitter = self._splitter
        if has_video and splitter is not None and self.video_pane.width() < splitter.width() // 3:
            splitter.setSizes([splitter.width() * 3 // 5, splitter.width() * 2 // 5])

    def _connect(self) -> None:
        controller = self.controller
        controller.position_ticked.connect(self.waveform.set_play_position)
        controller.position_ticked.connect(self.video_pane.set_position)
        controller.duration_changed.connect(self.waveform.set_duration)
        controller.media_opened.connect(self._show_video_pane)
        controller.media_failed.connect(self.show_notice)
        self.peaks_loader.progressed.connect(self._show_partial_peaks)
        self.peaks_loader.finished.connect(self.waveform.set_peaks)
        self.peaks_loader.failed.connect(self.show_notice)
        self.waveform.seek_requested.connect(controller.seek)
        self.playback_actions.follow.toggled.connect(self._follow_changed)

    # ---- the media ----------------------------------------------------------------------
    @property
    def media_path(self) -> Path | None:
        return self.controller.media_path

    def open_media(self, path: Path | None) -> None:
        """Play ``path`` from now on (None: nothing to play, the panel hides)."""
        self.notice.hide()
        self.video_pane.hide()
        self.waveform.set_peaks(None)
        self.waveform.fit_new_media()
        self.peaks_loader.cancel()
        if path is None:
            self.controller.close()
            self.hide()
            return
        self.show()
        if self.controller.open(path):
            self.peaks_loader.load(path)

    def show_notice(self, sentence: str) -> None:
        self.notice.setText(sentence)
        self.notice.show()

    def _show_partial_peaks(self, peaks: PeakPyramid, fraction: float) -> None:
        self.waveform.set_peaks(peaks, fraction)

    def _follow_changed(self, follow: bool) -> None:
        self.waveform.follow = follow
        if follow:
            self.waveform.set_play_position(self.controller.current_position())

    def shutdown(self) -> None:
        """Stop playing and cancel a peaks computation (before the application quits)."""
        self.controller.close()
        self.peaks_loader.shutdown()
