"""The diarization engine on real speech: conversations built from single-speaker recordings."""

from __future__ import annotations

import threading

import numpy as np
import pytest

from app.core.audio import AudioClip, decode_audio
from app.core.errors import Cancelled
from app.core.speaker_turns import SpeakerCount, SpeakerTurn
from app.engines.base import JobContext
from app.engines.diarization import DiarizationEngine, DiarizationOptions, SpeakerAnalysis
from app.engines.diarization.features import filterbank_features
from app.engines.diarization.speaker_embedder import WINDOW_FRAMES
from tests.conftest import SHARED_AUDIO
from tests.diarization_scoring import (
    READERS,
    alternating_turns,
    build_conversation,
    diarization_error_rate,
    two_speaker_clips,
    words_with_the_right_speaker,
)

DEV = SHARED_AUDIO / "dev"
ENGLISH_READER, SONNET_READER, FRENCH_READER = READERS[:3]


@pytest.fixture(scope="module")
def engine() -> DiarizationEngine:
    engine = DiarizationEngine()
    engine.prepare()
    return engine


def _diarize(engine: DiarizationEngine, samples: np.ndarray, count: SpeakerCount | None = None,
             context: JobContext | None = None) -> list[SpeakerTurn]:
    options = DiarizationOptions(speakers=count or SpeakerCount())
    return engine.diarize(AudioClip(samples), options, context or JobContext())


def _speakers(turns: list[SpeakerTurn]) -> list[str]:
    return sorted({turn.speaker for turn in turns})


@pytest.fixture(scope="module")
def two_speakers() -> tuple[np.ndarray, list[SpeakerTurn]]:
    return build_conversation(two_speaker_clips())


@pytest.fixture(scope="module")
def two_speakers_analysed(engine, two_speakers) -> tuple[SpeakerAnalysis, list[float]]:
    """The analysis of the two-speaker conversation, and the progress it reported."""
    fractions: list[float] = []
    context = JobContext(on_progress=lambda fraction, _total: fractions.append(fraction))
    return engine.analyse(AudioClip(two_speakers[0]), DiarizationOptions(), context), fractions


def test_embeddings_tell_one_voice_from_another() -> None:
    from app.engines.diarization.speaker_embedder import SpeakerEmbedder

    embedder = SpeakerEmbedder()

    def voice(name: str) -> np.ndarray:
        features = filterbank_features(decode_audio(DEV / name).samples)
        return embedder.embed(features[None, :WINDOW_FRAMES])[0]

    thorsten = [voice(f"de_thorsten_sample0{n}.wav") for n in (1, 3, 4)]
    others = [voice(name) for name in (
        "en_ljspeech_LJ001-0001.wav", "en_librispeech_61-70968-0000.flac", "en_librispeech_2412-153948-0000.flac",
        "zh_aishell_BAC009S0764W0121.wav",
    )]
    same = [float(a @ b) for i, a in enumerate(thorsten) for b in thorsten[i + 1:]]
    different = [float(a @ b) for a in thorsten + others[:1] for b in others[1:]]
    assert min(same) > 0.5, same
    assert max(different) < 0.3, different


def test_two_speakers_are_found_with_a_low_error(two_speakers, two_speakers_analysed) -> None:
    reference = two_speakers[1]
    turns = two_speakers_analysed[0].turns(SpeakerCount())
    assert _speakers(turns) == ["Speaker 1", "Speaker 2"]
    assert turns[0].speaker == "Speaker 1" and turns[0].start < 1.0
    assert diarization_error_rate(reference, turns) < 0.1


def test_three_speakers_are_found_with_a_low_error(engine) -> None:
    samples, reference = build_conversation(alternating_turns([ENGLISH_READER, SONNET_READER, FRENCH_READER], 3, 5))
    turns = _diarize(engine, samples)
    assert len(_speakers(turns)) == 3
    assert diarization_error_rate(reference, turns) < 0.12


def test_six_voices_are_counted_within_one(engine) -> None:
    samples, reference = build_conversation(alternating_turns(READERS, 2, 5))
    turns = _diarize(engine, samples)
    assert 5 <= len(_speakers(turns)) <= 7
    assert diarization_error_rate(reference, turns) < 0.2


def test_one_voice_stays_one(engine, jfk_path) -> None:
    assert _speakers(_diarize(engine, decode_audio(jfk_path).samples)) == ["Speaker 1"]
    reading = decode_audio(ENGLISH_READER).samples[: 60 * 16_000]
    assert _speakers(_diarize(engine, reading)) == ["Speaker 1"]


def test_silence_has_no_speakers(engine) -> None:
    assert _diarize(engine, np.zeros(10 * 16_000, dtype=np.float32)) == []
    assert _diarize(engine, np.zeros(100, dtype=np.float32)) == []


