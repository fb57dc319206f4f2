"""Long recordings are transcribed from a streamed decode: the engine holds a bounded window, never the whole file."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest
import soundfile

from app.core.audio import SAMPLE_RATE, AudioFile, decode_audio, open_audio_file
from app.core.errors import Cancelled
from app.engines.base import JobContext, TranscriptionOptions, run_transcription
from app.engines.passage_decoder import PassageDecoder
from tests.conftest import JFK_REFERENCE
from tests.speech import word_error_rate

TINY = TranscriptionOptions(model="tiny.en")
CHUNK_SAMPLES = SAMPLE_RATE  # one-second chunks: many seams between chunks
PASSAGE_SAMPLES = 30 * SAMPLE_RATE
READINGS, SILENCE_SECONDS = 2, 110  # JFK, then silence, twice: over two minutes, only 22 s to recognise


class CountingSource:
    """An AudioFile read in one-second chunks, counting every sample it hands out."""

    def __init__(self, audio: AudioFile) -> None:
        self._audio = audio
        self.samples_delivered = 0
        self.largest_chunk = 0

    @property
    def source(self) -> Path:
        return self._audio.source

    @property
    def channel(self) -> int | None:
        return self._audio.channel

    @property
    def duration(self) -> float:
        return self._audio.duration

    def chunks(self, chunk_samples: int = CHUNK_SAMPLES) -> Iterator[np.ndarray]:
        for chunk in self._audio.chunks(CHUNK_SAMPLES):
            self.samples_delivered += len(chunk)
            self.largest_chunk = max(self.largest_chunk, len(chunk))
            yield chunk


@pytest.fixture(scope="module")
def long_recording(jfk_path: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Over four minutes: JFK's eleven seconds twice, each followed by 110 seconds of silence."""
    speech = decode_audio(jfk_path).samples
    path = tmp_path_factory.mktemp("long") / "long.flac"
    with soundfile.SoundFile(path, "w", SAMPLE_RATE, 1, format="FLAC") as output:
        for _ in range(READINGS):
            output.write(speech)
            output.write(np.zeros(SILENCE_SECONDS * SAMPLE_RATE, dtype=np.float32))
    return path


def test_a_long_file_is_transcribed_holding_only_a_passage_and_a_chunk(local_engine, long_recording: Path) -> None:
    source = CountingSource(open_audio_file(long_recording))
    model = local_engine.load_model(TINY)
    decoder = PassageDecoder(model, TINY)

    segments = list(decoder.segments(source, JobContext()))

    total = len(decode_audio(long_recording).samples)
    assert total > 4 * (PASSAGE_SAMPLES + CHUNK_SAMPLES)
    assert total < source.samples_delivered <= 2 * total  # read twice: speech found, then passages cut out
    assert source.largest_chunk == CHUNK_SAMPLES
    assert decoder.reader.most_samples_held <= PASSAGE_SAMPLES + CHUNK_SAMPLES
    assert word_error_rate(" ".join([JFK_REFERENCE] * READINGS), " ".join(s.text for s in segments)) < 0.15
    starts = [s.start for s in segments]
    assert starts == sorted(starts) and segments[-1].end <= total / SAMPLE_RATE
    assert any(s.start > 120 for s in segments)  # the last reading keeps its place in the recording


def test_cancel_stops_the_search_for_speech_within_a_chunk(local_engine, long_recording: Path) -> None:
    cancel = threading.Event()

    class CancelAfterTwoChunks(CountingSource):
        def chunks(self, chunk_samples: int = CHUNK_SAMPLES) -> Iterator[np.ndarray]:
            for chunk in super().chunks(chunk_samples):
                if self.samples_delivered >= 2 * CHUNK_SAMPLES:
                    cancel.set()
                yield chunk

    source = CancelAfterTwoChunks(open_audio_file(long_recording))
    decoder = PassageDecoder(local_engine.load_model(TINY), TINY)
    with pytest.raises(Cancelled):
        list(decoder.segments(source, JobContext(cancel_event=cancel)))
    assert source.samples_delivered == 2 * CHUNK_SAMPLES  # the first pass stopped at once, the second never began


def test_a_streamed_file_gives_the_same_transcript_as_the_decoded_clip(local_engine, jfk_path: Path) -> None:
    progress: list[float] = []
    context = JobContext(on_progress=lambda fraction, _total: progress.append(fraction))
    streamed = run_transcription(local_engine, open_audio_file(jfk_path), TINY, context)
    decoded = run_transcription(local_engine, decode_audio(jfk_path), TINY, JobContext())

    assert streamed.segments == decoded.segments
    assert word_error_rate(JFK_REFERENCE, streamed.text) < 0.15
    assert streamed.duration == pytest.approx(11.0, abs=0.1)
    assert streamed.media_path and streamed.media_path.endswith("jfk.flac")
    assert progress == sorted(progress) and progress[-1] == 1.0


def test_without_voice_activity_a_streamed_file_gives_the_same_transcript(local_engine, jfk_path: Path) -> None:
    options = TranscriptionOptions(model="tiny.en", vad_filter=False)
    streamed = run_transcription(local_engine, open_audio_file(jfk_path), options, JobContext())
    decoded = run_transcription(local_engine, decode_audio(jfk_path), options, JobContext())
    assert streamed.segments == decoded.segments
    assert word_error_rate(JFK_REFERENCE, streamed.text) < 0.15


def test_fast_mode_decodes_the_passages_in_a_batch_each_in_its_place(local_engine, long_recording: Path) -> None:
    options = TranscriptionOptions(model="tiny.en", fast_mode=True)
    transcript = run_transcription(local_engine, open_audio_file(long_recording), options, JobContext())

    segments = transcript.segments
    assert word_error_rate(" ".join([JFK_REFERENCE] * READINGS), transcript.text) < 0.15
    assert len(segments) > READINGS  # sentences, not one segment per passage
    starts = [s.start for s in segments]
    assert starts == sorted(starts) and all(s.start < s.end for s in segments)
    every = 11.0 + SILENCE_SECONDS
    readings = [(i * every, i * every + 11.1) for i in range(READINGS)]  # each reading's place in the recording
    reading_of = [next((i for i, (start, end) in enumerate(readings) if start - 0.5 <= s.start <= end), None)
                  for s in segments]
    assert None not in reading_of and set(reading_of) == set(range(READINGS))
