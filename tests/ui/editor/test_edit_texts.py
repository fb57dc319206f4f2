"""Every edit name and EditError sentence the core makes has an entry in the Qt layer's table of translations."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from app.core.editing import find_replace, paragraphs, segment_list, segment_text, segment_times, speakers, time_text
from app.core.errors import EditError
from app.core.transcript import Segment, Transcript
from app.ui.editor.edit_texts import EDIT_NAMES, edit_error_template, translated_edit_error

TRANSCRIPT = Transcript([Segment(0.0, 1.0, "one two", speaker="Ada"), Segment(1.5, 2.0, "three")])
FAILURES: list[Callable[[], object]] = [
    lambda: segment_times.set_times(TRANSCRIPT, 0, -1, 1),
    lambda: segment_times.set_times(TRANSCRIPT, 0, 2, 1),
    lambda: segment_times.shift_segments(TRANSCRIPT, [], 10),
    lambda: segment_times.shift_segments(Transcript([Segment(0, 1, "a")]), None, -10),
    lambda: segment_text.segment_at(TRANSCRIPT, 5),
    lambda: segment_text.split_segment(TRANSCRIPT, 0, 0),
    lambda: segment_text.merge_with_next(TRANSCRIPT, 1),
    lambda: segment_text.merge_with_previous(TRANSCRIPT, 0),
    lambda: speakers.assign_speaker(TRANSCRIPT, [], "x"),
    lambda: speakers.assign_speaker(TRANSCRIPT, [0], "Ada"),
    lambda: speakers.assign_speaker(TRANSCRIPT, [1], None),
    lambda: speakers.rename_speaker(TRANSCRIPT, "Ada", " "),
    lambda: speakers.rename_speaker(TRANSCRIPT, "Bob", "Cy"),
    lambda: speakers.rename_speaker(TRANSCRIPT, "Ada", "Ada"),
    lambda: find_replace.SearchQuery("").pattern(),
    lambda: find_replace.SearchQuery("(", regex=True).pattern(),
    lambda: find_replace.replace_all(TRANSCRIPT, find_replace.SearchQuery("o", regex=True), r"\9"),
    lambda: find_replace.replace_all(TRANSCRIPT, find_replace.SearchQuery("absent"), "x"),
    lambda: find_replace.replace_match(TRANSCRIPT, find_replace.SearchQuery("one"),
                                       find_replace.TextMatch(1, find_replace.SearchField.TEXT, 0, 3), "x"),
    lambda: time_text.parse_time("-3"),
    lambda: time_text.parse_time("soon"),
    lambda: time_text.parse_time("1:75"),
    lambda: time_text.parse_time("1:75:00"),
    lambda: time_text.parse_time("1.2345"),
    lambda: paragraphs.paragraph_edit(TRANSCRIPT, paragraphs.layout_paragraphs(TRANSCRIPT).paragraphs[0], 0, 9, ""),
    lambda: segment_list.delete_segments(TRANSCRIPT, []),
]


@pytest.mark.parametrize("failure", FAILURES)
def test_every_edit_error_has_a_template(failure: Callable[[], object]) -> None:
    with pytest.raises(EditError) as raised:
        failure()
    assert edit_error_template(raised.value.message) is not None, raised.value.message


def test_a_sentence_with_values_keeps_them() -> None:
    message = "The start (0:03.000) must come before the end (0:02.000)."
    assert edit_error_template(message) == "The start ({start}) must come before the end ({end})."
    assert translated_edit_error(message) == message
    assert translated_edit_error("Something new.") == "Something new."


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
