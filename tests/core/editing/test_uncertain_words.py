"""Proofreading: stepping through the words the recogniser was unsure of, both ways, round the ends."""

from __future__ import annotations

from app.core.editing.segment_text import edit_text
from app.core.editing.uncertain_words import (
    WordPosition,
    is_uncertain,
    next_uncertain_word,
    previous_uncertain_word,
    uncertain_words,
)
from app.core.transcript import Transcript, Word
from tests.core.editing.samples import interview

# interview(): "for" (0.3) and "here." (0.2) in segment 1, "bread." (0.4) in segment 3
EXPECTED = [WordPosition(1, 1), WordPosition(1, 4), WordPosition(3, 6)]


def test_uncertain_words_are_those_below_the_threshold() -> None:
    transcript = interview()
    assert list(uncertain_words(transcript)) == EXPECTED
    assert list(uncertain_words(transcript, threshold=0.35)) == EXPECTED[:2]
    assert not is_uncertain(Word(0, 1, "typed", None))


def test_next_and_previous_wrap_round() -> None:
    transcript = interview()
    forward, position = [], None
    for _ in range(4):
        position = next_uncertain_word(transcript, position)
        forward.append(position)
    assert forward == [*EXPECTED, EXPECTED[0]]
    backward, position = [], None
    for _ in range(4):
        position = previous_uncertain_word(transcript, position)
        backward.append(position)
    assert backward == [EXPECTED[2], EXPECTED[1], EXPECTED[0], EXPECTED[2]]
    assert next_uncertain_word(transcript, WordPosition(2, 0)) == EXPECTED[2]
    assert previous_uncertain_word(transcript, WordPosition(2, 0)) == EXPECTED[1]
    assert next_uncertain_word(transcript, WordPosition(1, 1)) == EXPECTED[1]


def test_a_corrected_word_is_no_longer_uncertain() -> None:
    transcript = interview()
    edit_text(transcript, 3, "It started as a blog about baking.").apply(transcript)
    assert list(uncertain_words(transcript)) == EXPECTED[:2]


def test_nothing_to_find() -> None:
    assert next_uncertain_word(Transcript(), None) is None
    assert previous_uncertain_word(Transcript(), None) is None
    transcript = interview()
    for segment in transcript.segments:
        segment.words = [Word(w.start, w.end, w.text, 0.99) for w in segment.words]
    assert next_uncertain_word(transcript, WordPosition(2, 1)) is None
