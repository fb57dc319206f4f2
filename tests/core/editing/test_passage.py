"""Re-transcribing a passage: the new segments at the passage's place, swapped in as one reversible edit."""

from __future__ import annotations

import pytest

from app.core.editing.passage import placed_in_passage, replace_passage
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
