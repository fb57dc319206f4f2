"""`transcribe --jobs N` with a remote engine: N inputs at a time, the same outputs as one at a time,
a line per input, and a broken input fails alone with its sentence."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from app.cli import main
from tests.conftest import JFK_REFERENCE
from tests.engines.remote.servers.fake_http_server import Fault
from tests.speech import word_error_rate

NAMES = ("jfk-1.flac", "jfk-2.flac", "broken.mp3", "jfk-3.flac", "jfk-4.flac")


@pytest.fixture
def inputs(tmp_path: Path, jfk_path: Path) -> list[Path]:
    folder = tmp_path / "inputs"
    folder.mkdir()
    paths = [folder / name for name in NAMES]
    for path in paths:
        if path.name == "broken.mp3":
            path.write_bytes(b"ID3\x03\x00\x00\x00" + bytes(range(256)) * 16)
        else:
            shutil.copyfile(jfk_path, path)
    return paths


def transcribe(server, inputs: list[Path], output: Path, jobs: int) -> int:
    return main(["transcribe", *map(str, inputs), "--engine", "openai", "--base-url", server.base_url,
                 "--model", "whisper-1", "--format", "txt,srt", "--output", str(output), "--jobs", str(jobs)])


def test_remote_inputs_run_three_at_a_time_with_the_outputs_of_a_sequential_run(
    openai_server, inputs: list[Path], tmp_path: Path, monkeypatch, capsys
) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", "test-key")
    openai_server.inject(Fault("slow", "/audio/transcriptions", seconds=0.5), times=3)  # the first three overlap
    assert transcribe(openai_server, inputs, tmp_path / "parallel", jobs=3) == 1  # one input failed
    assert openai_server.most_in_flight == 3
    errors = capsys.readouterr().err
    assert "earshot: Cannot read “broken.mp3”: it is not an audio or video file this app can decode.\n" in errors
    assert "Traceback" not in errors
    for number, name in enumerate(NAMES, start=1):
        outcome = "failed" if name == "broken.mp3" else "done"
        assert f"earshot: {name}: {outcome} ({number}/5)\n" in errors  # a plain line per input, not a terminal

    openai_server.most_in_flight = 0
    assert transcribe(openai_server, inputs, tmp_path / "sequential", jobs=1) == 1
    assert openai_server.most_in_flight == 1
    parallel = sorted(p.name for p in (tmp_path / "parallel").iterdir())
    assert parallel == sorted(f"jfk-{n}.{ext}" for n in range(1, 5) for ext in ("txt", "srt"))
    for name in parallel:
        assert (tmp_path / "parallel" / name).read_bytes() == (tmp_path / "sequential" / name).read_bytes()
    assert word_error_rate(JFK_REFERENCE, (tmp_path / "parallel" / "jfk-4.txt").read_text()) < 0.15


def test_local_recognition_stays_one_at_a_time_whatever_jobs_says(openai_server, capsys) -> None:
    from app.cli.commands import build_parser
    from app.cli.remote import engine_from_arguments
    from app.cli.transcribe import jobs_at_once

    def at_once(*flags: str) -> int:
        arguments = build_parser().parse_args(["transcribe", "talk.wav", *flags])
        return jobs_at_once(arguments, engine_from_arguments(arguments), None)

    assert at_once("--jobs", "3") == 1  # the local engine uses every core
    assert at_once("--jobs", "3", "--engine", "openai", "--base-url", openai_server.base_url) == 3
    assert at_once("--engine", "openai", "--base-url", openai_server.base_url) == 4  # the default
    with pytest.raises(SystemExit):
        build_parser().parse_args(["transcribe", "talk.wav", "--jobs", "0"])
