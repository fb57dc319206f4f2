"""How many speakers to look for: automatic, exactly N, or between a minimum and a maximum."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QSpinBox,
    QToolButton,
    QWidget,
)

from app.core.speaker_turns import MAX_SPEAKERS, SpeakerCount

AUTOMATIC, EXACTLY, BETWEEN = "auto", "exact", "range"


class SpeakerCountWidget(QWidget):
    def __init__(self, count: SpeakerCount | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        self.mode_combo = QComboBox(self)
        self.mode_combo.setObjectName("speakerCountMode")
        self.mode_combo.setAccessibleName(self.tr("Number of speakers"))
        self.mode_combo.addItem(self.tr("Automatic"), AUTOMATIC)
        self.mode_combo.addItem(self.tr("Exactly"), EXACTLY)
        self.mode_combo.addItem(self.tr("Between"), BETWEEN)
        self.minimum_spin = self._spin("speakerCountMinimum", self.tr("Fewest speakers"))
        self.and_label = QLabel(self.tr("and"), self)
        self.maximum_spin = self._spin("speakerCountMaximum", self.tr("Most speakers"))
        for widget in (self.mode_combo, self.minimum_spin, self.and_label, self.maximum_spin):
            layout.addWidget(widget)
        self.mode_combo.currentIndexChanged.connect(self._show_bounds)
        self.set_count(count or SpeakerCount())

    def _spin(self, name: str, accessible_name: str) -> QSpinBox:
        spin = QSpinBox(self)
        spin.setObjectName(name)
        spin.setAccessibleName(accessible_name)
        spin.setRange(1, MAX_SPEAKERS)
        spin.setValue(2)
        spin.setMaximumWidth(spin.fontMetrics().horizontalAdvance("00") + 44)  # two digits and the arrows
        return spin

    def set_count(self, count: SpeakerCount) -> None:
        if count.minimum is None and count.maximum is None:
            mode = AUTOMATIC
        elif count.exact is not None:
            mode = EXACTLY
            self.minimum_spin.setValue(count.exact)
        else:
            mode = BETWEEN
            self.minimum_spin.setValue(count.minimum or 1)
            self.maximum_spin.setValue(count.maximum or MAX_SPEAKERS)
        self.mode_combo.setCurrentIndex(self.mode_combo.findData(mode))
        self._show_bounds()

    def count(self) -> SpeakerCount:
        """The chosen count; a range given upside down is read the right way round."""
        mode = self.mode_combo.currentData()
        if mode == EXACTLY:
            return SpeakerCount.exactly(self.minimum_spin.value())
        if mode == BETWEEN:
            low, high = sorted((self.minimum_spin.value(), self.maximum_spin.value()))
            return SpeakerCount(low, high)
        return SpeakerCount()

    def _show_bounds(self) -> None:
        mode = self.mode_combo.currentData()
        self.minimum_spin.setVisible(mode != AUTOMATIC)
        self.and_label.setVisible(mode == BETWEEN)
        self.maximum_spin.setVisible(mode == BETWEEN)


class SpeakerCountDialog(QDialog):
    """Asks how many speakers to look for, before Identify Speakers or Change Speaker Count."""

    def __init__(self, title: str, count: SpeakerCount, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("speakerCountDialog")
        self.setWindowTitle(title)
        form = QFormLayout(self)
        form.setContentsMargins(18, 18, 18, 14)
        self.count_widget = SpeakerCountWidget(count, self)
        label = QLabel(self.tr("&Speakers"), self)
        label.setBuddy(self.count_widget.mode_combo)
        form.addRow(label, self.count_widget)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)


class SpeakersOption(QWidget):
    """The options bar's "Speakers" check box, and a button showing and choosing how many (narrow, for the bar)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        self.check_box = QCheckBox(self.tr("Speakers"), self)
        self.check_box.setObjectName("identifySpeakersCheck")
        self.check_box.setToolTip(self.tr("Label who said what after recognition, on this computer."))
        self.count_button = QToolButton(self)
        self.count_button.setObjectName("speakerCountButton")
        self.count_button.setAccessibleName(self.tr("Number of speakers"))
        self.count_button.setToolTip(self.tr("How many speakers to look for"))
        self.count_button.setArrowType(Qt.ArrowType.DownArrow)  # reads as a choice, not a label
        self.count_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.count_button.setEnabled(False)
        self.count_button.clicked.connect(self.choose_count)
        self.check_box.toggled.connect(self.count_button.setEnabled)
        layout.addWidget(self.check_box)
        layout.addWidget(self.count_button)
        self._count = SpeakerCount()
        self.set_count(self._count)

    def is_on(self) -> bool:
        return self.check_box.isChecked()

    def count(self) -> SpeakerCount:
        return self._count

    def set_count(self, count: SpeakerCount) -> None:
        self._count = count
        automatic = count.minimum is None and count.maximum is None
        self.count_button.setText(self.tr("auto") if automatic else str(count).replace("-", "–"))

    def choose_count(self) -> SpeakerCountDialog:
        dialog = SpeakerCountDialog(self.tr("Number of Speakers"), self._count, self)
        dialog.accepted.connect(lambda: self.set_count(dialog.count_widget.count()))
        dialog.open()
        return dialog
