"""View ▸ Subtitle Rule Breaks: off by default; when on, it marks the segments whose subtitles would still break
a rule after Export re-flows them, not every long recognition segment."""

from __future__ import annotations

from PySide6.QtCore import Qt

from app.core.editing.segment_edit import edit_from_replacements
from app.core.transcript import Segment, Transcript, Word
from app.ui.editor.document import Document

BACKGROUND = Qt.ItemDataRole.BackgroundRole
TOOLTIP = Qt.ItemDataRole.ToolTipRole


def recognised_speech() -> Transcript:
    """A long calm segment (as recognition makes: 16 s, too long for one cue) and one spoken far too fast."""
    calm = ("We stayed at home all afternoon because the rain would not stop falling and the wind kept "
            "rattling the windows of the old kitchen while we played cards and talked about the summer")
    words = [Word(0.4 * i, 0.4 * i + 0.35, w) for i, w in enumerate(calm.split())]
    fast = "Far too many words are crammed into this very short moment of speech here"
    return Transcript(segments=[
        Segment(0.0, words[-1].end, calm, words=words),
        Segment(20.0, 20.8, fast),
        Segment(21.0, 23.0, "And then it stopped."),
    ])


def marked_rows(model) -> list[int]:
    return [row for row in range(model.rowCount()) if model.index(row, model.START_COLUMN).data(BACKGROUND)]


def test_rule_breaks_are_hidden_by_default_and_show_what_still_breaks_after_reflow(qtbot, window) -> None:
    model = window.transcript_model
    window.adopt_document(Document(recognised_speech()))
    assert not window.rule_breaks_action.isChecked()
    qtbot.wait(50)
    assert marked_rows(model) == []  # a transcript that is not going to be a subtitle does not look broken

    window.rule_breaks_action.trigger()
    qtbot.waitUntil(lambda: marked_rows(model) == [1], timeout=5000)  # the long calm segment re-flows fine
    assert "too fast to read" in model.index(1, model.TEXT_COLUMN).data(TOOLTIP).lower()
    assert "after re-flow" in window.statusBar().currentMessage()  # the legend says what the tint means

    window.rule_breaks_action.trigger()
    assert marked_rows(model) == []


def test_marks_follow_new_segments_and_the_rules_chosen_in_export(qtbot, window) -> None:
    from dataclasses import replace

    model = window.transcript_model
    window.rule_breaks_action.setChecked(True)
    window.adopt_document(Document(Transcript(segments=recognised_speech().segments[:1])))
    qtbot.wait(400)
    assert marked_rows(model) == []
    for segment in recognised_speech().segments[1:]:
        document = window.document
        row = len(document.transcript.segments)
        document.apply(edit_from_replacements("Insert Segment", [(row, (), (segment,))], document.transcript))
    qtbot.waitUntil(lambda: marked_rows(model) == [1], timeout=5000)
    model.set_subtitle_rules(replace(model.subtitle_rules, max_chars_per_second=100.0, min_duration=0.5))
    qtbot.waitUntil(lambda: marked_rows(model) == [], timeout=5000)
