"""The flowing-text view's paragraphs: grouped by speaker and pause, and mapped back to segments and words."""

from __future__ import annotations

import pytest
from hypothesis import given

from app.core.editing.paragraphs import layout_paragraphs, paragraph_edit
from app.core.editing.uncertain_words import WordPosition
from app.core.errors import EditError
from app.core.transcript import Segment, Transcript
from tests.core.editing.samples import interview, timed_segment
from tests.subtitle_samples import random_transcripts


def test_paragraphs_break_at_a_new_speaker_and_at_a_long_pause() -> None:
    transcript = interview()
    transcript.segments.insert(3, timed_segment(9.0, "Go on.", "Ann"))  # 0.6 s after "So tell us…"
    layout = layout_paragraphs(transcript)
    assert [(p.speaker, [piece.segment for piece in p.pieces]) for p in layout.paragraphs] == [
        ("Ann", [0]), ("Bo", [1]), ("Ann", [2, 3]), ("Bo", [4])]
    assert layout.paragraphs[2].text == "So tell us about the book. Go on."
    assert layout_paragraphs(transcript, pause_seconds=0.5).paragraphs[2].text == "So tell us about the book."
    same_speaker = Transcript([Segment(0, 1, "One."), Segment(1.5, 2, "Two."), Segment(5, 6, "Three.")])
    assert [p.text for p in layout_paragraphs(same_speaker).paragraphs] == ["One. Two.", "Three."]


def test_a_long_paragraph_ends_at_a_sentence_end() -> None:
    segments = [Segment(i, i + 1, "word " * 30 + ("end." if i % 3 == 2 else "and")) for i in range(12)]
    layout = layout_paragraphs(Transcript(segments), max_characters=500)
    assert [[piece.segment for piece in p.pieces] for p in layout.paragraphs] == [list(range(6)), list(range(6, 12))]


def test_a_cue_of_two_lines_flows_as_one_paragraph() -> None:
    transcript = Transcript([Segment(0, 1, "First line\nsecond line."), Segment(1, 2, "Next.")])
    layout = layout_paragraphs(transcript)
    assert [p.text for p in layout.paragraphs] == ["First line second line. Next."]
    paragraph_edit(transcript, layout.paragraphs[0], 11, 6, "2nd").apply(transcript)
    assert transcript.segments[0].text == "First line\n2nd line."


def test_cursor_positions_map_both_ways() -> None:
    transcript = Transcript([Segment(0, 1, "  Hello there. "), Segment(1, 2, ""), Segment(2, 3, "Bye.")])
    layout = layout_paragraphs(transcript)
    [paragraph] = layout.paragraphs
    assert paragraph.text == "Hello there.  Bye."
    assert paragraph.locate(0) == (0, 2)
    assert paragraph.locate(12) == (0, 14)  # just after "there."
    assert paragraph.locate(13) == (1, 0)  # the empty segment
    assert paragraph.locate(14) == (2, 0)
    assert layout.position_of(2, 3) == (0, 17)
    assert layout.position_of(0, 2) == (0, 0)


@given(random_transcripts())
def test_every_segment_offset_round_trips_through_its_paragraph(transcript: Transcript) -> None:
    layout = layout_paragraphs(transcript)
    assert sorted(p.segment for paragraph in layout.paragraphs for p in paragraph.pieces) == list(
        range(len(transcript.segments)))
    for index, segment in enumerate(transcript.segments):
        lead = len(segment.text) - len(segment.text.lstrip())
        for offset in range(lead, lead + len(segment.text.strip()) + 1):
            number, position = layout.position_of(index, offset)
            assert layout.paragraphs[number].locate(position) == (index, offset)


def test_word_ranges_for_highlighting() -> None:
    transcript = interview()
    layout = layout_paragraphs(transcript)
    number, start, end = layout.word_range(transcript, WordPosition(1, 4)) or (None, 0, 0)
    assert number == 1 and layout.paragraphs[1].text[start:end] == "here."


def test_typing_in_a_paragraph_edits_that_segment() -> None:
    transcript = interview()
    transcript.segments[3] = timed_segment(9.0, "Go on.", "Ann")
    layout = layout_paragraphs(transcript)
    paragraph = layout.paragraphs[2]  # "So tell us about the book. Go on."
    edit = paragraph_edit(transcript, paragraph, paragraph.text.index("on"), 2, "ahead")
    edit.apply(transcript)
    assert transcript.segments[3].text == "Go ahead." and transcript.segments[2].text == "So tell us about the book."
    assert edit.mergeable
    with pytest.raises(EditError, match="one segment at a time"):
        paragraph_edit(transcript, paragraph, paragraph.text.index("book"), 8, "")
    with pytest.raises(EditError, match="one segment at a time"):
        paragraph_edit(transcript, paragraph, 3, 0, "\n")
