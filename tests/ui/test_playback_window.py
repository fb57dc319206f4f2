"""Playback in the main window: seek by row, the playing row highlighted and followed, loop, shortcuts
with the focus in a cell editor, retiming on the waveform and its undo, missing media, Attach Media."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication, QFileDialog, QLineEdit

from app.core.audio import decode_audio
from app.core.formats import save_transcript
from app.core.transcript import Segment, Transcript
from app.engines.base import JobContext, TranscriptionOptions, run_transcription
from app.ui.editor.document import Document
from app.ui.main_window import MainWindow
from app.ui.transcript_table_model import PLAYING_TINT, TranscriptTableModel

pytestmark = pytest.mark.qt_log_ignore("qt.multimedia", "PulseAudioService", "keyToAscii")
CTRL, ALT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.AltModifier
TEXT = TranscriptTableModel.TEXT_COLUMN


@pytest.fixture(scope="module")
def jfk_words(local_engine, jfk_path: Path) -> Transcript:
    """JFK recognised by tiny.en with word timings, one segment per word (a table long enough to scroll)."""
    recognised = run_transcription(local_engine, decode_audio(jfk_path),
                                   TranscriptionOptions(model="tiny.en", word_timestamps=True), JobContext())
    words = [word for segment in recognised.segments for word in segment.words]
    assert len(words) > 15
    return Transcript([Segment(w.start, w.end, w.text.strip(), words=[w]) for w in words], language="en")


def open_document(window: MainWindow, qtbot, transcript: Transcript, media: Path | None) -> None:
    controller = window.playback_panel.controller
    if media is not None and media.is_file():
        with qtbot.waitSignal(controller.duration_changed, timeout=10_000):
            window.adopt_document(Document(Transcript(list(transcript.segments)), media))
    else:
        window.adopt_document(Document(Transcript(list(transcript.segments)), media))


@pytest.fixture
def playing_window(window: MainWindow, qtbot, jfk_words: Transcript, jfk_path: Path) -> MainWindow:
    window.resize(900, 520)
    open_document(window, qtbot, jfk_words, jfk_path)
    return window


def click_row(window: MainWindow, qtbot, row: int) -> None:
    view = window.transcript_view
    view.scrollTo(window.transcript_model.index(row, TEXT))
    rect = view.visualRect(window.transcript_model.index(row, TEXT))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def row_is_visible(window: MainWindow, row: int) -> bool:
    view = window.transcript_view
    return view.viewport().rect().intersects(view.visualRect(window.transcript_model.index(row, TEXT)))


def test_clicking_a_row_seeks_to_its_segment_and_tints_it(playing_window: MainWindow, qtbot) -> None:
    window, segments = playing_window, playing_window.document.transcript.segments
    click_row(window, qtbot, 6)
    assert window.playback_panel.controller.current_position() == pytest.approx(segments[6].start, abs=0.002)
    assert window.transcript_model.playing_row == 6
    assert window.playback_panel.sync.current_word == (6, 0)
    tint = window.transcript_model.index(6, TEXT).data(Qt.ItemDataRole.BackgroundRole)
    assert tint == PLAYING_TINT
    assert window.playback_panel.video_pane.caption == segments[6].text  # the cue a video would show
    click_row(window, qtbot, 2)
    assert window.transcript_model.index(6, TEXT).data(Qt.ItemDataRole.BackgroundRole) is None


def wheel(widget, steps: int) -> None:
    centre = QPointF(widget.rect().center())
    event = QWheelEvent(centre, QPointF(widget.mapToGlobal(centre.toPoint())), QPoint(0, 0), QPoint(0, -120 * steps),
                        Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(widget, event)


def test_follow_scrolls_to_the_playing_row_until_a_hand_scroll(playing_window: MainWindow, qtbot) -> None:
    window, segments = playing_window, playing_window.document.transcript.segments
    controller, follow = window.playback_panel.controller, window.playback_panel.playback_actions.follow
    last = len(segments) - 1
    assert not row_is_visible(window, last), "the window is small enough for the table to scroll"
    controller.seek(segments[last].start + 0.01)
    assert row_is_visible(window, last)
    wheel(window.transcript_view.viewport(), -30)  # back to the top by hand
    assert not follow.isChecked()
    assert not window.playback_panel.waveform.follow
    controller.seek(segments[last].start + 0.01)
    assert window.transcript_model.playing_row == last  # still highlighted, not scrolled to
    assert not row_is_visible(window, last)
    qtbot.mouseClick(window.playback_panel.transport_bar.follow_button, Qt.MouseButton.LeftButton)
    assert follow.isChecked()
    controller.seek(segments[last - 1].start + 0.01)
    assert row_is_visible(window, last - 1)


def open_text_editor(window: MainWindow, qtbot, row: int) -> QLineEdit:
    view = window.transcript_view
    view.go_to_row(row)
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Return)
    editor = view.open_editor()
    assert editor is not None
    qtbot.waitUntil(editor.hasFocus)
    return editor


def test_following_leaves_the_focus_and_an_open_editor_alone(playing_window: MainWindow, qtbot) -> None:
    window, segments = playing_window, playing_window.document.transcript.segments
    editor = open_text_editor(window, qtbot, 1)
    qtbot.keyClicks(editor, "x")
    window.playback_panel.controller.seek(segments[-1].start + 0.01)
    assert window.transcript_model.playing_row == len(segments) - 1
    assert window.transcript_view.open_editor() is editor and editor.hasFocus()
    assert window.transcript_view.currentIndex().row() == 1
    assert segments[1].text.endswith("x")


def test_shortcuts_and_loop_with_the_focus_in_the_cell_editor(playing_window: MainWindow, qtbot) -> None:
    window, segments = playing_window, playing_window.document.transcript.segments
    controller = window.playback_panel.controller
    click_row(window, qtbot, 4)
    editor = open_text_editor(window, qtbot, 4)
    before = editor.text()
    qtbot.keyClick(editor, Qt.Key.Key_L, CTRL)
    assert controller.loop_range == (segments[4].start, segments[4].end)
    assert window.playback_panel.transport_bar.loop_button.isChecked()
    qtbot.keyClick(editor, Qt.Key.Key_L, CTRL)
    assert controller.loop_range is None
    qtbot.keyClick(editor, Qt.Key.Key_Right, ALT)
    assert controller.current_position() == pytest.approx(segments[4].start + 5.0, abs=0.002)
    qtbot.keyClick(editor, Qt.Key.Key_Up, CTRL)
    assert controller.rate == 1.25
    assert editor.text() == before and window.transcript_view.open_editor() is editor


def test_loop_without_a_playing_segment_takes_the_current_row(playing_window: MainWindow, qtbot) -> None:
    window, segments = playing_window, playing_window.document.transcript.segments
    controller = window.playback_panel.controller
    controller.seek(segments[-1].end + 0.05)  # past the last word: no segment is playing
    assert window.playback_panel.sync.current_segment == -1
    window.transcript_view.go_to_row(3)
    window.playback_panel.playback_actions.loop.trigger()
    assert controller.loop_range == (segments[3].start, segments[3].end)
    assert controller.current_position() == pytest.approx(segments[3].start, abs=0.002)


def test_dragging_a_region_edge_retimes_it_as_one_undoable_step(playing_window: MainWindow, qtbot) -> None:
    window = playing_window
    waveform, document = window.playback_panel.waveform, window.document
    row = 3
    start, end = document.transcript.segments[row].start, document.transcript.segments[row].end
    assert end - start > 0.2, "a word long enough to shrink"
    waveform.zoom_at(0, 4.0)  # 5 ms a pixel: half the word is far beyond the snapping distance
    waveform.scroll_to(start - 0.1)
    y = waveform.viewport().height() // 2
    edge = QPoint(round(waveform.x_of(end)), y)
    target = QPoint(round(waveform.x_of(end - (end - start) / 2)), y)
    qtbot.mousePress(waveform.viewport(), Qt.MouseButton.LeftButton, pos=edge)
    qtbot.mouseMove(waveform.viewport(), pos=target)
    qtbot.mouseRelease(waveform.viewport(), Qt.MouseButton.LeftButton, pos=target)
    retimed = document.transcript.segments[row]
    assert retimed.start == start and start < retimed.end < end - 0.05
    assert document.undo_stack.count() == 1
    assert window.transcript_model.index(row, TranscriptTableModel.END_COLUMN).data() != ""
    window.edit_actions.undo_action.trigger()
    assert document.transcript.segments[row].end == end


def test_double_clicking_a_region_selects_its_row(playing_window: MainWindow, qtbot) -> None:
    window, segments = playing_window, playing_window.document.transcript.segments
    waveform = window.playback_panel.waveform
    middle = (segments[5].start + segments[5].end) / 2
    qtbot.mouseDClick(waveform.viewport(), Qt.MouseButton.LeftButton,
                      pos=QPoint(round(waveform.x_of(middle)), waveform.viewport().height() // 2))
    assert window.transcript_view.current_row() == 5


def test_a_missing_media_file_is_one_sentence_and_the_transcript_stays_editable(
    window: MainWindow, qtbot, jfk_words: Transcript, tmp_path: Path
) -> None:
    open_document(window, qtbot, jfk_words, tmp_path / "moved-away.flac")
    notice = window.playback_panel.notice
    assert notice.isVisible()
    assert notice.text() == "Cannot play “moved-away.flac”: the file does not exist."
    editor = open_text_editor(window, qtbot, 0)
    qtbot.keyClicks(editor, "!")
    assert window.document.transcript.segments[0].text.endswith("!")


def test_attach_media_plays_beside_a_transcript_opened_from_srt(
    window: MainWindow, qtbot, jfk_words: Transcript, jfk_path: Path, tmp_path: Path, monkeypatch
) -> None:
    subtitles = save_transcript(Transcript(list(jfk_words.segments)), tmp_path / "jfk.srt", "srt")
    window.projects.open_path(subtitles)
    qtbot.waitUntil(lambda: len(window.document.transcript.segments) == len(jfk_words.segments), timeout=10_000)
    panel = window.playback_panel
    assert not panel.isVisible()
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args, **kwargs: (str(jfk_path), ""))
    file_menu = window.menuBar().actions()[0].menu()
    assert window.projects.attach_media_action in file_menu.actions()
    with qtbot.waitSignals([panel.controller.duration_changed, panel.peaks_loader.finished], timeout=20_000):
        window.projects.attach_media_action.trigger()
    assert panel.isVisible() and panel.media_path == jfk_path
    assert window.document.media_path == jfk_path and window.document.is_modified
    click_row(window, qtbot, 2)
    assert panel.controller.current_position() == pytest.approx(window.document.transcript.segments[2].start,
                                                                abs=0.002)
