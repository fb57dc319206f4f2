"""Runs the batch queue: submits its waiting rows to the runner, follows their jobs, and keeps the queue on disk.

The panel submits the next waiting rows up to the runner's lane capacity for their kind (one
local file at a time, a few remote ones); the runner decides the rest. A row's engine is made
ready off the GUI thread (a remote profile's key may wait on the keyring). A failure fails its
row with its sentence and the queue goes on. Every change of a row's status or of the order is
saved (written on a worker thread, atomically); progress is not. A row that is not done keeps no
transcript in the results folder: a kept transcript is what makes a row done at restore.
"""

from __future__ import annotations

import itertools
import logging
from concurrent.futures import ThreadPoolExecutor
from dataclasses import fields
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, QTimer, Signal

from app.core.batch.auto_export import ExportPlan
from app.core.batch.batch_queue import BatchQueue
from app.core.batch.items import BatchItem, BatchStatus
from app.core.batch.queue_file import queue_to_dict, read_queue_file, write_queue_document
from app.core.batch.results import discard_result, queue_file_path, result_path, results_dir
from app.core.errors import EarshotError
from app.core.transcript import Transcript
from app.engines.base import TranscriptionEngine, TranscriptionOptions
from app.ui.background_calls import BackgroundCalls
from app.ui.batch.batch_actions import BatchActions
from app.ui.batch.batch_adding import BatchAdding
from app.ui.batch.batch_panel import BatchPanel
from app.ui.batch.batch_results import BatchResults
from app.ui.batch.batch_table_model import BatchTableModel
from app.ui.batch.runner_port import RunnerPort
from app.ui.messages import show_error
from app.ui.remote_engine_choice import RemoteEngineChoice, remote_profile_name

if TYPE_CHECKING:
    from app.ui.main_window import MainWindow

log = logging.getLogger(__name__)
SAVE_DELAY_MS = 300  # a change the user made is saved this long after (a drag's moves make one save)
RUN_SAVE_INTERVAL_MS = 2000  # the run's own changes (a row started, done, failed) are saved at most this often
_RUN_STATUSES = (BatchStatus.RUNNING, BatchStatus.DONE, BatchStatus.FAILED)


