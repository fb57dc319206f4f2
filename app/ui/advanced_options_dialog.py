"""Recognition options most people never touch: prompt, hot words, beam size, threads, language per passage, speed."""

from __future__ import annotations

import os
from dataclasses import dataclass

from PySide6.QtWidgets import QCheckBox, QDialog, QDialogButtonBox, QFormLayout, QLineEdit, QSpinBox, QWidget

from app.core.preferences import preference


@dataclass(slots=True)
class AdvancedOptions:
    initial_prompt: str = ""
    hotwords: str = ""
    beam_size: int = 5
    cpu_threads: int = int(preference("recognition/cpu_threads").default)  # 0: automatic
    language_per_passage: bool = True  # with the language on automatic
    fast_mode: bool = bool(preference("recognition/fast_mode").default)  # passages in batches, without context


class AdvancedOptionsDialog(QDialog):
    def __init__(self, options: AdvancedOptions, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("advancedOptionsDialog")
        self.setWindowTitle(self.tr("Advanced Recognition Options"))
        self.setMinimumWidth(460)
        form = QFormLayout(self)
        form.setContentsMargins(18, 18, 18, 14)
        form.setVerticalSpacing(10)
        self.prompt_edit = QLineEdit(options.initial_prompt, self)
        self.prompt_edit.setPlaceholderText(self.tr("Names, terms and spelling to expect"))
        self.hotwords_edit = QLineEdit(options.hotwords, self)
        self.hotwords_edit.setPlaceholderText(self.tr("Words to favour, separated by spaces"))
        self.beam_spin = QSpinBox(self)
        self.beam_spin.setRange(1, 10)
        self.beam_spin.setValue(options.beam_size)
        self.beam_spin.setToolTip(self.tr("Larger is a little more accurate and slower."))
        self.threads_spin = QSpinBox(self)
        self.threads_spin.setRange(0, os.cpu_count() or 1)
        self.threads_spin.setSpecialValueText(self.tr("Automatic"))
        self.threads_spin.setValue(options.cpu_threads)
        form.addRow(self.tr("Initial &prompt"), self.prompt_edit)
        form.addRow(self.tr("&Hot words"), self.hotwords_edit)
        form.addRow(self.tr("&Beam size"), self.beam_spin)
        self.per_passage_check = QCheckBox(self.tr("&Language: detect per passage"), self)
        self.per_passage_check.setAccessibleName(self.tr("Language: detect per passage"))
        self.per_passage_check.setToolTip(
            self.tr("With the language on automatic, each passage is recognised in its own language.")
        )
        self.per_passage_check.setChecked(options.language_per_passage)
        form.addRow(self.tr("CPU &threads"), self.threads_spin)
        form.addRow(self.per_passage_check)
        self.fast_mode_check = QCheckBox(self.tr("&Fast mode for long files"), self)
        self.fast_mode_check.setAccessibleName(self.tr("Fast mode for long files"))
        self.fast_mode_check.setToolTip(
            self.tr("Recognises several passages at once: quicker on long recordings, but each passage "
                    "without the text before it, so a little less accurate. Local models only.")
        )
        self.fast_mode_check.setChecked(options.fast_mode)
        form.addRow(self.fast_mode_check)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def options(self) -> AdvancedOptions:
        return AdvancedOptions(
            initial_prompt=self.prompt_edit.text().strip(),
            hotwords=self.hotwords_edit.text().strip(),
            beam_size=self.beam_spin.value(),
            cpu_threads=self.threads_spin.value(),
            language_per_passage=self.per_passage_check.isChecked(),
            fast_mode=self.fast_mode_check.isChecked(),
        )
