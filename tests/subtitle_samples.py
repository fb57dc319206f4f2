"""Transcripts for format and re-flow tests: the real JFK speech, and random ones for hypothesis."""

from __future__ import annotations

from pathlib import Path

import av
from hypothesis import strategies as st

from app.core.transcript import Segment, Transcript, Word

_recognised: dict[Path, Transcript] = {}


def recognised_with_words(engine, path: Path) -> Transcript:
    """The tiny.en transcript of ``path`` with word timestamps, recognised once per session."""
    from app.core.audio import decode_audio
    from app.engines.base import JobContext, TranscriptionOptions, run_transcription

    if path not in _recognised:
        options = TranscriptionOptions(model="tiny.en", language="en", word_timestamps=True)
        _recognised[path] = run_transcription(engine, decode_audio(path), options, JobContext())
    return _recognised[path]


def ffmpeg_cues(path: Path) -> list[tuple[float, float, str]]:
    """(start ms, end ms, text) of every cue FFmpeg reads from a subtitle file, through PyAV."""
    cues = []
    with av.open(str(path)) as container:
        stream = container.streams.subtitles[0]
        for packet in container.demux(stream):
            if packet.pts is None:
                continue
            start = float(packet.pts * packet.time_base * 1000)
            end = start + float(packet.duration * packet.time_base * 1000)
            text = "\n".join(s.dialogue.decode("utf-8") for s in packet.decode())
            cues.append((start, end, text))
    return cues


_LETTERS = st.sampled_from(list("abcdefghijklmnopqrstuvwxyzABCDEZéüñçßжшΩ你好"))
_PUNCTUATION = st.sampled_from(["", "", "", ",", ".", "?", "!", ":", ";", "…", "'s", "-"])
spoken_words = st.builds(
    lambda letters, mark: letters + mark, st.text(_LETTERS, min_size=1, max_size=14), _PUNCTUATION
)


@st.composite
def random_transcripts(draw, with_words: bool | None = None, speakers: bool = True) -> Transcript:
    """Segments in time order with words timed inside them (sometimes none, sometimes touching)."""
    segments = []
    clock = draw(st.floats(0, 5))
    for _ in range(draw(st.integers(1, 8))):
        texts = draw(st.lists(spoken_words, min_size=1, max_size=30))
        timed = draw(st.booleans()) if with_words is None else with_words
        words = []
        start = clock
        for text in texts:
            length = draw(st.floats(0.0, 1.5))
            words.append(Word(round(clock, 3), round(clock + length, 3), text))
            clock += length + draw(st.sampled_from([0.0, 0.0, 0.05, 0.4, 2.0]))
        speaker = draw(st.sampled_from([None, "Ann", "Bo"])) if speakers else None
        segments.append(Segment(round(start, 3), round(clock, 3), " ".join(texts), speaker, words if timed else []))
        clock += draw(st.floats(0, 3))
    return Transcript(segments=segments, language="en")
