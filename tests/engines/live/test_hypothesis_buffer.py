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
