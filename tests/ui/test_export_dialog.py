"""The export dialog driven as a person would: profile, custom rules, live preview, format, save."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox

from app.core.formats import read_transcript
from app.core.subtitle_rules import SUBTITLE_PROFILES
from app.core.transcript import Segment, Transcript, Word
from app.ui.editor.document import Document
from app.ui.export_dialog import ExportDialog

FAST = "Far too many words are crammed into this very short moment of speech here"


def speech() -> Transcript:
    """A calm sentence, one spoken far too fast between two others, then a long calm one."""
    calm = "We stayed at home all afternoon because the rain would not stop falling"
    words = [Word(0.4 * i, 0.4 * i + 0.35, w) for i, w in enumerate(calm.split())]
    return Transcript(segments=[
        Segment(0.0, words[-1].end, calm, words=words),
        Segment(6.0, 6.8, FAST),
        Segment(6.8, 12.0, "And then it finally stopped, and we all went out for a long walk by the river."),
    ])


@pytest.fixture
def dialog(qtbot) -> ExportDialog:
    export_dialog = ExportDialog(speech(), Path("/media/walk.mp4"))
    qtbot.addWidget(export_dialog)
    export_dialog.show()
    qtbot.waitExposed(export_dialog)
    return export_dialog


def preview_texts(dialog: ExportDialog, column: int) -> list[str]:
    return [dialog.preview.item(row, column).text() for row in range(dialog.preview.rowCount())]


def test_choosing_a_profile_fills_the_rules_and_reflows_the_preview(qtbot, dialog: ExportDialog) -> None:
    default_cues = list(preview_texts(dialog, 1))
    dialog.profile_combo.setCurrentIndex(dialog.profile_combo.findData("short-form"))
    assert dialog.chars_per_line.value() == 24
    assert dialog.max_duration.value() == pytest.approx(5.0)
    qtbot.waitUntil(lambda: preview_texts(dialog, 1) != default_cues)
    assert all(len(line) <= 24 for text in preview_texts(dialog, 1) for line in text.split("\n") if " " in line)
    assert dialog.rules() == SUBTITLE_PROFILES["short-form"].rules


def test_editing_a_rule_makes_a_custom_profile(qtbot, dialog: ExportDialog) -> None:
    dialog.profile_combo.setCurrentIndex(dialog.profile_combo.findData("netflix"))
    qtbot.waitUntil(lambda: dialog.rules().max_chars_per_line == 42)
    dialog.lines_per_cue.setFocus()
    qtbot.keyClick(dialog.lines_per_cue, Qt.Key.Key_Down)
    assert dialog.profile_combo.currentData() == "custom"
    qtbot.waitUntil(lambda: all("\n" not in text for text in preview_texts(dialog, 1)))
    qtbot.keyClick(dialog.lines_per_cue, Qt.Key.Key_Up)
    assert dialog.profile_combo.currentData() == "netflix"


def test_cues_still_breaking_a_rule_are_counted_and_explained(qtbot, dialog: ExportDialog) -> None:
    dialog.profile_combo.setCurrentIndex(dialog.profile_combo.findData("netflix"))
    qtbot.waitUntil(lambda: dialog.rules().max_chars_per_second == 20)
    dialog.refresh_preview()
    reasons = preview_texts(dialog, 2)
    broken_rows = [row for row, reason in enumerate(reasons) if reason]
    assert broken_rows and all("too fast to read" in reasons[row] for row in broken_rows)
    fast_words = set(FAST.split())
    assert all(set(dialog.preview.item(row, 1).text().split()) <= fast_words for row in broken_rows)
    assert "characters per second" in dialog.preview.item(broken_rows[0], 1).toolTip()
    summary = dialog.summary_label.text()
    assert summary.startswith(f"{len(broken_rows)} of {dialog.preview.rowCount()} cues still break a rule")
    assert f"{len(broken_rows)} too fast to read" in summary


def test_a_text_format_turns_the_rules_off_and_previews_segments(qtbot, dialog: ExportDialog) -> None:
    dialog.format_combo.setCurrentIndex(dialog.format_combo.findData("txt-timestamps"))
    qtbot.waitUntil(lambda: "subtitle rules apply to SRT" in dialog.summary_label.text())
    assert dialog.preview.rowCount() == 3
    assert not dialog.rules_box.isEnabled()
    assert dialog.preview.isColumnHidden(2)
    assert dialog.suggested_path() == Path("/media/walk.txt")


def test_save_writes_exactly_the_previewed_cues(qtbot, dialog: ExportDialog, tmp_path: Path, monkeypatch) -> None:
    dialog.profile_combo.setCurrentIndex(dialog.profile_combo.findData("short-form"))
    dialog.format_combo.setCurrentIndex(dialog.format_combo.findData("vtt"))
    dialog.refresh_preview()
    target = tmp_path / "walk.vtt"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(target), ""))
    with qtbot.waitSignal(dialog.saved):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    saved = read_transcript(target)
    assert [s.text for s in saved.segments] == [c.text for c in dialog.preview_cues]
    assert [round(s.start, 3) for s in saved.segments] == [round(c.start, 3) for c in dialog.preview_cues]
    assert dialog.result() == ExportDialog.DialogCode.Accepted


def test_a_failed_save_says_why_in_one_sentence_and_keeps_the_dialog(qtbot, dialog: ExportDialog, tmp_path) -> None:
    blocked = tmp_path / "file"
    blocked.write_text("in the way", encoding="utf-8")
    dialog.save_to(blocked / "walk.srt")
    qtbot.waitUntil(lambda: dialog.findChild(QMessageBox, "errorMessage") is not None, timeout=5000)
    box = dialog.findChild(QMessageBox, "errorMessage")
    assert box.text().startswith("Cannot save “walk.srt”")
    assert dialog.isVisible()


def test_the_main_window_exports_and_marks_segments_breaking_the_rules(qtbot, window) -> None:
    model = window.transcript_model
    window.adopt_document(Document(speech()))
    assert window.export_action.isEnabled()
    window.rule_breaks_action.setChecked(True)

    def tinted(row: int) -> bool:
        return model.index(row, model.START_COLUMN).data(Qt.ItemDataRole.BackgroundRole) is not None

    qtbot.waitUntil(lambda: tinted(1), timeout=5000)  # 74 characters in 0.8 s: too fast even after re-flow
    assert not tinted(0)
    window.export_action.trigger()
    dialog = window.export_dialog
    qtbot.waitExposed(dialog)
    dialog.profile_combo.setCurrentIndex(dialog.profile_combo.findData("custom"))
    dialog.chars_per_second.setValue(5.0)
    qtbot.waitUntil(lambda: model.subtitle_rules.max_chars_per_second == 5.0 and tinted(2), timeout=10_000)
    assert "Too fast to read" in model.index(2, model.TEXT_COLUMN).data(Qt.ItemDataRole.ToolTipRole)
    dialog.reject()


def test_a_long_transcript_reflows_in_the_background_and_shows_the_first_cues(qtbot) -> None:
    from app.ui.export_dialog import PREVIEW_ROW_LIMIT

    sentences = [Segment(2.0 * i, 2.0 * i + 1.8, f"Sentence number {i} is short.") for i in range(3000)]
    dialog = ExportDialog(Transcript(segments=sentences, language="en"))
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.rules_chosen, timeout=30_000):
        dialog.show()  # the first re-flow runs in the background too
    assert dialog.preview.rowCount() == PREVIEW_ROW_LIMIT

    with qtbot.waitSignal(dialog.rules_chosen, timeout=30_000) as chosen:
        dialog.profile_combo.setCurrentIndex(dialog.profile_combo.findData("netflix"))
    assert chosen.args[0] == dialog.rules()
    assert dialog.rules().max_chars_per_line == SUBTITLE_PROFILES["netflix"].rules.max_chars_per_line
    assert len(dialog.preview_cues) > PREVIEW_ROW_LIMIT
    assert dialog.preview.rowCount() == PREVIEW_ROW_LIMIT
    assert dialog.summary_label.text().startswith(f"{len(dialog.preview_cues)} cues")


def test_save_reflows_and_writes_off_the_gui_thread_reusing_the_preview(
    qtbot, tmp_path: Path, monkeypatch
) -> None:
    import threading

    import app.core.formats as formats
    import app.ui.export_dialog as export_dialog

    sentences = [Segment(2.0 * i, 2.0 * i + 1.8, f"Sentence number {i} is short.") for i in range(3000)]
    dialog = ExportDialog(Transcript(segments=sentences, language="en"))
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.rules_chosen, timeout=30_000):
        dialog.show()
    reflows: list[threading.Thread] = []
    writers: list[threading.Thread] = []
    real_reflow, real_save = formats.reflow, export_dialog.save_transcript
    monkeypatch.setattr(formats, "reflow", lambda *a: reflows.append(threading.current_thread()) or real_reflow(*a))
    monkeypatch.setattr(export_dialog, "save_transcript",
                        lambda *a: writers.append(threading.current_thread()) or real_save(*a))
    with qtbot.waitSignal(dialog.saved, timeout=30_000):
        dialog.save_to(tmp_path / "sentences.srt")
    assert writers and threading.main_thread() not in writers
    assert reflows == []  # the preview's re-flow is what is saved
    saved = read_transcript(tmp_path / "sentences.srt")
    assert [s.text for s in saved.segments] == [c.text for c in dialog.preview_cues]
