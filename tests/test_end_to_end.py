"""The real app as a subprocess: starts with a file or with none, logs what it does, quits cleanly."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from tests.conftest import REPO_ROOT


def run_until_logged(arguments: list[str], awaited: str) -> tuple[int, str]:
    """`python -m app ARGUMENTS` offscreen until it logs ``awaited``, then SIGTERM: its status and its log."""
    environment = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    app = subprocess.Popen(
        [sys.executable, "-m", "app", *arguments], cwd=REPO_ROOT, env=environment,
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )
    lines: list[str] = []
    deadline = time.monotonic() + 60
    assert app.stdout is not None
    while time.monotonic() < deadline:
        line = app.stdout.readline()
        lines.append(line)
        if awaited in line:
            break
    app.send_signal(signal.SIGTERM)
    output, _ = app.communicate(timeout=30)
    return app.returncode, "".join(lines) + output


def test_the_app_opens_a_file_from_the_command_line_and_quits_on_sigterm(jfk_path: Path) -> None:
    status, log = run_until_logged([str(jfk_path)], "opened jfk.flac")
    assert status == 0, log
    assert "Earshot" in log and "started" in log
    assert "opened jfk.flac" in log
    assert "Traceback" not in log


def test_given_no_command_the_console_entry_opens_the_window() -> None:
    """`earshot` alone (the console entry, app.cli:main, as `python -m app`) is the window, not the help."""
    status, log = run_until_logged([], "started")
    assert status == 0, log
    assert "Earshot" in log and "started" in log
    assert "usage:" not in log and "Traceback" not in log
