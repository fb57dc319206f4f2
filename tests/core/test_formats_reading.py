"""Opening subtitles and transcripts: round trips, encodings, and one clear sentence for broken files."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

from app.core.errors import FormatError
from app.core.formats import export_bytes, output_format, read_transcript, save_transcript
from app.core.formats.json_format import transcript_to_dict
from app.core.reflow import reflow
from app.core.subtitle_rules import profile_rules
from app.core.transcript import Segment, Transcript, Word
from tests.subtitle_samples import random_transcripts, recognised_with_words

FRENCH = "Ça va? Très bien, merci. Où est le café? J'ai déjà mangé à midi, c'était délicieux."
SAMPLE_SRT = f"1\n00:00:01,000 --> 00:00:02,500\n{FRENCH}\n\n2\n00:00:03,000 --> 00:00:04,250\nÀ bientôt !\n"


def _cue_tuples(transcript: Transcript) -> list[tuple[int, int, str]]:
    return [(round(s.start * 1000), round(s.end * 1000), s.text) for s in transcript.segments]


def test_json_round_trip_of_the_real_transcript_is_lossless(local_engine, jfk_path: Path, tmp_path: Path) -> None:
    transcript = recognised_with_words(local_engine, jfk_path)
    transcript.segments[0].speaker = "Kennedy"
    assert any(s.words for s in transcript.segments)
    again = read_transcript(save_transcript(transcript, tmp_path / "jfk.json"))
    assert transcript_to_dict(again) == transcript_to_dict(transcript)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(transcript=random_transcripts())
def test_json_round_trip_is_lossless(transcript: Transcript, tmp_path: Path) -> None:
    transcript.segments[0].words.append(Word(0.1234567, 0.2345678, " odd ", 0.875))
    again = read_transcript(save_transcript(transcript, tmp_path / "random.json"))
    assert again == transcript


def test_json_keeps_each_segments_language(tmp_path: Path) -> None:
    transcript = Transcript(
        segments=[Segment(0.0, 2.0, "Permission is hereby granted", language="en"),
                  Segment(30.6, 33.0, "Jedem, der eine Kopie dieser Software", language="de"),
                  Segment(33.0, 34.0, "erhält")],
        language="en",
    )
    again = read_transcript(save_transcript(transcript, tmp_path / "mixed.json"))
    assert [s.language for s in again.segments] == ["en", "de", None]


def test_json_with_a_bad_segment_language_is_refused_in_one_sentence(tmp_path: Path) -> None:
    path = save_transcript(Transcript(segments=[Segment(0.0, 1.0, "Hello", language="en")]), tmp_path / "a.json")
    path.write_text(path.read_text(encoding="utf-8").replace('"language": "en"', '"language": 42'), encoding="utf-8")
    with pytest.raises(FormatError, match="segment 1 has no valid language"):
        read_transcript(path)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(transcript=random_transcripts())
def test_srt_vtt_and_ass_keep_text_and_times(transcript: Transcript, tmp_path: Path) -> None:
    cues = reflow(transcript, profile_rules("default"))
    for extension, tolerance in ((".srt", 1), (".vtt", 1), (".ass", 5)):
        again = read_transcript(save_transcript(cues, tmp_path / f"cues{extension}"))
        assert len(again.segments) == len(cues.segments)
        for read, written in zip(_cue_tuples(again), _cue_tuples(cues), strict=True):
            assert abs(read[0] - written[0]) <= tolerance
            assert abs(read[1] - written[1]) <= tolerance
            assert read[2] == written[2]


def test_vtt_keeps_speakers_and_escaped_characters(tmp_path: Path) -> None:
    transcript = Transcript(segments=[Segment(1.0, 2.0, "Fish & chips <cheap>", "Ann"), Segment(2.5, 3.0, "Yes.")])
    again = read_transcript(save_transcript(transcript, tmp_path / "talk.vtt"))
    assert [(s.text, s.speaker) for s in again.segments] == [("Fish & chips <cheap>", "Ann"), ("Yes.", None)]


def test_ass_keeps_speakers(tmp_path: Path) -> None:
    transcript = Transcript(segments=[Segment(1.0, 2.0, "Two\nlines", "Ann"), Segment(2.5, 3.0, "Yes.", "Bo")])
    again = read_transcript(save_transcript(transcript, tmp_path / "talk.ass"))
    assert [(s.text, s.speaker) for s in again.segments] == [("Two\nlines", "Ann"), ("Yes.", "Bo")]


def test_peers_quirks_are_read(tmp_path: Path) -> None:
    """Dots in SRT, single-digit hours, no cue numbers, styling tags, CRLF, a missing final newline."""
    quirky = "1\r\n0:00:01.5 --> 0:00:02.250\r\n<i>Hello</i> {\\an8}there\r\n\r\n00:00:03,000 --> 00:00:04,000\r\nbye"
    path = tmp_path / "quirky.srt"
    path.write_bytes(quirky.encode("utf-8"))
    assert _cue_tuples(read_transcript(path)) == [(1500, 2250, "Hello there"), (3000, 4000, "bye")]


def test_vtt_notes_styles_identifiers_and_settings_are_understood(tmp_path: Path) -> None:
    text = (
        "WEBVTT - a title\n\nNOTE written by hand\n\nSTYLE\n::cue { color: yellow }\n\n"
        "intro\n00:01.000 --> 00:02.000 align:start line:0\n<v.loud Ann>Hi <b>you</b>\n\n"
        "01:00:03.000 --> 01:00:04.000\nbye\n"
    )
    path = tmp_path / "notes.vtt"
    path.write_text(text, encoding="utf-8")
    again = read_transcript(path)
    assert _cue_tuples(again) == [(1000, 2000, "Hi you"), (3603000, 3604000, "bye")]
    assert again.segments[0].speaker == "Ann"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "cp1252"])
def test_encodings_are_detected(encoding: str, tmp_path: Path) -> None:
    path = tmp_path / f"{encoding}.srt"
    path.write_bytes(SAMPLE_SRT.encode(encoding))
    assert read_transcript(path).segments[0].text == FRENCH


@pytest.mark.parametrize(
    ("encoding", "text"),
    [
        ("cp1251", "Привет, как дела? Всё хорошо. Спасибо, до свидания."),
        ("koi8_r", "Привет, как дела? Всё хорошо. Спасибо, до свидания."),
        ("cp1253", "Καλημέρα, τι κάνεις; Είμαι καλά, ευχαριστώ."),
        ("cp1250", "Dzień dobry, jak się masz? Příliš žluťoučký kůň úpěl ďábelské ódy."),
        ("cp1254", "Günaydın, nasılsın? Çok iyiyim, teşekkür ederim. Şimdi gidiyorum."),
        ("cp1252", "Grüße aus München. Él está aquí, mañana será otro día, ¿verdad?"),
    ],
)
def test_legacy_single_byte_files_are_not_garbled(encoding: str, text: str, tmp_path: Path) -> None:
    path = tmp_path / "legacy.srt"
    path.write_bytes(f"1\n00:00:01,000 --> 00:00:02,000\n{text}\n".encode(encoding))
    assert read_transcript(path).segments[0].text == text


GOOD_SRT = "1\n00:00:01,000 --> 00:00:02,000\nHello\n\n"
GOOD_VTT = "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nHello\n\n"
GOOD_ASS = export_bytes(Transcript(segments=[Segment(1.0, 2.0, "Hello")]), output_format("ass")).decode()


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("truncated.srt", GOOD_SRT + "2\n00:00:03,000 --> 00:0", "line 6 is not a valid time line"),
        ("wrong-time.srt", GOOD_SRT + "2\n00:00:03,000 -> 00:00:04,000\nbad\n", "line 6 is not a valid time line"),
        ("minutes.srt", GOOD_SRT + "2\n00:61:03,000 --> 00:62:04,000\nbad\n", "line 6 is not a valid time line"),
        ("backwards.srt", GOOD_SRT + "2\n00:00:05,000 --> 00:00:04,000\nbad\n", "the cue on line 6 ends before"),
        ("prose.srt", "Just some words\nin a file\n", "line 1 should be a cue number"),
        ("empty.srt", "", "the file is empty"),
        ("blank.vtt", "\n\n  \n", "the file is empty"),
        ("header.vtt", "00:00:01.000 --> 00:00:02.000\nHello\n", "line 1 should be “WEBVTT”"),
        ("truncated.vtt", GOOD_VTT + "00:00:03.000 --> 00:0", "line 6 is not a valid time line"),
        ("no-timing.vtt", GOOD_VTT + "just text\nmore text\n", "line 6 should be a time line"),
        ("only-header.vtt", "WEBVTT\n", "holds no subtitle cues"),
        ("truncated.ass", GOOD_ASS.rstrip("\n")[:-12], "is cut short"),
        ("wrong-time.ass", GOOD_ASS.replace("0:00:02.00", "0:0x:02.00"), "has a start or end time"),
        ("not.ass", "hello\n", "line 1 should be “[Script Info]”"),
        ("broken.json", '{"schema": "earshot.transcript",\n"segments": [}', "line 2"),
        ("other.json", '{"hello": 1}', "not an Earshot transcript"),
    ],
)
def test_malformed_files_give_one_sentence_naming_the_line(
    name: str, content: str, expected: str, tmp_path: Path
) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    with pytest.raises(FormatError) as caught:
        read_transcript(path)
    message = str(caught.value)
    assert expected in message
    assert f"“{name}”" in message
    assert message.count(".") >= 1 and "\n" not in message and "Traceback" not in message


@pytest.mark.parametrize("extension", [".srt", ".vtt", ".ass", ".json"])
def test_binary_junk_is_refused_as_not_text(extension: str, tmp_path: Path) -> None:
    path = tmp_path / f"junk{extension}"
    path.write_bytes(bytes([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) + os.urandom(2000))
    with pytest.raises(FormatError, match=r"is not a text file.*line \d+"):
        read_transcript(path)


def test_unknown_extension_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "notes.doc"
    path.write_text("hello", encoding="utf-8")
    with pytest.raises(FormatError, match=r"Earshot reads \.srt, \.vtt"):
        read_transcript(path)
