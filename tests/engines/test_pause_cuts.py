"""A long stretch of speech is cut into passages at its longest pause, not at the last short one."""

from __future__ import annotations

import numpy as np

from app.core.audio import decode_audio
from app.engines.passages import SAMPLE_RATE, detect_speech
from app.engines.pause_cuts import WINDOW, PauseRules, cut_at_pauses
from app.engines.speech_detection import speech_probabilities
from tests.conftest import SHARED_AUDIO

RULES = PauseRules(silence_below=0.35, limit=30 * SAMPLE_RATE, pad=SAMPLE_RATE * 4 // 10)
DANISH_READ_ALONG = SHARED_AUDIO / "dev" / "da_readalongs_ap_dan.wav"


def _speech_with_pauses(seconds: float, pauses: list[tuple[float, float]]) -> np.ndarray:
    """Speech probabilities, one per 512-sample window: 0.9, and 0.1 in each (start, length) pause."""
    probabilities = np.full(int(seconds * SAMPLE_RATE) // WINDOW, 0.9, dtype=np.float32)
    for start, length in pauses:
        first = int(start * SAMPLE_RATE) // WINDOW
        probabilities[first:first + int(length * SAMPLE_RATE) // WINDOW] = 0.1
    return probabilities


def _window(seconds: float) -> int:
    return int(seconds * SAMPLE_RATE) // WINDOW * WINDOW


def test_a_stretch_is_cut_at_its_longest_pause_in_reach_not_its_last() -> None:
    # a sentence ends at 20 s (a 1 s pause); a word boundary at 28 s (0.2 s), which the filter would cut at
    probabilities = _speech_with_pauses(50, [(10, 1.5), (20, 1.0), (28, 0.2), (40, 0.3)])

    pieces = cut_at_pauses(0, 50 * SAMPLE_RATE, probabilities, RULES)

    # the 1.5 s pause at 10 s is too early (a passage is not cut shorter than 15 s); the 1 s one is
    # cut with the filter's 0.4 s of padding on each side, the rest of the pause left out
    assert pieces == [(0, _window(20) + RULES.pad), (_window(21) - RULES.pad, 50 * SAMPLE_RATE)]


def test_without_a_pause_in_reach_a_stretch_is_cut_at_the_limit_and_no_piece_is_longer() -> None:
    probabilities = _speech_with_pauses(95, [(70, 0.1)])
    pieces = cut_at_pauses(0, 95 * SAMPLE_RATE, probabilities, RULES)

    assert pieces[0] == (0, RULES.limit)
    assert all(end - start <= RULES.limit for start, end in pieces)
    assert pieces[0][1] == pieces[1][0] and pieces[-1][1] == 95 * SAMPLE_RATE


def test_a_short_pause_is_split_in_the_middle() -> None:
    probabilities = _speech_with_pauses(40, [(25, 0.5)])  # shorter than the padding on both sides
    pieces = cut_at_pauses(0, 40 * SAMPLE_RATE, probabilities, RULES)
    middle = (_window(25) + _window(25.5)) // 2
    assert pieces == [(0, middle), (middle, 40 * SAMPLE_RATE)]


def test_a_real_reading_is_cut_at_a_sentence_end_not_between_two_words() -> None:
    """The Danish read-along runs 37 s without a 2 s pause. faster-whisper's filter cut it at 29.9 s, in a
    0.26 s pause between "datalogi" and "med" mid-sentence; its longest pause is the sentence end at 18 s.
    (Fast mode's cut: otherwise a stretch longer than a window is a reading, decoded across windows.)"""
    samples = decode_audio(DANISH_READ_ALONG).samples
    chunks, _total = detect_speech(samples, readings=False)
    probabilities, _ = speech_probabilities([samples])

    assert len(chunks) == 2
    seam = (chunks[0].end + chunks[1].start) // 2 // WINDOW
    quiet = probabilities < 0.35
    pause_start, pause_end = seam, seam
    while quiet[pause_start - 1]:
        pause_start -= 1
    while quiet[pause_end]:
        pause_end += 1
    assert (pause_end - pause_start) * WINDOW >= 0.8 * SAMPLE_RATE  # the reader's pause after "computere."
    assert 17 * SAMPLE_RATE < chunks[0].end < 19 * SAMPLE_RATE
