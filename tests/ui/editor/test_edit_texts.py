"""Every edit the core names has an entry in the Qt layer's table of translated undo names (the EditError
sentences are the core's catalog's: tests/core/test_text_translation.py)."""

from __future__ import annotations

from app.core.editing import find_replace, segment_list, segment_text, segment_times, speakers
from app.core.transcript import Segment, Transcript
from app.ui.editor.edit_texts import EDIT_NAMES

TRANSCRIPT = Transcript([Segment(0.0, 1.0, "one two", speaker="Ada"), Segment(1.5, 2.0, "three")])


def test_every_edit_the_core_names_is_in_the_table() -> None:
    t = TRANSCRIPT
    names = {
        segment_text.edit_text(t, 0, "x").name, segment_text.split_segment(t, 0, 3).name,
        segment_text.merge_with_next(t, 0).name, segment_list.insert_segment(t, 0, True).name,
        segment_list.delete_segments(t, [0]).name, segment_list.delete_segments(t, [0, 1]).name,
        segment_times.set_start(t, 0, 0.5).name, segment_times.shift_segments(t, None, 5).name,
        speakers.assign_speaker(t, [1], "Bo").name, speakers.rename_speaker(t, "Ada", "Bo").name,
        find_replace.replace_all(t, find_replace.SearchQuery("one"), "1").name,
        find_replace.replace_match(t, find_replace.SearchQuery("one"),
                                   find_replace.TextMatch(0, find_replace.SearchField.TEXT, 0, 3), "1").name,
        "Replace Transcript",
    }
    assert names <= set(EDIT_NAMES)
