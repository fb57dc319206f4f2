"""Edits of what a segment says: change its text, split it at the cursor, merge it with a neighbour."""

from __future__ import annotations

from dataclasses import replace

from app.core.editing.segment_edit import SegmentEdit, Splice
from app.core.editing.word_timing import retime_words, word_spans
from app.core.errors import EditError
from app.core.text_translation import translated
from app.core.transcript import Segment, Transcript


def segment_at(transcript: Transcript, index: int) -> Segment:
    if not 0 <= index < len(transcript.segments):
        raise EditError(translated(
            "There is no segment {index}; the transcript has {number_of_segments}."
        ).format(index=index + 1, number_of_segments=len(transcript.segments)))
    return transcript.segments[index]


def with_text(segment: Segment, text: str) -> Segment:
    """``segment`` saying ``text``, its word timings carried over where the words did not change."""
    return replace(segment, text=text, words=retime_words(segment.words, text, segment.start, segment.end))


def edit_text(transcript: Transcript, index: int, text: str) -> SegmentEdit:
    """Typing in one segment; consecutive edits of the same segment fold into one undo step."""
    old = segment_at(transcript, index)
    return SegmentEdit("Edit Text", (Splice(index, (old,), (with_text(old, text),)),), mergeable=True)


def split_segment(transcript: Transcript, index: int, offset: int) -> SegmentEdit:
    """Two segments from one, at character ``offset`` of its text.

    With word timings the cut in time falls between the words on either side of the cursor;
    without them it is in proportion to the characters before the cursor.
    """
    old = segment_at(transcript, index)
    left_text, right_text = old.text[:offset].rstrip(), old.text[offset:].lstrip()
    if not 0 < offset < len(old.text) or not left_text or not right_text:
        raise EditError(translated("Put the cursor between two words of the segment to split it there."))
    left_end, right_start = _split_times(old, offset, len(left_text), len(right_text))
    left = replace(old, end=left_end, text=left_text, words=[])
    right = replace(old, start=right_start, text=right_text, words=[])
    if old.words:
        left.words = retime_words([w for w in old.words if w.end <= left_end], left_text, left.start, left.end)
        right.words = retime_words([w for w in old.words if w.start >= right_start], right_text,
                                   right.start, right.end)
    return SegmentEdit("Split Segment", (Splice(index, (old,), (left, right)),))


def _split_times(segment: Segment, offset: int, left_length: int, right_length: int) -> tuple[float, float]:
    """Where the left part ends and the right part starts."""
    spans = word_spans(segment)
    if segment.words and None not in spans:
        before = [w for w, span in zip(segment.words, spans, strict=True) if span and span[0] < offset]
        after = segment.words[len(before):]
        if before and after and segment.start < before[-1].end <= after[0].start < segment.end:
            return before[-1].end, after[0].start
    cut = segment.start + segment.duration * left_length / (left_length + right_length)
    return cut, cut


def merge_with_next(transcript: Transcript, index: int) -> SegmentEdit:
    """One segment from a segment and the one after it: text joined, words kept, the first's speaker."""
    first = segment_at(transcript, index)
    if index + 1 >= len(transcript.segments):
        raise EditError(translated("The last segment has no next segment to merge with."))
    second = transcript.segments[index + 1]
    start, end = min(first.start, second.start), max(first.end, second.end)
    text = " ".join(part for part in (first.text.strip(), second.text.strip()) if part)
    merged = replace(first, start=start, end=end, text=text,
                     words=retime_words([*first.words, *second.words], text, start, end))
    return SegmentEdit("Merge Segments", (Splice(index, (first, second), (merged,)),))


def merge_with_previous(transcript: Transcript, index: int) -> SegmentEdit:
    if index == 0:
        raise EditError(translated("The first segment has no previous segment to merge with."))
    segment_at(transcript, index)
    return merge_with_next(transcript, index - 1)
