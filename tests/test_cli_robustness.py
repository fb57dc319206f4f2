"""The command line never shows a traceback: unexpected errors, bad arguments, no display."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from app.cli import export as cli_export
from app.cli import main
from tests.conftest import REPO_ROOT

GOOD_SRT = "1\n00:00:01,000 --> 00:00:02,000\nHello there.\n"


def run_app(*arguments: str | Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "app", *map(str, arguments)],
        cwd=REPO_ROOT, capture_output=True, text=True, timeout=120, env=env or os.environ.copy(),
    )


@pytest.fixture
def two_subtitle_files(tmp_path: Path) -> list[Path]:
    paths = [tmp_path / "first.srt", tmp_path / "second.srt"]
    for path in paths:
        path.write_text(GOOD_SRT, encoding="utf-8")
    return paths


@pytest.fixture
def fails_on_first(monkeypatch: pytest.MonkeyPatch) -> None:
    """A bug (not an EarshotError) while reading the first input only."""
    real = cli_export.read_transcript

    def read(path: Path):
        if Path(path).name == "first.srt":
            raise ZeroDivisionError("division by zero")
        return real(path)

    monkeypatch.setattr(cli_export, "read_transcript", read)


def test_an_unexpected_error_is_one_sentence_and_the_next_input_goes_on(
    two_subtitle_files: list[Path], tmp_path: Path, fails_on_first: None, capsys: pytest.CaptureFixture[str],
    isolated_app_folders: dict[str, Path],
) -> None:
    out = tmp_path / "out"
    status = main(["convert", *map(str, two_subtitle_files), "--format", "vtt", "--output", str(out)])
    assert status == 1
    assert [p.name for p in out.iterdir()] == ["second.vtt"]
    stderr = capsys.readouterr().err
    assert stderr.count("\n") == 1 and "“first.srt”" in stderr and "Traceback" not in stderr
    log_file = isolated_app_folders["log"] / "earshot.log"
    assert str(log_file) in stderr
    log_text = log_file.read_text(encoding="utf-8")
    assert "Traceback" in log_text and "ZeroDivisionError: division by zero" in log_text


def test_debug_prints_the_trace(
    two_subtitle_files: list[Path], tmp_path: Path, fails_on_first: None, capsys: pytest.CaptureFixture[str],
) -> None:
    status = main(["convert", *map(str, two_subtitle_files), "--output", str(tmp_path / "out"), "--debug"])
    assert status == 1
    stderr = capsys.readouterr().err
    assert "Traceback" in stderr and "ZeroDivisionError" in stderr


def test_repairs_while_reading_are_warnings_on_standard_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "packed.srt"
    path.write_text(GOOD_SRT + "2\n00:00:03,000 --> 00:00:04,000\nAgain.\n", encoding="utf-8")
    assert main(["convert", str(path), "--format", "vtt", "--output", str(tmp_path / "out")]) == 0
    stderr = capsys.readouterr().err
    assert stderr.startswith("earshot: warning: In “packed.srt”, the blank line before line 4 is missing")
    assert stderr.count("\n") == 1


@pytest.mark.parametrize("language", ["xx", "Klingon"])
def test_an_unknown_language_is_refused_before_any_work(
    language: str, jfk_path: Path, tmp_path: Path
) -> None:
    env = os.environ.copy()
    env["EARSHOT_CACHE_DIR"] = str(tmp_path / "cache")
    result = run_app("transcribe", jfk_path, "--language", language, "--output", tmp_path / "out", env=env)
    assert result.returncode == 2
    assert result.stderr.startswith(f"earshot: Unknown language “{language}”")
    assert result.stderr.count("\n") == 1
    assert not (tmp_path / "cache").exists() and not (tmp_path / "out").exists()


def test_a_language_name_is_accepted(jfk_path: Path, tmp_path: Path) -> None:
    result = run_app("transcribe", jfk_path, "--model", "tiny.en", "--language", "English", "--format", "json",
                     "--output", "-")
    assert result.returncode == 0, result.stderr
    assert '"language": "en"' in result.stdout


def test_languages_lists_codes_and_names(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["languages"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 100
    assert any(line.split() == ["de", "German", "Deutsch"] for line in lines)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="a display is an X11 or Wayland matter")
def test_the_window_without_a_display_is_one_sentence(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    result = run_app(env=env)
    assert result.returncode == 2, result.stderr
    assert result.stderr.count("\n") == 1
    assert "display" in result.stderr and "python -m app transcribe FILE" in result.stderr


@pytest.mark.parametrize(
    ("option", "value"), [("--channel", "0"), ("--beam-size", "0"), ("--threads", "-1"), ("--channel", "left")]
)
def test_numbers_out_of_range_are_refused_before_any_work(
    option: str, value: str, jfk_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["transcribe", str(jfk_path), option, value, "--output", str(tmp_path / "out")])
    assert exited.value.code == 2
    assert f"argument {option}: “{value}” is not a whole number of at least" in capsys.readouterr().err
    assert not (tmp_path / "out").exists()


def test_an_unknown_model_is_refused_before_any_input_is_decoded(tmp_path: Path, capsys) -> None:
    status = main(["transcribe", str(tmp_path / "absent-1.wav"), str(tmp_path / "absent-2.wav"),
                   "--model", "huge-v9"])
    assert status == 1
    assert capsys.readouterr().err.startswith("earshot: Unknown model “huge-v9”")


def test_a_reader_that_leaves_early_is_no_error() -> None:
    """`earshot models list | head -1`: the pipe closes before the table is written; no sentence, no trace."""
    with subprocess.Popen([sys.executable, "-m", "app", "models", "list"], cwd=REPO_ROOT,
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE) as process:
        assert process.stdout is not None and process.stderr is not None
        process.stdout.close()  # long before the interpreter has started
        status = process.wait(timeout=120)
        assert process.stderr.read() == b""
    assert status == 1  # as Python's own recipe for EPIPE
