"""The strip under the transcript while a job runs: status, progress, time left, Cancel."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QProgressBar, QPushButton, QWidget

from app.core.time_left import format_time_left

# Engines report status in English (they know nothing of Qt); the fixed ones are listed
# here so Qt Linguist extracts them, and set_status looks each one up at run time.
ENGINE_STATUSES = (
    QT_TRANSLATE_NOOP("EngineStatus", "Reading audio"),
    QT_TRANSLATE_NOOP("EngineStatus", "Loading model"),
    QT_TRANSLATE_NOOP("EngineStatus", "Recognising speech"),
)


class JobProgressPanel(QFrame):
    cancel_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("jobProgressPanel")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.setSpacing(12)
        self.status_label = QLabel(self)
        self.status_label.setObjectName("jobStatus")
        self.status_label.setMinimumWidth(150)
        self.progress_bar = QProgressBar(self)
        self.progress_bar.setRange(0, 1000)
        self.progress_bar.setTextVisible(False)
        self.time_left_label = QLabel(self)
        self.time_left_label.setObjectName("timeLeft")
        self.time_left_label.setMinimumWidth(130)
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.cancel_button.setObjectName("cancelButton")
        self.cancel_button.clicked.connect(self.cancel_requested)
        layout.addWidget(self.status_label)
        layout.addWidget(self.progress_bar, 1)
        layout.addWidget(self.time_left_label)
        layout.addWidget(self.cancel_button)

    def start(self, status: str) -> None:
        self.status_label.setText(status)
        self.progress_bar.setRange(0, 0)  # busy until the first progress report
        self.time_left_label.clear()
        self.show()

    def set_status(self, engine_status: str) -> None:
        self.status_label.setText(QCoreApplication.translate("EngineStatus", engine_status))

    def set_progress(self, fraction: float, seconds_left: float | None) -> None:
        if self.progress_bar.maximum() == 0:
            self.progress_bar.setRange(0, 1000)
        self.progress_bar.setValue(int(fraction * 1000))
        left = format_time_left(seconds_left)
        percent = f"{fraction:.0%}"
        self.time_left_label.setText(
            self.tr("{percent} · {left} left").replace("{percent}", percent).replace("{left}", left)
            if left else percent
        )
