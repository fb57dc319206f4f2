"""The text view's layout after an edit: grouped again only around the change, and equal to a full layout."""

from __future__ import annotations

import random

import pytest

from app.core.editing.paragraphs import covering_splice, layout_paragraphs, paragraph_edit, relayout, typed_change
from app.core.transcript import Segment, Transcript


def _talk(rng: random.Random, count: int) -> list[Segment]:
    segments, clock = [], 0.0
    for _ in range(count):
        clock += rng.choice([0.1, 0.3, 2.5])
        length = rng.uniform(0.5, 3)
        words = " ".join(rng.choice(["so", "well", "bread", "rises", "slowly."]) for _ in range(rng.randint(0, 9)))
        segments.append(Segment(round(clock, 2), round(clock + length, 2), words, rng.choice(["Ann", "Bo", None])))
        clock += length
    return segments


@pytest.mark.parametrize("seed", range(40))
def test_a_splice_of_segments_relayouts_as_a_full_layout_would(seed: int) -> None:
    rng = random.Random(seed)
    transcript = Transcript(_talk(rng, rng.randint(1, 40)))
    layout = layout_paragraphs(transcript, max_characters=60, keep_spaces=True)
    for _ in range(8):
        count = len(transcript.segments)
        first = rng.randint(0, count)
        removed = rng.randint(0, min(3, count - first))
        inserted = _talk(rng, rng.randint(0 if removed else 1, 3))
        if len(inserted) == removed == 0 or count - removed + len(inserted) == 0:
            continue
        transcript.segments[first:first + removed] = inserted
        change = relayout(layout, transcript, first, removed, len(inserted))
        expected = layout_paragraphs(transcript, max_characters=60, keep_spaces=True)
        assert change.layout == expected
        before, after = layout.paragraphs, change.layout.paragraphs
        assert before[:change.first] == after[:change.first]
        assert len(before) - change.removed == len(after) - change.inserted
        layout = change.layout


def test_kept_spaces_let_typing_at_a_segment_edge_stay_where_it_was_typed() -> None:
    transcript = Transcript([Segment(0, 1, "Well"), Segment(1, 2, "then.")])
    layout = layout_paragraphs(transcript, keep_spaces=True)
    assert layout.paragraphs[0].text == "Well then."
    paragraph_edit(transcript, layout.paragraphs[0], 4, 0, " ").apply(transcript)  # a space after "Well"
    layout = relayout(layout, transcript, 0, 1, 1).layout
    assert [s.text for s in transcript.segments] == ["Well ", "then."]
    assert layout.paragraphs[0].text == "Well  then."  # as the editor shows it: the next letter goes on
    paragraph_edit(transcript, layout.paragraphs[0], 5, 0, "n").apply(transcript)
    assert [s.text for s in transcript.segments] == ["Well n", "then."]


@pytest.mark.parametrize("seed", range(200))
def test_splices_made_in_turn_are_covered_by_one(seed: int) -> None:
    rng = random.Random(seed)
    original = list(range(rng.randint(0, 12)))
    rows, made, fresh = list(original), [], 100
    for _ in range(rng.randint(1, 5)):
        first = rng.randint(0, len(rows))
        removed = rng.randint(0, len(rows) - first)
        inserted = rng.randint(0, 3)
        rows[first:first + removed] = range(fresh, fresh + inserted)
        fresh += inserted
        made.append((first, removed, inserted))
    first, removed, inserted = covering_splice(made)
    assert first >= 0 and first + removed <= len(original) and first + inserted <= len(rows)
    assert rows[:first] == original[:first]
    assert rows[first + inserted:] == original[first + removed:]


def test_a_typed_change_is_told_by_the_cursor_where_it_could_be_told_two_ways() -> None:
    assert typed_change("Well then.", "Well  then.", 5) == (4, 0, " ")  # after "Well": its segment
    assert typed_change("Well then.", "Well  then.", 6) == (5, 0, " ")  # after the separator: the next one
    assert typed_change("Well then.", "Well  then.", None) == (5, 0, " ")
    assert typed_change("aab", "ab", 1) == (1, 1, "")  # backspace after the second "a"
    assert typed_change("abc", "aXc", 2) == (1, 1, "X")
    assert typed_change("abc", "abc", 3) == (3, 0, "")
