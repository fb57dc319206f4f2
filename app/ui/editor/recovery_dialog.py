"""At start: the documents an earlier run left unsaved, offered for recovery one by one."""

from __future__ import annotations

from PySide6.QtCore import QDateTime, QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.core.recovery import RecoverableDocument, RecoveryStore


class RecoveryDialog(QDialog):
    """Recover opens the chosen document in the window; Discard deletes its autosave; Later keeps them all."""

    recover_requested = Signal(object)  # the RecoverableDocument

    def __init__(self, store: RecoveryStore, documents: list[RecoverableDocument],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("recoveryDialog")
        self.setWindowTitle(self.tr("Recover Unsaved Work"))
        self.setAccessibleName(self.tr("Recover unsaved work"))
        self.setMinimumWidth(520)
        self._store = store
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 18, 20, 16)
        layout.setSpacing(12)
        heading = QLabel(self.tr("Earshot closed before these transcripts were saved."), self)
        heading.setObjectName("recoveryHeading")
        layout.addWidget(heading)
        explanation = QLabel(self.tr(
            "Recover one to go on where you left off; the others stay here for later."), self)
        explanation.setWordWrap(True)
        explanation.setObjectName("optionLabel")
        layout.addWidget(explanation)
        self.document_list = QListWidget(self)
        self.document_list.setObjectName("recoveryList")
        self.document_list.setAccessibleName(self.tr("Unsaved documents"))
        self.document_list.itemDoubleClicked.connect(lambda _item: self._recover())
        heading.setBuddy(self.document_list)
        layout.addWidget(self.document_list, 1)
        buttons = QDialogButtonBox(self)
        self.recover_button = QPushButton(self.tr("&Recover"), self)
        self.recover_button.setAccessibleName(self.tr("Recover the selected document"))
        self.recover_button.setDefault(True)
        self.discard_button = QPushButton(self.tr("&Discard"), self)
        self.discard_button.setAccessibleName(self.tr("Discard the selected document's unsaved work"))
        self.later_button = QPushButton(self.tr("&Later"), self)
        self.later_button.setAccessibleName(self.tr("Close and keep the unsaved work for later"))
        buttons.addButton(self.recover_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.discard_button, QDialogButtonBox.ButtonRole.DestructiveRole)
        buttons.addButton(self.later_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.recover_button.clicked.connect(self._recover)
        self.discard_button.clicked.connect(self._discard)
        self.later_button.clicked.connect(self.reject)
        layout.addWidget(buttons)
        for document in documents:
            self._add(document)
        self.document_list.setCurrentRow(0)

    def _add(self, document: RecoverableDocument) -> None:
        moment = QDateTime.fromSecsSinceEpoch(int(document.saved_at.timestamp()))
        when = QLocale().toString(moment, QLocale.FormatType.ShortFormat)
        label = self.tr("{title} — autosaved {when}").replace("{title}", document.title).replace("{when}", when)
        if document.project_path is not None:
            label += "\n" + str(document.project_path)
        item = QListWidgetItem(label, self.document_list)
        item.setData(Qt.ItemDataRole.UserRole, document)
        item.setData(Qt.ItemDataRole.AccessibleTextRole, label)

    def selected(self) -> RecoverableDocument | None:
        item = self.document_list.currentItem()
        chosen: RecoverableDocument | None = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        return chosen

    def _recover(self) -> None:
        document = self.selected()
        if document is not None:
            self.accept()
            self.recover_requested.emit(document)

    def _discard(self) -> None:
        document = self.selected()
        if document is None:
            return
        self._store.discard(document.document_id)
        self.document_list.takeItem(self.document_list.currentRow())
        if not self.document_list.count():
            self.reject()
