"""LocalAgreement-2: only what two passes agree on is committed, once, and repeats are not committed twice."""

from __future__ import annotations

from app.core.transcript import Word
from app.engines.live.hypothesis_buffer import HypothesisBuffer


def words(*timed: tuple[float, str]) -> list[Word]:
    return [Word(start, start + 0.4, text) for start, text in timed]


def texts(committed: list[Word]) -> list[str]:
    return [w.text for w in committed]


def test_the_prefix_two_passes_agree_on_is_committed_and_the_rest_stays_tentative() -> None:
    buffer = HypothesisBuffer()
    buffer.insert(words((0.0, "And"), (0.5, "so"), (1.0, "my")))
    assert buffer.flush() == []  # one pass alone commits nothing
    buffer.insert(words((0.0, "and"), (0.5, "so,"), (1.0, "by"), (1.5, "fellow")))
    assert texts(buffer.flush()) == ["and", "so,"]  # case and punctuation do not count as disagreement
    assert texts(buffer.tentative) == ["by", "fellow"]
    assert buffer.last_committed_time == 0.9


def test_words_before_the_last_commit_and_a_repeated_tail_are_not_committed_again() -> None:
    buffer = HypothesisBuffer()
    for _ in range(2):
        buffer.insert(words((0.0, "ask"), (0.5, "not")))
        buffer.flush()
    assert texts(buffer.committed_in_buffer) == ["ask", "not"]
    # the next pass repeats "not" with a shifted time, then goes on
    buffer.insert(words((0.95, "not"), (1.5, "what"), (2.0, "your")))
    assert buffer.flush() == []
    buffer.insert(words((0.95, "not"), (1.5, "what"), (2.0, "your"), (2.5, "country")))
    assert texts(buffer.flush()) == ["what", "your"]
    assert texts(buffer.committed_in_buffer) == ["ask", "not", "what", "your"]


def test_trimming_forgets_committed_words_and_the_end_takes_the_tentative_tail() -> None:
    buffer = HypothesisBuffer()
    for _ in range(2):
        buffer.insert(words((0.0, "one."), (1.0, "two"), (2.0, "three")))
        buffer.flush()
    buffer.insert(words((0.0, "one."), (1.0, "two"), (2.0, "three"), (3.0, "four")))
    buffer.flush()
    buffer.forget_committed_before(0.5)
    assert texts(buffer.committed_in_buffer) == ["two", "three"]
    assert texts(buffer.take_everything()) == ["four"]
    assert buffer.tentative == []


def test_a_new_word_that_starts_a_little_before_the_last_commit_is_kept() -> None:
    """Word times move between passes: "what" starting before "not"'s committed end is still a new word."""
    buffer = HypothesisBuffer()
    for _ in range(2):
        buffer.insert([Word(0.0, 1.0, "ask"), Word(1.0, 1.6, "not")])
        buffer.flush()
    assert buffer.last_committed_time == 1.6
    for _ in range(2):
        buffer.insert([Word(0.0, 1.0, "ask"), Word(1.0, 1.3, "not"), Word(1.3, 2.0, "what"), Word(2.0, 2.4, "your")])
        committed = buffer.flush()
    assert texts(buffer.committed_in_buffer) == ["ask", "not", "what", "your"] and texts(committed) == texts(
        buffer.committed_in_buffer[2:])


def test_a_word_at_the_edge_of_audio_cut_in_speech_waits_for_a_pass_that_hears_past_it() -> None:
    buffer = HypothesisBuffer()
    buffer.insert(words((0.0, "and"), (0.5, "so"), (1.0, "asked")), cut_in_speech=True)
    buffer.flush()
    buffer.insert(words((0.0, "and"), (0.5, "so"), (1.0, "asked"), (1.5, "not")), cut_in_speech=True)
    assert texts(buffer.flush()) == ["and", "so"]  # "asked" was cut at the first pass's edge
    buffer.insert(words((0.0, "and"), (0.5, "so"), (1.0, "ask"), (1.5, "not"), (2.0, "what")))
    assert buffer.flush() == []
    assert texts(buffer.tentative) == ["ask", "not", "what"]
