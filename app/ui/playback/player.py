"""The player: QMediaPlayer and QAudioOutput behind one controller with a smooth position.

QMediaPlayer reports its position about every 100 ms; word highlighting needs better. Between
reports the position is extrapolated with a monotonic clock at the playback rate, never moving
backwards while playing, and a ~30 Hz tick carries it to the views.

While it plays, Qt's FFmpeg demuxer and decoders run at a lower priority and the waveform's peaks
child at idle priority (app/core/thread_priority.py): after a seek they refill for tens of
milliseconds, and on two cores the window's GUI thread waited for a core behind them. They read
ahead of the audio output, whose own threads keep the normal priority.
"""

from __future__ import annotations

import time
from pathlib import Path

from PySide6.QtCore import Q_ARG, QGenericArgumentHolder, QMetaObject, QObject, Qt, QTimer, QUrl, Signal
from PySide6.QtMultimedia import QAudioOutput, QMediaPlayer, QVideoSink
from PySide6.QtMultimediaWidgets import QGraphicsVideoItem, QVideoWidget

from app.core.thread_priority import IDLE_WHILE_PLAYING, yield_threads_named

SKIP_SECONDS = 5.0
REWIND_ON_PAUSE_SECONDS = 1.0
SPEEDS = (0.5, 0.75, 1.0, 1.25, 1.5, 1.75, 2.0)
TICK_MILLISECONDS = 33
MAX_EXTRAPOLATION = 0.5  # seconds past the last report: beyond this the player has stalled
DECODING_THREADS = ("QFFmpeg::Demux", "QFFmpeg::Stream")  # kernel names (15 characters) of Qt's readers ahead
LOWERING_TICKS = 30  # ~1 s of playback: Qt starts its readers one after another; another media backend has none


def look_up_connection_notices(*objects: QObject) -> None:
    """Let Qt's threads tell these objects of connections made and removed without taking the GIL.

    PySide makes each QObject that Python constructs an instance of a wrapper class whose virtual methods
    first ask, holding the GIL, whether Python overrides them. A Qt FFmpeg thread deleting its audio renderer
    calls our QAudioOutput's disconnectNotify while it holds a mutex of Qt's shared signal-slot pool; if the
    GUI thread holds the GIL then and waits for a mutex of the same pool (any connect: a QAction's new text
    reconnects its tool button), neither goes on. The window froze so at Play in a benchmark run. A wrapper
    remembers, per object and method, that there is no override, and from then on calls Qt's own without
    the GIL: one connect and disconnect here, on the GUI thread, looks both methods up.
    """
    for qt_object in objects:
        qt_object.objectNameChanged.connect(_nothing)
        qt_object.objectNameChanged.disconnect(_nothing)


def _nothing(*_arguments: object) -> None:
    """A slot that is only connected to be disconnected."""


