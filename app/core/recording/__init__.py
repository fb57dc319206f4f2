"""Recording from an audio input into a FLAC file that survives a crash (no Qt)."""

from app.core.recording.devices import (
    InputDevice,
    default_input_device,
    find_input_device,
    list_input_devices,
    refresh_devices,
    remember_device,
    remembered_or_default_device,
)
from app.core.recording.recorder import LevelReading, Recorder, RecordingResult
from app.core.recording.unfinished import (
    UnfinishedRecording,
    find_unfinished_recordings,
    new_recording_path,
)

__all__ = [
    "InputDevice", "LevelReading", "Recorder", "RecordingResult", "UnfinishedRecording", "default_input_device",
    "find_input_device", "find_unfinished_recordings", "list_input_devices", "new_recording_path",
    "refresh_devices", "remember_device", "remembered_or_default_device",
]
