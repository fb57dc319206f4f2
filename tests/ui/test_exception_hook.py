"""The window's exception hook: an uncaught exception is logged with its trace and shown as one sentence."""

from __future__ import annotations

import logging
import sys
import threading
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QMessageBox, QWidget

from app.ui.exception_hook import GuiExceptionHook


@pytest.fixture
def hooked_window(qtbot) -> Iterator[QWidget]:
    window = QWidget()
    qtbot.addWidget(window)
    window.show()
    previous = sys.excepthook, threading.excepthook
    GuiExceptionHook(window).install()
    yield window
    sys.excepthook, threading.excepthook = previous


def shown_message(qtbot, window: QWidget) -> str:
    qtbot.waitUntil(lambda: window.findChild(QMessageBox, "errorMessage") is not None, timeout=2000)
    return window.findChild(QMessageBox, "errorMessage").text()


def handler_with_a_bug() -> None:
    {}["missing"]  # a KeyError, as a real slip would raise


@pytest.mark.qt_no_exception_capture
def test_an_exception_in_a_slot_is_logged_with_its_trace_and_shown_as_one_sentence(
    qtbot, hooked_window: QWidget, caplog
) -> None:
    caplog.set_level(logging.ERROR)
    QTimer.singleShot(0, handler_with_a_bug)
    message = shown_message(qtbot, hooked_window)
    assert message == "Something went wrong ('missing'); the details are in the log."
    record = next(r for r in caplog.records if r.name == "app.ui.exception_hook")
    assert record.exc_info is not None and record.exc_info[0] is KeyError
    assert "handler_with_a_bug" in caplog.text  # the trace is in the log


@pytest.mark.qt_no_exception_capture
def test_an_exception_in_a_thread_is_shown_on_the_gui_thread(qtbot, hooked_window: QWidget) -> None:
    worker = threading.Thread(target=handler_with_a_bug)
    worker.start()
    worker.join()
    assert shown_message(qtbot, hooked_window).startswith("Something went wrong")
