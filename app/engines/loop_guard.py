"""Recognising a repetition loop in a decoded passage.

With the previous window's text as its prompt, Whisper sometimes repeats a phrase over and
over ("frihed og frihed for frihed og frihed…") or copies a sentence of its prompt. faster-whisper's own
checks (compression ratio, log-probability, prompt reset on high temperature) do not always
catch it; a window flagged here is decoded again without the prompt.
"""

from __future__ import annotations

import unicodedata
from collections import Counter

NGRAM = 4  # words; characters for scripts written without spaces use CHARACTER_NGRAM
CHARACTER_NGRAM = 8
MOST_REPEATS = 2  # a phrase said three times in one passage is a loop
MOST_SHARED_WITH_PREVIOUS = 0.5  # share of a passage's phrases found in the passage before
LONG_PHRASE = 8  # words (characters: twice as many) that real speech seldom says twice in a minute


def written_without_spaces(text: str) -> bool:
    """Mostly wide characters: Chinese, Japanese (their words are not separated by spaces)."""
    letters = [c for c in text if not c.isspace()]
    wide = sum(unicodedata.east_asian_width(c) in "WF" for c in letters)
    return bool(letters) and wide * 2 > len(letters)


def units(text: str) -> list[str]:
    """Lower-case words, or characters where the text is written without spaces."""
    if written_without_spaces(text):
        return [character for character in text if not character.isspace()]
    return [word.strip(".,;:!?\"'“”«»()") for word in text.lower().split()]


def ngrams(sequence: list[str], size: int) -> list[tuple[str, ...]]:
    return [tuple(sequence[i:i + size]) for i in range(len(sequence) - size + 1)]


def _ngram_size(text: str) -> int:
    return CHARACTER_NGRAM if written_without_spaces(text) else NGRAM


def repeats_itself(text: str) -> bool:
    phrases = ngrams(units(text), _ngram_size(text))
    return bool(phrases) and max(Counter(phrases).values()) > MOST_REPEATS


def repeats_previous(text: str, previous: str) -> bool:
    size = _ngram_size(text)
    phrases = ngrams(units(text), size)
    if not phrases or not previous:
        return False
    earlier = set(ngrams(units(previous), size))
    shared = sum(phrase in earlier for phrase in phrases)
    return shared / len(phrases) >= MOST_SHARED_WITH_PREVIOUS


def repeats_a_long_phrase(text: str, previous: str = "") -> bool:
    """A phrase of LONG_PHRASE words said twice: in ``text``, or in ``previous`` and again in ``text``."""
    size = LONG_PHRASE * (2 if _ngram_size(text) == CHARACTER_NGRAM else 1)
    phrases = ngrams(units(text), size)
    earlier = set(ngrams(units(previous), size)) if previous else set()
    return len(set(phrases)) < len(phrases) or any(phrase in earlier for phrase in phrases)


def is_loop(text: str, previous: str = "") -> bool:
    """True when ``text`` repeats a phrase more than twice or a long one twice, or mostly repeats ``previous``."""
    return repeats_itself(text) or repeats_a_long_phrase(text, previous) or repeats_previous(text, previous)
