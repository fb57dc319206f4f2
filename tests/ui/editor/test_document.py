"""The document: the one owner of a transcript, its undo steps and the precise signals its views follow."""

from __future__ import annotations

from dataclasses import replace

import pytest

from app.core.editing.segment_list import delete_segments, insert_segment
from app.core.editing.segment_text import edit_text, merge_with_next, split_segment
from app.core.editing.segment_times import set_start, shift_segments
from app.core.editing.speakers import assign_speaker
from app.core.errors import EditError
from app.core.transcript import Segment, Transcript, Word
from app.ui.editor.document import Document


def _transcript() -> Transcript:
    words = [Word(0.0, 0.4, " Hello"), Word(0.5, 1.0, " there"), Word(1.2, 1.8, " friends")]
    return Transcript([
        Segment(0.0, 2.0, "Hello there friends", words=words),
        Segment(2.5, 4.0, "second one"),
        Segment(4.5, 6.0, "third one"),
    ])


class SignalLog:
    """Every precise signal of a document, in order, with the row count seen at the time."""

    def __init__(self, document: Document) -> None:
        self.events: list[tuple] = []
        for name in ("segments_about_to_be_inserted", "segments_inserted", "segments_about_to_be_removed",
                     "segments_removed", "segments_changed"):
            getattr(document, name).connect(
                lambda first, count, name=name: self.events.append(
                    (name, first, count, len(document.transcript.segments))))
        document.reset.connect(lambda: self.events.append(("reset",)))


def test_edits_change_rows_precisely_and_undo_back(qtbot) -> None:
    document = Document(_transcript())
    log = SignalLog(document)
    original = list(document.transcript.segments)

    document.apply(split_segment(document.transcript, 0, len("Hello there")))
    assert [s.text for s in document.transcript.segments] == ["Hello there", "friends", "second one", "third one"]
    assert log.events == [("segments_changed", 0, 1, 3), ("segments_about_to_be_inserted", 1, 1, 3),
                          ("segments_inserted", 1, 1, 4)]
    assert document.undo_stack.undoText() == "Split Segment"

    log.events.clear()
    document.undo_stack.undo()
    assert document.transcript.segments == original
    assert log.events == [("segments_changed", 0, 1, 4), ("segments_about_to_be_removed", 1, 1, 4),
                          ("segments_removed", 1, 1, 3)]
    document.undo_stack.redo()
    assert len(document.transcript.segments) == 4


def test_a_long_chain_undoes_to_the_original_and_redoes_to_the_end(qtbot) -> None:
    document = Document(_transcript())
    states = [list(document.transcript.segments)]
    steps = [
        lambda t: split_segment(t, 0, len("Hello")),
        lambda t: merge_with_next(t, 1),
        lambda t: insert_segment(t, 0, after=False),
        lambda t: delete_segments(t, [0, 2]),
        lambda t: shift_segments(t, None, 250),
        lambda t: set_start(t, 0, 0.1),
        lambda t: assign_speaker(t, [0, 1], "Ada"),
    ]
    for make in steps:
        document.apply(make(document.transcript))
        states.append(list(document.transcript.segments))
    for expected in reversed(states[:-1]):
        document.undo_stack.undo()
        assert document.transcript.segments == expected
    for expected in states[1:]:
        document.undo_stack.redo()
        assert document.transcript.segments == expected


def test_typing_in_one_segment_folds_into_one_step(qtbot) -> None:
    document = Document(_transcript())
    for text in ("second on", "second o", "second", "second two"):
        document.apply(edit_text(document.transcript, 1, text))
    assert document.undo_stack.count() == 1
    assert document.undo_stack.undoText() == "Edit Text"
    document.apply(edit_text(document.transcript, 2, "third two"))
    assert document.undo_stack.count() == 2
    document.undo_stack.undo()
    document.undo_stack.undo()
    assert document.transcript.segments[1].text == "second one"


def test_typing_back_to_the_start_leaves_no_step(qtbot) -> None:
    document = Document(_transcript())
    document.apply(edit_text(document.transcript, 1, "second on"))
    document.apply(edit_text(document.transcript, 1, "second one"))
    assert document.undo_stack.count() == 0
    assert not document.is_modified


def test_modified_follows_the_undo_stack_and_saving(qtbot, tmp_path) -> None:
    document = Document(_transcript())
    changes: list[bool] = []
    document.modified_changed.connect(changes.append)
    document.apply(assign_speaker(document.transcript, [0], "Ada"))
    assert document.is_modified
    document.mark_saved(tmp_path / "talk.earshot")
    assert not document.is_modified and document.title() == "talk.earshot"
    document.undo_stack.undo()
    assert document.is_modified
    document.undo_stack.redo()
    assert changes == [True, False, True, False]


def test_recognition_into_an_empty_document_is_the_initial_state(qtbot) -> None:
    document = Document()
    log = SignalLog(document)
    document.begin_recognition(7)
    assert document.is_read_only
    assert not document.add_recognised(8, Segment(0, 1, "another job"))
    assert document.add_recognised(7, Segment(0, 1, "streamed"))
    with pytest.raises(EditError):
        document.apply(insert_segment(document.transcript, 0, after=True))
    assert document.finish_recognition(7, Transcript([Segment(0, 1, "final")], language="en"))
    assert [s.text for s in document.transcript.segments] == ["final"]
    assert document.transcript.language == "en"
    assert document.undo_stack.count() == 0
    assert document.is_modified  # never saved
    assert ("segments_inserted", 0, 1, 1) in log.events


def test_recognition_over_a_transcript_is_one_undoable_step(qtbot) -> None:
    from PySide6.QtGui import QUndoGroup

    document = Document(_transcript())
    group = QUndoGroup()
    group.addStack(document.undo_stack)
    group.setActiveStack(document.undo_stack)
    document.apply(edit_text(document.transcript, 0, "Edited"))
    original = list(document.transcript.segments)
    document.begin_recognition(3)
    assert not group.canUndo()  # no undo into a transcript that is being replaced
    assert document.transcript.segments == []
    document.add_recognised(3, Segment(0, 1, "new"))
    document.finish_recognition(3, Transcript([Segment(0, 1, "new"), Segment(1, 2, "words")]))
    assert document.undo_stack.undoText() == "Replace Transcript" and group.canUndo()
    document.undo_stack.undo()
    assert document.transcript.segments == original
    document.undo_stack.redo()
    assert [s.text for s in document.transcript.segments] == ["new", "words"]


def test_a_cancelled_first_recognition_keeps_what_came(qtbot) -> None:
    document = Document()
    document.begin_recognition(1)
    document.add_recognised(1, Segment(0, 1, "partial"))
    assert document.abandon_recognition(1)
    assert [s.text for s in document.transcript.segments] == ["partial"]
    assert document.is_modified and not document.is_read_only


def test_an_abandoned_recognition_puts_back_what_was_there(qtbot) -> None:
    document = Document(_transcript())
    original = list(document.transcript.segments)
    document.begin_recognition(1)
    document.add_recognised(1, Segment(0, 1, "partial"))
    assert document.abandon_recognition(1)
    assert document.transcript.segments == original and not document.is_read_only


def test_a_snapshot_is_untouched_by_later_edits(qtbot) -> None:
    document = Document(_transcript())
    snapshot = document.snapshot()
    document.apply(edit_text(document.transcript, 0, "Changed"))
    assert snapshot.segments[0].text == "Hello there friends"
    assert snapshot.segments[0] == replace(_transcript().segments[0])
