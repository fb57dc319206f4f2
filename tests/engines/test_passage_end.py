"""Which of a window's hypotheses leaves speech for a window after it, by faster-whisper's own seek rule."""

from __future__ import annotations

from faster_whisper.tokenizer import Tokenizer

from app.engines.base import TranscriptionOptions
from app.engines.passage_end import leaves_a_next_window

WINDOW_FRAMES = 1200  # a window that holds the last 12 s of its passage


def test_only_a_last_pair_of_timestamps_before_the_passages_end_leaves_a_next_window(local_engine) -> None:
    model = local_engine.load_model(TranscriptionOptions(model="tiny.en"))
    tokenizer = Tokenizer(model.hf_tokenizer, False, task="transcribe", language="en")
    begin = tokenizer.timestamp_begin
    first, second = tokenizer.encode(" And see thy blood warm"), tokenizer.encode(" when thou feel'st it cold.")

    def at(seconds: float) -> int:
        return begin + round(seconds / 0.02)

    def leaves(tokens: list[int]) -> bool:
        return leaves_a_next_window(tokens, WINDOW_FRAMES, begin)

    assert leaves([at(0), *first, at(9.5), at(9.5)])  # the line left open at 9.5 s of 12
    assert leaves([at(0), *first, at(6), at(6), *second, at(9.5), at(9.5)])
    assert not leaves([at(0), *first, at(6), at(6), *second, at(11)])  # ends on a single timestamp
    assert not leaves([at(0), *first, at(12), at(12)])  # the pair at the passage's end: nothing left
    assert not leaves([at(0), *first, *second])  # no pair: faster-whisper moves a whole window on
