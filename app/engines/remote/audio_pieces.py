"""Long audio sent as pieces cut at silences, and the pieces' segments put back on the file's timeline.

A service that answers with text and no times gives only one fact about when it was said: within
the piece sent. Such a reply is one segment spanning the piece (``UntimedText``), never text spread
over made-up times, and the transcript says so in a note.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass, replace

import numpy as np

from app.core.audio import SAMPLE_RATE, AudioClip
from app.core.silence_split import split_at_silences
from app.core.text_translation import translatable, translated
from app.core.transcript import Segment, Word
from app.engines.base import JobContext

PIECE_CHECK_SECONDS = 0.05  # how soon a cancel or another piece's failure is noticed
UNTIMED_NOTE = (
    translatable(
        "The service sent text without times: each piece of audio it was sent is one segment spanning "
        "the whole piece."
    )
)


class UntimedText(list[Segment]):
    """A reply without times: its text as one segment from the piece's start to its end, the only times known."""


def untimed_text(text: str, duration: float) -> UntimedText:
    """The service's text, as it sent it (but for whitespace at the ends), spanning ``duration`` seconds."""
    text = text.strip()
    return UntimedText([Segment(0.0, duration, text)] if text else [])


@dataclass(frozen=True, slots=True)
class AudioPiece:
    samples: np.ndarray
    offset: float  # seconds from the start of the file

    @property
    def duration(self) -> float:
        return len(self.samples) / SAMPLE_RATE

    def halves(self) -> list[AudioPiece]:
        """Two pieces cut at the quietest moment near the middle, with offsets from this piece's start."""
        return cut_into_pieces(self.samples, self.duration / 2 + 0.5)


def cut_into_pieces(samples: np.ndarray, max_seconds: float, offset: float = 0.0) -> list[AudioPiece]:
    return [
        AudioPiece(samples[start:end], offset + start / SAMPLE_RATE)
        for start, end in split_at_silences(samples, SAMPLE_RATE, max_seconds)
    ]


def whole_clip(audio: AudioClip) -> AudioPiece:
    return AudioPiece(audio.samples, 0.0)


def shifted(segment: Segment, offset: float) -> Segment:
    """``segment`` moved ``offset`` seconds later, words and all."""
    if not offset:
        return segment
    words = [replace(w, start=w.start + offset, end=w.end + offset) for w in segment.words]
    return replace(segment, start=segment.start + offset, end=segment.end + offset, words=words)


PieceRecogniser = Callable[[AudioPiece, JobContext], list[Segment]]


def recognise_pieces(
    pieces: list[AudioPiece],
    recognise: PieceRecogniser,
    context: JobContext,
    parallel: int = 1,
) -> Iterator[Segment]:
    """Segments of every piece in time order, ``parallel`` pieces in flight at most.

    ``recognise`` returns a piece's segments on the piece's own timeline; they are
    shifted onto the file's timeline here. It gets the pieces' own context: when the
    job ends early (a piece failed, the user cancelled, the caller stopped reading),
    the pieces still in flight are cancelled with it, so their requests close at once.
    """
    total = sum(p.duration for p in pieces) + (pieces[0].offset if pieces else 0.0)
    pieces_context = JobContext(on_status=context.report_status)
    with ThreadPoolExecutor(max_workers=max(1, parallel), thread_name_prefix="remote-piece") as pool:
        waiting: list[tuple[AudioPiece, Future[list[Segment]]]] = []
        upcoming = iter(pieces)

        def start(piece: AudioPiece) -> Future[list[Segment]]:
            return pool.submit(recognise, piece, pieces_context)

        try:
            _fill(waiting, upcoming, start, parallel)
            while waiting:
                _wait_for_first(waiting, context)
                piece, future = waiting.pop(0)
                segments = future.result()
                context.check_cancelled()
                if isinstance(segments, UntimedText) and segments:
                    context.report_note(translated(UNTIMED_NOTE))
                yield from (shifted(s, piece.offset) for s in segments)
                context.report_progress(piece.offset + piece.duration, total)
                _fill(waiting, upcoming, start, parallel)
        finally:
            pieces_context.cancel_event.set()
            for _, future in waiting:
                future.cancel()


def _wait_for_first(waiting: list[tuple[AudioPiece, Future[list[Segment]]]], context: JobContext) -> None:
    """Until the first piece is done; sooner if any piece failed or the user cancelled."""
    futures = [future for _, future in waiting]
    while not futures[0].done():
        done, _ = wait(futures, timeout=PIECE_CHECK_SECONDS, return_when=FIRST_COMPLETED)
        context.check_cancelled()
        for future in done:
            if not future.cancelled() and future.exception() is not None:
                future.result()  # raises the piece's failure


def _fill(
    waiting: list[tuple[AudioPiece, Future[list[Segment]]]],
    upcoming: Iterator[AudioPiece],
    start: Callable[[AudioPiece], Future[list[Segment]]],
    parallel: int,
) -> None:
    while len(waiting) < max(1, parallel):
        piece = next(upcoming, None)
        if piece is None:
            return
        waiting.append((piece, start(piece)))


def segments_from_words(words: list[Word], max_gap: float = 1.0, max_words: int = 40) -> list[Segment]:
    """Sentences from a bare word list: a cut after end punctuation, a long pause or too many words."""
    segments: list[Segment] = []
    current: list[Word] = []
    for word in words:
        if current and (word.start - current[-1].end > max_gap or len(current) >= max_words):
            segments.append(_segment_of(current))
            current = []
        current.append(word)
        if word.text.rstrip().endswith((".", "?", "!", "。", "？", "！")):
            segments.append(_segment_of(current))
            current = []
    if current:
        segments.append(_segment_of(current))
    return segments


def _segment_of(words: list[Word]) -> Segment:
    text = " ".join(w.text.strip() for w in words if w.text.strip())
    return Segment(start=words[0].start, end=words[-1].end, text=text, words=list(words))


def probe_clip(seconds: float = 1.0) -> AudioClip:
    """A short quiet clip, enough for a service to prove it can recognise something."""
    return AudioClip(np.zeros(int(seconds * SAMPLE_RATE), dtype=np.float32))
