"""The Edit menu's small dialogs: shift times by milliseconds, assign a speaker, rename a speaker."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

MAX_SHIFT_MS = 24 * 3_600_000


class _FormDialog(QDialog):
    def __init__(self, title: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.setMinimumWidth(380)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 18, 20, 16)
        layout.setSpacing(12)
        self.form = QFormLayout()
        self.form.setHorizontalSpacing(14)
        self.form.setVerticalSpacing(10)
        layout.addLayout(self.form)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)


class ShiftTimesDialog(_FormDialog):
    """By how many milliseconds (earlier when negative), and whether the selected segments or all."""

    def __init__(self, selected_count: int, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Shift Times"), parent)
        self.setObjectName("shiftTimesDialog")
        self.milliseconds = QSpinBox(self)
        self.milliseconds.setRange(-MAX_SHIFT_MS, MAX_SHIFT_MS)
        self.milliseconds.setSingleStep(100)
        self.milliseconds.setSuffix(self.tr(" ms"))
        self.milliseconds.setAccessibleName(self.tr("Milliseconds to shift by"))
        self.milliseconds.setToolTip(self.tr("Positive moves later, negative earlier."))
        self.form.addRow(self.tr("Shift &by"), self.milliseconds)
        self.selected_only = QRadioButton(
            self.tr("&Selected segments ({count})").replace("{count}", str(selected_count)), self)
        self.selected_only.setAccessibleName(self.tr("Shift the selected segments"))
        self.all_segments = QRadioButton(self.tr("&All segments"), self)
        self.all_segments.setAccessibleName(self.tr("Shift all segments"))
        (self.selected_only if selected_count > 1 else self.all_segments).setChecked(True)
        self.selected_only.setEnabled(selected_count > 0)
        self.form.addRow(self.tr("Segments"), self.selected_only)
        self.form.addRow("", self.all_segments)
        self.milliseconds.selectAll()


class AssignSpeakerDialog(_FormDialog):
    """Pick one of the transcript's speakers or type a new name (empty: no speaker)."""

    def __init__(self, speakers: list[str], current: str | None, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Assign Speaker"), parent)
        self.setObjectName("assignSpeakerDialog")
        self.speaker = QComboBox(self)
        self.speaker.setEditable(True)
        self.speaker.addItems(speakers)
        self.speaker.setCurrentText(current or "")
        self.speaker.setAccessibleName(self.tr("Speaker name"))
        line = self.speaker.lineEdit()
        if line is not None:
            line.setPlaceholderText(self.tr("A new or existing name"))
        self.form.addRow(self.tr("&Speaker"), self.speaker)

    def name(self) -> str:
        return self.speaker.currentText().strip()


class RenameSpeakerDialog(_FormDialog):
    """Which speaker, and the new name it gets in every segment."""

    def __init__(self, speakers: list[str], current: str | None, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Rename Speaker"), parent)
        self.setObjectName("renameSpeakerDialog")
        self.old_name = QComboBox(self)
        self.old_name.addItems(speakers)
        if current in speakers:
            self.old_name.setCurrentText(current)
        self.old_name.setAccessibleName(self.tr("Speaker to rename"))
        self.form.addRow(self.tr("&Speaker"), self.old_name)
        self.new_name = QLineEdit(self)
        self.new_name.setAccessibleName(self.tr("New name"))
        self.new_name.setText(self.old_name.currentText())
        self.new_name.selectAll()
        self.form.addRow(self.tr("&New name"), self.new_name)
