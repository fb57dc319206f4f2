"""`python -m app convert` and the export options shared with `transcribe`, run as a user would."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import srt

from app.cli import main
from app.core.formats import read_transcript, save_transcript
from app.core.transcript import Segment, Transcript, Word

REPO_ROOT = Path(__file__).resolve().parents[1]
LONG_TEXT = (
    "So we set off early in the morning, before anyone else was awake, and walked down to the harbour "
    "where the boats were waiting for the tide to turn."
)


@pytest.fixture
def long_cue_srt(tmp_path: Path) -> Path:
    """A peer's file: one cue far too long to read, with dots in the times and a BOM."""
    path = tmp_path / "peer.srt"
    path.write_bytes(("\ufeff1\n00:00:01.000 --> 00:00:11.000\n" + LONG_TEXT + "\n").encode("utf-8"))
    return path


def test_convert_reflows_a_long_cue_into_readable_ones(long_cue_srt: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert main(["convert", str(long_cue_srt), "--format", "srt,vtt", "--subtitle-profile", "netflix",
                 "--output", str(out)]) == 0
    data = (out / "peer.srt").read_bytes()
    assert not data.startswith(b"\xef\xbb\xbf")
    cues = list(srt.parse(data.decode("utf-8")))
    assert len(cues) >= 2
    assert " ".join(c.content.replace("\n", " ") for c in cues) == LONG_TEXT
    assert all(len(line) <= 42 for c in cues for line in c.content.split("\n"))
    assert [c.content for c in cues] == [s.text for s in read_transcript(out / "peer.vtt").segments]


def test_max_chars_and_max_lines_override_the_profile(long_cue_srt: Path, tmp_path: Path) -> None:
    assert main(["convert", str(long_cue_srt), "--format", "vtt", "--max-chars", "20", "--max-lines", "1",
                 "--output", str(tmp_path)]) == 0
    segments = read_transcript(tmp_path / "peer.vtt").segments
    assert all("\n" not in s.text and len(s.text) <= 20 for s in segments)


def test_profile_none_keeps_the_cues_as_they_are(long_cue_srt: Path, tmp_path: Path) -> None:
    assert main(["convert", str(long_cue_srt), "--format", "ass", "--subtitle-profile", "none",
                 "--output", str(tmp_path)]) == 0
    segments = read_transcript(tmp_path / "peer.ass").segments
    assert [(s.start, s.end, s.text) for s in segments] == [(1.0, 11.0, LONG_TEXT)]


def test_every_format_at_once_from_json(tmp_path: Path) -> None:
    text = "Hello there, how are you today?"
    words = [Word(0.5 * i, 0.5 * i + 0.4, w) for i, w in enumerate(text.split(" "))]
    source = save_transcript(
        Transcript(segments=[Segment(0.0, 3.0, text, "Ann", words)]),
        tmp_path / "talk.json",
    )
    out = tmp_path / "all"
    formats = "txt,txt-timestamps,txt-speakers,txt-paragraphs,srt,vtt,ass,tsv,json,docx"
    assert main(["convert", str(source), "--format", formats, "--output", str(out)]) == 0
    assert sorted(p.name for p in out.iterdir()) == sorted([
        "talk.txt", "talk.timestamps.txt", "talk.speakers.txt", "talk.paragraphs.txt",
        "talk.srt", "talk.vtt", "talk.ass", "talk.tsv", "talk.json", "talk.docx",
    ])
    assert (out / "talk.speakers.txt").read_text(encoding="utf-8") == "Ann: Hello there, how are you today?\n"
    assert read_transcript(out / "talk.json") == read_transcript(source)


def test_a_broken_file_gives_one_sentence_and_a_failing_exit(tmp_path: Path) -> None:
    broken = tmp_path / "broken.srt"
    broken.write_text("1\n00:00:01,000 --> 00:00:02,000\nHi\n\n2\n00:00:03,000 --> 00:0", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "app", "convert", str(broken), "--format", "vtt"],
        cwd=REPO_ROOT, capture_output=True, text=True, timeout=60,
    )
    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [
        "earshot: Cannot read “broken.srt”: line 6 is not a valid time line "
        "(“00:00:03,000 --> 00:0”, expected like “00:00:01,000 --> 00:00:02,500”)."
    ]
    assert not (tmp_path / "broken.vtt").exists()


def test_converting_onto_itself_is_refused(long_cue_srt: Path, capsys) -> None:
    before = long_cue_srt.read_bytes()
    assert main(["convert", str(long_cue_srt), "--format", "srt"]) == 1
    assert "would overwrite “peer.srt”" in capsys.readouterr().err
    assert long_cue_srt.read_bytes() == before


def test_standard_output_takes_one_format(long_cue_srt: Path, capsysbinary) -> None:
    assert main(["convert", str(long_cue_srt), "--format", "vtt", "--output", "-"]) == 0
    assert capsysbinary.readouterr().out.startswith(b"WEBVTT\n\n00:00:01.000 --> ")


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["--format", "srt,nope"], "Unknown format “nope”"),
        (["--subtitle-profile", "cinema"], "invalid choice"),
        (["--max-chars", "0"], "is not a whole number of at least 1"),
        (["--subtitle-profile", "none", "--max-lines", "3"], "need a subtitle profile other than “none”"),
    ],
)
def test_bad_options_are_usage_errors(arguments: list[str], message: str, long_cue_srt: Path, capsys) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["convert", str(long_cue_srt), *arguments])
    assert exit_info.value.code == 2
    assert message in capsys.readouterr().err


def test_transcribe_writes_several_reflowed_formats(jfk_path: Path, tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "app", "transcribe", str(jfk_path), "--model", "tiny.en", "--word-timestamps",
         "--format", "srt,txt", "--subtitle-profile", "short-form", "--max-lines", "1", "--output", str(tmp_path)],
        cwd=REPO_ROOT, capture_output=True, text=True, timeout=240,
    )
    assert result.returncode == 0, result.stderr
    cues = list(srt.parse((tmp_path / "jfk.srt").read_text(encoding="utf-8")))
    assert len(cues) >= 4
    assert all("\n" not in c.content and len(c.content) <= 24 for c in cues)
    assert (tmp_path / "jfk.txt").read_text(encoding="utf-8").strip()


def test_convert_exports_a_project_and_refuses_a_damaged_one(tmp_path: Path, capsys) -> None:
    from app.core.project_file import save_project

    transcript = Transcript([Segment(0.0, 1.5, "Hello there.", speaker="Ada", words=[Word(0.0, 0.6, " Hello")]),
                             Segment(2.0, 3.0, "Bye.", speaker="Bo")])
    project = save_project(tmp_path / "talk.earshot", transcript)
    assert main(["convert", str(project), "--format", "srt"]) == 0
    cues = list(srt.parse((tmp_path / "talk.srt").read_text(encoding="utf-8")))
    assert [c.content for c in cues] == ["Hello there.", "Bye."]

    damaged = tmp_path / "damaged.earshot"
    damaged.write_bytes(project.read_bytes()[:40])
    assert main(["convert", str(damaged), "--format", "srt"]) != 0
    error = capsys.readouterr().err
    assert "damaged.earshot" in error and "damaged or incomplete" in error and "Traceback" not in error
    assert damaged.read_bytes() == project.read_bytes()[:40]
