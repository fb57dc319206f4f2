"""Models: the downloadable and bundled models and added folders; download (progress, cancel), delete, add a folder,
and where downloads come from (the Hugging Face hub or a mirror).

A download is a job of the job runner (DownloadModelJob, in the light lane), followed through its events:
progress with the time left, and Cancel that takes effect at once. Deletes and folder checks run off the GUI
thread (BackgroundCalls). Closing the dialog cancels a download: the files finished so far are kept, and the
next download of that model fetches only the rest.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.core.errors import EarshotError
from app.core.time_left import format_time_left
from app.engines.installed_models import ModelOrigin, add_model_folder, delete_model, installed_models
from app.engines.model_catalog import CATALOG, CatalogModel, Rating, format_size
from app.engines.model_settings import (
    checked_download_source,
    hub_endpoint,
    load_model_settings,
    save_model_settings,
)
from app.engines.model_store import partial_download_folder
from app.jobs import JobRunner
from app.jobs.download_job import PROGRESS_STEPS, DownloadModelJob
from app.jobs.events import JobCancelled, JobEvent, JobFailed, JobFinished, JobProgress
from app.ui.background_calls import BackgroundCalls
from app.ui.messages import show_error

COLUMNS = 6
SIZE_COLUMN = 1


@dataclass(frozen=True, slots=True)
class _Row:
    key: str  # a catalog name, or an added folder's path
    catalog: CatalogModel | None
    origin: ModelOrigin | None  # None: not on this machine
    partial: bool = False  # an unfinished download waits to be resumed


class ModelManagerDialog(QDialog):
    models_changed = Signal()  # a model was downloaded, deleted or added: the model choices must follow

    def __init__(self, runner: JobRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("modelManagerDialog")
        self.setWindowTitle(self.tr("Models"))
        self._runner = runner
        self._calls = BackgroundCalls(self)
        self._rows: list[_Row] = []
        self._downloading: str | None = None  # the model being downloaded
        self._download_job: int | None = None
        self._download_text = ""  # "Downloading tiny from …", before the progress
        runner.job_event.connect(self._on_job_event)
        self.finished.connect(self._stop)
        self._build()
        self._reload(select=None)

    # ---- construction ---------------------------------------------------------------
    def _build(self) -> None:
        layout = QVBoxLayout(self)
        self.table = QTableWidget(0, COLUMNS, self)
        self.table.setObjectName("modelTable")
        self.table.setAccessibleName(self.tr("Models"))
        self.table.setHorizontalHeaderLabels([
            self.tr("Model"), self.tr("Size"), self.tr("Languages"), self.tr("Speed"), self.tr("Accuracy"),
            self.tr("Status"),
        ])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        layout.addWidget(self.table, 1)
        layout.addLayout(self._build_actions())
        self.progress_bar = QProgressBar(self)
        self.progress_bar.setObjectName("downloadProgress")
        self.progress_bar.setAccessibleName(self.tr("Download progress"))
        self.progress_bar.setRange(0, PROGRESS_STEPS)
        self.progress_bar.setTextVisible(False)
        policy = self.progress_bar.sizePolicy()
        policy.setRetainSizeWhenHidden(True)  # no jump when it appears
        self.progress_bar.setSizePolicy(policy)
        self.progress_bar.hide()  # an empty bar before any download reads as one stuck at nothing
        self.status_label = QLabel(self)
        self.status_label.setObjectName("modelStatus")
        self.status_label.setAccessibleName(self.tr("Download status"))
        self.status_label.setWordWrap(True)
        layout.addWidget(self.progress_bar)
        layout.addWidget(self.status_label)
        layout.addLayout(self._build_source())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(760, 560)

    def _build_actions(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.download_button = self._button("downloadButton", self.tr("Download"), self._start_download)
        self.cancel_button = self._button("cancelDownloadButton", self.tr("Cancel"), self._cancel)
        self.delete_button = self._button("deleteModelButton", self.tr("Delete"), self._delete)
        self.add_folder_button = self._button("addFolderButton", self.tr("Add Folder…"), self._choose_folder)
        for button in (self.download_button, self.cancel_button, self.delete_button):
            row.addWidget(button)
        row.addStretch(1)
        row.addWidget(self.add_folder_button)
        return row

    def _button(self, name: str, text: str, slot: object) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.setAccessibleName(text.rstrip("…"))
        button.clicked.connect(slot)
        return button

    def _build_source(self) -> QHBoxLayout:
        row = QHBoxLayout()
        label = QLabel(self.tr("Download from"), self)
        self.source_edit = QLineEdit(load_model_settings().download_source, self)
        self.source_edit.setObjectName("downloadSourceEdit")
        self.source_edit.setAccessibleName(self.tr("Download from"))
        self.source_edit.setPlaceholderText(
            self.tr("{hub} (the Hugging Face hub), or a mirror such as https://hf-mirror.com")
            .replace("{hub}", hub_endpoint(""))
        )
        self.source_edit.setToolTip(self.tr("Leave empty for the Hugging Face hub; give a mirror's address "
                                             "where the hub cannot be reached."))
        self.source_edit.editingFinished.connect(self._save_source)
        label.setBuddy(self.source_edit)
        row.addWidget(label)
        row.addWidget(self.source_edit, 1)
        return row

    # ---- the table --------------------------------------------------------------------
    def _reload(self, select: str | None) -> None:
        installed = {model.key: model.origin for model in installed_models()}
        self._rows = [
            _Row(model.name, model, installed.get(model.name),
                 partial=partial_download_folder(model.name).is_dir())
            for model in CATALOG.values()
        ]
        self._rows += [_Row(key, None, origin) for key, origin in installed.items() if origin is ModelOrigin.ADDED]
        self.table.setRowCount(len(self._rows))
        for index, row in enumerate(self._rows):
            for column, text in enumerate(self._cells(row)):
                item = QTableWidgetItem(text)
                if column == SIZE_COLUMN:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if column == 0:
                    item.setData(Qt.ItemDataRole.UserRole, row.key)
                    item.setToolTip(row.key if row.catalog is None else row.catalog.repo_id)
                self.table.setItem(index, column, item)
        keys = [row.key for row in self._rows]
        if select in keys:
            self.table.selectRow(keys.index(select))
        self._update_buttons()

    def _cells(self, row: _Row) -> list[str]:
        if row.catalog is None:
            return [Path(row.key).name, "", "", "", "", self.tr("Folder: {path}").replace("{path}", row.key)]
        model = row.catalog
        return [
            model.name, format_size(model.size),
            self.tr("English") if model.english_only else self.tr("Multilingual"),
            self._speed_word(model.speed), self._accuracy_word(model.accuracy), self._status_word(row),
        ]

    def _speed_word(self, rating: Rating) -> str:
        words = {Rating.HIGHEST: self.tr("Fastest"), Rating.HIGH: self.tr("Fast"),
                 Rating.MEDIUM: self.tr("Moderate"), Rating.LOW: self.tr("Slow")}
        return words[rating]

    def _accuracy_word(self, rating: Rating) -> str:
        words = {Rating.LOW: self.tr("Basic"), Rating.MEDIUM: self.tr("Good"),
                 Rating.HIGH: self.tr("Better"), Rating.HIGHEST: self.tr("Best")}
        return words[rating]

    def _status_word(self, row: _Row) -> str:
        if row.key == self._downloading:
            return self.tr("Downloading…")
        if row.origin is ModelOrigin.BUNDLED:
            return self.tr("Bundled")
        if row.origin is ModelOrigin.DOWNLOADED:
            return self.tr("Downloaded")
        return self.tr("Partly downloaded") if row.partial else self.tr("Not downloaded")

    def selected_row(self) -> _Row | None:
        rows = self.table.selectionModel().selectedRows()
        return self._rows[rows[0].row()] if rows else None

    def select_model(self, key: str) -> None:
        self.table.selectRow([row.key for row in self._rows].index(key))

    def _update_buttons(self) -> None:
        row = self.selected_row()
        busy = self._downloading is not None
        can_download = row is not None and row.catalog is not None and row.origin is None
        self.download_button.setEnabled(not busy and can_download)
        self.cancel_button.setEnabled(busy)
        can_delete = row is not None and (row.origin in (ModelOrigin.DOWNLOADED, ModelOrigin.ADDED) or row.partial)
        self.delete_button.setEnabled(can_delete and row is not None and row.key != self._downloading)

    # ---- download -----------------------------------------------------------------------
    def _start_download(self) -> None:
        row = self.selected_row()
        if row is None or row.catalog is None or self._downloading is not None:
            return
        model, source = row.catalog, load_model_settings().download_source
        self._downloading = model.name
        self.progress_bar.setValue(0)
        self.progress_bar.show()
        self._download_text = self.tr("Downloading {name} from {source}…").replace(
            "{name}", model.name).replace("{source}", hub_endpoint(source))
        self.status_label.setText(self._download_text)
        self._reload(select=model.name)
        self._download_job = self._runner.submit(DownloadModelJob(model, source))

    def _on_job_event(self, job_id: int, event: JobEvent) -> None:
        if job_id != self._download_job:
            return
        if isinstance(event, JobProgress):
            self._show_progress(event.fraction, event.seconds_left)
        elif isinstance(event, JobFinished):
            self._download_ended(completed=True)
        elif isinstance(event, JobCancelled):
            self._download_ended(completed=False)
        elif isinstance(event, JobFailed):
            self._download_failed(event.message)

    def _show_progress(self, fraction: float, seconds_left: float | None) -> None:
        self.progress_bar.setValue(round(fraction * PROGRESS_STEPS))
        left = format_time_left(seconds_left)
        if left:
            self.status_label.setText(f"{self._download_text} " + self.tr("{percent} · {left} left").replace(
                "{percent}", f"{fraction:.0%}").replace("{left}", left))

    def _cancel(self) -> None:
        """At once: the job ends now (its thread closes the file it was writing, unheard)."""
        if self._download_job is not None:
            self._runner.cancel(self._download_job)

    def _download_ended(self, completed: bool) -> None:
        name, self._downloading, self._download_job = self._downloading, None, None
        if completed:
            self.progress_bar.setValue(PROGRESS_STEPS)
            self.status_label.setText(self.tr("{name} is ready to use.").replace("{name}", name or ""))
            self.models_changed.emit()
        else:
            self.progress_bar.setValue(0)
            self.status_label.setText(self.tr("Download cancelled; the files downloaded so far are kept."))
        self._reload(select=name)

    def _download_failed(self, sentence: str) -> None:
        name, self._downloading, self._download_job = self._downloading, None, None
        self.progress_bar.setValue(0)
        self.status_label.setText(sentence)
        self._reload(select=name)
        show_error(self, sentence)

    # ---- delete, add, source ---------------------------------------------------------------
    def _delete(self) -> None:
        row = self.selected_row()
        if row is None:
            return
        self.delete_button.setEnabled(False)
        key = row.key
        self._calls.run(lambda: delete_model(key), lambda _none: self._changed(None), self._failed)

    def _choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Add a Whisper Model Folder"))
        if folder:
            self.add_folder(Path(folder))

    def add_folder(self, folder: Path) -> None:
        """Check ``folder`` off the GUI thread (it may be on a slow disk) and list it."""
        self._calls.run(lambda: add_model_folder(folder), lambda added: self._changed(added.key), self._failed)

    def _changed(self, select: str | None) -> None:
        self.status_label.clear()
        self._reload(select=select)
        self.models_changed.emit()

    def _failed(self, sentence: str) -> None:
        self._reload(select=None)
        show_error(self, sentence)

    def _save_source(self) -> None:
        try:
            chosen = checked_download_source(self.source_edit.text())
            settings = load_model_settings()
            if chosen != settings.download_source:
                save_model_settings(replace(settings, download_source=chosen))
        except EarshotError as error:
            show_error(self, error.message)
            return
        self.source_edit.setText(chosen)

    def _stop(self) -> None:
        self._cancel()
        self._calls.stop()

