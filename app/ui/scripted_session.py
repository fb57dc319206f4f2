"""A tiny hook for end-to-end tests: drive the real window from a JSON script named by ``EARSHOT_SCRIPT``.

Nothing happens unless the variable is set. The script is a list of steps, run in order, each
through the window's real widgets and actions; a step that waits polls until it is true:

    {"wait_rows": 3}                      the table shows at least 3 rows
    {"edit_text": [row, "new text"]}      open the row's text editor and type the text (Enter ends it)
    {"open_text": [row, offset]}          open the row's text editor with the cursor at offset
    {"trigger": "split_action"}           trigger an action of EditActions (by attribute name)
    {"wait_autosaved": true}              no autosave pending, and the latest one written
    {"recover_first": true}               offer recovery and press Recover on the first document
    {"save_as": "/path/x.earshot"}        save the document as this project
    {"touch": "/path/marker"}             write an empty file (the test watches for it)
    {"choose_model": "tiny.en"}           choose this model in the options bar
    {"batch_add": ["/a.wav", "/dir"]}     add files and folders to the batch queue (a folder's count box: Add)
    {"wait_batch_done": 3}                at least 3 rows of the batch queue are done
    {"batch_report": "/path/rows.json"}   write the batch queue's rows as the panel shows them
    {"quit": true}                        close the window
"""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QComboBox

from app.core.batch.items import BatchStatus
from app.ui.transcript_table_model import TranscriptTableModel

if TYPE_CHECKING:
    from app.ui.main_window import MainWindow

SCRIPT_VARIABLE = "EARSHOT_SCRIPT"
log = logging.getLogger(__name__)


def start_scripted_session(window: MainWindow) -> ScriptedSession | None:
    path = os.environ.get(SCRIPT_VARIABLE)
    if not path:
        return None
    steps = json.loads(Path(path).read_text(encoding="utf-8"))
    return ScriptedSession(window, steps)


class ScriptedSession(QObject):
    def __init__(self, window: MainWindow, steps: list[dict[str, Any]]) -> None:
        super().__init__(window)
        self._window = window
        self._steps = list(steps)
        self._saves = 0
        self._batch_added = False  # batch_add has handed its paths over (a folder's count box may follow)
        window.autosaver.saved.connect(self._count_save)
        self._timer = QTimer(self, interval=50)
        self._timer.timeout.connect(self._run)
        self._timer.start()

    def _count_save(self) -> None:
        self._saves += 1

    def _run(self) -> None:
        while self._steps:
            step = self._steps[0]
            (name, value), = step.items()
            if not self._do(name, value):
                return  # not yet: try again at the next tick
            log.info("script step done: %s", name)
            self._steps.pop(0)
        self._timer.stop()

    def _do(self, name: str, value: Any) -> bool:
        window, view = self._window, self._window.transcript_view
        actions: dict[str, Callable[[], bool]] = {
            "wait_rows": lambda: window.transcript_model.rowCount() >= int(value),
            "edit_text": lambda: self._edit_text(int(value[0]), str(value[1])),
            "open_text": lambda: self._open_text(int(value[0]), int(value[1])),
            "trigger": lambda: _trigger(getattr(window.edit_actions, str(value))),
            "wait_autosaved": lambda: self._saves > 0 and not window.autosaver.is_pending,
            "recover_first": self._recover_first,
            "save_as": lambda: window.projects.write_project(Path(value)),
            "touch": lambda: _touch(Path(value)),
            "choose_model": lambda: _choose(window.options_bar.model_combo, value),
            "batch_add": lambda: self._batch_add([Path(path) for path in value]),
            "wait_batch_done": lambda: window.batch.queue.count(BatchStatus.DONE) >= int(value),
            "batch_report": lambda: _report_batch(window, Path(value)),
            "quit": lambda: window.close() or True,
        }
        if name == "trigger":
            self._saves = 0  # an edit: wait for the autosave after it
        done = actions[name]()
        if name in ("edit_text", "open_text"):
            self._saves = 0
        view.viewport().update()
        return bool(done)

    def _open_text(self, row: int, offset: int) -> bool:
        from PySide6.QtTest import QTest  # only a script needs QtTest, which the package leaves out

        view = self._window.transcript_view
        view.go_to_row(row, TranscriptTableModel.TEXT_COLUMN)
        QTest.keyClick(view, Qt.Key.Key_Return)
        editor = view.open_editor()
        if editor is None:
            return False
        editor.setCursorPosition(offset)
        return True

    def _edit_text(self, row: int, text: str) -> bool:
        if not self._open_text(row, 0):
            return False
        editor = self._window.transcript_view.open_editor()
        assert editor is not None
        editor.selectAll()
        from PySide6.QtTest import QTest

        QTest.keyClicks(editor, text)
        QTest.keyClick(editor, Qt.Key.Key_Return)
        return True

    def _batch_add(self, paths: list[Path]) -> bool:
        adding = self._window.batch.adding
        if not self._batch_added:
            self._batch_added = True
            adding.add_paths(paths)
        if any(path.is_dir() for path in paths):
            if adding.count_box is None:
                return False
            adding.count_box.buttons()[0].click()  # Add
        return True

    def _recover_first(self) -> bool:
        dialog = self._window.projects.recovery_dialog or self._window.projects.offer_recovery()
        if dialog is None:
            return False
        dialog.recover_button.click()
        return True


def _touch(path: Path) -> bool:
    path.touch()
    return True


def _choose(combo: QComboBox, data: str) -> bool:
    combo.setCurrentIndex(combo.findData(data))
    return True


def _report_batch(window: MainWindow, path: Path) -> bool:
    model = window.batch.model
    rows = [{"file": item.media_path.name, "status": item.status.value, "failure": item.failure,
             "result": str(item.result_path) if item.result_path else None,
             "shown": [str(model.index(row, column).data() or "") for column in range(model.columnCount())]}
            for row, item in enumerate(window.batch.queue)]
    path.write_text(json.dumps(rows), encoding="utf-8")
    return True


def _trigger(action: QAction) -> bool:
    action.trigger()
    return True
