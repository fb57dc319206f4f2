"""Waveform peaks from a streamed decode: right against numpy, chunked, parallel, cancellable."""

from __future__ import annotations

import threading
from pathlib import Path

import av
import numpy as np
import pytest
import soundfile

from app.core.audio import decoded_frames
from app.core.errors import AudioDecodeError, Cancelled
from app.core.peak_pyramid import BASE_BLOCK_SECONDS
from app.core.waveform_peaks import _frame_samples, compute_peaks, decoded_chunks


def expected_peaks(samples: np.ndarray, sample_rate: int) -> np.ndarray:
    """[min, max] over channels per block, block edges rounded to samples, by plain numpy."""
    block = sample_rate * BASE_BLOCK_SECONDS
    count = int(np.ceil(len(samples) / block - 1e-9))
    rows = []
    for index in range(count):
        piece = samples[round(index * block):min(len(samples), round((index + 1) * block))]
        rows.append((piece.min(), piece.max()))
    return np.array(rows, dtype=np.float32)


@pytest.fixture(scope="module")
def stereo_wav(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, np.ndarray]:
    """Seven seconds of 44.1 kHz stereo int16 noise whose loudness changes, channels differing."""
    rng = np.random.default_rng(3)
    count = 44_100 * 7 + 123  # not a whole number of blocks
    envelope = np.abs(np.sin(np.linspace(0, 9, count)))[:, None]
    samples = (rng.uniform(-1, 1, (count, 2)) * envelope * [0.9, 0.4] * 32767).astype(np.int16)
    path = tmp_path_factory.mktemp("peaks") / "noise.wav"
    soundfile.write(path, samples, 44_100, subtype="PCM_16")
    return path, samples.astype(np.float32) / 32768


def test_peaks_match_numpy_across_chunk_edges(stereo_wav: tuple[Path, np.ndarray]) -> None:
    path, samples = stereo_wav
    expected = expected_peaks(samples, 44_100)
    pyramid = compute_peaks(path, chunk_samples=1_000, workers=1)
    assert pyramid.base.shape == expected.shape
    np.testing.assert_allclose(pyramid.base, expected, atol=1e-6)


def test_parallel_ranges_give_the_same_peaks(stereo_wav: tuple[Path, np.ndarray]) -> None:
    path, _samples = stereo_wav
    one = compute_peaks(path, workers=1).base
    three = compute_peaks(path, workers=3).base
    assert one.shape == three.shape
    np.testing.assert_allclose(one, three, atol=1e-6)


def test_parallel_ranges_of_an_mp3_agree_with_one_pass(tmp_path: Path, jfk_path: Path) -> None:
    """Ranges are placed by frame times: the encoder's delay and the seek do not shift the peaks."""
    from app.core.audio import decode_audio

    samples = np.tile(decode_audio(jfk_path).samples, 3)
    path = tmp_path / "speech.mp3"
    with av.open(str(path), "w") as output:
        stream = output.add_stream("libmp3lame", rate=16_000)
        stream.layout = "mono"
        for offset in range(0, len(samples), 11_520):
            frame = av.AudioFrame.from_ndarray(samples[None, offset:offset + 11_520], format="fltp", layout="mono")
            frame.sample_rate = 16_000
            output.mux(stream.encode(frame))
        output.mux(stream.encode(None))
    one = compute_peaks(path, workers=1).base
    two = compute_peaks(path, workers=2).base
    assert one.shape == two.shape
    differing = np.abs(one - two).max(axis=1) > 0.02
    assert differing.sum() <= 8  # only the few blocks decoded right after the seek (mp3's bit reservoir)


def test_peaks_of_compressed_speech_match_its_decoded_samples(jfk_path: Path) -> None:
    with av.open(str(jfk_path)) as container:
        stream = container.streams.audio[0]
        rate = stream.codec_context.sample_rate
        frames = [_frame_samples(frame) for frame in decoded_frames(container, stream)]
    samples = np.concatenate(frames, axis=1).T
    pyramid = compute_peaks(jfk_path, workers=2)
    np.testing.assert_allclose(pyramid.base, expected_peaks(samples, rate), atol=1e-6)
    assert pyramid.duration == pytest.approx(11.0, abs=0.05)


def test_the_decode_is_streamed_in_bounded_chunks(jfk_path: Path) -> None:
    limit = 4_096
    with av.open(str(jfk_path)) as container:
        stream = container.streams.audio[0]
        total = 0
        sizes = []
        for chunk in decoded_chunks((_frame_samples(f) for f in decoded_frames(container, stream)), limit):
            sizes.append(chunk.shape[1])
            total += chunk.shape[1]
    assert max(sizes) <= limit
    assert all(size == limit for size in sizes[:-1])
    assert total == pytest.approx(11.0 * 44_100, abs=44_100 * 0.05)


def test_progress_reports_partial_peaks_before_the_end(stereo_wav: tuple[Path, np.ndarray]) -> None:
    path, _samples = stereo_wav
    reports: list[tuple[float, int]] = []
    compute_peaks(path, lambda fraction, partial: reports.append((fraction, int(np.isfinite(partial[:, 0]).sum()))),
                  chunk_samples=2_000, workers=1, progress_interval=0.0)
    assert len(reports) > 3
    fractions = [fraction for fraction, _ in reports]
    assert fractions == sorted(fractions) and fractions[-1] == 1.0
    assert 0 < reports[0][1] < reports[-1][1]


def test_a_set_cancel_event_stops_the_computation(stereo_wav: tuple[Path, np.ndarray]) -> None:
    path, _samples = stereo_wav
    cancel = threading.Event()
    cancel.set()
    with pytest.raises(Cancelled):
        compute_peaks(path, cancel_event=cancel, chunk_samples=2_000)


def test_missing_and_undecodable_files_are_one_sentence(tmp_path: Path) -> None:
    with pytest.raises(AudioDecodeError, match="does not exist"):
        compute_peaks(tmp_path / "gone.mp3")
    text = tmp_path / "notes.mp3"
    text.write_text("not audio at all " * 50, encoding="utf-8")
    with pytest.raises(AudioDecodeError, match=r"can decode|no audio track"):
        compute_peaks(text)
