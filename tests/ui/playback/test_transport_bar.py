"""The transport bar and its shortcuts, driven with the keyboard while the focus is in a text editor."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPlainTextEdit, QVBoxLayout, QWidget

from app.ui.playback.playback_actions import PlaybackActions
from app.ui.playback.player import PlaybackController
from app.ui.playback.transport_bar import TransportBar

pytestmark = pytest.mark.qt_log_ignore("qt.multimedia", "PulseAudioService", "keyToAscii")
CTRL, ALT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.AltModifier


class Editor(QWidget):
    """A window as the integrator will make it: a text editor above the transport bar."""

    def __init__(self, controller: PlaybackController) -> None:
        super().__init__()
        self.playback_actions = PlaybackActions(controller, self)
        self.text = QPlainTextEdit("And so my fellow Americans", self)
        self.bar = TransportBar(controller, self.playback_actions, self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(self.bar)
        self.playback_actions.install(self)


@pytest.fixture
def editor(qtbot, jfk_path: Path) -> Iterator[Editor]:
    controller = PlaybackController()
    with qtbot.waitSignal(controller.duration_changed, timeout=10_000):
        controller.open(jfk_path)
    window = Editor(controller)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.text.setFocus()
    qtbot.waitUntil(window.text.hasFocus)
    yield window
    controller.close()


def test_shortcuts_reach_the_player_while_typing(editor: Editor, qtbot) -> None:
    controller = editor.bar.controller
    qtbot.keyClick(editor.text, Qt.Key.Key_Right, ALT)
    assert controller.current_position() == pytest.approx(5.0)
    qtbot.keyClick(editor.text, Qt.Key.Key_Right, ALT)
    qtbot.keyClick(editor.text, Qt.Key.Key_Left, ALT)
    assert controller.current_position() == pytest.approx(5.0)
    qtbot.keyClick(editor.text, Qt.Key.Key_Up, CTRL)
    qtbot.keyClick(editor.text, Qt.Key.Key_Up, CTRL)
    assert controller.rate == 1.5
    assert editor.bar.speed_combo.currentData() == 1.5
    qtbot.keyClick(editor.text, Qt.Key.Key_Down, CTRL)
    assert controller.rate == 1.25
    with qtbot.waitSignal(controller.playing_changed, timeout=10_000) as started:
        qtbot.keyClick(editor.text, Qt.Key.Key_Space, CTRL)
    assert started.args == [True]
    assert editor.playback_actions.play_pause.text() == "Pause"
    with qtbot.waitSignal(controller.playing_changed, timeout=10_000) as stopped:
        qtbot.keyClick(editor.text, Qt.Key.Key_MediaTogglePlayPause)
    assert stopped.args == [False]
    with qtbot.waitSignal(controller.playing_changed, timeout=10_000) as resumed:
        qtbot.keyClick(editor.text, Qt.Key.Key_MediaPlay)
    assert resumed.args == [True]
    qtbot.keyClick(editor.text, Qt.Key.Key_MediaPlay)  # play, not toggle
    assert controller.is_playing
    with qtbot.waitSignal(controller.playing_changed, timeout=10_000) as paused:
        qtbot.keyClick(editor.text, Qt.Key.Key_MediaPause)
    assert paused.args == [False]
    assert editor.text.toPlainText() == "And so my fellow Americans"  # nothing typed
    assert editor.text.hasFocus()


def test_loop_segment_takes_the_range_of_the_current_segment(editor: Editor, qtbot) -> None:
    controller = editor.bar.controller
    qtbot.keyClick(editor.text, Qt.Key.Key_L, CTRL)
    assert not editor.playback_actions.loop.isChecked()  # no segment to loop yet
    editor.playback_actions.set_loop_range_provider(lambda: (3.0, 4.5))
    qtbot.keyClick(editor.text, Qt.Key.Key_L, CTRL)
    assert editor.bar.loop_button.isChecked()
    assert controller.loop_range == (3.0, 4.5)
    assert controller.current_position() == 3.0
    qtbot.keyClick(editor.text, Qt.Key.Key_L, CTRL)
    assert controller.loop_range is None


def test_every_control_has_a_name_and_a_tooltip_naming_its_shortcut(editor: Editor) -> None:
    bar = editor.bar
    controls = [bar.back_button, bar.play_button, bar.forward_button, bar.position_slider, bar.speed_combo,
                bar.volume_slider, bar.loop_button, bar.follow_button]
    assert all(control.accessibleName() for control in controls)
    assert "Ctrl+Space" in bar.play_button.toolTip()
    assert "Alt+Left" in bar.back_button.toolTip()
    assert "Ctrl+L" in bar.loop_button.toolTip()
    assert "Ctrl+Up" in bar.speed_combo.toolTip()


def test_the_slider_and_the_speed_combo_drive_the_player(editor: Editor, qtbot) -> None:
    bar = editor.bar
    bar.position_slider.setFocus()
    qtbot.keyClick(bar.position_slider, Qt.Key.Key_PageUp)
    assert bar.controller.current_position() == pytest.approx(5.0)
    assert bar.time_label.text() == "0:05.0 / 0:11.0"
    bar.speed_combo.setFocus()
    qtbot.keyClick(bar.speed_combo, Qt.Key.Key_Down)
    assert bar.controller.rate == 1.25
    bar.volume_slider.setValue(40)
    assert bar.controller.volume == pytest.approx(0.4)
