"""Auto-Export… of the batch: the formats each finished file is exported to, where, and under which subtitle rules."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from app.core.batch.auto_export import ExportPlan
from app.core.formats import OUTPUT_FORMATS
from app.core.subtitle_rules import SUBTITLE_PROFILES, SubtitleRules

EXPORT_DIALOG_RULES = "export-dialog"  # the rules last chosen in File ▸ Export


class BatchExportDialog(QDialog):
    def __init__(self, plan: ExportPlan, export_dialog_rules: SubtitleRules, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("batchExportDialog")
        self.setWindowTitle(self.tr("Batch Auto-Export"))
        self._export_dialog_rules = export_dialog_rules
        self.formats_box = QGroupBox(self.tr("Export each finished file"), self)
        self.formats_box.setCheckable(True)
        self.formats_box.setChecked(plan.enabled)
        self.format_list = QListWidget(self.formats_box)
        self.format_list.setAccessibleName(self.tr("Formats to export"))
        chosen = set(plan.formats) or {"srt"}
        for output in OUTPUT_FORMATS.values():
            item = QListWidgetItem(f"{self.tr(output.description)} ({output.extension})", self.format_list)
            item.setData(Qt.ItemDataRole.UserRole, output.name)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if output.name in chosen else Qt.CheckState.Unchecked)
        self.beside_button = QRadioButton(self.tr("&Beside each file"), self)
        self.folder_button = QRadioButton(self.tr("In this &folder:"), self)
        self.folder_edit = QLineEdit(str(plan.folder) if plan.folder else "", self)
        self.folder_edit.setAccessibleName(self.tr("Export folder"))
        self.browse_button = QPushButton(self.tr("C&hoose…"), self)
        self.browse_button.setAccessibleName(self.tr("Choose the export folder"))
        self.browse_button.clicked.connect(self._choose_folder)
        places = QButtonGroup(self)
        places.addButton(self.beside_button)
        places.addButton(self.folder_button)
        (self.folder_button if plan.folder else self.beside_button).setChecked(True)
        self.rules_combo = QComboBox(self)
        self.rules_combo.setAccessibleName(self.tr("Subtitle rules"))
        self.rules_combo.addItem(self.tr("As chosen in the Export dialog"), EXPORT_DIALOG_RULES)
        for profile in SUBTITLE_PROFILES.values():
            self.rules_combo.addItem(self.tr(profile.label), profile.key)
        self.rules_combo.addItem(self.tr("None: cues as recognised"), None)
        self._show_rules(plan.rules)
        self._lay_out()

    def _lay_out(self) -> None:
        inner = QVBoxLayout(self.formats_box)
        inner.addWidget(self.format_list)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder_button)
        folder_row.addWidget(self.folder_edit, 1)
        folder_row.addWidget(self.browse_button)
        inner.addWidget(self.beside_button)
        inner.addLayout(folder_row)
        form = QFormLayout()
        form.addRow(self.tr("Subtitle &rules"), self.rules_combo)
        inner.addLayout(form)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.formats_box)
        layout.addWidget(buttons)
        self.resize(460, 440)

    def _show_rules(self, rules: SubtitleRules | None) -> None:
        key = EXPORT_DIALOG_RULES if rules == self._export_dialog_rules else None
        for profile in SUBTITLE_PROFILES.values():
            if rules == profile.rules:
                key = profile.key
        index = self.rules_combo.findData(key) if rules is not None else self.rules_combo.count() - 1
        self.rules_combo.setCurrentIndex(max(0, index))

    def _choose_folder(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, self.tr("Export Folder"), self.folder_edit.text())
        if chosen:
            self.folder_edit.setText(chosen)
            self.folder_button.setChecked(True)

    def plan(self) -> ExportPlan:
        if not self.formats_box.isChecked():
            return ExportPlan((), None, self._rules())
        formats = tuple(self.format_list.item(row).data(Qt.ItemDataRole.UserRole)
                        for row in range(self.format_list.count())
                        if self.format_list.item(row).checkState() == Qt.CheckState.Checked)
        folder = Path(self.folder_edit.text()) if self.folder_button.isChecked() and self.folder_edit.text() else None
        return ExportPlan(formats, folder, self._rules())

    def _rules(self) -> SubtitleRules | None:
        key = self.rules_combo.currentData()
        if key == EXPORT_DIALOG_RULES:
            return self._export_dialog_rules
        return SUBTITLE_PROFILES[key].rules if key in SUBTITLE_PROFILES else None
