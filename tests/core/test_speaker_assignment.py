"""Speakers onto transcripts, speaker counts, RTTM and WebVTT voices."""

from __future__ import annotations

import io

import pytest
import webvtt

from app.core.errors import SpeakerCountError
from app.core.formats.rttm import write_rttm
from app.core.formats.vtt import read_vtt, write_vtt
from app.core.speaker_assignment import assign_speakers
from app.core.speaker_turns import SpeakerCount, SpeakerTurn, parse_speaker_count
from app.core.transcript import Segment, Transcript, Word
from tests.diarization_scoring import diarization_error_rate, read_rttm_reference


def _words(*timed: tuple[float, float, str]) -> list[Word]:
    return [Word(start, end, text) for start, end, text in timed]


def test_a_segment_is_split_where_the_speaker_changes_and_labels_follow_first_appearance() -> None:
    segment = Segment(0.0, 4.0, "Hello there. Hi! How are you?", words=_words(
        (0.0, 0.5, " Hello"), (0.5, 1.0, " there."), (1.6, 2.0, " Hi!"), (2.2, 2.6, " How"),
        (2.6, 3.0, " are"), (3.0, 4.0, " you?"),
    ), language="en")
    turns = [SpeakerTurn(0.0, 1.2, "B"), SpeakerTurn(1.5, 2.1, "A"), SpeakerTurn(2.1, 4.0, "B")]
    assigned = assign_speakers([segment], turns)
    assert [(s.start, s.end, s.text, s.speaker) for s in assigned] == [
        (0.0, 1.0, "Hello there.", "Speaker 1"),
        (1.6, 2.0, "Hi!", "Speaker 2"),
        (2.2, 4.0, "How are you?", "Speaker 1"),
    ]
    assert [len(s.words) for s in assigned] == [2, 1, 3]
    assert {s.language for s in assigned} == {"en"}
    assert segment.speaker is None and len(segment.words) == 6  # the input is left alone


def test_a_segment_without_words_takes_the_speaker_covering_most_of_it() -> None:
    segments = [Segment(0.0, 3.0, "one"), Segment(3.0, 5.0, "two")]
    turns = [SpeakerTurn(0.0, 1.0, "x"), SpeakerTurn(1.0, 3.5, "y")]
    assigned = assign_speakers(segments, turns)
    assert [(s.text, s.speaker) for s in assigned] == [("one", "Speaker 1"), ("two", "Speaker 1")]


def test_a_word_in_a_pause_takes_the_nearest_turn() -> None:
    segment = Segment(0.0, 9.0, "a b c", words=_words((0.0, 1.0, " a"), (5.0, 5.5, " b"), (8.5, 9.0, " c")))
    turns = [SpeakerTurn(0.0, 1.0, "p"), SpeakerTurn(6.0, 9.0, "q")]
    assigned = assign_speakers([segment], turns)
    assert [(s.text, s.speaker) for s in assigned] == [("a", "Speaker 1"), ("b c", "Speaker 2")]


def test_no_turns_leaves_the_transcript_without_speakers() -> None:
    segments = [Segment(0.0, 1.0, "hm", speaker="Ann")]
    assert [(s.text, s.speaker) for s in assign_speakers(segments, [])] == [("hm", "Ann")]


@pytest.mark.parametrize(("text", "minimum", "maximum"), [
    ("auto", None, None), ("", None, None), ("3", 3, 3), ("2-4", 2, 4), (" 2 - 5 ", 2, 5),
])
def test_speaker_counts_parse(text: str, minimum: int | None, maximum: int | None) -> None:
    count = parse_speaker_count(text)
    assert (count.minimum, count.maximum) == (minimum, maximum)
    assert parse_speaker_count(str(count)) == count


@pytest.mark.parametrize("text", ["0", "5-2", "many", "2-", "51"])
def test_a_bad_speaker_count_is_one_sentence(text: str) -> None:
    with pytest.raises(SpeakerCountError) as raised:
        parse_speaker_count(text)
    assert raised.value.message.endswith(".") and "\n" not in raised.value.message


def test_speaker_count_clamps_to_its_bounds() -> None:
    assert [SpeakerCount(2, 4).clamp(n) for n in (1, 3, 6)] == [2, 3, 4]
    assert SpeakerCount().clamp(7) == 7 and SpeakerCount.exactly(3).exact == 3


def test_rttm_holds_one_line_per_turn_without_spaces_in_fields(tmp_path) -> None:
    turns = [
        SpeakerTurn(2.5, 4.25, "Speaker 2"), SpeakerTurn(0.0, 2.5, "Speaker 1"), SpeakerTurn(5.0, 5.0, "Speaker 1"),
    ]
    text = write_rttm(turns, "my talk")
    assert text.splitlines()[0] == "SPEAKER my_talk 1 0.000 2.500 <NA> <NA> Speaker_1 <NA> <NA>"
    path = tmp_path / "talk.rttm"
    path.write_text(text, encoding="utf-8")
    assert read_rttm_reference(path) == [SpeakerTurn(0.0, 2.5, "Speaker_1"), SpeakerTurn(2.5, 4.25, "Speaker_2")]


def test_webvtt_voices_carry_the_speakers_both_ways() -> None:
    segments = assign_speakers(
        [Segment(0.0, 2.0, "Fish & chips?"), Segment(2.0, 4.0, "Yes, please.")],
        [SpeakerTurn(0.0, 2.0, "a"), SpeakerTurn(2.0, 4.0, "b")],
    )
    text = write_vtt(Transcript(segments=segments))
    assert "<v Speaker 1>Fish &amp; chips?" in text
    assert [(s.text, s.speaker) for s in read_vtt(text).segments] == [
        ("Fish & chips?", "Speaker 1"), ("Yes, please.", "Speaker 2"),
    ]
    assert [c.voice for c in webvtt.from_buffer(io.StringIO(text))] == ["Speaker 1", "Speaker 2"]


def test_diarization_error_rate_on_a_hand_case() -> None:
    reference = [SpeakerTurn(0.0, 10.0, "A"), SpeakerTurn(10.0, 20.0, "B")]
    hypothesis = [SpeakerTurn(0.0, 10.0, "x"), SpeakerTurn(10.0, 15.0, "y"), SpeakerTurn(15.0, 20.0, "x")]
    assert diarization_error_rate(reference, hypothesis, collar=0.0) == pytest.approx(0.25)
    # The collar leaves 0.25 s either side of 0, 10 and 20 s unscored: 15 to 19.75 s wrong of 19 s.
    assert diarization_error_rate(reference, hypothesis) == pytest.approx(4.75 / 19)
    assert diarization_error_rate(reference, [], collar=0.0) == pytest.approx(1.0)
    false_alarm = [*reference, SpeakerTurn(20.0, 25.0, "C")]
    assert diarization_error_rate(reference, false_alarm, collar=0.0) == pytest.approx(0.25)
