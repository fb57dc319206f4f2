"""Audio input devices: the list, the default, finding one by name or index, and the one the user chose.

PortAudio lists devices once, when it is initialised: ``refresh_devices`` restarts it so a device
plugged in since (or a new sound server) appears. Call it when the user opens the device chooser,
never while a recording runs.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import sounddevice

from app.core import paths
from app.core.errors import RecordingError
from app.core.json_shape import ShapeError
from app.core.settings_file import read_settings, write_settings
from app.core.text_translation import translated

_DEVICE_SETTINGS = "recording.json"
_DEVICE_KEY = "input_device"


@dataclass(frozen=True, slots=True)
class InputDevice:
    index: int
    name: str
    host_api: str
    channels: int  # the most input channels it offers
    default_sample_rate: int
    is_default: bool

    @property
    def label(self) -> str:
        return f"{self.name} ({self.host_api})"


def refresh_devices() -> None:
    """Restart PortAudio so its device list is current. Only while no stream is open."""
    sounddevice._terminate()
    sounddevice._initialize()


def list_input_devices() -> list[InputDevice]:
    """Every device with at least one input channel, in PortAudio's order."""
    try:
        raw_devices = sounddevice.query_devices()
        host_apis = sounddevice.query_hostapis()
        default_index = _default_input_index()
    except sounddevice.PortAudioError as error:
        raise RecordingError(translated(
            "The sound system cannot list input devices: {error}."
        ).format(error=error)) from error
    devices = []
    for index, raw in enumerate(raw_devices):
        device = _input_device(index, raw, host_apis, default_index)
        if device is not None:
            devices.append(device)
    return devices


def default_input_device() -> InputDevice:
    """The system's default input; RecordingError when the machine has no input at all."""
    devices = list_input_devices()
    if not devices:
        raise RecordingError(translated("There is no microphone or other audio input on this computer."))
    return next((d for d in devices if d.is_default), devices[0])


def find_input_device(name_or_index: str | int | None) -> InputDevice:
    """The input named (exactly, else by a unique part of its name) or numbered; None: the default."""
    if name_or_index is None or name_or_index == "":
        return default_input_device()
    devices = list_input_devices()
    if not devices:
        raise RecordingError(translated("There is no microphone or other audio input on this computer."))
    wanted = str(name_or_index).strip()
    if wanted.isdigit():
        for device in devices:
            if device.index == int(wanted):
                return device
        raise RecordingError(translated(
            "There is no input device number {wanted}; `devices` lists them."
        ).format(wanted=wanted))
    exact = [d for d in devices if d.name.casefold() == wanted.casefold()]
    partial = [d for d in devices if wanted.casefold() in d.name.casefold()]
    if exact or len(partial) == 1:
        return (exact or partial)[0]
    if partial:
        raise RecordingError(translated(
            "Several input devices match “{wanted}”; give more of the name or its number."
        ).format(wanted=wanted))
    raise RecordingError(translated(
        "There is no input device called “{wanted}”; `devices` lists them."
    ).format(wanted=wanted))


def remembered_device_name(settings_folder: Path | None = None) -> str | None:
    """The name of the input the user last chose, if any (a damaged settings file is set aside)."""
    read = read_settings(_settings_path(settings_folder), _check_settings)
    name = read.document.get(_DEVICE_KEY)
    return name if isinstance(name, str) and name else None


def remember_device(device: InputDevice, settings_folder: Path | None = None) -> None:
    """Remember ``device`` by name: indexes change when devices come and go, names do not."""
    remember_device_name(device.name, settings_folder)


def remember_device_name(name: str, settings_folder: Path | None = None) -> None:
    """Remember the input called ``name`` ("" for the system's default) for the window and `listen` alike."""
    write_settings(_settings_path(settings_folder), {_DEVICE_KEY: name})


def remembered_or_default_device(settings_folder: Path | None = None) -> InputDevice:
    """The remembered input if it is still there, else the default."""
    name = remembered_device_name(settings_folder)
    if name:
        for device in list_input_devices():
            if device.name == name:
                return device
    return default_input_device()


def _settings_path(settings_folder: Path | None) -> Path:
    return (settings_folder or paths.config_dir()) / _DEVICE_SETTINGS


def _check_settings(document: dict[str, Any]) -> None:
    if not isinstance(document.get(_DEVICE_KEY, ""), str):
        raise ShapeError(translated("{DEVICE_KEY} is not a device name").format(DEVICE_KEY=_DEVICE_KEY))


def _default_input_index() -> int:
    default = sounddevice.default.device
    index = default[0] if isinstance(default, list | tuple) else default
    if isinstance(index, int) and index >= 0:
        return index
    try:
        return int(sounddevice.query_devices(kind="input")["index"])
    except (sounddevice.PortAudioError, ValueError, TypeError, KeyError):
        return -1


def _input_device(index: int, raw: Any, host_apis: Any, default_index: int) -> InputDevice | None:
    """One device from PortAudio's description, checked: a driver can report anything."""
    try:
        channels = int(raw["max_input_channels"])
        rate = int(float(raw["default_samplerate"]))
        host_api = str(host_apis[int(raw["hostapi"])]["name"])
        name = str(raw["name"])
    except (KeyError, ValueError, TypeError, IndexError):
        return None
    if channels < 1 or rate <= 0:
        return None
    return InputDevice(index, name, host_api, channels, rate, index == default_index)
