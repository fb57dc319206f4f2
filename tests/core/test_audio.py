"""Decoding every common container to 16 kHz mono float32, and clear errors for bad files."""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path

import av
import numpy as np
import pytest
import soundfile

from app.core.audio import SAMPLE_RATE, audio_channel_count, decode_audio, decode_audio_range, open_audio_file
from app.core.errors import AudioDecodeError
from tests.conftest import SHARED_AUDIO

# container extension -> (audio codec, sample format) PyAV/FFmpeg can write
CONTAINERS = {
    "wav": ("pcm_s16le", "s16"),
    "flac": ("flac", "s16"),
    "mp3": ("libmp3lame", "fltp"),
    "m4a": ("aac", "fltp"),
    "aac": ("aac", "fltp"),
    "ogg": ("libopus", "flt"),  # PyAV's FFmpeg has no Vorbis encoder; Ogg with Opus inside
    "opus": ("libopus", "flt"),
    "webm": ("libopus", "flt"),
    "mp4": ("aac", "fltp"),
    "mkv": ("flac", "s16"),
    "mov": ("aac", "fltp"),
}


def encode(samples: np.ndarray, path: Path, codec: str, sample_format: str, rate: int = 48_000,
           with_video: bool = False) -> Path:
    """Write ``samples`` (channels x n, float in -1..1, at ``rate``) into ``path`` with FFmpeg."""
    layout = "stereo" if samples.shape[0] == 2 else "mono"
    with av.open(str(path), "w") as container:
        video = None
        if with_video:
            video = container.add_stream("mpeg4", rate=10)
            video.width, video.height, video.pix_fmt = 64, 48, "yuv420p"
        stream = container.add_stream(codec, rate=rate, layout=layout)
        frame_size = stream.codec_context.frame_size or 1024
        for offset in range(0, samples.shape[1], frame_size):
            chunk = samples[:, offset:offset + frame_size]
            frame = _audio_frame(chunk, sample_format, layout, rate, offset)
            container.mux(stream.encode(frame))
        container.mux(stream.encode(None))
        if video is not None:
            for index in range(int(samples.shape[1] / rate * 10)):
                image = av.VideoFrame.from_ndarray(np.zeros((48, 64, 3), np.uint8), format="rgb24")
                image.pts = index
                container.mux(video.encode(image))
            container.mux(video.encode(None))
    return path


def _audio_frame(chunk: np.ndarray, sample_format: str, layout: str, rate: int, offset: int) -> av.AudioFrame:
    if sample_format == "s16":
        data = (np.clip(chunk, -1, 1) * 32767).astype(np.int16).T.reshape(1, -1)
    elif sample_format == "flt":
        data = chunk.astype(np.float32).T.reshape(1, -1)
    else:  # planar float
        data = chunk.astype(np.float32)
    frame = av.AudioFrame.from_ndarray(np.ascontiguousarray(data), format=sample_format, layout=layout)
    frame.sample_rate = rate
    frame.pts = offset
    frame.time_base = Fraction(1, rate)
    return frame


@pytest.fixture(scope="module")
def jfk_48k(jfk_path: Path) -> np.ndarray:
    """The JFK speech as stereo at 48 kHz: speech on the left, silence on the right."""
    with av.open(str(jfk_path)) as container:
        resampler = av.AudioResampler(format="fltp", layout="mono", rate=48_000)
        pieces = [f.to_ndarray()[0] for frame in container.decode(audio=0) for f in resampler.resample(frame)]
    speech = np.concatenate(pieces)[: 48_000 * 4]  # four seconds keep the encoders quick
    return np.stack([speech, np.zeros_like(speech)])


@pytest.mark.parametrize("extension", sorted(CONTAINERS))
def test_every_common_container_decodes_to_16k_mono(extension: str, jfk_48k, tmp_path: Path) -> None:
    codec, sample_format = CONTAINERS[extension]
    path = encode(jfk_48k, tmp_path / f"speech.{extension}", codec, sample_format)

    clip = decode_audio(path)

    assert clip.samples.dtype == np.float32
    assert clip.samples.ndim == 1
    assert clip.sample_rate == SAMPLE_RATE
    assert clip.duration == pytest.approx(4.0, abs=0.1)
    assert 0.005 < float(np.sqrt(np.mean(clip.samples**2))) < 0.5  # real speech, not silence or noise


def test_video_file_with_sound_decodes_its_audio_track(jfk_48k, tmp_path: Path) -> None:
    path = encode(jfk_48k, tmp_path / "talk.mp4", "aac", "fltp", with_video=True)
    clip = decode_audio(path)
    assert clip.duration == pytest.approx(4.0, abs=0.1)


def test_channel_choice_picks_one_side_of_a_stereo_file(jfk_48k, tmp_path: Path) -> None:
    path = encode(jfk_48k, tmp_path / "stereo.wav", "pcm_s16le", "s16")
    assert audio_channel_count(path) == 2

    left = decode_audio(path, channel=0).samples
    right = decode_audio(path, channel=1).samples
    mixed = decode_audio(path).samples

    assert np.abs(left).max() > 0.1
    assert np.abs(right).max() < 1e-3
    assert 0 < np.abs(mixed).max() < np.abs(left).max()


