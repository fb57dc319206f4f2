"""The player's commands as QActions with their shortcuts, so they work wherever the focus is.

The actions are added to a host widget (the main window) with WidgetWithChildrenShortcut context:
Ctrl+Space, Alt+Left/Right, Ctrl+L and Ctrl+Up/Down reach the player while the focus is in the
transcript's text. The keyboard's media keys are extra shortcuts of the same actions.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

from app.ui.playback.player import PlaybackController

LoopRangeProvider = Callable[[], tuple[float, float] | None]


class PlaybackActions(QObject):
    """Play/pause, ±5 s, loop the current segment, faster/slower and follow, bound to a controller."""

    def __init__(self, controller: PlaybackController, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self._loop_range_provider: LoopRangeProvider | None = None
        key = Qt.Key
        ctrl, alt = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.AltModifier
        self.play_pause = self._action(
            self.tr("Play"), [QKeySequence(ctrl | key.Key_Space), QKeySequence(key.Key_MediaTogglePlayPause)],
            controller.toggle_play, self.tr("Play/Pause"),
        )
        self.back = self._action(
            self.tr("Back 5 Seconds"), [QKeySequence(alt | key.Key_Left), QKeySequence(key.Key_AudioRewind)],
            controller.skip_back,
        )
        self.forward = self._action(
            self.tr("Forward 5 Seconds"), [QKeySequence(alt | key.Key_Right), QKeySequence(key.Key_AudioForward)],
            controller.skip_forward,
        )
        self.slower = self._action(self.tr("Slower"), [QKeySequence(ctrl | key.Key_Down)], controller.slower)
        self.faster = self._action(self.tr("Faster"), [QKeySequence(ctrl | key.Key_Up)], controller.faster)
        self.loop = self._action(self.tr("Loop Segment"), [QKeySequence(ctrl | key.Key_L)], None)
        self.loop.setCheckable(True)
        self.loop.toggled.connect(self._on_loop_toggled)
        controller.loop_changed.connect(self._on_loop_changed)
        self.follow = self._action(self.tr("Follow Playback"), [], None)
        self.follow.setCheckable(True)
        self.follow.setChecked(True)
        self.play_only = self._action(self.tr("Play"), [QKeySequence(key.Key_MediaPlay)], controller.play)
        self.pause_only = self._action(
            self.tr("Pause"), [QKeySequence(key.Key_MediaPause), QKeySequence(key.Key_MediaStop)], controller.pause
        )
        controller.playing_changed.connect(self._on_playing_changed)

    @property
    def all(self) -> list[QAction]:
        return [self.play_pause, self.back, self.forward, self.slower, self.faster, self.loop, self.follow,
                self.play_only, self.pause_only]

    def install(self, host: QWidget) -> None:
        """Make the shortcuts work while the focus is anywhere inside ``host``."""
        for action in self.all:
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            host.addAction(action)

    def set_loop_range_provider(self, provider: LoopRangeProvider) -> None:
        """Where Loop Segment gets its range: the current segment's (start, end), or None when there is none."""
        self._loop_range_provider = provider

    def _action(
        self, text: str, shortcuts: list[QKeySequence], slot: Callable[[], None] | None, tip: str | None = None
    ) -> QAction:
        action = QAction(text, self)
        action.setShortcuts(shortcuts)
        tip = tip or text
        if shortcuts:
            shown = shortcuts[0].toString(QKeySequence.SequenceFormat.NativeText)
            tip = self.tr("{action} ({shortcut})").replace("{action}", tip).replace("{shortcut}", shown)
        action.setToolTip(tip)
        if slot is not None:
            action.triggered.connect(slot)
        return action

    def _on_loop_toggled(self, checked: bool) -> None:
        if not checked:
            self.controller.clear_loop()
            return
        loop_range = self._loop_range_provider() if self._loop_range_provider else None
        if loop_range is None:
            self.loop.setChecked(False)
        else:
            self.controller.set_loop_range(*loop_range)

    def _on_loop_changed(self, looping: bool) -> None:
        if self.loop.isChecked() != looping:
            self.loop.setChecked(looping)

    def _on_playing_changed(self, playing: bool) -> None:
        self.play_pause.setText(self.tr("Pause") if playing else self.tr("Play"))
