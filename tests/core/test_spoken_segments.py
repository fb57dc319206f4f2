"""Segments read aloud as one text: each on its own line, and every place in the text names its segment."""

from __future__ import annotations

from app.core.sentences import sentence_spans
from app.core.spoken_segments import spoken_segments
from app.core.transcript import Segment, Transcript

TRANSCRIPT = Transcript([Segment(0, 1, "First one.  Still first"), Segment(1, 2, "   "),
                         Segment(2, 3, "Third, with\ta tab."), Segment(3, 4, "Fourth!")])


def test_each_sentence_belongs_to_one_segment_and_blank_segments_are_skipped() -> None:
    spoken = spoken_segments(TRANSCRIPT)
    assert spoken.text == "First one. Still first\nThird, with a tab.\nFourth!"
    rows = [(span.text, spoken.row_at(span.start)) for span in sentence_spans(spoken.text)]
    assert rows == [("First one.", 0), ("Still first", 0), ("Third, with a tab.", 2), ("Fourth!", 3)]


def test_only_the_chosen_rows_in_transcript_order() -> None:
    spoken = spoken_segments(TRANSCRIPT, [3, 0, 3])
    assert spoken.text == "First one. Still first\nFourth!" and spoken.rows == (0, 3)
    assert spoken.row_at(len(spoken.text) - 1) == 3 and spoken_segments(TRANSCRIPT, []).row_at(0) is None
