"""Live transcription with tiny.en on real speech: text commits as audio arrives, nothing is lost when behind."""

from __future__ import annotations

import itertools
import time

import numpy as np
import pytest

from app.core.audio import AudioClip, decode_audio
from app.core.errors import EarshotError
from app.core.transcript import Segment
from app.engines.base import JobContext, TranscriptionOptions, run_transcription
from app.engines.live import LiveListeners, LocalLiveTranscriber
from app.engines.live.local import MIN_PASS_SECONDS
from tests.conftest import JFK_REFERENCE
from tests.speech import word_error_rate

OPTIONS = TranscriptionOptions(model="tiny.en", language="en", beam_size=1)


@pytest.fixture(scope="module")
def jfk_at_44100(jfk_path) -> np.ndarray:
    """jfk as a 44.1 kHz device would deliver it, so the session's resampling is exercised too."""
    from app.core.stream_resampler import StreamResampler

    clip = decode_audio(jfk_path)
    upsampler = StreamResampler(16000, 44100)
    return np.concatenate([upsampler.resample(clip.samples), upsampler.flush()])


@pytest.fixture(scope="module")
def tiny_model(local_engine):
    return local_engine.load_model(OPTIONS)


def offline_wer(local_engine, samples: np.ndarray) -> float:
    transcript = run_transcription(local_engine, AudioClip(samples), TranscriptionOptions(model="tiny.en"),
                                   JobContext())
    return word_error_rate(JFK_REFERENCE, transcript.text)


def test_text_is_committed_while_audio_arrives_and_committed_text_never_changes(
    tiny_model, local_engine, jfk_at_44100, jfk_path
) -> None:
    committed: list[Segment] = []
    tentative: list[str] = []
    live = LocalLiveTranscriber(tiny_model, OPTIONS,
                                LiveListeners(on_committed=committed.extend, on_tentative=tentative.append))
    live.start()
    step = 2 * 44100  # two seconds a step: a pass a step
    committed_before_the_end = 0
    for start in range(0, len(jfk_at_44100), step):
        live.feed(jfk_at_44100[start:start + step], 44100)
        deadline = time.monotonic() + 20
        while live.waiting_seconds > 0.05 and time.monotonic() < deadline:  # as if recognition kept pace
            time.sleep(0.02)
        committed_before_the_end = len(committed)
    transcript = live.stop()

    assert live.error is None
    assert committed_before_the_end > 0 and any(tentative)
    assert transcript.segments == committed  # what was committed is the transcript, unchanged and in order
    assert all(a.start < b.start for a, b in itertools.pairwise(committed))
    reference_wer = offline_wer(local_engine, decode_audio(jfk_path).samples)
    assert word_error_rate(JFK_REFERENCE, transcript.text) <= 1.3 * reference_wer + 1 / 22
    assert transcript.duration == pytest.approx(11.0, abs=0.1)


def feed_as_recorded(live: LocalLiveTranscriber, samples: np.ndarray, block_seconds: float = 0.1) -> None:
    """``samples`` (16 kHz) in recorder-sized blocks, each after recognition has caught up as on a quiet machine."""
    block = int(block_seconds * 16000)
    for start in range(0, len(samples), block):
        live.feed(samples[start:start + block], 16000)
        deadline = time.monotonic() + 20
        while live.waiting_seconds >= MIN_PASS_SECONDS and time.monotonic() < deadline:
            time.sleep(0.01)


def test_silence_after_the_speech_is_never_transcribed_not_even_at_the_stop(tiny_model, jfk_path) -> None:
    """Whisper hears words in silence ("Thank you." after the speaker stopped): no pass may commit any."""
    speech = decode_audio(jfk_path).samples
    lead = np.zeros(8000, dtype=np.float32)
    live = LocalLiveTranscriber(tiny_model, OPTIONS)
    live.start()
    feed_as_recorded(live, np.concatenate([lead, speech, np.zeros(3 * 16000, dtype=np.float32)]))
    transcript = live.stop()

    last_word_ends = 0.5 + 10.7  # "… for your country." ends 10.7 s into the clip
    invented = [w.text for segment in transcript.segments for w in segment.words if w.start >= last_word_ends]
    assert transcript.segments and invented == []
    assert word_error_rate(JFK_REFERENCE, transcript.text) <= 2 / 22


