"""The waveform strip driven with the mouse: seek, retime by drag with snapping and undo, zoom, select."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QColor, QUndoCommand, QUndoStack, QWheelEvent
from PySide6.QtWidgets import QApplication

from app.core.editing.segment_edit import SegmentEdit
from app.core.editing.segment_times import set_times
from app.core.peak_pyramid import BASE_BLOCK_SECONDS, PeakPyramid
from app.core.transcript import Segment, Transcript
from app.ui.playback.waveform_regions import SegmentRegions
from app.ui.playback.waveform_view import WAVE, WaveformView

WIDTH = 1000  # pixels of the viewport: 10 ms per pixel over ten seconds


def loud_peaks(seconds: float, quiet: tuple[float, float] | None = None) -> PeakPyramid:
    count = int(seconds / BASE_BLOCK_SECONDS)
    rng = np.random.default_rng(1)
    highs = rng.uniform(0.3, 0.8, count).astype(np.float32)
    base = np.stack([-highs, highs], axis=1)
    if quiet:
        base[int(quiet[0] / BASE_BLOCK_SECONDS):int(quiet[1] / BASE_BLOCK_SECONDS)] = [-0.002, 0.002]
    return PeakPyramid.from_base(base)


class RetimeCommand(QUndoCommand):
    """What the integrator does with retime_requested: one undoable edit."""

    def __init__(self, transcript: Transcript, edit: SegmentEdit) -> None:
        super().__init__(edit.name)
        self.transcript, self.edit = transcript, edit

    def redo(self) -> None:
        self.edit.apply(self.transcript)

    def undo(self) -> None:
        self.edit.revert(self.transcript)


@pytest.fixture
def transcript() -> Transcript:
    return Transcript([
        Segment(0.5, 2.0, "And so my fellow Americans"),
        Segment(2.3, 4.0, "ask not what your country can do for you"),
        Segment(4.0, 6.0, "ask what you can do for your country"),
    ])


@pytest.fixture
def view(qtbot, transcript: Transcript) -> WaveformView:
    waveform = WaveformView()
    qtbot.addWidget(waveform)
    waveform.resize(WIDTH + 2 * waveform.frameWidth(), 160)
    waveform.show()
    qtbot.waitExposed(waveform)
    assert waveform.viewport().width() == WIDTH
    waveform.set_peaks(loud_peaks(10.0, quiet=(7.0, 7.4)))
    waveform.set_duration(10.0)
    waveform.show_whole()
    waveform.set_regions(SegmentRegions(transcript))
    return waveform


def point(view: WaveformView, seconds: float) -> QPoint:
    return QPoint(round((seconds - view.view_start) / view.seconds_per_pixel), 80)


def drag(qtbot, view: WaveformView, start: float, end: float) -> None:
    viewport = view.viewport()
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=point(view, start))
    for step in np.linspace(start, end, 6)[1:]:
        qtbot.mouseMove(viewport, point(view, float(step)))
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=point(view, end))


def test_a_click_seeks_there(view: WaveformView, qtbot) -> None:
    with qtbot.waitSignal(view.seek_requested) as seek:
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point(view, 3.1))
    assert seek.args[0] == pytest.approx(3.1, abs=0.011)


def test_dragging_a_start_near_the_neighbour_snaps_to_its_end_and_undoes(
    view: WaveformView, transcript: Transcript, qtbot
) -> None:
    stack = QUndoStack()
    retimes: list[tuple[int, float, float]] = []

    def retime(index: int, start: float, end: float) -> None:
        retimes.append((index, start, end))
        stack.push(RetimeCommand(transcript, set_times(transcript, index, start, end)))
        view.regions_changed()

    view.retime_requested.connect(retime)
    drag(qtbot, view, 2.3, 2.05)  # five pixels from the previous segment's end
    assert retimes == [(1, 2.0, 4.0)]  # once, on release, snapped
    assert (transcript.segments[1].start, transcript.segments[1].end) == (2.0, 4.0)
    stack.undo()
    assert transcript.segments[1].start == 2.3


def test_dragging_an_end_near_a_silence_snaps_into_it(view: WaveformView, qtbot) -> None:
    retimes: list[tuple[int, float, float]] = []
    view.retime_requested.connect(lambda *args: retimes.append(args))
    drag(qtbot, view, 6.0, 6.95)  # the quiet stretch starts at 7.0, within the snapping distance
    assert len(retimes) == 1
    index, start, end = retimes[0]
    assert (index, start) == (2, 4.0)
    assert 7.0 <= end <= 7.1


def test_a_free_drag_keeps_the_time_under_the_mouse(view: WaveformView, qtbot) -> None:
    retimes: list[tuple[int, float, float]] = []
    view.retime_requested.connect(lambda *args: retimes.append(args))
    drag(qtbot, view, 0.5, 0.9)
    assert retimes[0][0] == 0
    assert retimes[0][1] == pytest.approx(0.9, abs=0.011)
    assert retimes[0][2] == 2.0


def test_ctrl_wheel_zooms_around_the_mouse(view: WaveformView) -> None:
    x = 700.0
    before = view.time_at(x)
    spp = view.seconds_per_pixel
    wheel = QWheelEvent(QPointF(x, 80), view.viewport().mapToGlobal(QPointF(x, 80)), QPoint(0, 0), QPoint(0, 240),
                        Qt.MouseButton.NoButton, Qt.KeyboardModifier.ControlModifier, Qt.ScrollPhase.NoScrollPhase,
                        False)
    QApplication.sendEvent(view.viewport(), wheel)
    assert view.seconds_per_pixel == pytest.approx(spp / 1.25**2)
    assert view.time_at(x) == pytest.approx(before, abs=1e-9)
    assert view.horizontalScrollBar().value() == round(view.view_start * 1000)


def test_double_click_selects_the_segment(view: WaveformView, qtbot) -> None:
    with qtbot.waitSignal(view.segment_activated) as activated:
        qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point(view, 5.0))
    assert activated.args == [2]


def test_partial_peaks_draw_what_is_ready_with_a_progress_note(view: WaveformView, qtbot) -> None:
    half = loud_peaks(10.0).base.copy()
    half[len(half) // 2:] = np.nan
    view.set_regions(SegmentRegions(Transcript()))
    view.set_peaks(PeakPyramid.from_base(half), progress=0.5)
    image = view.viewport().grab().toImage()
    wave = QColor(WAVE).rgb()

    def wave_pixels(first: int, stop: int) -> int:
        return sum(image.pixel(x, y) == wave for x in range(first, stop, 5) for y in range(20, 140, 4))

    assert wave_pixels(50, 450) > 100
    assert wave_pixels(550, 950) == 0


def test_the_view_follows_the_play_head_and_a_hand_scroll_says_so(view: WaveformView, qtbot) -> None:
    view.zoom_at(0, 4)  # 2.5 s in view
    assert view.view_start == 0.0
    view.set_play_position(1.0)
    assert view.view_start == 0.0  # in view: no jump
    view.set_play_position(6.0)
    assert view.view_start <= 6.0 < view.view_start + 2.5  # paged to the play head
    with qtbot.waitSignal(view.user_scrolled):
        qtbot.keyClick(view, Qt.Key.Key_Home)
    assert view.view_start == 0.0
    view.follow = False
    view.set_play_position(8.0)
    assert view.view_start == 0.0
    assert view.accessibleName() == "Waveform"


def test_a_new_file_fits_the_strip_until_the_user_zooms(qtbot) -> None:
    view = WaveformView()
    qtbot.addWidget(view)
    view.resize(WIDTH + 2 * view.frameWidth(), 160)
    view.show()
    qtbot.waitExposed(view)
    view.fit_new_media()
    view.set_duration(11.0)
    view.set_peaks(loud_peaks(11.0))
    assert view.view_start == 0.0
    assert view.time_at(view.viewport().width()) == pytest.approx(11.0)  # all of it, and no more
    view.resize(WIDTH + 400, 160)
    assert view.time_at(view.viewport().width()) == pytest.approx(11.0)  # still fitted after a resize
    wheel = QWheelEvent(QPointF(300, 80), view.viewport().mapToGlobal(QPointF(300, 80)), QPoint(0, 0),
                        QPoint(0, 120), Qt.MouseButton.NoButton, Qt.KeyboardModifier.ControlModifier,
                        Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(view.viewport(), wheel)
    zoomed = view.seconds_per_pixel
    view.resize(WIDTH, 160)
    view.set_duration(11.0)
    assert view.seconds_per_pixel == zoomed  # the user's zoom is kept
    view.fit_new_media()
    view.set_duration(30.0)
    assert view.time_at(view.viewport().width()) == pytest.approx(30.0)
