"""File ▸ New Recording: choose the input, watch the level, record, pause, stop; live text as it is spoken.

The dialog is the view of a RecordingSession (which owns the recording). A 50 ms timer polls the
session's level and elapsed time: the recorder's writer thread replaces one immutable reading,
so polling needs no lock and nothing crosses threads through Qt. Closing the dialog while
recording stops it and keeps the file, as Stop does.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.core.errors import RecordingError
from app.core.recording import InputDevice, list_input_devices, new_recording_path, refresh_devices, remember_device
from app.core.recording.devices import remembered_device_name
from app.core.transcript import Segment
from app.engines.base import TranscriptionOptions
from app.ui.messages import show_error
from app.ui.recording.level_meter import LevelMeter
from app.ui.recording.live_text_view import LiveTextView
from app.ui.recording.recording_session import RecordingOutcome, RecordingSession

POLL_MS = 50
UP_TO_DATE_SECONDS = 1.0

LiveChoice = Callable[[], tuple[str, TranscriptionOptions]]


class RecordingDialog(QDialog):
    recording_finished = Signal(object, bool)  # RecordingOutcome, whether to run a full pass

    def __init__(self, session: RecordingSession, live_choice: LiveChoice, model_label: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("recordingDialog")
        self.setWindowTitle(self.tr("New Recording"))
        self.setAccessibleName(self.tr("New recording"))
        self.setMinimumSize(560, 420)
        self.session = session
        self._live_choice = live_choice
        self._build(model_label)
        self._poll = QTimer(self)
        self._poll.setInterval(POLL_MS)
        self._poll.timeout.connect(self._show_progress)
        session.started.connect(self._on_started)
        session.start_failed.connect(self._on_start_failed)
        session.ended.connect(self._on_ended)
        session.live.committed.connect(self._on_committed)
        session.live.tentative_changed.connect(self.live_view.set_tentative)
        session.live.lag_changed.connect(self._show_lag)
        session.live.failed.connect(self._on_live_failed)
        self.fill_devices()
        self._set_state("idle")

    def _build(self, model_label: str) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 18, 20, 16)
        layout.setSpacing(10)
        grid = QGridLayout()
        grid.setHorizontalSpacing(8)
        device_label = QLabel(self.tr("&Input:"), self)
        device_label.setObjectName("optionLabel")
        self.device_combo = QComboBox(self)
        self.device_combo.setObjectName("inputDeviceCombo")
        self.device_combo.setAccessibleName(self.tr("Input device"))
        device_label.setBuddy(self.device_combo)
        self.refresh_button = QPushButton(self.tr("Re&fresh"), self)
        self.refresh_button.setAccessibleName(self.tr("Look for input devices again"))
        self.refresh_button.clicked.connect(lambda: self.fill_devices(refresh=True))
        grid.addWidget(device_label, 0, 0)
        grid.addWidget(self.device_combo, 0, 1)
        grid.addWidget(self.refresh_button, 0, 2)
        level_label = QLabel(self.tr("Level:"), self)
        level_label.setObjectName("optionLabel")
        self.level_meter = LevelMeter(self)
        level_label.setBuddy(self.level_meter)
        self.clipping_label = QLabel(self.tr("Too loud"), self)
        self.clipping_label.setObjectName("clippingLabel")
        self.clipping_label.setAccessibleName(self.tr("Clipping warning"))
        self.clipping_label.setStyleSheet("color: #d03b3b; font-weight: 600;")
        grid.addWidget(level_label, 1, 0)
        grid.addWidget(self.level_meter, 1, 1)
        grid.addWidget(self.clipping_label, 1, 2)
        grid.setColumnStretch(1, 1)
        layout.addLayout(grid)
        controls = QHBoxLayout()
        self.elapsed_label = QLabel("0:00", self)
        self.elapsed_label.setObjectName("elapsedLabel")
        self.elapsed_label.setAccessibleName(self.tr("Elapsed time"))
        self.elapsed_label.setStyleSheet("font-size: 20px; font-weight: 600;")
        self.record_button = QPushButton(self.tr("&Record"), self)
        self.record_button.setAccessibleName(self.tr("Start recording"))
        self.record_button.setDefault(True)
        self.record_button.clicked.connect(self.start_recording)
        self.pause_button = QPushButton(self.tr("&Pause"), self)
        self.pause_button.setAccessibleName(self.tr("Pause or resume the recording"))
        self.pause_button.clicked.connect(self.toggle_pause)
        self.stop_button = QPushButton(self.tr("&Stop"), self)
        self.stop_button.setAccessibleName(self.tr("Stop recording"))
        self.stop_button.clicked.connect(self.stop_recording)
        controls.addWidget(self.elapsed_label)
        controls.addStretch(1)
        for button in (self.record_button, self.pause_button, self.stop_button):
            controls.addWidget(button)
        layout.addLayout(controls)
        options = QHBoxLayout()
        self.live_check = QCheckBox(self.tr("&Live transcription with {model}").replace("{model}", model_label), self)
        self.live_check.setChecked(True)
        self.full_pass_check = QCheckBox(self.tr("F&ull pass after stopping"), self)
        self.full_pass_check.setToolTip(self.tr(
            "Replace the live text with a transcript of the whole recording (one step you can undo)."))
        self.full_pass_check.setChecked(True)
        self.live_check.toggled.connect(self.full_pass_check.setEnabled)
        options.addWidget(self.live_check)
        options.addWidget(self.full_pass_check)
        options.addStretch(1)
        layout.addLayout(options)
        self.live_view = LiveTextView(self)
        font = self.live_view.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)  # read at a glance, like captions
        self.live_view.setFont(font)
        layout.addWidget(self.live_view, 1)
        self.status_label = QLabel(self)
        self.status_label.setObjectName("optionLabel")
        self.status_label.setAccessibleName(self.tr("Recording status"))
        self.status_label.setWordWrap(True)
        layout.addWidget(self.status_label)

    # ---- devices ---------------------------------------------------------------------------
    def fill_devices(self, refresh: bool = False) -> None:
        """The inputs, the remembered one chosen; none at all is said in one sentence and Record is off."""
        self.device_combo.clear()
        try:
            if refresh:
                refresh_devices()
            devices = list_input_devices()
        except RecordingError as error:
            devices, problem = [], error.message
        else:
            problem = self.tr("There is no microphone or other audio input on this computer.")
        remembered = remembered_device_name()
        for device in devices:
            self.device_combo.addItem(device.label, device)
        chosen = next((i for i, d in enumerate(devices) if d.name == remembered), None)
        if chosen is None:
            chosen = next((i for i, d in enumerate(devices) if d.is_default), 0)
        self.device_combo.setCurrentIndex(chosen if devices else -1)
        self.record_button.setEnabled(bool(devices))
        self.status_label.setText("" if devices else problem)

    def selected_device(self) -> InputDevice | None:
        device = self.device_combo.currentData()
        return device if isinstance(device, InputDevice) else None

    # ---- recording -------------------------------------------------------------------------
    def start_recording(self) -> None:
        device = self.selected_device()
        if device is None:
            return
        remember_device(device)
        self.live_view.clear_text()
        live = self._live_choice() if self.live_check.isChecked() else None
        self._set_state("preparing" if live else "starting")
        self.session.start(new_recording_path(), device, live)

    def toggle_pause(self) -> None:
        if self.session.paused:
            self.session.resume()
        else:
            self.session.pause()
        self._set_state("paused" if self.session.paused else "recording")

    def stop_recording(self) -> None:
        if self.session.is_recording:
            self._set_state("stopping")
            self.session.stop()

    def reject(self) -> None:
        """Closing while recording stops and keeps the recording; while the model loads, gives up."""
        if self.session.is_recording:
            self.stop_recording()
            return
        self.session.live.cancel()
        super().reject()

    def _on_started(self) -> None:
        self._poll.start()
        self._set_state("recording")
        self.status_label.setText(self.tr("Recording into “{name}”.").replace("{name}", self.session.path_name))

    def _on_start_failed(self, message: str) -> None:
        self._set_state("idle")
        show_error(self, message)

    def _on_ended(self, outcome: RecordingOutcome) -> None:
        self._poll.stop()
        self._set_state("idle")
        full_pass = self.full_pass_check.isChecked() or outcome.live_transcript is None
        self.accept()
        self.recording_finished.emit(outcome, full_pass)

    def _on_committed(self, segments: list[Segment]) -> None:
        self.live_view.add_committed(segments)

    def _on_live_failed(self, message: str) -> None:
        self.status_label.setText(message)

    # ---- showing ---------------------------------------------------------------------------
    def _show_progress(self) -> None:
        reading = self.session.level
        self.level_meter.show_level(reading.peak, reading.rms)
        self.clipping_label.setVisible(self.level_meter.clipping)
        minutes, seconds = divmod(int(self.session.elapsed_seconds), 60)
        self.elapsed_label.setText(f"{minutes}:{seconds:02d}")

    def _show_lag(self, seconds: float) -> None:
        if self.session.is_recording:
            self.status_label.setText(
                self.tr("Live text is up to date.") if seconds < UP_TO_DATE_SECONDS
                else self.tr("Live text is {seconds} s behind.").replace("{seconds}", f"{seconds:.1f}"))

    def _set_state(self, state: str) -> None:
        recording = state in ("recording", "paused")
        idle = state == "idle"
        self.record_button.setEnabled(idle and self.device_combo.count() > 0)
        self.device_combo.setEnabled(idle)
        self.refresh_button.setEnabled(idle)
        self.live_check.setEnabled(idle)
        self.full_pass_check.setEnabled(self.live_check.isChecked() and state != "stopping")
        self.pause_button.setEnabled(recording)
        self.pause_button.setText(self.tr("&Resume") if state == "paused" else self.tr("&Pause"))
        self.stop_button.setEnabled(recording)
        self.clipping_label.setVisible(False)
        messages = {
            "preparing": self.tr("Loading the model for live transcription…"),
            "starting": self.tr("Opening the input…"),
            "recording": self.tr("Recording."),
            "paused": self.tr("Paused: nothing is recorded until you resume."),
            "stopping": self.tr("Finishing the recording…"),
        }
        if state in messages:
            self.status_label.setText(messages[state])
        if idle:
            self.level_meter.reset()
