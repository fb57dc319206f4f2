"""A transcript as a stream of timed words for re-flow, and how good a break between two of them is."""

from __future__ import annotations

import re
from dataclasses import dataclass

from app.core.transcript import Segment, Transcript, Word

# Scripts written without spaces: every character may start a line.
_UNSPACED = r"\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u0e00-\u0e7f"
_UNSPACED_PUNCTUATION = r"\u3000-\u303f\uff01-\uff0f\uff1a-\uff20\u30fb"
_TOKEN = re.compile(rf"\s*(?:[{_UNSPACED}][{_UNSPACED_PUNCTUATION}]*|[^\s{_UNSPACED}]+)")
_SENTENCE_END = re.compile(r"[.!?…。！？][\"'”’»)\]]*$")
_CLAUSE_END = re.compile(r"[,;:，、；：—–-][\"'”’»)\]]*$")
_CONJUNCTIONS = frozenset({
    "and", "but", "or", "nor", "so", "yet", "because", "although", "though", "while", "whereas", "when",
    "where", "which", "who", "whom", "whose", "that", "if", "unless", "until", "since", "after", "before",
    "than", "as",
})
_WEAK_ENDINGS = frozenset({
    "a", "an", "the", "to", "of", "in", "on", "at", "by", "for", "with", "from", "into", "onto", "my", "your",
    "his", "her", "its", "our", "their", "this", "these", "those", "mr", "mrs", "ms", "dr",
})


@dataclass(frozen=True, slots=True)
class Token:
    text: str
    start: float
    end: float
    speaker: str | None
    spaced: bool  # a space separated it from the token before in the source
    starts_segment: bool
    word: Word | None

    @property
    def width(self) -> int:
        return len(self.text)


def transcript_tokens(transcript: Transcript) -> list[Token]:
    """Every word in time order of segments; words kept only while they still spell the segment's text."""
    tokens: list[Token] = []
    for segment in sorted(transcript.segments, key=lambda s: s.start):
        if _words_match_text(segment):
            tokens.extend(_word_tokens(segment))
        else:
            tokens.extend(_proportional_tokens(segment))
    return tokens


def _squeezed(text: str) -> str:
    return "".join(text.split())


def _words_match_text(segment: Segment) -> bool:
    """False once the text was edited after recognition: its words would export stale text."""
    return bool(segment.words) and _squeezed("".join(w.text for w in segment.words)) == _squeezed(segment.text)


def _word_tokens(segment: Segment) -> list[Token]:
    """Tokens from recognised words; spacing comes from the segment's text, since engines strip words.

    The words spell the text once spaces are dropped (``_words_match_text``), so one pass along the
    text finds each word's place: skip the spaces before it, then step over its letters.
    """
    tokens: list[Token] = []
    text, position = segment.text, 0
    for word in segment.words:
        bare = word.text.strip()
        if not bare:
            continue
        found = _after_spaces(text, position)
        spaced = not tokens or found > position or word.text[:1].isspace()
        position = _after_letters(text, found, len(_squeezed(bare)))
        tokens.append(Token(bare, word.start, max(word.start, word.end), segment.speaker, spaced, not tokens, word))
    return tokens


def _after_spaces(text: str, position: int) -> int:
    while position < len(text) and text[position].isspace():
        position += 1
    return position


def _after_letters(text: str, position: int, count: int) -> int:
    """The position just after ``count`` characters that are not spaces, from ``position`` on."""
    while count and position < len(text):
        count -= not text[position].isspace()
        position += 1
    return position


def _proportional_tokens(segment: Segment) -> list[Token]:
    """Words timed by their share of the segment's characters, for text without word times."""
    total = len(_squeezed(segment.text)) or 1  # every character but spaces belongs to a token
    duration = max(0.0, segment.end - segment.start)
    tokens: list[Token] = []
    done = 0
    for match in _TOKEN.finditer(segment.text):
        piece = match.group()
        text = piece.strip()
        start = segment.start + duration * done / total
        done += len(text)
        end = segment.start + duration * done / total
        tokens.append(Token(text, start, end, segment.speaker, piece[:1].isspace() or not tokens,
                            not tokens, None))
    return tokens


def joined(tokens: list[Token]) -> str:
    parts = []
    for index, token in enumerate(tokens):
        parts.append(f" {token.text}" if index and token.spaced else token.text)
    return "".join(parts)


def joined_width(tokens: list[Token]) -> int:
    return sum(t.width for t in tokens) + sum(1 for t in tokens[1:] if t.spaced)


def break_cost(before: Token, after: Token) -> float:
    """How bad it is to end a line or cue between two tokens: 0 after a sentence, high mid-phrase."""
    if before.speaker != after.speaker:
        return 0.0
    bare_after = after.text.lower().strip("\"'“‘([¿¡")
    bare_before = before.text.lower().strip("\"'”’)]")
    if _SENTENCE_END.search(before.text):
        cost = 0.0
    elif _CLAUSE_END.search(before.text) or after.text.startswith(("-", "—", "–")):
        cost = 1.0
    elif bare_after in _CONJUNCTIONS:
        cost = 2.5
    elif bare_before in _WEAK_ENDINGS:
        cost = 9.0
    else:
        cost = 6.0
    pause = after.start - before.end
    if pause >= 1.0:
        cost -= 3.0
    elif pause >= 0.3:
        cost -= 1.5
    if after.starts_segment:
        cost = min(cost, 1.0)
    return max(0.0, cost)
