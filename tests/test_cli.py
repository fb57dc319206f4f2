"""The command line: `python -m app transcribe ...` as a user runs it, in a real process."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from app import __version__
from tests.conftest import JFK_REFERENCE, REPO_ROOT, compile_core_catalogs
from tests.speech import word_error_rate


def run_app(*arguments: str | Path, language: str = "en") -> subprocess.CompletedProcess[str]:
    """The command line in a process whose locale asks for ``language`` (gettext reads LANGUAGE first)."""
    return subprocess.run(
        [sys.executable, "-m", "app", *map(str, arguments)],
        cwd=REPO_ROOT, capture_output=True, text=True, timeout=180, env={**os.environ, "LANGUAGE": language},
    )


@pytest.fixture(scope="module")
def built_core_catalogs() -> Path:
    """app/translations as `make translations` leaves it: the command line reads the package's own catalogs."""
    return compile_core_catalogs(REPO_ROOT / "app" / "translations")


def test_version() -> None:
    result = run_app("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"Earshot {__version__}"


def test_per_passage_language_is_on_unless_turned_off() -> None:
    from app.cli.commands import build_parser, options_from_arguments

    def options(*flags: str):
        return options_from_arguments(build_parser().parse_args(["transcribe", "talk.wav", *flags]))

    assert options().language_per_passage
    assert not options("--no-language-per-passage").language_per_passage


def test_fast_mode_is_off_unless_asked_for() -> None:
    from app.cli.commands import build_parser, options_from_arguments

    def options(*flags: str):
        return options_from_arguments(build_parser().parse_args(["transcribe", "talk.wav", *flags]))

    assert not options().fast_mode
    assert options("--fast").fast_mode


def test_transcribe_writes_srt_beside_the_chosen_folder(jfk_path: Path, tmp_path: Path) -> None:
    result = run_app("transcribe", jfk_path, "--model", "tiny.en", "--format", "srt", "--output", tmp_path)
    assert result.returncode == 0, result.stderr
    srt = (tmp_path / "jfk.srt").read_text(encoding="utf-8")
    assert srt.startswith("1\n00:00:0")
    text_lines = [line for line in srt.splitlines() if line and "-->" not in line and not line.isdigit()]
    assert word_error_rate(JFK_REFERENCE, " ".join(text_lines)) < 0.15
    assert result.stderr == ""  # no progress line when standard error is not a terminal


def test_transcribe_to_standard_output_as_json(jfk_path: Path) -> None:
    result = run_app("transcribe", jfk_path, "--model", "tiny.en", "--format", "json", "--output", "-",
                     "--word-timestamps", "--threads", "2")
    assert result.returncode == 0, result.stderr
    assert '"schema": "earshot.transcript"' in result.stdout
    assert '"words": [\n' in result.stdout
    assert '"cpu_threads": 2' in result.stdout


def test_missing_file_fails_with_one_line(tmp_path: Path) -> None:
    result = run_app("transcribe", tmp_path / "nowhere.mp3", "--model", "tiny.en")
    assert result.returncode == 1
    assert result.stderr == "earshot: Cannot open “nowhere.mp3”: the file does not exist.\n"


def test_undecodable_file_fails_with_one_line(tmp_path: Path) -> None:
    junk = tmp_path / "broken.mp4"
    junk.write_bytes(b"\x00\x01garbage" * 500)
    result = run_app("transcribe", junk, "--model", "tiny.en")
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1
    assert "broken.mp4" in result.stderr and "Traceback" not in result.stderr


def test_a_file_that_cannot_be_read_is_said_in_the_locale_language(tmp_path: Path, built_core_catalogs: Path) -> None:
    junk = tmp_path / "bad.mp3"
    junk.write_bytes(bytes(range(256)) * 40)
    chinese = run_app("transcribe", junk, "--model", "tiny.en", "--output", tmp_path, language="zh_CN")
    assert chinese.returncode == 1
    assert chinese.stderr == "earshot: 无法读取“bad.mp3”：本应用无法解码此文件，它不是音频或视频文件。\n"
    english = run_app("transcribe", junk, "--model", "tiny.en", "--output", tmp_path)
    assert english.stderr == "earshot: Cannot read “bad.mp3”: it is not an audio or video file this app can decode.\n"


def test_unknown_model_fails_with_one_line(jfk_path: Path, tmp_path: Path) -> None:
    result = run_app("transcribe", jfk_path, "--model", "huge-v9", "--output", tmp_path)
    assert result.returncode == 1
    assert result.stderr.startswith("earshot: Unknown model “huge-v9”")
    assert result.stderr.count("\n") == 1
    assert list(tmp_path.iterdir()) == []


def test_one_bad_file_does_not_stop_the_others(jfk_path: Path, tmp_path: Path) -> None:
    result = run_app("transcribe", tmp_path / "absent.wav", jfk_path, "--model", "tiny.en", "--output", tmp_path)
    assert result.returncode == 1
    assert (tmp_path / "jfk.txt").is_file()
    assert "absent.wav" in result.stderr


def test_progress_line_on_a_terminal() -> None:
    import io

    from app.cli.progress import TerminalProgress

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    terminal = Terminal()
    progress = TerminalProgress("talk.mp3", terminal)
    progress.update(0.5, 60.0)
    progress.close()
    assert terminal.getvalue().startswith("\rtalk.mp3:  50%  about ")
    assert terminal.getvalue().endswith(" left   \n")
