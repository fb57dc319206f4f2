"""Re-flow and import on pathological input: work that grows with the words, not with their square.

Sizes are chosen so that a quadratic step would run for minutes (and hit the test timeout) while
the linear code takes well under a second; the timing itself lives in benchmarks (`reflow_scaling`).
"""

from __future__ import annotations

from app.core.formats.reading import read_transcript_text
from app.core.reflow import reflow
from app.core.reflow_tokens import transcript_tokens
from app.core.subtitle_rules import profile_rules
from app.core.transcript import Segment, Transcript, Word


def one_long_cue_srt(word_count: int) -> str:
    words = " ".join(f"word{i % 97}" + ("." if i % 13 == 12 else "") for i in range(word_count))
    return f"1\n00:00:01,000 --> 01:00:00,000\n{words}\n"


def test_one_cue_of_many_words_is_read_and_reflowed_whole() -> None:
    transcript = read_transcript_text(one_long_cue_srt(10_000), ".srt", "“long.srt”")
    rules = profile_rules("default")
    cues = reflow(transcript, rules)
    assert " ".join(cue.text.replace("\n", " ") for cue in cues.segments) == transcript.segments[0].text
    assert all(len(line) <= rules.max_chars_per_line for cue in cues.segments for line in cue.text.split("\n"))
    assert all(a.end <= b.start for a, b in zip(cues.segments, cues.segments[1:], strict=False))


def test_words_spaced_unlike_the_text_are_matched_in_one_pass() -> None:
    """Words that spell the text only without spaces ("to day" against "today") once made each word
    search the rest of the text."""
    count = 60_000
    words = [Word(i * 0.3, i * 0.3 + 0.2, "to day") for i in range(count)]
    segment = Segment(0.0, count * 0.3, " ".join("today" for _ in range(count)), words=words)
    tokens = transcript_tokens(Transcript([segment]))
    assert [t.text for t in tokens] == ["to day"] * count
    assert all(t.spaced for t in tokens)
    assert [t.word for t in tokens] == words
