"""The transport bar: play/pause, ±5 s, the position with its time, speed, volume, loop and follow."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QSlider, QStyle, QToolButton, QWidget

from app.core.editing.time_text import format_time
from app.ui.playback.playback_actions import PlaybackActions
from app.ui.playback.player import SPEEDS, PlaybackController
from app.ui.themes import icon_for_ground


def short_time(seconds: float) -> str:
    """``M:SS.t`` (``H:MM:SS.t`` from an hour): tenths are enough beside a moving slider."""
    return format_time(seconds)[:-2]


class TransportBar(QWidget):
    def __init__(self, controller: PlaybackController, actions: PlaybackActions, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("transportBar")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)  # the style sheet paints its background
        self.controller = controller
        self.playback_actions = actions
        self._playing = False
        self._show_icons()
        self.back_button = self._button(actions.back, "backButton")
        self.play_button = self._button(actions.play_pause, "playButton")
        self.forward_button = self._button(actions.forward, "forwardButton")
        self.time_label = QLabel(self)
        self.time_label.setObjectName("timeLabel")
        self.time_label.setAccessibleName(self.tr("Position"))
        self.position_slider = QSlider(Qt.Orientation.Horizontal, self)
        self.position_slider.setObjectName("positionSlider")
        self.position_slider.setAccessibleName(self.tr("Position"))
        self.position_slider.setToolTip(self.tr("Position (Alt+Left, Alt+Right: 5 seconds back or forward)"))
        self.position_slider.setPageStep(5_000)
        self.position_slider.setSingleStep(1_000)
        self.speed_combo = QComboBox(self)
        self.speed_combo.setObjectName("speedCombo")
        for speed in SPEEDS:
            self.speed_combo.addItem(f"{speed:g}×", speed)
        self.speed_combo.setCurrentIndex(SPEEDS.index(1.0))
        self.speed_combo.setAccessibleName(self.tr("Speed"))
        self.speed_combo.setToolTip(self.tr("Speed (Ctrl+Up: faster, Ctrl+Down: slower)"))
        self.volume_slider = QSlider(Qt.Orientation.Horizontal, self)
        self.volume_slider.setObjectName("volumeSlider")
        self.volume_slider.setRange(0, 100)
        self.volume_slider.setValue(round(controller.volume * 100))
        self.volume_slider.setMaximumWidth(90)
        self.volume_slider.setAccessibleName(self.tr("Volume"))
        self.volume_slider.setToolTip(self.tr("Volume"))
        self.loop_button = self._button(actions.loop, "loopButton")
        self.follow_button = self._button(actions.follow, "followButton")
        self._layout()
        self._connect()
        self._on_duration(controller.duration)

    def _button(self, action: QAction, name: str) -> QToolButton:
        button = QToolButton(self)
        button.setObjectName(name)
        button.setDefaultAction(action)
        button.setAutoRaise(True)
        button.setAccessibleName(action.text())
        return button

    def _layout(self) -> None:
        row = QHBoxLayout(self)
        row.setContentsMargins(8, 4, 8, 4)
        row.setSpacing(6)
        for widget in (self.back_button, self.play_button, self.forward_button):
            row.addWidget(widget)
        row.addWidget(self.time_label)
        row.addWidget(self.position_slider, 1)
        row.addWidget(self.speed_combo)
        volume_label = QLabel(self.tr("Volume"), self)
        volume_label.setBuddy(self.volume_slider)
        row.addWidget(volume_label)
        row.addWidget(self.volume_slider)
        row.addWidget(self.loop_button)
        row.addWidget(self.follow_button)

    def _connect(self) -> None:
        controller = self.controller
        controller.position_ticked.connect(self._show_position)
        controller.duration_changed.connect(self._on_duration)
        controller.rate_changed.connect(self._on_rate)
        controller.playing_changed.connect(self._on_playing)
        controller.volume_changed.connect(lambda volume: self.volume_slider.setValue(round(volume * 100)))
        self.speed_combo.activated.connect(lambda index: controller.set_rate(self.speed_combo.itemData(index)))
        self.volume_slider.valueChanged.connect(lambda value: controller.set_volume(value / 100))
        self.position_slider.sliderMoved.connect(lambda ms: self._show_time(ms / 1000))
        self.position_slider.sliderReleased.connect(
            lambda: controller.seek(self.position_slider.value() / 1000)
        )
        self.position_slider.actionTriggered.connect(self._on_slider_action)

    def _on_slider_action(self, action: int) -> None:
        if action != QSlider.SliderAction.SliderMove.value:  # keys and page clicks; drags seek on release
            self.controller.seek(self.position_slider.sliderPosition() / 1000)

    def _show_position(self, seconds: float) -> None:
        if not self.position_slider.isSliderDown():
            self.position_slider.blockSignals(True)
            self.position_slider.setValue(round(seconds * 1000))
            self.position_slider.blockSignals(False)
            self._show_time(seconds)

    def _show_time(self, seconds: float) -> None:
        self.time_label.setText(f"{short_time(seconds)} / {short_time(self.controller.duration)}")

    def _on_duration(self, seconds: float) -> None:
        self.position_slider.setRange(0, round(seconds * 1000))
        self._show_time(self.controller.current_position())

    def _on_rate(self, rate: float) -> None:
        index = self.speed_combo.findData(rate)
        if index >= 0:
            self.speed_combo.setCurrentIndex(index)

    def _show_icons(self) -> None:
        """The style's media icons, light on the dark theme (again when the theme changes)."""
        actions, style = self.playback_actions, self.style()
        play = QStyle.StandardPixmap.SP_MediaPause if self._playing else QStyle.StandardPixmap.SP_MediaPlay
        for action, pixmap in ((actions.play_pause, play), (actions.back, QStyle.StandardPixmap.SP_MediaSeekBackward),
                               (actions.forward, QStyle.StandardPixmap.SP_MediaSeekForward),
                               (actions.follow, QStyle.StandardPixmap.SP_MediaSeekForward)):
            action.setIcon(icon_for_ground(style.standardIcon(pixmap)))
        actions.loop.setIcon(style.standardIcon(QStyle.StandardPixmap.SP_BrowserReload))  # in colour already

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self._show_icons()

    def _on_playing(self, playing: bool) -> None:
        self._playing = playing
        self._show_icons()
        self.play_button.setAccessibleName(self.playback_actions.play_pause.text())
