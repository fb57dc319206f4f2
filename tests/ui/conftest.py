"""Fixtures for GUI tests: the real window with the real job runner."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest
import soundfile

from app.core.audio import decode_audio
from app.jobs import JobRunner
from app.ui.main_window import MainWindow


@pytest.fixture
def manager(qtbot) -> Iterator[JobRunner]:
    runner = JobRunner()
    yield runner
    runner.shutdown()


@pytest.fixture
def window(qtbot, manager: JobRunner, local_engine) -> MainWindow:
    main_window = MainWindow(manager, local_engine)
    qtbot.addWidget(main_window)
    main_window.show()
    qtbot.waitExposed(main_window)
    combo = main_window.options_bar.model_combo
    combo.setCurrentIndex(combo.findData("tiny.en"))  # the fast model keeps GUI tests quick
    return main_window


@pytest.fixture(scope="session")
def long_speech_path(tmp_path_factory: pytest.TempPathFactory, jfk_path: Path) -> Path:
    """Ninety seconds of real speech: JFK eight times over."""
    samples = decode_audio(jfk_path).samples
    path = tmp_path_factory.mktemp("media") / "long-speech.wav"
    soundfile.write(path, np.tile(samples, 8), 16_000)
    return path
