"""Any sequence of edits, undone step by step, gives back the original; redone, gives back the edited one."""

from __future__ import annotations

import copy
from collections.abc import Callable

from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from app.core.editing.find_replace import SearchQuery, replace_all
from app.core.editing.segment_edit import TranscriptEdit, replace_transcript
from app.core.editing.segment_list import delete_segments, insert_segment
from app.core.editing.segment_text import edit_text, merge_with_next, merge_with_previous, split_segment
from app.core.editing.segment_times import set_times, shift_segments
from app.core.editing.speakers import assign_speaker, rename_speaker
from app.core.editing.word_timing import words_spell_text
from app.core.errors import EditError
from app.core.transcript import Transcript
from tests.subtitle_samples import random_transcripts, spoken_words

EditMaker = Callable[[st.DataObject, Transcript], TranscriptEdit]


def _row(data: st.DataObject, transcript: Transcript) -> int:
    return data.draw(st.integers(0, max(0, len(transcript.segments) - 1)))


def _rows(data: st.DataObject, transcript: Transcript) -> list[int]:
    return data.draw(st.lists(st.integers(0, max(0, len(transcript.segments) - 1)), max_size=4))


def _typed(data: st.DataObject, transcript: Transcript) -> TranscriptEdit:
    row = _row(data, transcript)
    words = transcript.segments[row].text.split() if transcript.segments else []
    kept = data.draw(st.lists(st.sampled_from(words), max_size=8)) if words else []
    new = data.draw(st.lists(spoken_words, max_size=3))
    order = data.draw(st.permutations([*kept, *new]))
    return edit_text(transcript, row, " ".join(order))


def _split(data: st.DataObject, transcript: Transcript) -> TranscriptEdit:
    row = _row(data, transcript)
    length = len(transcript.segments[row].text) if transcript.segments else 0
    return split_segment(transcript, row, data.draw(st.integers(0, length)))


def _times(data: st.DataObject, transcript: Transcript) -> TranscriptEdit:
    start = data.draw(st.floats(0, 60, allow_nan=False))
    return set_times(transcript, _row(data, transcript), start, start + data.draw(st.floats(0.001, 20)))


def _replace_all(data: st.DataObject, transcript: Transcript) -> TranscriptEdit:
    words = [w for s in transcript.segments for w in s.text.split()] or ["x"]
    query = data.draw(st.one_of(
        st.builds(SearchQuery, st.sampled_from(words), st.booleans(), st.booleans(), st.just(False), st.booleans()),
        st.builds(SearchQuery, st.sampled_from([r"(\w+) (\w+)", r"[aeiou]+", r"\b\w"]), regex=st.just(True)),
    ))
    replacement = data.draw(st.sampled_from([r"\2 \1", "", "Zoë", r"[\g<0>]"])) if query.regex else \
        data.draw(spoken_words)
    return replace_all(transcript, query, replacement)


EDITS: dict[str, EditMaker] = {
    "type": _typed,
    "split": _split,
    "merge next": lambda data, t: merge_with_next(t, _row(data, t)),
    "merge previous": lambda data, t: merge_with_previous(t, _row(data, t)),
    "insert": lambda data, t: insert_segment(t, _row(data, t), data.draw(st.booleans())),
    "delete": lambda data, t: delete_segments(t, _rows(data, t)),
    "times": _times,
    "shift": lambda data, t: shift_segments(t, data.draw(st.one_of(st.none(), st.just(_rows(data, t)))),
                                            data.draw(st.integers(-5000, 5000))),
    "assign": lambda data, t: assign_speaker(t, _rows(data, t), data.draw(st.sampled_from(["Ann", "Cy", "", None]))),
    "rename": lambda data, t: rename_speaker(t, data.draw(st.sampled_from(["Ann", "Bo"])),
                                             data.draw(st.sampled_from(["Bo", "Di"]))),
    "replace all": _replace_all,
    "recognise": lambda data, t: replace_transcript(data.draw(random_transcripts()), "Transcribe"),
}


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(random_transcripts(), st.data())
def test_undo_all_gives_back_the_original_and_redo_all_the_edited(original: Transcript, data: st.DataObject) -> None:
    transcript = copy.deepcopy(original)
    stack: list[TranscriptEdit] = []
    for _ in range(data.draw(st.integers(1, 10))):
        kind = data.draw(st.sampled_from(sorted(EDITS)))
        try:
            edit = EDITS[kind](data, transcript)
        except EditError:
            event(f"{kind} refused")
            continue  # refused before anything changed: nothing to undo
        event(f"{kind} applied")
        edit.apply(transcript)
        if not (stack and stack[-1].merge_with(edit)):  # as QUndoStack does with mergeWith
            stack.append(edit)
    for segment in transcript.segments:
        assert not segment.words or words_spell_text(segment) or segment.text.split() == []
        assert all(0 <= w.start <= w.end for w in segment.words)
    edited = copy.deepcopy(transcript)
    for edit in reversed(stack):
        edit.revert(transcript)
    assert transcript == original
    for edit in stack:
        edit.apply(transcript)
    assert transcript == edited
