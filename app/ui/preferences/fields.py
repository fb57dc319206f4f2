"""One editing widget per declared preference, chosen by its kind: read and set its value as the declared type."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

from app.core.preferences import CONTEXT, Kind, Preference, Value


def translated(text: str) -> str:
    """A label or description declared in app.core.preferences, in the interface's language."""
    return QCoreApplication.translate(CONTEXT, text)


class PreferenceField:
    """The widget that edits one preference; ``widget`` goes in the form."""

    def __init__(self, declared: Preference, run_time_choices: Sequence[tuple[str, str]], parent: QWidget) -> None:
        self.declared = declared
        self.widget = self._build(run_time_choices, parent)
        self._editor.setObjectName(declared.key.replace("/", "_"))
        self._editor.setToolTip(translated(declared.description))
        self._editor.setAccessibleName(translated(declared.label))
        self._editor.setAccessibleDescription(translated(declared.description))

    @property
    def editor(self) -> QWidget:
        """The widget that takes the focus (the label's buddy)."""
        return self._editor

    def _build(self, run_time_choices: Sequence[tuple[str, str]], parent: QWidget) -> QWidget:
        declared = self.declared
        if declared.kind is Kind.BOOL:
            self._editor: QWidget = QCheckBox(parent)
        elif declared.kind is Kind.INT:
            spin = QSpinBox(parent)
            spin.setRange(declared.minimum, declared.maximum)
            if declared.special_value_text:
                spin.setSpecialValueText(translated(declared.special_value_text))
            self._editor = spin
        elif declared.kind is Kind.CHOICE:
            combo = QComboBox(parent)
            for choice in declared.choices:
                combo.addItem(translated(choice.label), choice.value)
            self._editor = combo
        elif declared.choice_source is not None:
            combo = QComboBox(parent)
            combo.setEditable(True)  # a model folder, a device or a profile not present now stays choosable
            self._editor = combo
            self.set_choices(run_time_choices)
        elif declared.kind is Kind.FOLDER:
            return self._folder_row(parent)
        else:
            self._editor = QLineEdit(parent)
        return self._editor

    def set_choices(self, run_time_choices: Sequence[tuple[str, str]]) -> None:
        """The choices of a preference whose choices are found as the app runs (models, devices, profiles),
        offered again after they changed; what is shown stays."""
        combo = self._editor
        assert isinstance(combo, QComboBox) and self.declared.choice_source is not None
        shown = self.value() if combo.count() else self.declared.default
        combo.clear()
        combo.addItem(translated(self.declared.empty_text), "")
        for value, label in run_time_choices:
            combo.addItem(label, value)
        self.set_value(shown)

    def _folder_row(self, parent: QWidget) -> QWidget:
        row = QWidget(parent)
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        edit = QLineEdit(row)
        edit.setPlaceholderText(QCoreApplication.translate("Preferences", "The default folder"))
        choose = QPushButton(QCoreApplication.translate("Preferences", "Choose…"), row)
        choose.setAccessibleName(QCoreApplication.translate("Preferences", "Choose {label}").replace(
            "{label}", translated(self.declared.label)))
        choose.clicked.connect(lambda: self._choose_folder(edit))
        layout.addWidget(edit, 1)
        layout.addWidget(choose)
        self._editor = edit
        return row

    def _choose_folder(self, edit: QLineEdit) -> None:
        folder = QFileDialog.getExistingDirectory(self.widget, translated(self.declared.label), edit.text())
        if folder:
            edit.setText(folder)

    def value(self) -> Value:
        editor = self._editor
        if isinstance(editor, QCheckBox):
            return editor.isChecked()
        if isinstance(editor, QSpinBox):
            return editor.value()
        if isinstance(editor, QComboBox):
            if editor.isEditable():
                index = editor.findText(editor.currentText())
                data = editor.itemData(index) if index >= 0 else None
                return str(data) if data is not None else editor.currentText().strip()
            return str(editor.currentData())
        assert isinstance(editor, QLineEdit)
        return editor.text().strip()

    def set_value(self, value: Value) -> None:
        editor = self._editor
        if isinstance(editor, QCheckBox):
            editor.setChecked(bool(value))
        elif isinstance(editor, QSpinBox):
            editor.setValue(int(value))
        elif isinstance(editor, QComboBox):
            index = editor.findData(value)
            if index >= 0:
                editor.setCurrentIndex(index)
            elif editor.isEditable():
                editor.setEditText(str(value))
        else:
            assert isinstance(editor, QLineEdit)
            editor.setText(str(value))
