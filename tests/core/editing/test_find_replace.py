"""Find and replace: case, whole words, regular expressions with groups, speakers, wrap-around, one-step replace-all."""

from __future__ import annotations

import copy

import pytest

from app.core.editing.find_replace import (
    SearchField,
    SearchQuery,
    TextMatch,
    TextPosition,
    count_matches,
    find_all,
    find_next,
    find_previous,
    replace_all,
    replace_match,
)
from app.core.editing.word_timing import words_spell_text
from app.core.errors import EditError
from app.core.transcript import Segment, Transcript
from tests.core.editing.samples import interview


def texts_of(transcript: Transcript, matches: list[TextMatch]) -> list[str]:
    return [transcript.segments[m.segment].text[m.start:m.end] for m in matches]


def test_match_case_and_whole_words() -> None:
    transcript = Transcript([Segment(0, 1, "The theme, the THE."), Segment(1, 2, "Bathe them.")])
    assert texts_of(transcript, find_all(transcript, SearchQuery("the"))) == ["The", "the", "the", "THE", "the",
                                                                               "the"]
    assert texts_of(transcript, find_all(transcript, SearchQuery("the", match_case=True))) == ["the"] * 4
    assert texts_of(transcript, find_all(transcript, SearchQuery("the", whole_words=True))) == ["The", "the", "THE"]
    assert count_matches(transcript, SearchQuery("the", whole_words=True)) == 3
    assert find_all(transcript, SearchQuery("a.b")) == []  # not a regex unless asked


def test_regex_with_capture_groups_replaces_all_in_one_step() -> None:
    transcript = interview()
    original = copy.deepcopy(transcript)
    query = SearchQuery(r"(\w+) (about) (\w+)", regex=True)
    assert count_matches(transcript, query) == 2
    edit = replace_all(transcript, query, r"\3 \2 \1")
    assert edit.name == "Replace All" and len(edit.splices) == 1 and len(edit.splices[0].removed) == 2
    edit.apply(transcript)
    assert transcript.segments[2].text == "So tell the about us book."
    assert transcript.segments[3].text == "It started as a bread about blog."
    assert all(words_spell_text(s) for s in transcript.segments)
    assert transcript.segments[2].words[0] == original.segments[2].words[0]
    edit.revert(transcript)
    assert transcript == original


def test_literal_replacement_is_not_a_template() -> None:
    transcript = Transcript([Segment(0, 1, "cost: 5 dollars")])
    replace_all(transcript, SearchQuery("dollars"), r"\1 $").apply(transcript)
    assert transcript.segments[0].text == r"cost: 5 \1 $"


def test_speaker_names_are_searched_and_replaced_only_when_asked() -> None:
    transcript = interview()
    assert find_all(transcript, SearchQuery("Bo", match_case=True)) == []
    with_speakers = SearchQuery("Bo", match_case=True, include_speakers=True)
    assert [(m.segment, m.field) for m in find_all(transcript, with_speakers)] == [(1, SearchField.SPEAKER),
                                                                                 (3, SearchField.SPEAKER)]
    assert count_matches(transcript, with_speakers) == 2
    replace_all(transcript, with_speakers, "Bob").apply(transcript)
    assert [s.speaker for s in transcript.segments] == ["Ann", "Bob", "Ann", "Bob"]


def test_next_and_previous_wrap_round() -> None:
    transcript = interview()
    query = SearchQuery("the")  # "the show" (0), "the book" (2)
    first = find_next(transcript, query, TextPosition(0, SearchField.TEXT, 0))
    assert first is not None and (first.segment, first.start) == (0, 11)
    second = find_next(transcript, query, TextPosition(0, SearchField.TEXT, first.end))
    assert second is not None and (second.segment, second.start) == (2, 17)
    assert find_next(transcript, query, TextPosition(2, SearchField.TEXT, second.end)) == first
    assert find_previous(transcript, query, TextPosition(2, SearchField.TEXT, second.start)) == first
    assert find_previous(transcript, query, TextPosition(0, SearchField.TEXT, first.start)) == second
    assert find_previous(transcript, query, TextPosition(3, SearchField.TEXT, 0)) == second
    assert find_next(transcript, SearchQuery("nowhere"), TextPosition(0, SearchField.TEXT, 0)) is None
    assert find_next(Transcript(), query, TextPosition(0, SearchField.TEXT, 0)) is None
    assert find_previous(Transcript(), query, TextPosition(0, SearchField.TEXT, 0)) is None


def test_replace_one_match_and_refuse_a_stale_one() -> None:
    transcript = interview()
    query = SearchQuery("(b)ook", regex=True)
    [match] = find_all(transcript, query)
    edit = replace_match(transcript, query, match, r"\1rand")
    edit.apply(transcript)
    assert transcript.segments[2].text == "So tell us about the brand." and edit.name == "Replace"
    with pytest.raises(EditError, match="find it again"):
        replace_match(transcript, query, match, "x")


def test_bad_patterns_and_replacements_are_one_sentence() -> None:
    transcript = interview()
    with pytest.raises(EditError, match=r"The regular expression is not valid: missing \), unterminated subpattern"):
        find_all(transcript, SearchQuery("(a", regex=True))
    with pytest.raises(EditError, match="Type what to find"):
        find_all(transcript, SearchQuery(""))
    with pytest.raises(EditError, match="The replacement is not valid: invalid group reference 3"):
        replace_all(transcript, SearchQuery("(show)", regex=True), r"\3")
    with pytest.raises(EditError, match="nothing to replace"):
        replace_all(transcript, SearchQuery("zebra"), "horse")