def test_a_given_number_of_speakers_is_kept(two_speakers_analysed) -> None:
    analysis = two_speakers_analysed[0]
    assert len(_speakers(analysis.turns(SpeakerCount.exactly(3)))) == 3
    assert len(_speakers(analysis.turns(SpeakerCount(1, 1)))) == 1
    assert len(_speakers(analysis.turns(SpeakerCount(3, 5)))) == 3
    assert len(_speakers(analysis.turns(SpeakerCount(1, 4)))) == 2


def test_a_given_number_of_speakers_still_finds_the_voices(two_speakers, two_speakers_analysed) -> None:
    """The count the user gives picks the voices, not a few outlying windows at the top of the tree."""
    analysis, reference = two_speakers_analysed[0], two_speakers[1]
    for count in (SpeakerCount.exactly(2), SpeakerCount(2, 4), SpeakerCount(1, 2)):
        turns = analysis.turns(count)
        assert _speakers(turns) == ["Speaker 1", "Speaker 2"], count
        assert diarization_error_rate(reference, turns) < 0.1, count
    three = analysis.turns(SpeakerCount.exactly(3))
    assert diarization_error_rate(reference, three) < 0.3  # the third is a small part of one voice


def test_progress_rises_and_cancel_stops_the_job(engine, two_speakers, two_speakers_analysed) -> None:
    fractions = two_speakers_analysed[1]
    assert fractions == sorted(fractions) and fractions[-1] == pytest.approx(0.95) and len(fractions) > 3
    samples = two_speakers[0]
    cancel = threading.Event()

    def cancel_midway(fraction: float, _total: float) -> None:
        if fraction > 0.4:
            cancel.set()

    seen: list[float] = []
    context = JobContext(on_progress=lambda f, t: (seen.append(f), cancel_midway(f, t)), cancel_event=cancel)
    with pytest.raises(Cancelled):
        _diarize(engine, samples, context=context)
    assert max(seen) < 0.7  # stopped at the next region, not at the end


def test_a_long_speech_region_stops_between_batches_when_cancelled() -> None:
    """A region's windows were embedded in one go, seconds under load with the cancel unheard: it is now asked
    before each batch of windows."""
    from app.engines.diarization.embedding_windows import region_windows
    from app.engines.diarization.speaker_embedder import SpeakerEmbedder

    samples = decode_audio(DEV / "en_ljspeech_LJ001-0001.wav").samples
    _region, windows = region_windows(samples, 0, len(samples))
    cancel = threading.Event()
    context = JobContext(cancel_event=cancel)
    batches_begun = 0

    def cancelled_once_the_first_batch_runs() -> None:
        nonlocal batches_begun
        context.check_cancelled()
        batches_begun += 1
        cancel.set()

    with pytest.raises(Cancelled):
        SpeakerEmbedder().embed(windows, cancelled_once_the_first_batch_runs)
    assert len(windows) > 8 and batches_begun == 1


def test_a_transcript_gets_the_speakers_of_the_conversation(local_engine, two_speakers, two_speakers_analysed) -> None:
    from app.core.speaker_assignment import assign_speakers
    from app.engines.base import TranscriptionOptions, run_transcription

    samples, reference = two_speakers
    options = TranscriptionOptions(model="tiny.en", language="en", word_timestamps=True)
    transcript = run_transcription(local_engine, AudioClip(samples), options, JobContext())
    segments = assign_speakers(transcript.segments, two_speakers_analysed[0].turns(SpeakerCount()))
    assert {segment.speaker for segment in segments} == {"Speaker 1", "Speaker 2"}
    assert segments[0].speaker == "Speaker 1"
    assert words_with_the_right_speaker(segments, reference, {"A": "Speaker 1", "B": "Speaker 2"}) > 0.9
    assert len(segments) >= len(transcript.segments)


def test_speech_across_a_scanning_boundary_stays_one_region() -> None:
    from app.engines.diarization.speech_regions import speech_regions

    reading = decode_audio(ENGLISH_READER).samples[: 75 * 16_000]
    scanned: list[int] = []
    regions = speech_regions(reading, scanned.append)
    assert scanned == [60 * 16_000, 75 * 16_000]
    boundary = 60 * 16_000
    assert not any(abs(end - boundary) < 1_600 for _start, end in regions[:-1])
    assert any(start < boundary < end for start, end in regions)


def test_long_recordings_cluster_a_spread_of_windows_then_join_the_rest(
    two_speakers_analysed, monkeypatch: pytest.MonkeyPatch
) -> None:
    from app.engines.diarization import clustering

    embeddings = two_speakers_analysed[0].embeddings
    everything = clustering.cluster_windows(embeddings, SpeakerCount())
    monkeypatch.setattr(clustering, "MAX_LINKAGE_WINDOWS", len(embeddings) // 3)
    spread = clustering.cluster_windows(embeddings, SpeakerCount())
    assert sorted(set(spread.tolist())) == [0, 1]
    assert (spread == everything).mean() > 0.95
