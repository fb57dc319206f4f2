"""Transcription ▸ Re-transcribe Selection…: jfk.flac's garbled middle recognised again with tiny.en, previewed,
accepted as one undo step (undo brings the old text back, redo the new), or discarded; a range dragged on the
waveform with Shift, over speech the transcript missed, inserted as one step; a passage sent to a remote profile
with a language and a prompt, only its own seconds uploaded."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QItemSelectionModel, QPoint, Qt
from PySide6.QtGui import QTextCursor

from app.core.audio import decode_audio
from app.core.editing.passage import PassageSpan
from app.core.transcript import Segment, Transcript
from app.ui.editor.document import Document
from app.ui.main_window import MainWindow
from app.ui.passage_dialogs import PassageOptionsDialog
from tests.engines.remote.servers.fake_http_server import parse_multipart
from tests.speech import word_error_rate
from tests.ui.test_remote_transcription import PROFILE, openai_server, remote_window  # noqa: F401  (fixtures)

MIDDLE = "ask not what your country can do for you"
SHIFT = Qt.KeyboardModifier.ShiftModifier


def open_garbled_jfk(window: MainWindow, jfk_path: Path) -> list[Segment]:
    segments = [
        Segment(0.0, 3.0, "And so my fellow Americans,"),
        Segment(3.0, 5.6, "bask knot watt"),  # the passage to recognise again
        Segment(5.6, 8.06, "yore cuntry cam dew four ewe."),
        Segment(8.06, 11.0, "ask what you can do for your country."),
    ]
    window.adopt_document(Document(Transcript(segments=list(segments)), media_path=jfk_path))
    return segments


def ask_for_the_passage(qtbot, window: MainWindow) -> PassageOptionsDialog:
    assert window.passages.action.isEnabled()
    window.passages.action.trigger()
    [dialog] = [d for d in window.findChildren(PassageOptionsDialog) if d.isVisible()]
    assert dialog.model_choice() == "tiny.en"  # the window's choices to start from
    return dialog


def recognise(qtbot, window: MainWindow, dialog: PassageOptionsDialog):
    dialog.accept()
    assert window.is_busy()
    qtbot.waitUntil(lambda: getattr(window.passages, "preview", None) is not None
                    and window.passages.preview.isVisible(), timeout=120_000)
    return window.passages.preview


def test_the_middle_segments_recognised_again_replace_the_passage_in_one_undoable_step(
    qtbot, window: MainWindow, jfk_path: Path
) -> None:
    original = open_garbled_jfk(window, jfk_path)
    table = window.transcript_view
    table.selectRow(1)
    table.selectionModel().select(table.table_model.index(2, 0),
                                  QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows)
    preview = recognise(qtbot, window, ask_for_the_passage(qtbot, window))
    assert preview.before_view.toPlainText() == "bask knot watt yore cuntry cam dew four ewe."
    assert word_error_rate(MIDDLE, preview.after_view.toPlainText()) < 0.3
    qtbot.mouseClick(preview.accept_button, Qt.MouseButton.LeftButton)

    document = window.document
    segments = document.transcript.segments
    new = segments[1:-1]
    assert segments[0] is original[0] and segments[-1] is original[3]  # only the passage changed
    assert word_error_rate(MIDDLE, " ".join(s.text for s in new)) < 0.3
    assert all(3.0 <= s.start < s.end <= 8.06 for s in new)
    assert document.undo_stack.count() == 1 and window.transcript_model.rowCount() == len(segments)

    window.edit_actions.undo_action.trigger()
    assert document.transcript.segments == original
    assert window.transcript_model.index(1, window.transcript_model.TEXT_COLUMN).data() == "bask knot watt"
    window.edit_actions.redo_action.trigger()
    assert document.transcript.segments == segments[:1] + new + segments[-1:]


def test_a_passage_selected_in_the_text_view_can_be_discarded(qtbot, window: MainWindow, jfk_path: Path) -> None:
    original = open_garbled_jfk(window, jfk_path)
    window.text_editing.show_text_view(True)
    view = window.text_editing.text_view
    text = view.toPlainText()
    cursor = view.textCursor()
    cursor.setPosition(text.index("knot"))
    cursor.setPosition(text.index("cuntry"), QTextCursor.MoveMode.KeepAnchor)
    view.setTextCursor(cursor)
    assert window.passages.selected_range() == (1, 2)
    preview = recognise(qtbot, window, ask_for_the_passage(qtbot, window))
    qtbot.mouseClick(preview.discard_button, Qt.MouseButton.LeftButton)
    assert window.document.transcript.segments == original and window.document.undo_stack.count() == 0
    assert not window.is_busy() and window.passages.action.isEnabled()


@pytest.mark.qt_log_ignore("qt.multimedia", "PulseAudioService")
def test_a_range_dragged_on_the_waveform_over_missed_speech_is_inserted_in_one_step(
    qtbot, window: MainWindow, jfk_path: Path
) -> None:
    first, last = Segment(0.0, 3.0, "And so my fellow Americans,"), Segment(8.06, 11.0, "ask what you can do for "
                                                                               "your country.")
    with qtbot.waitSignal(window.playback_panel.controller.duration_changed, timeout=10_000):
        window.adopt_document(Document(Transcript(segments=[first, last]), media_path=jfk_path))
    window.transcript_view.selectRow(1)
    waveform = window.playback_panel.waveform
    qtbot.waitUntil(lambda: waveform.time_at(waveform.viewport().width()) > 10.9)  # the whole file in view
    viewport, y = waveform.viewport(), waveform.viewport().height() // 2
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, SHIFT, QPoint(round(waveform.x_of(3.1)), y))
    qtbot.mouseMove(viewport, QPoint(round(waveform.x_of(5.0)), y))
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, SHIFT, QPoint(round(waveform.x_of(7.9)), y))
    passage = window.passages.selected_passage()
    assert passage is not None and (passage.first, passage.last) == (1, 0)  # no segment there: new ones go at 1
    assert passage.start == pytest.approx(3.1, abs=0.05) and passage.end == pytest.approx(7.9, abs=0.05)
    band = window.passages.waveform_range.band
    assert band.isVisible() and band.accessibleName()
    assert abs(band.geometry().left() - waveform.x_of(3.1)) <= 2
    assert abs(band.geometry().right() - waveform.x_of(7.9)) <= 2

    preview = recognise(qtbot, window, ask_for_the_passage(qtbot, window))
    assert preview.before_view.toPlainText() == ""
    assert word_error_rate(MIDDLE, preview.after_view.toPlainText()) < 0.3
    qtbot.mouseClick(preview.accept_button, Qt.MouseButton.LeftButton)
    segments = window.document.transcript.segments
    assert segments[0] is first and segments[-1] is last and len(segments) > 2
    assert word_error_rate(MIDDLE, " ".join(s.text for s in segments[1:-1])) < 0.3
    assert all(3.05 <= s.start < s.end <= 7.95 for s in segments[1:-1])
    assert window.document.undo_stack.count() == 1 and not band.isVisible()  # the range is used up
    window.edit_actions.undo_action.trigger()
    assert window.document.transcript.segments == [first, last]


@pytest.mark.qt_log_ignore("qt.multimedia", "PulseAudioService")
def test_the_latest_selection_wins_between_the_waveform_and_the_table(qtbot, window: MainWindow,
                                                                      jfk_path: Path) -> None:
    with qtbot.waitSignal(window.playback_panel.controller.duration_changed, timeout=10_000):
        open_garbled_jfk(window, jfk_path)
    waveform = window.playback_panel.waveform
    qtbot.waitUntil(lambda: waveform.time_at(waveform.viewport().width()) > 10.9)
    viewport, y = waveform.viewport(), waveform.viewport().height() // 2
    window.transcript_view.selectRow(3)
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, SHIFT, QPoint(round(waveform.x_of(4.0)), y))
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, SHIFT, QPoint(round(waveform.x_of(6.0)), y))
    assert window.passages.selected_passage() == PassageSpan(1, 2, 3.0, 8.06)  # widened to the segments touched
    table = window.transcript_view  # a table selection after it (not selectRow: Shift was the last key held)
    flags = QItemSelectionModel.SelectionFlag
    table.selectionModel().setCurrentIndex(table.table_model.index(0, 0), flags.ClearAndSelect | flags.Rows)
    assert window.passages.selected_passage() == PassageSpan(0, 0, 0.0, 3.0)
    assert not window.passages.waveform_range.band.isVisible()
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, SHIFT, QPoint(round(waveform.x_of(4.0)), y))
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, SHIFT, QPoint(round(waveform.x_of(6.0)), y))
    qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=QPoint(round(waveform.x_of(9.0)), y))  # a plain click
    assert window.passages.selected_passage() == PassageSpan(0, 0, 0.0, 3.0)
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, SHIFT, QPoint(round(waveform.x_of(4.0)), y))
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, SHIFT, QPoint(round(waveform.x_of(6.0)), y))
    waveform.setFocus()
    qtbot.keyClick(waveform, Qt.Key.Key_Escape)  # Esc on the waveform, whatever else Esc does in the window
    assert window.passages.selected_passage() == PassageSpan(0, 0, 0.0, 3.0)


def test_a_passage_goes_to_a_remote_profile_with_its_language_and_prompt(
    qtbot, remote_window: MainWindow, openai_server, jfk_path: Path, tmp_path: Path  # noqa: F811
) -> None:
    window = remote_window
    original = open_garbled_jfk(window, jfk_path)
    table = window.transcript_view
    table.selectRow(1)
    table.selectionModel().select(table.table_model.index(2, 0),
                                  QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows)
    dialog = window.passages.ask()
    assert dialog is not None
    bar = dialog.options_bar
    bar.model_combo.setCurrentIndex(bar.model_combo.findData(f"remote:{PROFILE}"))
    bar.language_combo.setCurrentIndex(bar.language_combo.findData("en"))
    dialog.prompt_edit.setText("President Kennedy's inaugural address.")
    preview = recognise(qtbot, window, dialog)
    assert word_error_rate(MIDDLE, preview.after_view.toPlainText()) < 0.3

    [request] = openai_server.requests_to("/audio/transcriptions")
    fields, files = parse_multipart(request)
    assert fields["language"] == ["en"] and fields["prompt"] == ["President Kennedy's inaugural address."]
    upload = tmp_path / f"upload{Path(files['file'].filename).suffix}"
    upload.write_bytes(files["file"].data)
    assert decode_audio(upload).duration == pytest.approx(8.06 - 3.0, abs=0.1)  # the passage's seconds only
    qtbot.mouseClick(preview.accept_button, Qt.MouseButton.LeftButton)
    segments = window.document.transcript.segments
    assert segments[0] is original[0] and segments[-1] is original[3]
    assert all(3.0 <= s.start < s.end <= 8.06 for s in segments[1:-1])
    assert window.document.undo_stack.count() == 1