class BatchController(QObject):
    queue_changed = Signal()  # a row's status, the rows or their order changed (not progress)

    def __init__(self, window: MainWindow, runner: RunnerPort, local_engine: TranscriptionEngine,
                 remote: RemoteEngineChoice, queue_path: Path | None = None,
                 results_folder: Path | None = None) -> None:
        super().__init__(window)
        self._window = window
        self.runner = runner
        self._local_engine = local_engine
        self._remote = remote
        self._queue_path = queue_path or queue_file_path()
        self._results_folder = results_folder or results_dir()
        read = read_queue_file(self._queue_path, self._results_folder)
        self.queue: BatchQueue = read.queue
        self.plan: ExportPlan = read.plan
        self.model = BatchTableModel(self.queue, self)
        self.actions = BatchActions(self)
        self.panel = BatchPanel(self.model, self.actions, window)
        window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.panel)
        self.adding = BatchAdding(self, window)
        self.results = BatchResults(self, window, self._results_folder)
        self._calls = BackgroundCalls(window)
        self._jobs: dict[int, str] = {}  # the runner's job id → the row it runs
        self._starting: dict[str, int] = {}  # row → the attempt whose engine is being made ready
        self._attempts = itertools.count(1)
        self._closing = False
        self._unsaved = False  # a change not yet handed to the writer
        self._writer = ThreadPoolExecutor(max_workers=1, thread_name_prefix="batch-queue-save")
        self._save_timer = QTimer(self, singleShot=True)
        self._save_timer.timeout.connect(self._save_now)
        self._connect()
        self.actions.set_paused(self.queue.paused)
        self.panel.setVisible(len(self.queue) > 0)
        self._show_summary()
        if read.notice:
            QTimer.singleShot(0, lambda: show_error(window, read.notice or ""))
        QTimer.singleShot(0, self.schedule)  # a restored queue goes on where it stopped

    def _connect(self) -> None:
        runner, actions = self.runner, self.actions
        runner.progress_changed.connect(self._on_progress)
        runner.job_finished.connect(self._on_finished)
        runner.job_failed.connect(self._on_failed)
        runner.job_cancelled.connect(self._on_cancelled)
        actions.add_files.triggered.connect(self.adding.choose_files)
        actions.add_folder.triggered.connect(self.adding.choose_folder)
        actions.pause.toggled.connect(self.set_paused)
        actions.cancel_all.triggered.connect(lambda: self.cancel([*self.queue]))
        actions.retry_failed.triggered.connect(lambda: self.retry([*self.queue]))
        actions.auto_export.triggered.connect(self.results.edit_plan)
        actions.open_result.triggered.connect(lambda: self.open_result(self.panel.selected_items()))
        actions.row_options.triggered.connect(lambda: self.adding.edit_row_options(self.panel.selected_items()))
        actions.cancel_rows.triggered.connect(lambda: self.cancel(self.panel.selected_items()))
        actions.retry_rows.triggered.connect(lambda: self.retry(self.panel.selected_items()))
        actions.remove_rows.triggered.connect(lambda: self.remove(self.panel.selected_items()))
        self.model.paths_dropped.connect(self.adding.add_paths)
        self.model.layoutChanged.connect(self._changed)

    # ---- the rows ------------------------------------------------------------------------------
    def add_items(self, items: list[BatchItem]) -> None:
        self.model.add(items)
        if not self.panel.isVisible():
            self.panel.show()
            self._window.resizeDocks([self.panel], [max(320, self._window.height() // 2)],
                                     Qt.Orientation.Vertical)
        self.panel.raise_()
        self._changed()
        self.schedule()

    def cancel(self, items: list[BatchItem]) -> None:
        for item in items:  # the waiting ones first, so that no cancelled job makes room for them
            if item.status is BatchStatus.WAITING:
                self._set_status(item, BatchStatus.CANCELLED)
        for item in items:
            if item.status is BatchStatus.RUNNING:
                job_id = self._job_of(item.item_id)
                if job_id is not None:
                    self.runner.cancel(job_id)  # job_cancelled marks the row
                elif self._starting.pop(item.item_id, None) is not None:
                    self._set_status(item, BatchStatus.CANCELLED)
        self.schedule()

    def retry(self, items: list[BatchItem]) -> None:
        for item in items:
            if item.status in (BatchStatus.FAILED, BatchStatus.CANCELLED):
                item.reset_to_waiting()
                self._forget_result(item)
                self.model.item_changed(item.item_id)
        self._changed()
        self.schedule()

    def remove(self, items: list[BatchItem]) -> None:
        for item in items:
            job_id = self._job_of(item.item_id)
            self._starting.pop(item.item_id, None)
            if job_id is not None:
                del self._jobs[job_id]
                self.runner.cancel(job_id)
            discard_result(item.result_path)
            self.model.remove(item.item_id)
        self._changed()
        self.schedule()

    def open_result(self, items: list[BatchItem]) -> None:
        """The first finished row among ``items`` as the window's document (its JSON transcript names the media)."""
        finished = [item for item in items if item.status is BatchStatus.DONE and item.result_path is not None]
        if finished and finished[0].result_path is not None:
            self._window.projects.open_path(finished[0].result_path)

    def set_paused(self, paused: bool) -> None:
        self.queue.paused = paused
        self.actions.set_paused(paused)
        self._changed()
        self.schedule()

    def change_options(self, items: list[BatchItem], choice: str, label: str, options: dict[str, Any]) -> None:
        """New model, language and task for rows that have not run yet (or will run again)."""
        for item in items:
            if item.status is BatchStatus.RUNNING:
                continue
            item.engine_choice, item.engine_label = choice, label
            item.options = {**item.options, **options}
            self.model.item_changed(item.item_id)
        self._changed()

    def set_plan(self, plan: ExportPlan) -> None:
        self.plan = plan
        self._changed()

    # ---- running -------------------------------------------------------------------------------
    def schedule(self) -> None:
        """Submit waiting rows, in order, while their lane has room."""
        if self._closing:
            return
        if not self.queue.paused:
            in_flight = [self.queue.find(item_id) for item_id in [*self._starting, *self._jobs.values()]]
            busy = {remote: sum(1 for item in in_flight if item and _is_remote(item) == remote)
                    for remote in (False, True)}
            for item in self.queue.waiting():
                remote = _is_remote(item)
                if busy[remote] < self.runner.lane_capacity(remote):
                    busy[remote] += 1
                    self._start(item)
        if not self._starting and not self._jobs and not self.queue.waiting():
            self.results.end_batch()

    def _start(self, item: BatchItem) -> None:
        attempt = next(self._attempts)
        self._starting[item.item_id] = attempt
        item.reset_to_waiting()
        self._set_status(item, BatchStatus.RUNNING)
        choice, options, item_id = item.engine_choice, _options_of(item), item.item_id
        if not _is_remote(item):  # nothing to wait for: no hop through a thread between two files
            self._submit(item_id, attempt, self._local_engine, options)
            return
        self._calls.run(
            lambda: self._remote.engine_for(choice, self._local_engine, options),
            lambda chosen: self._submit(item_id, attempt, *chosen),
            lambda sentence: self._start_failed(item_id, attempt, sentence), name="batch-engine-choice",
        )

    def _submit(self, item_id: str, attempt: int, engine: TranscriptionEngine, options: TranscriptionOptions) -> None:
        if self._starting.get(item_id) != attempt or self._closing:
            return  # cancelled or removed while its engine was being made ready
        del self._starting[item_id]
        item = self.queue.find(item_id)
        if item is not None:
            self._jobs[self.runner.submit_transcription(item.media_path, engine, options)] = item_id

    def _start_failed(self, item_id: str, attempt: int, sentence: str) -> None:
        if self._starting.get(item_id) == attempt:
            del self._starting[item_id]
            self.fail(item_id, sentence)

    def _on_progress(self, job_id: int, fraction: float, seconds_left: float) -> None:
        item = self.queue.find(self._jobs.get(job_id, ""))
        if item is not None:
            item.progress, item.seconds_left = fraction, (seconds_left if seconds_left >= 0 else None)
            self.model.progress_changed(item.item_id)

    def _on_finished(self, job_id: int, transcript: Transcript) -> None:
        item = self.queue.find(self._jobs.pop(job_id, ""))
        if item is None:
            return
        item.progress, item.seconds_left = 1.0, None
        self.model.progress_changed(item.item_id)
        self.results.keep(item, transcript)  # the row is done once its transcript is saved
        self.schedule()

    def _on_failed(self, job_id: int, sentence: str) -> None:
        item_id = self._jobs.pop(job_id, None)
        if item_id is not None:
            self.fail(item_id, sentence)
            self.schedule()

    def _on_cancelled(self, job_id: int) -> None:
        item = self.queue.find(self._jobs.pop(job_id, ""))
        if item is not None:
            self._set_status(item, BatchStatus.CANCELLED)
            self.schedule()

    def finish(self, item_id: str, result_path: Path, exported: list[Path]) -> None:
        item = self.queue.find(item_id)
        if item is None:
            discard_result(result_path)  # removed while its transcript was being saved
            return
        item.result_path = result_path
        item.exported = [*item.exported, *exported]
        self._set_status(item, BatchStatus.DONE)

    def fail(self, item_id: str, sentence: str) -> None:
        item = self.queue.find(item_id)
        if item is not None:
            log.info("batch file %s failed: %s", item.media_path.name, sentence)
            item.failure = sentence
            self._set_status(item, BatchStatus.FAILED)
            self.schedule()

    def _set_status(self, item: BatchItem, status: BatchStatus) -> None:
        item.status = status
        if status is not BatchStatus.RUNNING:
            item.seconds_left = None
        if status is not BatchStatus.FAILED:
            item.failure = None
        if status is not BatchStatus.DONE:
            self._forget_result(item)
        self.model.item_changed(item.item_id)
        self._changed(by_run=status in _RUN_STATUSES)

    def _forget_result(self, item: BatchItem) -> None:
        """A row that is not done has no transcript kept: one left from an earlier attempt (its export failed)
        would make it done at the next start (app/core/batch/results.py)."""
        discard_result(result_path(item.item_id, self._results_folder))
        item.result_path = None

    def _job_of(self, item_id: str) -> int | None:
        return next((job_id for job_id, running in self._jobs.items() if running == item_id), None)

    # ---- state -----------------------------------------------------------------------------------
    def _changed(self, by_run: bool = False) -> None:
        """Show it and save it: a change the user made SAVE_DELAY_MS after, one the run made (``by_run``) at most
        every RUN_SAVE_INTERVAL_MS. Each save writes the whole queue, and short files finish several times a
        second; what a later save of the run's changes would have said, the restore rules work out after a crash
        (a running row runs again, a kept transcript makes its row done, a failed row runs again)."""
        self._show_summary()
        self._unsaved = True
        if not by_run:
            self._save_timer.start(SAVE_DELAY_MS)
        elif not self._save_timer.isActive():
            self._save_timer.start(RUN_SAVE_INTERVAL_MS)
        self.queue_changed.emit()

    def _show_summary(self) -> None:
        total = len(self.queue)
        done, failed = self.queue.count(BatchStatus.DONE), self.queue.count(BatchStatus.FAILED)
        text = self.tr("{done} of {total} done").replace("{done}", str(done)).replace("{total}", str(total))
        if failed:
            text += self.tr(" · {failed} failed").replace("{failed}", str(failed))
        if self.queue.paused:
            text += self.tr(" · paused")
        self.panel.show_summary(text if total else self.tr("Add files, a folder, or drop them here."))
        self.actions.retry_failed.setEnabled(failed + self.queue.count(BatchStatus.CANCELLED) > 0)
        self.actions.cancel_all.setEnabled(bool(self.queue.waiting() or self.queue.running()))

    def _save_now(self) -> None:
        self._unsaved = False
        document = queue_to_dict(self.queue, self.plan)
        self._writer.submit(self._write, document)

    def _write(self, document: dict[str, Any]) -> None:
        try:
            write_queue_document(self._queue_path, document)
        except EarshotError as error:  # a full disk must not stop the queue; the next change tries again
            log.warning("batch queue not saved: %s", error)

    def shutdown(self) -> None:
        """Stop starting rows and write the queue as it is now (a running row runs again at the next start)."""
        self._closing = True
        self._calls.stop()
        self._save_timer.stop()
        self._writer.shutdown(wait=True)
        if self._unsaved:
            self._write(queue_to_dict(self.queue, self.plan))


def _is_remote(item: BatchItem) -> bool:
    return remote_profile_name(item.engine_choice) is not None


def _options_of(item: BatchItem) -> TranscriptionOptions:
    known = {option.name for option in fields(TranscriptionOptions)}
    return TranscriptionOptions(**{key: value for key, value in item.options.items() if key in known})

