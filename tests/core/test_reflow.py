"""Subtitle re-flow: every hard rule kept wherever the timing allows, and no word lost or reordered."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.core.reflow import reflow
from app.core.subtitle_rules import (
    SUBTITLE_PROFILES,
    RuleBreak,
    SubtitleRules,
    cue_violations,
    milliseconds,
    profile_rules,
    reading_length,
    rule_break_counts,
)
from app.core.transcript import Segment, Transcript, Word
from tests.conftest import JFK_REFERENCE
from tests.speech import word_error_rate
from tests.subtitle_samples import random_transcripts, recognised_with_words


def squeezed_words(transcript: Transcript) -> str:
    return "".join("".join(s.text.split()) for s in sorted(transcript.segments, key=lambda s: s.start))


def hard_rule_breaks(source: Transcript, cues: Transcript, rules: SubtitleRules) -> list[str]:
    """Every rule a cue breaks although it could have been kept; empty when re-flow did its job."""
    problems = []
    gap = milliseconds(rules.min_gap)
    longest_word = max((len(w) for s in source.segments for w in s.text.split()), default=0)
    for index, cue in enumerate(cues.segments):
        start, end = milliseconds(cue.start), milliseconds(cue.end)
        following = cues.segments[index + 1] if index + 1 < len(cues.segments) else None
        latest_end = min(start + milliseconds(rules.max_duration),
                         milliseconds(following.start) - gap if following else 10**12)
        lines = cue.text.split("\n")
        if not cue.text.strip() or any(not line.strip() for line in lines):
            problems.append(f"cue {index} is empty or has a blank line")
        if len(lines) > rules.max_lines:
            problems.append(f"cue {index} has {len(lines)} lines")
        for line in lines:
            if len(line) > rules.max_chars_per_line and (" " in line or len(line) > longest_word):
                problems.append(f"cue {index} line “{line}” is too long")
        if end <= start:
            problems.append(f"cue {index} ends before it starts")
        if end - start > milliseconds(rules.max_duration):
            problems.append(f"cue {index} lasts {end - start} ms")
        if end - start < milliseconds(rules.min_duration) and end != latest_end:
            problems.append(f"cue {index} lasts only {end - start} ms though it could last longer")
        if reading_length(cue.text) * 1000 > rules.max_chars_per_second * (end - start) and end != latest_end:
            problems.append(f"cue {index} is too fast to read though it could last longer")
        if following and milliseconds(following.start) - end < gap:
            problems.append(f"cue {index} is {milliseconds(following.start) - end} ms before the next")
    return problems


def assert_reflowed_well(source: Transcript, rules: SubtitleRules) -> Transcript:
    cues = reflow(source, rules)
    assert hard_rule_breaks(source, cues, rules) == []
    assert squeezed_words(cues) == squeezed_words(source)
    return cues


@pytest.fixture(scope="module")
def jfk_transcript(local_engine, jfk_path: Path) -> Transcript:
    return recognised_with_words(local_engine, jfk_path)


@pytest.mark.parametrize("profile", list(SUBTITLE_PROFILES))
def test_real_speech_reflows_under_every_profile(profile: str, jfk_transcript: Transcript) -> None:
    rules = profile_rules(profile)
    cues = assert_reflowed_well(jfk_transcript, rules)
    assert word_error_rate(JFK_REFERENCE, " ".join(s.text for s in cues.segments)) < 0.25
    assert len(cues.segments) >= 2
    breaking, _ = rule_break_counts(cues.segments, rules)
    assert breaking == 0
    # Cues follow the speech: each starts no earlier than its first word was spoken.
    assert all(c.start >= c.words[0].start - 1e-3 for c in cues.segments)


def test_real_speech_without_word_times_is_split_by_characters(jfk_transcript: Transcript) -> None:
    without_words = Transcript(
        segments=[Segment(s.start, s.end, s.text, s.speaker) for s in jfk_transcript.segments]
    )
    cues = assert_reflowed_well(without_words, profile_rules("short-form"))
    assert len(cues.segments) > len(without_words.segments)
    assert cues.segments[0].start == pytest.approx(without_words.segments[0].start, abs=1e-3)


@settings(max_examples=120, deadline=None)
@given(
    transcript=random_transcripts(),
    profile=st.sampled_from(list(SUBTITLE_PROFILES)),
    max_chars=st.one_of(st.none(), st.integers(8, 60)),
    max_lines=st.one_of(st.none(), st.integers(1, 3)),
)
def test_random_transcripts_keep_every_hard_rule(
    transcript: Transcript, profile: str, max_chars: int | None, max_lines: int | None
) -> None:
    rules = profile_rules(profile)
    rules = SubtitleRules(max_chars or rules.max_chars_per_line, max_lines or rules.max_lines,
                          rules.max_chars_per_second, rules.min_duration, rules.max_duration, rules.min_gap)
    assert_reflowed_well(transcript, rules)


def words_transcript(text: str, seconds_per_word: float = 0.3) -> Transcript:
    words, clock = [], 0.0
    for word in text.split():
        words.append(Word(clock, clock + seconds_per_word, word))
        clock += seconds_per_word
    return Transcript(segments=[Segment(0.0, clock, text, words=words)])


def test_breaks_at_sentence_ends_rather_than_mid_phrase() -> None:
    text = "I went to the market today. The weather was lovely and warm, so we walked home along the river."
    cues = assert_reflowed_well(words_transcript(text), profile_rules("default"))
    assert cues.segments[0].text.replace("\n", " ").endswith("today.")


def test_lines_break_before_conjunctions_and_are_balanced() -> None:
    text = "We stayed at home all afternoon because the rain would not stop falling"
    cues = assert_reflowed_well(words_transcript(text, 0.25), profile_rules("netflix"))
    assert len(cues.segments) == 1
    top, bottom = cues.segments[0].text.split("\n")
    assert bottom.startswith("because")
    assert abs(len(top) - len(bottom)) <= 12


def test_a_speaker_change_always_starts_a_new_cue() -> None:
    transcript = Transcript(segments=[
        Segment(0.0, 1.0, "Hello.", "Ann", [Word(0.0, 1.0, "Hello.")]),
        Segment(1.0, 2.0, "Hi.", "Bo", [Word(1.0, 2.0, "Hi.")]),
    ])
    cues = assert_reflowed_well(transcript, profile_rules("default"))
    assert [(c.text, c.speaker) for c in cues.segments] == [("Hello.", "Ann"), ("Hi.", "Bo")]


def test_edited_text_wins_over_stale_word_times() -> None:
    transcript = words_transcript("the quick brown fox")
    transcript.segments[0].text = "the quick red fox jumps"
    cues = assert_reflowed_well(transcript, profile_rules("default"))
    assert cues.segments[0].text == "the quick red fox jumps"


def test_unspaced_scripts_break_between_characters() -> None:
    text = "今天天气很好我们一起去公园散步吧然后再去吃晚饭好不好呢朋友们都会来的"
    transcript = Transcript(segments=[Segment(0.0, 8.0, text)])
    cues = assert_reflowed_well(transcript, profile_rules("short-form"))
    assert all(len(line) <= 24 for c in cues.segments for line in c.text.split("\n"))
    assert "".join(c.text.replace("\n", "") for c in cues.segments) == text


def test_a_word_longer_than_a_line_stands_alone() -> None:
    transcript = words_transcript("see https://example.com/a/very/long/path/that/never/ends/at/all now")
    cues = assert_reflowed_well(transcript, profile_rules("short-form"))
    assert any(line.startswith("https://") for c in cues.segments for line in c.text.split("\n"))


def test_the_rule_check_itself_sees_broken_cues() -> None:
    """The checker above is not vacuous: unflowed segments break rules it reports."""
    source = words_transcript("one two three four five six seven eight nine ten eleven twelve thirteen", 0.05)
    rules = profile_rules("short-form")
    problems = hard_rule_breaks(source, source, rules)
    assert any("too long" in p for p in problems)
    assert any("too fast" in p for p in problems)


def test_violations_are_named_with_their_numbers() -> None:
    rules = profile_rules("netflix")
    found = cue_violations(0.0, 0.5, "far too many characters for half a second\nsecond line\nthird", rules, 0.52)
    kinds = {v.kind for v in found}
    assert kinds == {RuleBreak.TOO_MANY_LINES, RuleBreak.TOO_FAST, RuleBreak.TOO_SHORT, RuleBreak.TOO_CLOSE}
    assert "3 lines (at most 2)" in " ".join(str(v) for v in found)
