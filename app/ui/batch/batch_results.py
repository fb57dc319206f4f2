"""What happens to a finished file of the batch: its transcript is kept in the app's data folder (so it opens after
a restart), then exported under the batch's plan. A file already there is never overwritten without asking: the
first one found asks overwrite / skip / rename, and the answer holds for the rest of the batch."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QAbstractButton, QMessageBox

from app.core.batch.auto_export import ConflictPolicy, ExportOutcome, ExportPlan, export_finished
from app.core.batch.items import BatchItem
from app.core.batch.results import save_result
from app.core.transcript import Transcript
from app.ui.background_calls import BackgroundCalls
from app.ui.batch.batch_export_dialog import BatchExportDialog

if TYPE_CHECKING:
    from app.ui.batch.batch_controller import BatchController
    from app.ui.main_window import MainWindow


class BatchResults(QObject):
    def __init__(self, controller: BatchController, window: MainWindow, results_folder: Path) -> None:
        super().__init__(controller)
        self._controller = controller
        self._window = window
        self._folder = results_folder
        self._calls = BackgroundCalls(window)
        self.policy: ConflictPolicy | None = None  # the batch's answer, once asked
        self._awaiting_policy: list[tuple[str, Transcript, Path]] = []  # (row, transcript, media) not yet exported
        self.policy_box: QMessageBox | None = None
        self.plan_dialog: BatchExportDialog | None = None
        self._keeping = 0  # transcripts being saved and exported now

    def keep(self, item: BatchItem, transcript: Transcript) -> None:
        """Save the row's transcript and export it, off the GUI thread; the row is done (or failed) after."""
        item_id, media, plan, policy, folder = item.item_id, item.media_path, self._controller.plan, self.policy, \
            self._folder

        def work() -> tuple[Path, ExportOutcome | None]:
            result = save_result(item_id, transcript, folder)
            return result, export_finished(transcript, media, plan, policy) if plan.enabled else None

        self._keeping += 1
        self._calls.run(work, lambda kept: self._kept(item_id, transcript, media, *kept),
                        lambda sentence: self._keep_failed(item_id, sentence), name="batch-result")

    def _keep_failed(self, item_id: str, sentence: str) -> None:
        self._keeping -= 1
        self._controller.fail(item_id, sentence)

    def _kept(self, item_id: str, transcript: Transcript, media: Path, result: Path,
              outcome: ExportOutcome | None) -> None:
        self._keeping -= 1
        self._controller.finish(item_id, result, outcome.written if outcome else [])
        if outcome is not None and outcome.needs_policy:
            self._export_when_answered(item_id, transcript, media)
        self._controller.schedule()  # the batch may have ended with this file: its answer must not outlive it

    def _export_when_answered(self, item_id: str, transcript: Transcript, media: Path) -> None:
        if self.policy is not None:
            self._export(item_id, transcript, media, self.policy)
            return
        self._awaiting_policy.append((item_id, transcript, media))
        if self.policy_box is None:
            self._ask_policy(media)

    def _export(self, item_id: str, transcript: Transcript, media: Path, policy: ConflictPolicy) -> None:
        plan = self._controller.plan
        self._calls.run(lambda: export_finished(transcript, media, plan, policy),
                        lambda outcome: self._exported(item_id, outcome),
                        lambda sentence: self._controller.fail(item_id, sentence), name="batch-export")

    def _exported(self, item_id: str, outcome: ExportOutcome) -> None:
        item = self._controller.queue.find(item_id)
        if item is not None:
            item.exported = [*item.exported, *outcome.written]
            self._controller.model.item_changed(item_id)

    def _ask_policy(self, media: Path) -> None:
        existing = [path.name for _name, path in self._controller.plan.targets(media) if path.exists()]
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Files Already There"), self.tr(
            "“{name}” is already there. What should this batch do with exported files that already exist?").replace(
            "{name}", existing[0] if existing else media.stem), parent=self._window)
        box.setObjectName("batchPolicyBox")
        box.setAccessibleName(self.tr("Exported files already there"))
        box.setInformativeText(self.tr("The answer holds for every file of this batch."))
        self.policy_buttons = {
            ConflictPolicy.RENAME: box.addButton(self.tr("&Rename the New Ones"), QMessageBox.ButtonRole.AcceptRole),
            ConflictPolicy.SKIP: box.addButton(self.tr("&Skip Them"), QMessageBox.ButtonRole.RejectRole),
            ConflictPolicy.OVERWRITE: box.addButton(self.tr("&Overwrite"), QMessageBox.ButtonRole.DestructiveRole),
        }
        box.setDefaultButton(self.policy_buttons[ConflictPolicy.RENAME])
        box.setEscapeButton(self.policy_buttons[ConflictPolicy.SKIP])
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.buttonClicked.connect(self._answered)
        self.policy_box = box
        box.open()

    def _answered(self, button: QAbstractButton) -> None:
        policy = next((p for p, b in self.policy_buttons.items() if b is button), ConflictPolicy.SKIP)
        self.policy, self.policy_box = policy, None
        waiting, self._awaiting_policy = self._awaiting_policy, []
        for item_id, transcript, media in waiting:
            self._export(item_id, transcript, media, policy)
        self._controller.schedule()  # answered after the queue ran dry: the next files are a new batch

    def end_batch(self) -> None:
        """Nothing waits or runs: the next files added are a new batch, asked again (unless still being asked)."""
        if self.policy_box is None and not self._keeping:
            self.policy = None

    def edit_plan(self) -> None:
        dialog = BatchExportDialog(self._controller.plan, self._window.transcript_model.subtitle_rules, self._window)
        dialog.accepted.connect(lambda: self._plan_chosen(dialog.plan()))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.plan_dialog = dialog
        dialog.open()

    def _plan_chosen(self, plan: ExportPlan) -> None:
        self._controller.set_plan(plan)
        self.end_batch()
