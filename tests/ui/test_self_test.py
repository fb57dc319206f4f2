"""`earshot --self-test`: the window, the model and a second of speech in a process of its own; a sentence if not."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
import soundfile

from app.ui.main_window import MainWindow
from app.ui.self_test import EXIT_FAILED, EXIT_PASSED, SelfTest
from tests.conftest import REPO_ROOT


@pytest.mark.slow
def test_the_self_test_opens_the_window_loads_the_model_and_transcribes() -> None:
    environment = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}  # the session's app folders: base is joined once
    result = subprocess.run([sys.executable, "-m", "app", "--self-test"], cwd=REPO_ROOT, env=environment,
                            capture_output=True, text=True, timeout=240)
    assert result.returncode == EXIT_PASSED, result.stderr
    [line] = result.stdout.splitlines()
    assert line.startswith("earshot: self-test passed: window usable ")
    assert "model “base” loaded" in line and "fellow Americans" in line
    assert "Traceback" not in result.stderr


def test_the_self_test_fails_in_one_sentence_when_the_speech_is_not_recognised(
    qtbot, window: MainWindow, manager, tmp_path: Path
) -> None:
    silence = tmp_path / "silence.wav"
    soundfile.write(silence, np.zeros(16_000, dtype=np.float32), 16_000)
    test = SelfTest(window, manager, silence)
    with qtbot.waitSignal(test.finished, timeout=120_000):
        test.start()
    assert test.exit_code == EXIT_FAILED
    assert test.report == "The test speech was transcribed as “”, not “fellow Americans”."
    assert not window.isVisible()
