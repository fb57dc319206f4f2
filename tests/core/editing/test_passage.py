"""Re-transcribing a passage: the new segments at the passage's place, swapped in as one reversible edit."""

from __future__ import annotations

import pytest

from app.core.editing.passage import PassageSpan, passage_in_range, placed_in_passage, replace_passage
from app.core.errors import EditError
from app.core.transcript import Segment, Transcript, Word


def transcript() -> Transcript:
    return Transcript(segments=[Segment(0.0, 2.0, "one", "A"), Segment(2.0, 4.0, "two", "A"),
                                Segment(4.0, 6.0, "three", "A"), Segment(6.0, 8.0, "four", "B")])


def test_recognised_segments_move_to_the_passage_and_stay_inside_it() -> None:
    recognised = [Segment(0.1, 1.0, " hello", words=[Word(0.1, 0.9, " hello")]),
                  Segment(1.0, 1.5, "   "), Segment(1.5, 2.6, " world", words=[Word(1.6, 2.6, " world")])]
    placed = placed_in_passage(recognised, 2.0, 4.2)
    assert [(s.start, s.end, s.text) for s in placed] == [(2.1, 3.0, " hello"), (3.5, 4.2, " world")]
    assert placed[1].words[0].end == 4.2  # a word past the passage's end is cut there


def test_the_passage_is_replaced_in_one_step_that_reverts_exactly() -> None:
    document = transcript()
    original = list(document.segments)
    edit = replace_passage(document, 1, 2, [Segment(2.0, 3.0, "deux"), Segment(3.0, 6.0, "trois")])
    edit.apply(document)
    assert [s.text for s in document.segments] == ["one", "deux", "trois", "four"]
    assert [s.speaker for s in document.segments] == ["A", "A", "A", "B"]  # the passage's one speaker kept
    edit.revert(document)
    assert document.segments == original
    assert edit.name == "Re-transcribe Passage"


def test_a_passage_must_be_segments_that_exist() -> None:
    with pytest.raises(EditError):
        replace_passage(transcript(), 2, 7, [])
    with pytest.raises(EditError):
        replace_passage(transcript(), 2, 1, [])


def test_a_range_on_the_waveform_takes_in_the_segments_it_touches_whole() -> None:
    segments = transcript().segments
    assert passage_in_range(segments, 2.5, 4.5) == PassageSpan(1, 2, 2.0, 6.0)  # two segments, widened to them
    assert passage_in_range(segments, 1.0, 9.5) == PassageSpan(0, 3, 0.0, 9.5)  # past the last one: kept
    assert passage_in_range(segments, 2.0, 4.0) == PassageSpan(1, 1, 2.0, 4.0)  # touching edges is not overlap


def test_a_range_over_a_gap_holds_no_segment_and_says_where_new_ones_go() -> None:
    segments = [Segment(0.0, 2.0, "one"), Segment(5.0, 6.0, "two")]
    assert passage_in_range(segments, 2.5, 4.5) == PassageSpan(1, 0, 2.5, 4.5)
    assert passage_in_range(segments, 7.0, 9.0) == PassageSpan(2, 1, 7.0, 9.0)
    assert passage_in_range([], 1.0, 2.0) == PassageSpan(0, -1, 1.0, 2.0)


def test_speech_found_in_a_gap_is_inserted_in_one_step() -> None:
    document = Transcript(segments=[Segment(0.0, 2.0, "one", "A"), Segment(5.0, 6.0, "two", "A")])
    original = list(document.segments)
    edit = replace_passage(document, 1, 0, [Segment(2.5, 4.5, "missed")])
    edit.apply(document)
    assert [(s.text, s.speaker) for s in document.segments] == [("one", "A"), ("missed", None), ("two", "A")]
    edit.revert(document)
    assert document.segments == original
    at_the_end = replace_passage(document, 2, 1, [Segment(7.0, 8.0, "after")])
    at_the_end.apply(document)
    assert [s.text for s in document.segments] == ["one", "two", "after"]
    with pytest.raises(EditError):  # nothing replaced by nothing is no step
        replace_passage(document, 1, 0, [])
