"""Recognising a repetition loop in a decoded passage.

With the previous passage's text as its prompt, Whisper sometimes repeats a phrase over and
over ("frihed og frihed for frihed og frihed…") or copies its prompt. faster-whisper's own
checks (compression ratio, log-probability, prompt reset on high temperature) do not always
catch it; a passage flagged here is decoded again without the prompt.
"""

from __future__ import annotations

from collections import Counter

NGRAM = 4  # words; characters for scripts written without spaces use CHARACTER_NGRAM
CHARACTER_NGRAM = 8
MOST_REPEATS = 2  # a phrase said three times in one passage is a loop
MOST_SHARED_WITH_PREVIOUS = 0.5  # share of a passage's phrases found in the passage before


def units(text: str) -> list[str]:
    """Lower-case words, or characters where the text is written without spaces (Chinese, Japanese)."""
    words = text.lower().split()
    if len(words) * 6 < len(text.strip()):
        return [character for character in text if not character.isspace()]
    return [word.strip(".,;:!?\"'“”«»()") for word in words]


def ngrams(sequence: list[str], size: int) -> list[tuple[str, ...]]:
    return [tuple(sequence[i:i + size]) for i in range(len(sequence) - size + 1)]


def _ngram_size(text: str) -> int:
    return CHARACTER_NGRAM if len(text.split()) * 6 < len(text.strip()) else NGRAM


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


def is_loop(text: str, previous: str = "") -> bool:
    """True when ``text`` repeats a phrase more than twice or mostly repeats ``previous``."""
    return repeats_itself(text) or repeats_previous(text, previous)
