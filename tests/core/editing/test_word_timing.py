"""Word timings survive text edits: on real recognised speech, on every kind of text, and in unspaced scripts."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from app.core.editing.segment_text import with_text
from app.core.editing.word_timing import retime_words, text_tokens, word_spans, words_spell_text
from app.core.transcript import Segment, Word
from tests.subtitle_samples import random_transcripts, recognised_with_words, spoken_words


def test_correcting_recognised_speech_keeps_the_times_of_every_word_left_alone(local_engine, jfk_path) -> None:
    recognised = recognised_with_words(local_engine, jfk_path)
    segment = max(recognised.segments, key=lambda s: len(s.words))
    words = segment.text.split()
    words[1:3] = ["indeed", "my", "dear"]  # two words replaced by three
    edited = with_text(segment, " ".join(words) + " Thank you.")
    assert words_spell_text(edited)
    unchanged = [w for w in segment.words if w.text in edited.text.split()]
    kept = [w for w in edited.words if w in segment.words]
    assert len(kept) >= len(segment.words) - 2 and kept == [w for w in segment.words if w in kept]
    assert len(unchanged) >= len(kept)
    for previous, word in zip(edited.words, edited.words[1:], strict=False):
        assert previous.start <= previous.end <= word.start + 1e-9
    inserted = edited.words[1:4]
    assert segment.words[0].end <= inserted[0].start and inserted[-1].end <= segment.words[3].start + 1e-9
    assert segment.start <= edited.words[-1].start <= edited.words[-1].end <= segment.end


@given(random_transcripts(with_words=True), st.lists(spoken_words, max_size=6), st.data())
def test_retimed_words_spell_the_new_text_in_time_order_inside_the_segment(transcript, extra, data) -> None:
    segment = data.draw(st.sampled_from(transcript.segments))
    tokens = data.draw(st.permutations([*segment.text.split()[:10], *extra]))
    new_text = " ".join(tokens)
    words = retime_words(segment.words, new_text, segment.start, segment.end)
    assert "".join(w.text for w in words) == "".join(new_text.split())
    clock = segment.start
    for word in words:
        assert clock <= word.start <= word.end <= segment.end
        clock = word.end


def test_a_segment_without_word_timings_stays_without() -> None:
    assert retime_words([], "new words here", 0.0, 3.0) == []


def test_unspaced_scripts_are_timed_by_character_within_the_old_words() -> None:
    old = [Word(0.0, 1.0, "你好"), Word(1.0, 2.0, "世界")]
    assert text_tokens("你好，世界 ok") == ["你", "好，", "世", "界", "ok"]
    words = retime_words(old, "你们好世界", 0.0, 2.0)
    assert [(w.text, w.start, w.end) for w in words] == [
        ("你", 0.0, 0.5), ("们", 0.5, 0.5), ("好", 0.5, 1.0), ("世", 1.0, 1.5), ("界", 1.5, 2.0)]


def test_word_spans_find_each_word_in_the_text() -> None:
    segment = Segment(0.0, 2.0, " Hello,  world!", words=[Word(0.0, 1.0, "Hello,"), Word(1.0, 2.0, "world!"),
                                                         Word(2.0, 2.0, "gone")])
    assert word_spans(segment) == [(1, 7), (9, 15), None]
