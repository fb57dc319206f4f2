"""Word timings that survive text edits, and where each word sits in its segment's text.

Old and new tokens are aligned with difflib: unchanged words keep their times (and their
probability), a word replaced one for one takes the old word's times, and other new words share
the time between their neighbours in proportion to their length. Typed words carry no
probability: nobody is unsure of what the user wrote.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from difflib import SequenceMatcher

from app.core.transcript import Segment, Word

# Scripts written without spaces: each character is a token of its own.
_UNSPACED = r"\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u0e00-\u0e7f"
_UNSPACED_PUNCTUATION = r"\u3000-\u303f\uff01-\uff0f\uff1a-\uff20\u30fb"
_TOKEN = re.compile(rf"[{_UNSPACED}][{_UNSPACED_PUNCTUATION}]*|[^\s{_UNSPACED}]+")


def text_tokens(text: str) -> list[str]:
    return _TOKEN.findall(text)


def retime_words(words: Sequence[Word], new_text: str, start: float, end: float) -> list[Word]:
    """Words for ``new_text``, timed from ``words`` (the segment's words before the edit).

    A segment without word timings stays without them.
    """
    if not words:
        return []
    words = _one_token_each(words)
    old = [w.text.strip() for w in words]
    new = text_tokens(new_text)
    head = _common_prefix_length(old, new)
    tail = _common_prefix_length(old[head:][::-1], new[head:][::-1])
    retimed = list(words[:head])
    matcher = SequenceMatcher(None, old[head:len(old) - tail], new[head:len(new) - tail], autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        i1, i2, j1, j2 = i1 + head, i2 + head, j1 + head, j2 + head
        if tag == "equal":
            retimed.extend(words[i1:i2])
        elif tag == "replace" and i2 - i1 == j2 - j1:
            retimed.extend(Word(w.start, w.end, token) for w, token in zip(words[i1:i2], new[j1:j2], strict=True))
        elif tag != "delete":
            after = retimed[-1].end if retimed else start
            before = words[i2].start if i2 < len(words) else end
            if tag == "replace":
                after, before = max(after, words[i1].start), words[i2 - 1].end
            retimed.extend(_spread(new[j1:j2], after, max(after, before)))
    retimed.extend(words[len(words) - tail:])
    return clamped_words(retimed, start, end)


def _one_token_each(words: Sequence[Word]) -> Sequence[Word]:
    """A word of an unspaced script ("你好") split into its characters, sharing its time, so they align one by one."""
    if all(len(text_tokens(w.text)) <= 1 for w in words):
        return words
    split: list[Word] = []
    for word in words:
        tokens = text_tokens(word.text)
        if len(tokens) <= 1:
            split.append(word)
        else:
            split.extend(Word(w.start, w.end, w.text, word.probability) for w in _spread(tokens, word.start, word.end))
    return split


def _common_prefix_length(a: Sequence[str], b: Sequence[str]) -> int:
    count = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        count += 1
    return count


def _spread(tokens: Sequence[str], start: float, end: float) -> list[Word]:
    """Tokens timed by their share of characters between ``start`` and ``end``."""
    total = sum(len(t) for t in tokens) or 1
    spread, done = [], 0
    for token in tokens:
        word_start = start + (end - start) * done / total
        done += len(token)
        spread.append(Word(word_start, start + (end - start) * done / total, token))
    return spread


def clamped_words(words: Sequence[Word], start: float, end: float) -> list[Word]:
    """Words kept inside the segment and in time order (edits never make a word end before it starts)."""
    clamped: list[Word] = []
    floor = start
    for word in words:
        word_start = min(max(word.start, floor), end)
        word_end = min(max(word.end, word_start), end)
        if (word_start, word_end) == (word.start, word.end):
            clamped.append(word)
        else:
            clamped.append(Word(word_start, word_end, word.text, word.probability))
        floor = word_end
    return clamped


def word_spans(segment: Segment) -> list[tuple[int, int] | None]:
    """Each word's character range in ``segment.text``, found in order; None for a word the text lacks."""
    spans: list[tuple[int, int] | None] = []
    position = 0
    for word in segment.words:
        bare = word.text.strip()
        found = segment.text.find(bare, position) if bare else -1
        if found < 0:
            spans.append(None)
            continue
        position = found + len(bare)
        spans.append((found, position))
    return spans


def words_spell_text(segment: Segment) -> bool:
    """True when the words, without spaces, are the text without spaces (edits keep it so)."""
    return "".join("".join(w.text.split()) for w in segment.words) == "".join(segment.text.split())