def test_a_channel_the_file_does_not_have_is_a_clear_error(jfk_48k, tmp_path: Path) -> None:
    path = encode(jfk_48k[:1], tmp_path / "mono.wav", "pcm_s16le", "s16")
    with pytest.raises(AudioDecodeError, match=r"channel 2 of “mono.wav”: it has 1 channel"):
        decode_audio(path, channel=1)


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(
    ("make", "reason"),
    [
        (lambda d: d / "absent.wav", "does not exist"),
        (lambda d: _write(d / "empty.mp3", b""), "is empty"),
        (lambda d: _write(d / "junk.m4a", bytes(range(256)) * 40), "not an audio or video file"),
        (lambda d: _write(d / "notes.wav", b"RIFF\x00\x00\x00\x00WAVEthis is not audio"), "not an audio or video file"),
        (lambda d: d, "is a folder"),
    ],
    ids=["missing", "empty", "junk", "truncated-wav", "folder"],
)
@pytest.mark.parametrize("read", [decode_audio, lambda path: list(open_audio_file(path).chunks())],
                         ids=["decoded", "streamed"])
def test_unreadable_files_raise_one_sentence_naming_the_file(make, reason: str, read, tmp_path: Path) -> None:
    path = make(tmp_path)
    with pytest.raises(AudioDecodeError) as caught:
        read(path)
    message = str(caught.value)
    assert path.name in message
    assert reason in message
    assert message.endswith(".") and "\n" not in message


def test_video_without_audio_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "silent-film.mp4"
    with av.open(str(path), "w") as container:
        video = container.add_stream("mpeg4", rate=10)
        video.width, video.height, video.pix_fmt = 64, 48, "yuv420p"
        for index in range(10):
            image = av.VideoFrame.from_ndarray(np.zeros((48, 64, 3), np.uint8), format="rgb24")
            image.pts = index
            container.mux(video.encode(image))
        container.mux(video.encode(None))
    with pytest.raises(AudioDecodeError, match=r"“silent-film\.mp4”: it has no audio track"):
        decode_audio(path)


def test_zero_length_audio_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "nothing.wav"
    soundfile.write(path, np.zeros(0, np.float32), 16_000)  # a valid header and no samples
    with pytest.raises(AudioDecodeError, match=r"“nothing\.wav”: it contains no audio samples"):
        decode_audio(path)


def test_zero_length_audio_streamed_is_the_same_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "nothing.wav"
    soundfile.write(path, np.zeros(0, np.float32), 16_000)
    with pytest.raises(AudioDecodeError, match=r"“nothing\.wav”: it contains no audio samples"):
        list(open_audio_file(path).chunks())


@pytest.mark.parametrize("extension", ["mp3", "m4a", "wav"])
def test_a_streamed_file_gives_the_decoded_samples_in_bounded_chunks(extension: str, jfk_48k, tmp_path: Path) -> None:
    codec, sample_format = CONTAINERS[extension]
    path = encode(jfk_48k, tmp_path / f"speech.{extension}", codec, sample_format)

    audio = open_audio_file(path)
    chunks = list(audio.chunks(chunk_samples=5_000))

    assert audio.duration == pytest.approx(4.0, abs=0.1)  # from the header, before any decoding
    assert all(len(c) == 5_000 for c in chunks[:-1]) and 0 < len(chunks[-1]) <= 5_000
    assert all(c.dtype == np.float32 for c in chunks)
    assert np.array_equal(np.concatenate(chunks), decode_audio(path).samples)


def test_a_streamed_channel_is_that_channel(jfk_48k, tmp_path: Path) -> None:
    path = encode(jfk_48k, tmp_path / "stereo.wav", "pcm_s16le", "s16")
    right = np.concatenate(list(open_audio_file(path, channel=1).chunks()))
    assert np.array_equal(right, decode_audio(path, channel=1).samples)
    with pytest.raises(AudioDecodeError, match=r"channel 3 of “stereo.wav”: it has 2 channel"):
        open_audio_file(path, channel=2)


@pytest.mark.parametrize("name", ["jfk.flac", "multilingual.mp3"])  # a stereo FLAC, a mono MP3
def test_a_file_decodes_to_the_16_bit_samples_whisper_is_given(name: str) -> None:
    """faster-whisper (and OpenAI's whisper, through FFmpeg's s16le) give the model 16-bit samples over
    32768: Earshot's decode is the same, sample for sample, streamed or whole."""
    from faster_whisper.audio import decode_audio as reference_decode

    path = SHARED_AUDIO / name
    expected = reference_decode(str(path))

    assert np.array_equal(decode_audio(path).samples, expected)
    assert np.array_equal(np.concatenate(list(open_audio_file(path).chunks(chunk_samples=48_000))), expected)
    passage = decode_audio_range(path, 2.0, 5.0).samples  # after a seek: the same grid, the resampler's own phase
    assert np.array_equal(passage * 32768, np.round(passage * 32768))


def test_a_stereo_file_is_mixed_to_the_mean_of_its_channels() -> None:
    """Not FFmpeg's float downmix, which adds the channels at -3 dB each (√2 louder than either, past full scale
    on jfk.flac) where its integer downmix, and every reference decoder, averages them."""
    path = SHARED_AUDIO / "jfk.flac"
    left, right = decode_audio(path, channel=0).samples, decode_audio(path, channel=1).samples
    mixed = decode_audio(path).samples

    assert np.abs(mixed - (left + right) / 2).max() <= 1 / 32768  # one step of rounding
    assert np.abs(mixed).max() <= 1.0
