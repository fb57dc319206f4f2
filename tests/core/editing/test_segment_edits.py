"""Each editing operation: what it does, what it refuses, and that undo gives the transcript back."""

from __future__ import annotations

import copy

import pytest

from app.core.editing.segment_edit import SegmentEdit, Splice, TranscriptEdit, replace_transcript, snapshot_of
from app.core.editing.segment_list import delete_segments, insert_segment
from app.core.editing.segment_text import edit_text, merge_with_next, merge_with_previous, split_segment
from app.core.editing.segment_times import overlaps, set_end, set_start, set_times, shift_segments
from app.core.editing.speakers import assign_speaker, rename_speaker, speaker_names
from app.core.editing.word_timing import words_spell_text
from app.core.errors import EarshotError, EditError
from app.core.transcript import Segment, Transcript
from tests.core.editing.samples import interview, timed_segment


def applied_and_undone(transcript: Transcript, edit: TranscriptEdit) -> Transcript:
    """Apply, revert, apply and revert ``edit``, checking each state; return a copy of the edited transcript."""
    before = copy.deepcopy(transcript)
    edit.apply(transcript)
    after = copy.deepcopy(transcript)
    edit.revert(transcript)
    assert transcript == before
    edit.apply(transcript)
    assert transcript == after
    edit.revert(transcript)
    assert transcript == before
    return after


def test_edit_text_keeps_the_times_of_unchanged_words_and_times_new_ones_between_neighbours() -> None:
    transcript = interview()
    old_words = transcript.segments[1].words  # Thanks for having me here.
    edited = applied_and_undone(transcript, edit_text(transcript, 1, "Thanks so much for having me here."))
    words = edited.segments[1].words
    assert [w.text for w in words] == ["Thanks", "so", "much", "for", "having", "me", "here."]
    assert words[0] == old_words[0] and words[3:] == old_words[1:]
    assert old_words[0].end <= words[1].start <= words[2].end <= old_words[1].start
    assert words[1].probability is None  # typed by the user: not uncertain
    assert words_spell_text(edited.segments[1])


def test_edit_text_replacing_a_word_one_for_one_keeps_its_times() -> None:
    transcript = interview()
    old = transcript.segments[3].words
    edited = applied_and_undone(transcript, edit_text(transcript, 3, "It started as a blog about baking."))
    new = edited.segments[3].words
    assert (new[-1].start, new[-1].end, new[-1].text) == (old[-1].start, old[-1].end, "baking.")
    assert new[:-1] == old[:-1]


def test_typing_in_one_segment_folds_into_one_step_that_undoes_to_the_original() -> None:
    transcript = interview()
    original = copy.deepcopy(transcript)
    first = edit_text(transcript, 0, "Welcome to the show. Y")
    first.apply(transcript)
    for text in ("Welcome to the show. Ye", "Welcome to the show. Yes"):
        later = edit_text(transcript, 0, text)
        later.apply(transcript)
        assert first.merge_with(later)
    assert not first.changes_nothing
    other_segment = edit_text(transcript, 1, "Thanks.")
    other_segment.apply(transcript)
    assert not first.merge_with(other_segment)
    assert not first.merge_with(split_segment(transcript, 2, 7))
    other_segment.revert(transcript)
    first.revert(transcript)
    assert transcript == original


def test_typing_rubbed_out_again_is_an_obsolete_step_that_can_be_dropped() -> None:
    transcript = interview()
    original = copy.deepcopy(transcript)
    earlier = edit_text(transcript, 1, "Thanks for having me.")
    earlier.apply(transcript)
    typing = edit_text(transcript, 0, "Welcome to the show. Y")
    typing.apply(transcript)
    rubbed_out = edit_text(transcript, 0, "Welcome to the show.")
    rubbed_out.apply(transcript)
    assert typing.merge_with(rubbed_out) and typing.changes_nothing
    earlier.revert(transcript)  # QUndoStack drops an obsolete step without undoing it; the rest still undoes
    assert transcript == original


def test_split_with_words_cuts_between_the_words_at_the_cursor() -> None:
    transcript = interview()
    segment = transcript.segments[2]  # So tell us about the book.
    offset = segment.text.index("about")
    edited = applied_and_undone(transcript, split_segment(transcript, 2, offset))
    left, right = edited.segments[2:4]
    assert (left.text, right.text) == ("So tell us", "about the book.")
    assert left.end == segment.words[2].end and right.start == segment.words[3].start
    assert left.words == segment.words[:3] and right.words == segment.words[3:]
    assert left.speaker == right.speaker == "Ann"
    assert len(edited.segments) == 5


