"""Every writer's output read back by parsers that are not Earshot's: srt, webvtt-py, pysubs2, FFmpeg."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import docx
import pysubs2
import pytest
import srt
import webvtt
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.core.formats import OUTPUT_FORMATS, export_bytes, output_file_names, output_format, save_transcript
from app.core.reflow import reflow
from app.core.subtitle_rules import SUBTITLE_PROFILES, profile_rules
from app.core.transcript import Segment, Transcript, Word
from tests.subtitle_samples import ffmpeg_cues, random_transcripts, recognised_with_words

Cue = tuple[float, float, str]


def _ms(seconds: float) -> int:
    return round(seconds * 1000)


def expected_cues(transcript: Transcript) -> list[Cue]:
    return [(_ms(s.start), _ms(s.end), s.text) for s in transcript.segments]


def srt_library_cues(text: str) -> list[Cue]:
    return [(c.start.total_seconds() * 1000, c.end.total_seconds() * 1000, c.content) for c in srt.parse(text)]


def webvtt_cues(text: str) -> list[Cue]:
    def clock_ms(value: str) -> float:
        hours, minutes, seconds = value.split(":")
        return (int(hours) * 3600 + int(minutes) * 60 + float(seconds)) * 1000

    captions = webvtt.from_buffer(io.StringIO(text))
    return [(clock_ms(c.start), clock_ms(c.end), c.text) for c in captions]


def pysubs2_cues(text: str, format_name: str) -> list[Cue]:
    return [(e.start, e.end, e.plaintext) for e in pysubs2.SSAFile.from_string(text, format_=format_name)]


def assert_same_cues(parsed: list[Cue], expected: list[Cue], tolerance_ms: float = 1.0) -> None:
    assert len(parsed) == len(expected)
    for (start, end, text), (want_start, want_end, want_text) in zip(parsed, expected, strict=True):
        assert abs(start - want_start) <= tolerance_ms
        assert abs(end - want_end) <= tolerance_ms
        assert text == want_text


@pytest.fixture(scope="module")
def jfk_cues_transcript(local_engine, jfk_path: Path) -> Transcript:
    transcript = recognised_with_words(local_engine, jfk_path)
    return reflow(transcript, profile_rules("short-form"))


@pytest.mark.parametrize("format_name", ["srt", "vtt", "ass"])
def test_ffmpeg_reads_every_cue_of_the_real_transcript(
    format_name: str, jfk_cues_transcript: Transcript, tmp_path: Path
) -> None:
    path = save_transcript(jfk_cues_transcript, tmp_path / f"jfk.{format_name}")
    tolerance = 5.0 if format_name == "ass" else 1.0  # ASS counts centiseconds
    assert len(jfk_cues_transcript.segments) >= 3
    assert_same_cues(ffmpeg_cues(path), expected_cues(jfk_cues_transcript), tolerance)


def test_independent_parsers_read_the_real_transcript(jfk_cues_transcript: Transcript) -> None:
    expected = expected_cues(jfk_cues_transcript)
    srt_text = export_bytes(jfk_cues_transcript, output_format("srt")).decode("utf-8")
    vtt_text = export_bytes(jfk_cues_transcript, output_format("vtt")).decode("utf-8")
    ass_text = export_bytes(jfk_cues_transcript, output_format("ass")).decode("utf-8")
    assert_same_cues(srt_library_cues(srt_text), expected)
    assert_same_cues(pysubs2_cues(srt_text, "srt"), expected)
    assert_same_cues(webvtt_cues(vtt_text), expected)
    assert_same_cues(pysubs2_cues(vtt_text, "vtt"), expected)
    assert_same_cues(pysubs2_cues(ass_text, "ass"), expected, tolerance_ms=5.0)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(transcript=random_transcripts(), profile=st.sampled_from(list(SUBTITLE_PROFILES)))
def test_random_transcripts_survive_every_independent_parser(transcript: Transcript, profile: str) -> None:
    cues = reflow(transcript, profile_rules(profile))
    expected = expected_cues(cues)
    srt_text = export_bytes(cues, output_format("srt")).decode("utf-8")
    vtt_text = export_bytes(cues, output_format("vtt")).decode("utf-8")
    assert_same_cues(srt_library_cues(srt_text), expected)
    assert_same_cues(webvtt_cues(vtt_text), expected)
    assert_same_cues(pysubs2_cues(export_bytes(cues, output_format("ass")).decode(), "ass"), expected, 5.0)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(transcript=random_transcripts(speakers=False))
def test_ffmpeg_reads_random_transcripts(transcript: Transcript, tmp_path: Path) -> None:
    cues = reflow(transcript, profile_rules("default"))
    for format_name in ("srt", "vtt"):
        path = save_transcript(cues, tmp_path / f"random.{format_name}")
        assert_same_cues(ffmpeg_cues(path), expected_cues(cues))


MESSY = Transcript(segments=[
    Segment(5.0, 7.0, "second, overlapping the third"),
    Segment(0.0, 2.0, "  first  \n\n  with a blank line  "),
    Segment(6.5, 6.0, "third ends before it starts --> oops"),
    Segment(8.0, 9.0, "   "),
    Segment(9.0004, 9.0004, "zero length"),
    Segment(3.0, 4.0, "Tom & Jerry <3 {braces}", "Ann"),
])


def test_srt_layout_is_exactly_what_players_expect() -> None:
    data = export_bytes(MESSY, output_format("srt"))
    assert not data.startswith(b"\xef\xbb\xbf")
    text = data.decode("utf-8")
    blocks = text.split("\n\n")
    assert [b.splitlines()[0] for b in blocks] == [str(n) for n in range(1, len(blocks) + 1)]
    for block in blocks:
        assert re.fullmatch(r"\d\d:\d\d:\d\d,\d{3} --> \d\d:\d\d:\d\d,\d{3}", block.splitlines()[1])
    assert "-->" not in "".join(line for b in blocks for line in b.splitlines()[2:])


def test_vtt_layout_is_exactly_what_players_expect() -> None:
    text = export_bytes(MESSY, output_format("vtt")).decode("utf-8")
    assert text.startswith("WEBVTT\n\n")
    blocks = text.split("\n\n")[1:]
    for block in blocks:
        lines = block.splitlines()
        assert re.fullmatch(r"\d\d:\d\d:\d\d\.\d{3} --> \d\d:\d\d:\d\d\.\d{3}", lines[0])
        assert all("-->" not in line for line in lines[1:])
    assert webvtt_cues(text)[1][2] == "Tom &amp; Jerry &lt;3 (braces)"  # webvtt-py leaves entities escaped


@pytest.mark.parametrize("format_name", ["srt", "vtt", "ass"])
def test_messy_segments_make_clean_cues(format_name: str, tmp_path: Path) -> None:
    """No empty cue, none overlapping, none ending before it starts, whatever the segments were."""
    path = save_transcript(MESSY, tmp_path / f"messy.{format_name}")
    cues = ffmpeg_cues(path)
    assert [text.split("\n")[0] for _, _, text in cues] == [
        "first", "Tom & Jerry <3 (braces)",
        "second, overlapping the third",
        "third ends before it starts --> oops" if format_name == "ass" else "third ends before it starts -> oops",
        "zero length",
    ]
    for index, (start, end, _) in enumerate(cues):
        assert end > start
        if index:
            assert start >= cues[index - 1][1]


def test_hours_always_take_two_digits_and_beyond() -> None:
    late = Transcript(segments=[Segment(3 * 3600 + 5.25, 3 * 3600 + 6.5, "late"), Segment(360_000, 360_001, "x")])
    text = export_bytes(late, output_format("srt")).decode()
    assert "03:00:05,250 --> 03:00:06,500" in text
    assert "100:00:00,000 --> 100:00:01,000" in text


def test_tsv_has_milliseconds_speaker_and_flat_text() -> None:
    rows = list(csv.reader(io.StringIO(export_bytes(MESSY, output_format("tsv")).decode()), delimiter="\t"))
    assert rows[0] == ["start", "end", "speaker", "text"]
    by_text = {row[3]: row for row in rows[1:]}
    assert by_text["first with a blank line"][:3] == ["0", "2000", ""]
    assert by_text["Tom & Jerry <3 {braces}"][:3] == ["3000", "4000", "Ann"]
    assert len(rows) == 1 + sum(1 for s in MESSY.segments if s.text.strip())


def test_docx_holds_every_segment_with_time_and_speaker() -> None:
    transcript = Transcript(
        segments=[Segment(61.0, 63.0, "Hello there.", "Ann"), Segment(64.0, 66.0, "General Kenobi.", "Bo")],
        media_path="/media/talk.mp4",
    )
    document = docx.Document(io.BytesIO(export_bytes(transcript, output_format("docx"))))
    paragraphs = [p.text for p in document.paragraphs]
    assert paragraphs == ["talk.mp4", "[1:01] Ann: Hello there.", "[1:04] Bo: General Kenobi."]
    assert document.paragraphs[1].runs[1].bold


def test_plain_text_variants() -> None:
    transcript = Transcript(segments=[
        Segment(0.0, 2.0, "Hi there.", "Ann"), Segment(2.0, 4.0, "How are you?", "Ann"),
        Segment(7.0, 9.0, "Fine.", "Bo"), Segment(9.1, 9.5, "Thanks.", "Bo"),
    ])
    assert export_bytes(transcript, output_format("txt")).decode() == "Hi there.\nHow are you?\nFine.\nThanks.\n"
    with_times = export_bytes(transcript, output_format("txt-timestamps")).decode()
    assert with_times.splitlines()[2] == "[0:07 - 0:09] Bo: Fine."
    assert export_bytes(transcript, output_format("txt-speakers")).decode() == (
        "Ann: Hi there. How are you?\n\nBo: Fine. Thanks.\n"
    )
    assert export_bytes(transcript, output_format("txt-paragraphs")).decode() == (
        "Hi there. How are you?\n\nFine. Thanks.\n"
    )


def test_text_formats_are_never_reflowed() -> None:
    long_segment = Transcript(segments=[Segment(0.0, 30.0, " ".join(["word"] * 60), words=[])])
    rules = profile_rules("short-form")
    assert export_bytes(long_segment, output_format("txt"), rules).decode().count("\n") == 1
    assert len(srt_library_cues(export_bytes(long_segment, output_format("srt"), rules).decode())) > 5


def test_formats_sharing_an_extension_get_distinct_file_names() -> None:
    chosen = [OUTPUT_FORMATS[name] for name in ("txt", "txt-timestamps", "srt")]
    assert output_file_names("talk", chosen) == {
        "txt": "talk.txt", "txt-timestamps": "talk.timestamps.txt", "srt": "talk.srt",
    }


def test_words_survive_json_of_a_reflowed_transcript() -> None:
    transcript = Transcript(segments=[Segment(0.0, 1.0, "a b", words=[Word(0.0, 0.4, "a"), Word(0.5, 1.0, "b")])])
    cues = reflow(transcript, profile_rules("default"))
    assert [w.text for s in cues.segments for w in s.words] == ["a", "b"]
