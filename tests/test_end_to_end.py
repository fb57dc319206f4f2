"""The real app as a subprocess: starts with a file, logs what it does, quits cleanly."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from tests.conftest import REPO_ROOT


def test_the_app_opens_a_file_from_the_command_line_and_quits_on_sigterm(jfk_path: Path) -> None:
    environment = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    app = subprocess.Popen(
        [sys.executable, "-m", "app", str(jfk_path)], cwd=REPO_ROOT, env=environment,
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )
    lines: list[str] = []
    deadline = time.monotonic() + 60
    assert app.stdout is not None
    while time.monotonic() < deadline:
        line = app.stdout.readline()
        lines.append(line)
        if "opened jfk.flac" in line:
            break
    app.send_signal(signal.SIGTERM)
    output, _ = app.communicate(timeout=30)
    log = "".join(lines) + output
    assert app.returncode == 0, log
    assert "Earshot" in log and "started" in log
    assert "opened jfk.flac" in log
    assert "Traceback" not in log
