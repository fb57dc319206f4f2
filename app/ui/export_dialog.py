"""The export dialog: format, subtitle profile or custom rules, and a live preview of the cues."""

from __future__ import annotations

from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.core.formats import OUTPUT_FORMATS, OutputFormat, save_transcript
from app.core.formats.cues import cues_from_segments
from app.core.formats.timecode import clock_from_milliseconds
from app.core.reflow import reflow
from app.core.subtitle_rules import (
    CUSTOM_PROFILE,
    DEFAULT_PROFILE,
    SUBTITLE_PROFILES,
    SubtitleRules,
    cue_violations,
    matching_profile,
    rule_break_counts,
)
from app.core.transcript import Segment, Transcript
from app.ui.background_calls import BackgroundCalls
from app.ui.messages import show_error

PREVIEW_DELAY_MS = 150
REFLOW_POLL_MS = 30
PREVIEW_ROW_LIMIT = 1000  # the summary still counts every cue
BROKEN_RULE_TINT = QColor(220, 38, 38, 48)


class ExportDialog(QDialog):
    rules_chosen = Signal(object)  # SubtitleRules: the editor marks segments against them
    saved = Signal(Path)

    def __init__(
        self, transcript: Transcript, media_path: Path | None = None,
        rules: SubtitleRules | None = None, parent: QWidget | None = None,
        initial_format: str = "srt", folder: Path | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("exportDialog")
        self.setWindowTitle(self.tr("Export"))
        self._transcript = transcript
        self._media_path = media_path
        self._folder = folder  # where to suggest saving; None: beside the media
        self.preview_cues: list[Segment] = []
        self._preview_timer = QTimer(self, singleShot=True, interval=PREVIEW_DELAY_MS)
        self._preview_timer.timeout.connect(self._start_background_preview)
        # Re-flowing hours of speech takes seconds: edits re-flow on a thread, polled from here.
        self._reflow_pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="preview")
        self._pending_reflow: tuple[int, SubtitleRules, Future[Transcript]] | None = None
        self._previewed: tuple[SubtitleRules, Transcript] | None = None  # the re-flow shown, which Save reuses
        self._calls = BackgroundCalls(self)  # Save writes (and re-flows if it must) off the GUI thread
        self._closed = False
        self._edits = 0  # counts rule and format changes, to spot a stale background re-flow
        self._reflow_poll = QTimer(self, interval=REFLOW_POLL_MS)
        self._reflow_poll.timeout.connect(self._collect_background_preview)
        self.finished.connect(self._stop_background_preview)
        self.finished.connect(lambda _result: self._calls.stop())
        self._build()
        self._show_rules(rules or SUBTITLE_PROFILES[DEFAULT_PROFILE].rules)
        self.format_combo.setCurrentIndex(max(0, self.format_combo.findData(initial_format)))
        self._connect()
        self._start_background_preview()
        self.resize(980, 600)

    # ---- construction -------------------------------------------------------------
    def _build(self) -> None:
        self.format_combo = QComboBox(self)
        for chosen in OUTPUT_FORMATS.values():
            self.format_combo.addItem(f"{self.tr(chosen.description)} ({chosen.extension})", chosen.name)
        self.profile_combo = QComboBox(self)
        for profile in SUBTITLE_PROFILES.values():
            self.profile_combo.addItem(self.tr(profile.label), profile.key)
        self.profile_combo.addItem(self.tr("Custom"), CUSTOM_PROFILE)
        self.chars_per_line = _spin_box(8, 120, self.tr(" characters"))
        self.lines_per_cue = _spin_box(1, 4, self.tr(" lines"))
        self.chars_per_second = _seconds_box(1.0, 60.0, 1, self.tr(" per second"))
        self.min_duration = _seconds_box(0.0, 10.0, 3, self.tr(" s"))
        self.max_duration = _seconds_box(0.5, 60.0, 3, self.tr(" s"))
        self.min_gap = _spin_box(0, 2000, self.tr(" ms"))

        format_box = QGroupBox(self.tr("Format"), self)
        QVBoxLayout(format_box).addWidget(self.format_combo)
        self.rules_box = QGroupBox(self.tr("Subtitle rules"), self)
        form = QFormLayout(self.rules_box)
        form.addRow(self.tr("Profile"), self.profile_combo)
        form.addRow(self.tr("Line length"), self.chars_per_line)
        form.addRow(self.tr("Lines per cue"), self.lines_per_cue)
        form.addRow(self.tr("Reading speed"), self.chars_per_second)
        form.addRow(self.tr("Shortest cue"), self.min_duration)
        form.addRow(self.tr("Longest cue"), self.max_duration)
        form.addRow(self.tr("Gap between cues"), self.min_gap)
        hint = QLabel(self.tr("Change any value for a custom profile."), self.rules_box)
        hint.setEnabled(False)
        form.addRow(hint)

        settings = QVBoxLayout()
        settings.addWidget(format_box)
        settings.addWidget(self.rules_box)
        settings.addStretch(1)

        self.preview = QTableWidget(0, 3, self)
        self.preview.setObjectName("cuePreview")
        self.preview.setHorizontalHeaderLabels([self.tr("Time"), self.tr("Cue"), self.tr("Rule broken")])
        self.preview.verticalHeader().setVisible(False)
        self.preview.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.preview.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.preview.setWordWrap(True)
        self.preview.setShowGrid(False)
        self.preview.setAlternatingRowColors(True)
        self.preview.setStyleSheet("QTableWidget::item { padding: 4px 8px; }")
        header = self.preview.horizontalHeader()
        # Sized once after each fill: ResizeToContents would measure every row on every setItem.
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.summary_label = QLabel(self)
        self.summary_label.setObjectName("ruleSummary")
        self.summary_label.setWordWrap(True)
        preview_column = QVBoxLayout()
        preview_column.addWidget(self.preview, 1)
        preview_column.addWidget(self.summary_label)

        body = QHBoxLayout()
        body.addLayout(settings)
        body.addLayout(preview_column, 1)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.save_button = self.buttons.addButton(self.tr("Save…"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.save_button.setDefault(True)
        layout = QVBoxLayout(self)
        layout.addLayout(body, 1)
        layout.addWidget(self.buttons)

    def _connect(self) -> None:
        self.format_combo.currentIndexChanged.connect(self._format_changed)
        self.profile_combo.currentIndexChanged.connect(self._profile_changed)
        for box in self._rule_boxes():
            box.valueChanged.connect(self._rules_edited)
        self.buttons.rejected.connect(self.reject)
        self.save_button.clicked.connect(self.choose_path_and_save)

    def _rule_boxes(self) -> tuple[QSpinBox | QDoubleSpinBox, ...]:
        return (self.chars_per_line, self.lines_per_cue, self.chars_per_second,
                self.min_duration, self.max_duration, self.min_gap)

    # ---- state --------------------------------------------------------------------
    def output_format(self) -> OutputFormat:
        return OUTPUT_FORMATS[self.format_combo.currentData()]

    def rules(self) -> SubtitleRules:
        return SubtitleRules(
            max_chars_per_line=self.chars_per_line.value(),
            max_lines=self.lines_per_cue.value(),
            max_chars_per_second=self.chars_per_second.value(),
            min_duration=self.min_duration.value(),
            max_duration=max(self.max_duration.value(), self.min_duration.value()),
            min_gap=self.min_gap.value() / 1000,
        )

    def _show_rules(self, rules: SubtitleRules) -> None:
        values: tuple[Any, ...] = (rules.max_chars_per_line, rules.max_lines, rules.max_chars_per_second,
                  rules.min_duration, rules.max_duration, round(rules.min_gap * 1000))
        for box, value in zip(self._rule_boxes(), values, strict=True):
            box.blockSignals(True)
            box.setValue(value)
            box.blockSignals(False)
        self._select_profile(matching_profile(self.rules()))

    def _select_profile(self, key: str) -> None:
        self.profile_combo.blockSignals(True)
        self.profile_combo.setCurrentIndex(self.profile_combo.findData(key))
        self.profile_combo.blockSignals(False)

    def _profile_changed(self) -> None:
        key = self.profile_combo.currentData()
        if key in SUBTITLE_PROFILES:
            self._show_rules(SUBTITLE_PROFILES[key].rules)
        self._schedule_preview()

    def _rules_edited(self) -> None:
        self._select_profile(matching_profile(self.rules()))
        self._schedule_preview()

    def _format_changed(self) -> None:
        self.rules_box.setEnabled(self.output_format().is_subtitle)
        self._schedule_preview()

    def _schedule_preview(self) -> None:
        self._edits += 1
        self._preview_timer.start()

    # ---- preview ------------------------------------------------------------------
    def refresh_preview(self) -> None:
        """Re-flow and show the preview now, on this thread."""
        self._preview_timer.stop()
        rules = self.rules() if self.output_format().is_subtitle else None
        if rules is None:
            self._show_preview(self._plain_segments(), None)
            return
        reflowed = reflow(self._transcript, rules)
        self._previewed = (rules, reflowed)
        self._show_preview(reflowed.segments, rules)

    def _stop_background_preview(self) -> None:
        self._closed = True
        self._preview_timer.stop()
        self._reflow_poll.stop()
        self._pending_reflow = None
        self._reflow_pool.shutdown(wait=False, cancel_futures=True)

    def _start_background_preview(self) -> None:
        if self._closed:
            return
        if not self.output_format().is_subtitle:
            self.refresh_preview()
            return
        rules = self.rules()
        self._pending_reflow = (self._edits, rules, self._reflow_pool.submit(reflow, self._transcript, rules))
        self._reflow_poll.start()

    def _collect_background_preview(self) -> None:
        if self._pending_reflow is None or not self._pending_reflow[2].done():
            return
        edits, rules, future = self._pending_reflow
        self._pending_reflow = None
        self._reflow_poll.stop()
        if edits != self._edits:
            self._start_background_preview()  # the user changed something meanwhile
            return
        reflowed = future.result()
        self._previewed = (rules, reflowed)
        self._show_preview(reflowed.segments, rules)

    def _plain_segments(self) -> list[Segment]:
        return [s for s in self._transcript.segments if s.text.strip()]

    def _show_preview(self, cues: list[Segment], rules: SubtitleRules | None) -> None:
        """Show ``cues``; ``rules`` is None for formats written as they are."""
        self.preview_cues = cues
        self._fill_preview(rules)
        self._show_summary(rules)
        if rules is not None:
            self.rules_chosen.emit(rules)

    def _fill_preview(self, rules: SubtitleRules | None) -> None:
        self.preview.setRowCount(min(len(self.preview_cues), PREVIEW_ROW_LIMIT))
        shown = cues_from_segments(self.preview_cues) if rules else None
        for row, cue in enumerate(self.preview_cues[:PREVIEW_ROW_LIMIT]):
            start_ms, end_ms = (shown[row].start_ms, shown[row].end_ms) if shown else (
                round(cue.start * 1000), round(cue.end * 1000))
            broken = []
            if rules:
                following = self.preview_cues[row + 1].start if row + 1 < len(self.preview_cues) else None
                broken = cue_violations(cue.start, cue.end, cue.text, rules, following)
            items = (
                QTableWidgetItem(f"{clock_from_milliseconds(start_ms, '.')}\n{clock_from_milliseconds(end_ms, '.')}"),
                QTableWidgetItem(cue.text if rules else " ".join(cue.text.split())),
                QTableWidgetItem(", ".join(self.tr(v.kind.value) for v in broken)),
            )
            for column, item in enumerate(items):
                item.setTextAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
                if broken:
                    item.setBackground(QBrush(BROKEN_RULE_TINT))
                    item.setToolTip("\n".join(str(v) for v in broken))
                self.preview.setItem(row, column, item)
        self.preview.setColumnHidden(2, rules is None)
        self.preview.resizeColumnToContents(0)
        self.preview.resizeColumnToContents(2)
        self.preview.resizeRowsToContents()

    def _show_summary(self, rules: SubtitleRules | None) -> None:
        count = len(self.preview_cues)
        if rules is None:
            self.summary_label.setText(
                self.tr("{count} segments, written as they are; subtitle rules apply to SRT, WebVTT and ASS.")
                .replace("{count}", str(count))
            )
            return
        breaking, per_rule = rule_break_counts(self.preview_cues, rules)
        if not breaking:
            message = self.tr("{count} cues; every cue keeps the rules.")
            self.summary_label.setText(message.replace("{count}", str(count)))
            return
        reasons = ", ".join(f"{number} {self.tr(kind.value)}" for kind, number in
                            sorted(per_rule.items(), key=lambda item: -item[1]))
        self.summary_label.setText(
            self.tr("{breaking} of {count} cues still break a rule: {reasons}.")
            .replace("{breaking}", str(breaking)).replace("{count}", str(count)).replace("{reasons}", reasons)
        )

    # ---- saving -------------------------------------------------------------------
    def suggested_path(self) -> Path:
        extension = self.output_format().extension
        path = self._media_path.with_suffix(extension) if self._media_path else Path(f"transcript{extension}")
        return self._folder / path.name if self._folder else path

    def choose_path_and_save(self) -> None:
        chosen = self.output_format()
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export Transcript"), str(self.suggested_path()),
            f"{self.tr(chosen.description)} (*{chosen.extension})",
        )
        if path:
            self.save_to(Path(path))

    def save_to(self, path: Path) -> None:
        """Write the file on a thread; ``saved`` follows, or one sentence in a message box."""
        chosen = self.output_format()
        if not path.suffix:
            path = path.with_suffix(chosen.extension)
        source, rules = self._transcript, self.rules() if chosen.is_subtitle else None
        if rules is not None and self._previewed is not None and self._previewed[0] == rules:
            source, rules = self._previewed[1], None  # already re-flowed under these rules for the preview
        self.save_button.setEnabled(False)
        self._preview_timer.stop()  # the dialog closes once saved: a second re-flow for the preview would only compete
        self._calls.run(lambda: save_transcript(source, path, chosen.name, rules), self._saved,
                        self._save_failed, name="export")

    def _saved(self, path: Path) -> None:
        self.save_button.setEnabled(True)
        self.saved.emit(path)
        self.accept()

    def _save_failed(self, message: str) -> None:
        self.save_button.setEnabled(True)
        self._schedule_preview()
        show_error(self, message)


def _spin_box(low: int, high: int, suffix: str) -> QSpinBox:
    box = QSpinBox()
    box.setRange(low, high)
    box.setSuffix(suffix)
    return box


def _seconds_box(low: float, high: float, decimals: int, suffix: str) -> QDoubleSpinBox:
    box = QDoubleSpinBox()
    box.setRange(low, high)
    box.setDecimals(decimals)
    box.setSingleStep(0.1 if decimals > 1 else 1.0)
    box.setSuffix(suffix)
    return box