def test_split_without_words_cuts_in_proportion_to_the_characters() -> None:
    transcript = Transcript([Segment(10.0, 20.0, "abcd efghij")])
    edited = applied_and_undone(transcript, split_segment(transcript, 0, 4))
    assert [(s.start, s.end, s.text) for s in edited.segments] == [(10.0, 14.0, "abcd"), (14.0, 20.0, "efghij")]


@pytest.mark.parametrize("offset", [0, 2, 22, 99])
def test_split_refuses_a_cursor_with_nothing_on_one_side(offset: int) -> None:
    transcript = Transcript([Segment(0.0, 1.0, "  Welcome to the show.")])
    with pytest.raises(EditError, match="cursor"):
        split_segment(transcript, 0, offset)


def test_merge_with_next_and_previous_join_text_words_and_times() -> None:
    transcript = interview()
    first, second = transcript.segments[:2]
    edited = applied_and_undone(transcript, merge_with_next(transcript, 0))
    merged = edited.segments[0]
    assert (merged.start, merged.end, merged.speaker) == (first.start, second.end, "Ann")
    assert merged.text == "Welcome to the show. Thanks for having me here."
    assert merged.words == [*first.words, *second.words]
    transcript = interview()
    assert applied_and_undone(transcript, merge_with_previous(transcript, 1)) == edited


def test_merge_keeps_the_words_of_the_side_that_has_them() -> None:
    transcript = Transcript([timed_segment(0.0, "one two"), Segment(1.0, 3.0, "three four")])
    merged = applied_and_undone(transcript, merge_with_next(transcript, 0)).segments[0]
    assert [w.text for w in merged.words] == ["one", "two", "three", "four"]
    assert merged.words[:2] == transcript.segments[0].words[:2] and merged.words[-1].end <= 3.0


def test_merge_refuses_at_the_ends() -> None:
    transcript = interview()
    with pytest.raises(EditError, match="last segment"):
        merge_with_next(transcript, 3)
    with pytest.raises(EditError, match="first segment"):
        merge_with_previous(transcript, 0)
    with pytest.raises(EditError, match="no segment 9"):
        merge_with_next(transcript, 8)


def test_insert_fills_the_pause_beside_the_segment() -> None:
    transcript = interview()  # segment 2 ends at 8.4, segment 3 starts at 12.0
    after = applied_and_undone(transcript, insert_segment(transcript, 2, after=True)).segments[3]
    assert (after.start, after.end, after.text, after.speaker) == (8.4, 10.4, "", "Ann")
    before = applied_and_undone(transcript, insert_segment(transcript, 3, after=False)).segments[3]
    assert (before.start, before.end, before.speaker) == (10.0, 12.0, "Bo")


def test_insert_without_a_pause_and_into_an_empty_transcript() -> None:
    transcript = Transcript([Segment(0.0, 1.0, "a"), Segment(1.0, 2.0, "b")])
    new = applied_and_undone(transcript, insert_segment(transcript, 0, after=True)).segments[1]
    assert (new.start, new.end) == (1.0, 3.0)
    empty = Transcript()
    assert applied_and_undone(empty, insert_segment(empty, 0, after=True)).segments == [Segment(0.0, 2.0, "")]


def test_delete_segments_in_runs() -> None:
    transcript = interview()
    edit = delete_segments(transcript, [3, 0, 1])
    assert isinstance(edit, SegmentEdit) and edit.name == "Delete Segments"
    assert [(s.index, len(s.removed)) for s in edit.splices] == [(3, 1), (0, 2)]
    edited = applied_and_undone(transcript, edit)
    assert [s.text for s in edited.segments] == ["So tell us about the book."]
    with pytest.raises(EditError, match="Select"):
        delete_segments(transcript, [])


def test_set_times_enforces_start_before_end_and_keeps_words_inside() -> None:
    transcript = interview()
    edited = applied_and_undone(transcript, set_times(transcript, 0, 0.5, 1.0))
    segment = edited.segments[0]
    assert (segment.start, segment.end) == (0.5, 1.0)
    assert all(0.5 <= w.start <= w.end <= 1.0 for w in segment.words)
    assert applied_and_undone(transcript, set_start(transcript, 1, 2.0)).segments[1].start == 2.0
    assert applied_and_undone(transcript, set_end(transcript, 1, 6.0)).segments[1].end == 6.0
    with pytest.raises(EditError, match="must come before"):
        set_times(transcript, 0, 3.0, 3.0)
    with pytest.raises(EditError, match=r"before 0:00\.000"):
        set_start(transcript, 0, -1.0)
    with pytest.raises(EditError, match=r"start \(0:05.000\) must come before the end \(0:01.900\)"):
        set_start(transcript, 0, 5.0)


