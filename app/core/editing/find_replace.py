"""Find and replace in segment texts (and, if asked, speaker names): plain text, whole words or a regex.

Matches are ordered by segment, then speaker before text, then offset. Positions are given as
a ``TextPosition``; find_next returns the first match starting at or after it, find_previous the
last one ending at or before it, both wrapping around the transcript.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from enum import IntEnum
from functools import lru_cache

from app.core.editing.segment_edit import SegmentEdit, edit_from_replacements
from app.core.editing.segment_text import segment_at, with_text
from app.core.errors import EditError
from app.core.text_translation import translated
from app.core.transcript import Segment, Transcript


class SearchField(IntEnum):
    SPEAKER = 0  # before the text: the order of the columns
    TEXT = 1


@dataclass(frozen=True, slots=True)
class SearchQuery:
    text: str
    match_case: bool = False
    whole_words: bool = False
    regex: bool = False
    include_speakers: bool = False

    def pattern(self) -> re.Pattern[str]:
        """The compiled search; EditError with the reason when the regular expression is bad."""
        return _compiled(self.text, self.match_case, self.whole_words, self.regex)


@lru_cache(maxsize=32)
def _compiled(text: str, match_case: bool, whole_words: bool, regex: bool) -> re.Pattern[str]:
    if not text:
        raise EditError(translated("Type what to find."))
    body = text if regex else re.escape(text)
    if whole_words:
        body = rf"\b(?:{body})\b"
    try:
        return re.compile(body, 0 if match_case else re.IGNORECASE)
    except re.error as error:
        raise EditError(translated(
            "The regular expression is not valid: {msg} (at position {pos})."
        ).format(msg=error.msg, pos=error.pos)) from error


@dataclass(frozen=True, slots=True, order=True)
class TextPosition:
    segment: int
    field: SearchField
    offset: int


@dataclass(frozen=True, slots=True, order=True)
class TextMatch:
    segment: int
    field: SearchField
    start: int
    end: int

    @property
    def position(self) -> TextPosition:
        return TextPosition(self.segment, self.field, self.start)


def find_all(transcript: Transcript, query: SearchQuery) -> list[TextMatch]:
    pattern = query.pattern()
    found: list[TextMatch] = []
    for index, segment in enumerate(transcript.segments):
        found.extend(_segment_matches(pattern, index, segment, query.include_speakers))
    return found


def count_matches(transcript: Transcript, query: SearchQuery) -> int:
    pattern = query.pattern()
    return sum(
        sum(1 for _ in pattern.finditer(segment.text))
        + (sum(1 for _ in pattern.finditer(segment.speaker)) if query.include_speakers and segment.speaker else 0)
        for segment in transcript.segments
    )


def _segment_matches(pattern: re.Pattern[str], index: int, segment: Segment, speakers: bool) -> list[TextMatch]:
    found: list[TextMatch] = []
    if speakers and segment.speaker:
        found.extend(TextMatch(index, SearchField.SPEAKER, m.start(), m.end())
                     for m in pattern.finditer(segment.speaker))
    found.extend(TextMatch(index, SearchField.TEXT, m.start(), m.end()) for m in pattern.finditer(segment.text))
    return found


def find_next(transcript: Transcript, query: SearchQuery, position: TextPosition) -> TextMatch | None:
    """The first match at or after ``position``, else the first from the top (None when there is none)."""
    return _first_round(transcript, query, position.segment, 1, lambda match: match.position >= position)


def find_previous(transcript: Transcript, query: SearchQuery, position: TextPosition) -> TextMatch | None:
    """The last match ending at or before ``position``, else the last from the bottom."""
    at = (position.segment, position.field, position.offset)
    return _first_round(transcript, query, position.segment, -1,
                        lambda match: (match.segment, match.field, match.end) <= at)


def _first_round(transcript: Transcript, query: SearchQuery, segment: int, direction: int,
                 counts_in_first: Callable[[TextMatch], bool]) -> TextMatch | None:
    """The first match met going ``direction`` (1 or -1) round the transcript from ``segment`` and back to
    it; in ``segment`` itself, the first time round, only the matches ``counts_in_first`` accepts."""
    pattern = query.pattern()
    count = len(transcript.segments)
    if not count:
        return None
    start = min(max(segment, 0), count - 1)
    for step in range(count + 1):  # the last step comes back round to the start segment
        index = (start + direction * step) % count
        matches = _segment_matches(pattern, index, transcript.segments[index], query.include_speakers)
        for match in matches if direction > 0 else reversed(matches):
            if step or counts_in_first(match):
                return match
    return None


def _substituted(pattern: re.Pattern[str], query: SearchQuery, replacement: str, text: str) -> tuple[str, int]:
    """``text`` with every match replaced: ``\\1`` and ``\\g<name>`` expand for a regex, plain text otherwise."""
    try:
        if query.regex:
            return pattern.subn(replacement, text)
        return pattern.subn(lambda _match: replacement, text)
    except (re.error, IndexError) as error:
        raise EditError(translated("The replacement is not valid: {error}.").format(error=error)) from error


def replace_all(transcript: Transcript, query: SearchQuery, replacement: str) -> SegmentEdit:
    """Every match replaced, as one undo step; word timings carried over as for typing."""
    pattern = query.pattern()
    changes = []
    for index, segment in enumerate(transcript.segments):
        new = _replaced_segment(pattern, query, replacement, segment)
        if new is not segment:
            changes.append((index, [segment], [new]))
    if not changes:
        raise EditError(translated("There is nothing to replace: the text was not found."))
    return edit_from_replacements("Replace All", changes, transcript)


def _replaced_segment(pattern: re.Pattern[str], query: SearchQuery, replacement: str, segment: Segment) -> Segment:
    text, text_count = _substituted(pattern, query, replacement, segment.text)
    speaker, speaker_count = segment.speaker, 0
    if query.include_speakers and segment.speaker:
        speaker, speaker_count = _substituted(pattern, query, replacement, segment.speaker)
    if not text_count and not speaker_count:
        return segment
    new = with_text(segment, text) if text_count else segment
    return replace(new, speaker=speaker.strip() or None) if speaker_count and speaker is not None else new


def replace_match(transcript: Transcript, query: SearchQuery, match: TextMatch, replacement: str) -> SegmentEdit:
    """Replace the one match the user is looking at (it must still be there)."""
    segment = segment_at(transcript, match.segment)
    source = segment.text if match.field == SearchField.TEXT else (segment.speaker or "")
    found = query.pattern().match(source, match.start)
    if found is None or found.end() != match.end:
        raise EditError(translated("The text changed since it was found; find it again."))
    try:
        replaced = found.expand(replacement) if query.regex else replacement
    except (re.error, IndexError) as error:
        raise EditError(translated("The replacement is not valid: {error}.").format(error=error)) from error
    new_source = source[:match.start] + replaced + source[match.end:]
    if match.field == SearchField.TEXT:
        new = with_text(segment, new_source)
    else:
        new = replace(segment, speaker=new_source.strip() or None)
    return edit_from_replacements("Replace", [(match.segment, [segment], [new])], transcript)