def test_when_recognition_falls_behind_audio_waits_and_nothing_is_dropped(tiny_model, jfk_path) -> None:
    lags: list[float] = []
    clip = decode_audio(jfk_path)
    live = LocalLiveTranscriber(tiny_model, OPTIONS, LiveListeners(on_lag=lags.append))
    live.feed(clip.samples, 16000)  # 11 s at once: far more than one pass takes (at most 10 s)
    live.start()
    transcript = live.stop()

    assert max(lags) > 5.0 and lags[-1] == 0.0  # the backlog was reported, then worked off
    assert word_error_rate(JFK_REFERENCE, transcript.text) < 0.2
    assert transcript.segments[-1].end > 10.0


def test_cancel_stops_without_recognising_the_backlog(tiny_model, jfk_path) -> None:
    clip = decode_audio(jfk_path)
    live = LocalLiveTranscriber(tiny_model, OPTIONS)
    live.feed(np.tile(clip.samples, 6), 16000)  # a minute
    live.start()
    started = time.monotonic()
    live.cancel()
    assert time.monotonic() - started < 15  # at most the pass under way, not the whole minute
    assert live.error is None and live.processed_seconds < 60


def test_a_model_that_fails_is_one_sentence(jfk_path) -> None:
    class BrokenModel:
        def transcribe(self, *_args, **_kwargs):
            raise RuntimeError("out of memory")

    errors: list[EarshotError] = []
    live = LocalLiveTranscriber(BrokenModel(), OPTIONS, LiveListeners(on_error=errors.append))
    live.start()
    live.feed(decode_audio(jfk_path).samples, 16000)
    live.stop()
    assert [str(e) for e in errors] == ["Live recognition failed: out of memory."]
    assert live.error is errors[0]


def test_a_pause_commits_the_whole_hypothesis_without_waiting_for_another_pass(tiny_model, jfk_path) -> None:
    speech = decode_audio(jfk_path).samples[: int(8.1 * 16000)].copy()  # "… can do for you", then a pause
    speech[-800:] *= np.linspace(1.0, 0.0, 800, dtype=np.float32)
    committed: list[Segment] = []
    live = LocalLiveTranscriber(tiny_model, OPTIONS, LiveListeners(on_committed=committed.extend))
    live.feed(np.concatenate([speech, np.zeros(int(1.9 * 16000), dtype=np.float32)]), 16000)
    live.start()  # exactly one pass (10 s): no second pass could agree with it
    deadline = time.monotonic() + 60
    while live.waiting_seconds > 0 and time.monotonic() < deadline:
        time.sleep(0.02)
    committed_at_the_pause = " ".join(s.text for s in committed)
    live.stop()

    reference = "And so my fellow Americans, ask not what your country can do for you"
    assert word_error_rate(reference, committed_at_the_pause) < 0.15


def test_a_pass_encodes_only_the_audio_it_has_and_finds_the_same_words(tiny_model, jfk_path) -> None:
    from app.engines.live.short_window import MIN_WINDOW_FRAMES, short_window_model, without_padding

    padded = np.zeros((80, 3000), dtype=np.float32)
    padded[:, :1234] = -0.5
    assert without_padding(padded).shape == (80, 1400)  # the sound, to the next whole second, plus a second
    padded[:, 400:] = 0.0
    assert without_padding(padded).shape == (80, MIN_WINDOW_FRAMES)
    samples = decode_audio(jfk_path).samples[: 8 * 16000]
    short = short_window_model(tiny_model)
    texts = [" ".join(s.text for s in model.transcribe(samples, language="en", beam_size=1)[0])
             for model in (tiny_model, short)]
    assert texts[0] == texts[1] and word_error_rate(JFK_REFERENCE, texts[1]) < 0.4
