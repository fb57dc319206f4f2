"""Putting files in the batch: the file and folder dialogs, drops, the count before a folder's files are added,
and each file's duration, probed off the GUI thread."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox

from app.core.audio import MEDIA_EXTENSIONS, open_audio_file
from app.core.batch.folder_scan import media_files_in
from app.core.batch.items import BatchItem
from app.core.errors import EarshotError
from app.ui.background_calls import BackgroundCalls
from app.ui.batch.row_options_dialog import RowOptionsDialog

if TYPE_CHECKING:
    from app.ui.batch.batch_controller import BatchController
    from app.ui.main_window import MainWindow


class BatchAdding(QObject):
    def __init__(self, controller: BatchController, window: MainWindow) -> None:
        super().__init__(controller)
        self._controller = controller
        self._window = window
        self._calls = BackgroundCalls(window)
        self.count_box: QMessageBox | None = None  # the latest "Add N files?" question
        self.options_dialog: RowOptionsDialog | None = None

    def choose_files(self) -> None:
        patterns = " ".join(f"*{extension}" for extension in MEDIA_EXTENSIONS)
        chosen, _ = QFileDialog.getOpenFileNames(
            self._window, self.tr("Add Files to Batch"), "",
            self.tr("Audio and video ({patterns})").replace("{patterns}", patterns))
        if chosen:
            self.add_paths([Path(path) for path in chosen])

    def choose_folder(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self._window, self.tr("Add Folder to Batch"))
        if chosen:
            self.add_paths([Path(chosen)])

    def add_paths(self, paths: list[Path]) -> None:
        """Files are added at once; the media files under a folder are counted first and added once the user agrees."""
        self._window.statusBar().showMessage(self.tr("Looking for audio and video files…"))
        self._calls.run(lambda: (media_files_in(paths), [path for path in paths if path.is_dir()]),
                        lambda found: self._found(*found), name="batch-folder-scan")

    def _found(self, files: list[Path], folders: list[Path]) -> None:
        status = self._window.statusBar()
        status.clearMessage()
        if not files:
            status.showMessage(self.tr("No audio or video files there."), 5000)
            return
        if not folders:
            self.add_files(files)
            return
        where = (self.tr("“{folder}” and its subfolders").replace("{folder}", folders[0].name) if len(folders) == 1
                 else self.tr("{count} folders").replace("{count}", str(len(folders))))
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Add to Batch"), self.tr(
            "Add {count} audio and video files from {where} to the batch queue?").replace(
            "{count}", str(len(files))).replace("{where}", where), parent=self._window)
        box.setObjectName("batchCountBox")
        box.setAccessibleName(self.tr("Add files to the batch"))
        add = box.addButton(self.tr("&Add {count} Files").replace("{count}", str(len(files))),
                            QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(add)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.buttonClicked.connect(lambda button: self.add_files(files) if button is add else None)
        self.count_box = box
        box.open()

    def add_files(self, files: list[Path]) -> list[BatchItem]:
        """Rows for ``files`` with the window's current model and options, their durations probed after."""
        window = self._window
        choice, label = window.options_bar.model(), window.options_bar.model_combo.currentText()
        options = window.current_options().as_dict()
        items = [BatchItem(path.absolute(), choice, label, dict(options)) for path in files]
        self._controller.add_items(items)
        self._probe_durations([(item.item_id, item.media_path) for item in items])
        return items

    def _probe_durations(self, files: list[tuple[str, Path]]) -> None:
        def probe() -> None:
            for item_id, path in files:
                if self._calls.cancel_event.is_set():
                    return
                try:
                    duration: float | None = open_audio_file(path).duration
                except EarshotError:
                    duration = None  # the row says why when it runs
                self._calls.report(self._show_duration, item_id, duration)

        self._calls.run(probe, lambda _none: None, name="batch-duration-probe")

    def _show_duration(self, item_id: str, duration: float | None) -> None:
        item = self._controller.queue.find(item_id)
        if item is not None and duration:
            item.duration = duration
            self._controller.model.item_changed(item_id)

    def edit_row_options(self, items: list[BatchItem]) -> None:
        if not items:
            return
        dialog = RowOptionsDialog(self._window, items[0], len(items))
        dialog.accepted.connect(lambda: self._controller.change_options(items, *dialog.chosen()))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.options_dialog = dialog
        dialog.open()
