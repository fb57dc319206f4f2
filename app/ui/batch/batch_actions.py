"""The batch queue's commands, as actions: in the Transcription menu, on the panel's buttons and in its row menu."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction


class BatchActions(QObject):
    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self.add_files = self._action(self.tr("Add Files to &Batch…"), self.tr("Add media files to the batch queue"))
        self.add_folder = self._action(self.tr("Add &Folder to Batch…"),
                                       self.tr("Add every audio and video file in a folder and its subfolders"))
        self.pause = self._action(self.tr("Pause"), self.tr(
            "Start no new file; the files running finish (press again to resume)"))
        self.pause.setCheckable(True)
        self.cancel_all = self._action(self.tr("Cancel All"), self.tr("Cancel every file waiting or running"))
        self.retry_failed = self._action(self.tr("Retry Failed"),
                                         self.tr("Put every failed or cancelled file back in the queue"))
        self.auto_export = self._action(self.tr("Auto-Export…"), self.tr(
            "Export each finished file to chosen formats and folder"))
        self.open_result = self._action(self.tr("&Open"), self.tr("Open the finished transcript as a document"))
        self.row_options = self._action(self.tr("O&ptions…"), self.tr("Model, language and task of these files"))
        self.cancel_rows = self._action(self.tr("&Cancel"), self.tr("Cancel the selected files"))
        self.retry_rows = self._action(self.tr("&Retry"), self.tr("Run the selected files again"))
        self.remove_rows = self._action(self.tr("Re&move"), self.tr("Take the selected files out of the queue"))

    def _action(self, text: str, tip: str) -> QAction:
        action = QAction(text, self)
        action.setToolTip(tip)
        action.setStatusTip(tip)
        return action

    def set_paused(self, paused: bool) -> None:
        self.pause.setChecked(paused)
        self.pause.setText(self.tr("Resume") if paused else self.tr("Pause"))