def test_overlaps_name_the_neighbour_and_the_amount() -> None:
    transcript = interview()
    assert overlaps(transcript, 1) == []
    set_end(transcript, 1, 6.0).apply(transcript)  # runs 0.5 s into segment 3
    [into_next] = overlaps(transcript, 1)
    assert (into_next.other, round(into_next.seconds, 3)) == (2, 0.5)
    assert into_next.describe() == "Ends 0.500 s after segment 3 starts."
    [into_previous] = overlaps(transcript, 2)
    assert into_previous.describe() == "Starts 0.500 s before segment 2 ends."


def test_shift_moves_segments_and_words_and_never_below_zero() -> None:
    transcript = interview()
    edited = applied_and_undone(transcript, shift_segments(transcript, [1, 2], 1500))
    assert [s.start for s in edited.segments] == [0.0, 4.0, 7.0, 12.0]
    assert edited.segments[1].words[0].start == transcript.segments[1].words[0].start + 1.5
    with pytest.raises(EditError, match="cannot move earlier"):  # the first segment starts at 0
        shift_segments(transcript, None, -700)
    later = applied_and_undone(transcript, shift_segments(transcript, [2, 3], -9000))
    assert [s.start for s in later.segments[2:]] == [0.0, 6.5]  # cut short at 0, gaps kept


def test_assign_and_rename_speakers() -> None:
    transcript = interview()
    assert speaker_names(transcript) == ["Ann", "Bo"]
    edited = applied_and_undone(transcript, assign_speaker(transcript, [0, 1], "  Cy "))
    assert [s.speaker for s in edited.segments] == ["Cy", "Cy", "Ann", "Bo"]
    cleared = applied_and_undone(transcript, assign_speaker(transcript, [3], ""))
    assert cleared.segments[3].speaker is None
    with pytest.raises(EditError, match="already have the speaker “Ann”"):
        assign_speaker(transcript, [2], "Ann")
    renamed = applied_and_undone(transcript, rename_speaker(transcript, "Bo", "Bob"))
    assert speaker_names(renamed) == ["Ann", "Bob"]
    with pytest.raises(EditError, match="No segment"):
        rename_speaker(transcript, "Zed", "Z")
    with pytest.raises(EditError, match="name"):
        rename_speaker(transcript, "Bo", " ")


def test_replacing_the_transcript_is_one_step_that_keeps_the_media() -> None:
    transcript = interview()
    transcript.media_path = "/talks/bread.mp3"
    result = Transcript([Segment(0.0, 1.0, "Hello.")], language="de", engine="remote", options={"model": "x"})
    edit = replace_transcript(result, "Transcribe")
    edited = applied_and_undone(transcript, edit)
    assert edited.segments == result.segments and edited.language == "de" and edited.engine == "remote"
    assert edited.media_path == "/talks/bread.mp3"
    assert not edit.merge_with(edit)


def test_a_snapshot_does_not_change_with_later_edits() -> None:
    transcript = interview()
    snapshot = snapshot_of(transcript)
    frozen = copy.deepcopy(snapshot)
    edit_text(transcript, 0, "Hello.").apply(transcript)
    delete_segments(transcript, [1]).apply(transcript)
    shift_segments(transcript, None, 500).apply(transcript)
    assert snapshot == frozen and transcript != frozen


def test_an_edit_refuses_segments_it_was_not_made_for() -> None:
    transcript = interview()
    stale = edit_text(transcript, 0, "Hello.")
    edit_text(transcript, 0, "Hi.").apply(transcript)
    with pytest.raises(RuntimeError, match="not made for"):
        stale.apply(transcript)
    assert Splice(0, (), ()).inverse() == Splice(0, (), ())


def test_edit_errors_are_earshot_errors_with_one_sentence() -> None:
    with pytest.raises(EarshotError) as raised:
        edit_text(interview(), 7, "x")
    assert str(raised.value) == "There is no segment 8; the transcript has 4."