class PlaybackController(QObject):
    """Plays one media file; every time is in seconds."""

    position_ticked = Signal(float)  # ~30 Hz while playing, and after every seek
    duration_changed = Signal(float)
    playing_changed = Signal(bool)
    rate_changed = Signal(float)
    volume_changed = Signal(float)
    loop_changed = Signal(bool)
    media_opened = Signal(bool)  # has video
    media_failed = Signal(str)  # one sentence; the transcript stays usable

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._player = QMediaPlayer(self)
        self._audio = QAudioOutput(self)
        look_up_connection_notices(self._player, self._audio)
        self._player.setAudioOutput(self._audio)
        if self._player.pitchCompensationAvailability() != QMediaPlayer.PitchCompensationAvailability.Unavailable:
            self._player.setPitchCompensation(True)
        self._path: Path | None = None
        self._failed = False
        self._opened = False
        self._loop: tuple[float, float] | None = None
        self.rewind_on_pause = True
        self._anchor_position = 0.0
        self._anchor_clock: float | None = None  # set by a report while playing: extrapolate from it
        self._last_given = 0.0
        self._lowering_ticks_left = 0
        self._tick = QTimer(self)
        self._tick.setTimerType(Qt.TimerType.PreciseTimer)
        self._tick.setInterval(TICK_MILLISECONDS)
        self._tick.timeout.connect(self._on_tick)
        self._player.positionChanged.connect(self._on_position_reported)
        self._player.durationChanged.connect(lambda ms: self.duration_changed.emit(ms / 1000))
        self._player.playbackStateChanged.connect(self._on_state_changed)
        self._player.playbackRateChanged.connect(self.rate_changed.emit)
        self._player.mediaStatusChanged.connect(self._on_status_changed)
        self._player.errorOccurred.connect(self._on_error)
        self._audio.volumeChanged.connect(self.volume_changed.emit)

    # media ---------------------------------------------------------------------------------------

    @property
    def media_path(self) -> Path | None:
        return self._path

    @property
    def has_video(self) -> bool:
        return self._player.hasVideo()

    @property
    def duration(self) -> float:
        return self._player.duration() / 1000

    @property
    def pitch_kept(self) -> bool:
        return self._player.pitchCompensation()

    def open(self, path: str | Path) -> bool:
        """Load ``path``; False (and ``media_failed``) when it is missing. Unplayable files fail later."""
        self.close()
        path = Path(path)
        self._path = path
        if not path.is_file():
            self._fail(self.tr("Cannot play “{name}”: the file does not exist.").replace("{name}", path.name))
            return False
        self._call_from_event_loop("setSource", Q_ARG(QUrl, QUrl.fromLocalFile(str(path.resolve()))))
        return True

    def close(self) -> None:
        self._call_from_event_loop("stop")
        self._call_from_event_loop("setSource", Q_ARG(QUrl, QUrl()))
        self._path = None
        self._failed = False
        self._opened = False
        self._loop = None
        self._set_anchor(0.0)

    def _call_from_event_loop(self, slot: str, *arguments: QGenericArgumentHolder) -> None:
        """Stop and change the source from the event loop, where no Python code holds the GIL.

        Called from Python, stop() held the GIL while it waited for a lock that Qt's FFmpeg audio
        thread held while it destroyed the old renderer, and that thread waited for the GIL (a deadlock
        seen in the test suite); look_up_connection_notices removes the cause, for every transition.
        Queued calls run in C++ between events, in order.
        """
        QMetaObject.invokeMethod(self._player, slot, Qt.ConnectionType.QueuedConnection, *arguments)

    def set_video_output(self, output: QVideoWidget | QGraphicsVideoItem | QVideoSink) -> None:
        self._player.setVideoOutput(output)

    # transport -----------------------------------------------------------------------------------

    @property
    def is_playing(self) -> bool:
        return self._player.playbackState() == QMediaPlayer.PlaybackState.PlayingState

    def play(self) -> None:
        if self._path is not None and not self._failed:
            self._player.play()

    def pause(self) -> None:
        if not self.is_playing:
            return
        position = self.current_position()
        self._player.pause()
        if self.rewind_on_pause:
            self.seek(position - REWIND_ON_PAUSE_SECONDS)

    def toggle_play(self) -> None:
        if self.is_playing:
            self.pause()
        else:
            self.play()

    def seek(self, seconds: float) -> None:
        duration = self.duration
        seconds = max(0.0, min(seconds, duration) if duration > 0 else seconds)
        self._player.setPosition(round(seconds * 1000))
        self._set_anchor(seconds)
        self.position_ticked.emit(seconds)

    def skip(self, seconds: float) -> None:
        self.seek(self.current_position() + seconds)

    def skip_back(self) -> None:
        self.skip(-SKIP_SECONDS)

    def skip_forward(self) -> None:
        self.skip(SKIP_SECONDS)

    # rate, volume, loop --------------------------------------------------------------------------

    @property
    def rate(self) -> float:
        return self._player.playbackRate()

    def set_rate(self, rate: float) -> None:
        position = self.current_position()
        self._player.setPlaybackRate(max(SPEEDS[0], min(SPEEDS[-1], rate)))
        self._set_anchor(position, keep_clock=True)

    def faster(self) -> None:
        self.set_rate(next((s for s in SPEEDS if s > self.rate + 1e-6), SPEEDS[-1]))

    def slower(self) -> None:
        self.set_rate(next((s for s in reversed(SPEEDS) if s < self.rate - 1e-6), SPEEDS[0]))

    @property
    def volume(self) -> float:
        return self._audio.volume()

    def set_volume(self, volume: float) -> None:
        self._audio.setVolume(max(0.0, min(1.0, volume)))

    @property
    def loop_range(self) -> tuple[float, float] | None:
        return self._loop

    def set_loop_range(self, start: float, end: float) -> None:
        """Repeat ``[start, end)``; playback jumps to ``start`` when it is outside."""
        if not start < end:
            return
        self._loop = (start, end)
        position = self.current_position()
        if not start <= position < end:
            self.seek(start)
        self.loop_changed.emit(True)

    def clear_loop(self) -> None:
        if self._loop is not None:
            self._loop = None
            self.loop_changed.emit(False)

    # position ------------------------------------------------------------------------------------

    def current_position(self) -> float:
        """The position now, in seconds: the last report plus the time played since (while playing)."""
        if self._anchor_clock is None or not self.is_playing:
            return self._anchor_position
        elapsed = min(MAX_EXTRAPOLATION, time.monotonic() - self._anchor_clock) * self.rate
        position = max(self._last_given, self._anchor_position + elapsed)
        if self.duration > 0:
            position = min(position, self.duration)
        self._last_given = position
        return position

    def _set_anchor(self, position: float, keep_clock: bool = False) -> None:
        self._anchor_position = position
        self._last_given = position
        if keep_clock and self._anchor_clock is not None:
            self._anchor_clock = time.monotonic()
        else:
            self._anchor_clock = None

    def _on_position_reported(self, milliseconds: int) -> None:
        self._anchor_position = milliseconds / 1000
        self._anchor_clock = time.monotonic() if self.is_playing else None
        if not self.is_playing:
            self._last_given = self._anchor_position

    def _on_tick(self) -> None:
        if self._lowering_ticks_left:  # Qt starts its readers as playback starts, sometimes after the state change
            lowered = yield_threads_named(DECODING_THREADS)
            self._lowering_ticks_left = 0 if lowered >= len(DECODING_THREADS) else self._lowering_ticks_left - 1
        position = self.current_position()
        if self._loop is not None and position >= self._loop[1]:
            self.seek(self._loop[0])
            return
        self.position_ticked.emit(position)

    def _on_state_changed(self, state: QMediaPlayer.PlaybackState) -> None:
        playing = state == QMediaPlayer.PlaybackState.PlayingState
        IDLE_WHILE_PLAYING.player_playing(self, playing)
        if playing:
            self._lowering_ticks_left = LOWERING_TICKS  # a new file has new threads
            self._tick.start()
        else:
            self._tick.stop()
            self._anchor_clock = None
            paused = state == QMediaPlayer.PlaybackState.PausedState
            self._anchor_position = self._last_given if paused else self._player.position() / 1000
        self.playing_changed.emit(playing)

    # errors --------------------------------------------------------------------------------------

    def _on_status_changed(self, status: QMediaPlayer.MediaStatus) -> None:
        if status == QMediaPlayer.MediaStatus.LoadedMedia and not self._opened:
            self._opened = True  # a seek passes through LoadedMedia again
            if self._player.hasVideo():
                self._player.pause()  # paused, not stopped: the picture at the position is shown
            self.media_opened.emit(self._player.hasVideo())
        elif status == QMediaPlayer.MediaStatus.EndOfMedia and self._loop is not None:
            self.seek(self._loop[0])
            self._player.play()
        elif status == QMediaPlayer.MediaStatus.InvalidMedia:
            self._fail_unplayable()

    def _on_error(self, error: QMediaPlayer.Error, _description: str) -> None:
        if error != QMediaPlayer.Error.NoError:
            self._fail_unplayable()

    def _fail_unplayable(self) -> None:
        name = self._path.name if self._path else ""
        self._fail(self.tr("Cannot play “{name}”: it is not a media file this app can play.").replace("{name}", name))

    def _fail(self, message: str) -> None:
        if not self._failed:
            self._failed = True
            self.media_failed.emit(message)
