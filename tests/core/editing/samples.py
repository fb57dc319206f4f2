"""Small transcripts for the editing tests, built the way the engines deliver them."""

from __future__ import annotations

from app.core.transcript import Segment, Transcript, Word


def timed_segment(start: float, text: str, speaker: str | None = None, seconds_per_word: float = 0.5,
                  pause: float = 0.1, probabilities: list[float] | None = None) -> Segment:
    """A segment whose words follow one another every ``seconds_per_word`` with ``pause`` between them."""
    words, clock = [], start
    for number, token in enumerate(text.split()):
        probability = probabilities[number] if probabilities else 0.9
        words.append(Word(round(clock, 3), round(clock + seconds_per_word - pause, 3), token, probability))
        clock += seconds_per_word
    return Segment(start, round(clock - pause, 3), text, speaker, words)


def interview() -> Transcript:
    """Two speakers, word timings and probabilities, a long pause before the fourth segment."""
    return Transcript(
        segments=[
            timed_segment(0.0, "Welcome to the show.", "Ann"),
            timed_segment(2.5, "Thanks for having me here.", "Bo", probabilities=[0.9, 0.3, 0.95, 0.9, 0.2]),
            timed_segment(5.5, "So tell us about the book.", "Ann"),
            timed_segment(12.0, "It started as a blog about bread.", "Bo", probabilities=[0.9] * 6 + [0.4]),
        ],
        language="en",
        engine="faster-whisper",
        options={"model": "tiny.en", "word_timestamps": True},
    )
