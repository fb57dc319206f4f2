"""Fixtures for GUI tests: the real window with the real job runner."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from app.jobs import JobRunner
from app.ui.main_window import MainWindow
from tests.conftest import SHARED_AUDIO


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
def long_speech_path() -> Path:
    """Two and a half minutes of one reading (the UDHR's preamble) whose text never repeats: repeated text
    would set off the loop guard, which decodes again and slows every step."""
    return SHARED_AUDIO / "dev" / "en_librivox_udhr_preamble.mp3"
