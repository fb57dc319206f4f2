"""A private PulseAudio server with a null sink: real audio devices for tests.

`pulseaudio -n -F SCRIPT` loads only what the script says: a null sink (what is played into it
can be recorded from its ``.monitor`` source) and the native protocol on a private socket.
Clients find the server through ``PULSE_SERVER``; sounddevice (PortAudio's PulseAudio or ALSA
pulse plug-in) and Qt Multimedia then see real devices. Unloading the sink's module simulates a
device that was unplugged.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import numpy as np
import soundfile

SINK_NAME = "earshot_test_sink"
MONITOR_NAME = f"{SINK_NAME}.monitor"
MONITOR_RATE = 16_000  # parecord's recordings of the monitor: 16-bit mono
WAV_HEADER_BYTES = 44


class PulseAudioServer:
    """One running server; ``environment`` is what a client process needs to reach it."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.socket = folder / "native"
        self._process: subprocess.Popen[bytes] | None = None
        self.sink_module: int | None = None

    @property
    def address(self) -> str:
        return f"unix:{self.socket}"

    @property
    def environment(self) -> dict[str, str]:
        return {"PULSE_SERVER": self.address, "PULSE_RUNTIME_PATH": str(self.folder / "runtime")}

    def start(self) -> None:
        script = self.folder / "server.pa"
        script.write_text(
            f"load-module module-native-protocol-unix socket={self.socket} auth-anonymous=1\n",
            encoding="utf-8",
        )
        (self.folder / "runtime").mkdir(exist_ok=True)
        env = {
            **os.environ,
            **self.environment,
            "HOME": str(self.folder),
            "XDG_RUNTIME_DIR": str(self.folder / "runtime"),
            "XDG_CONFIG_HOME": str(self.folder / "config"),
        }
        log = (self.folder / "pulseaudio.log").open("wb")
        self._process = subprocess.Popen(
            ["pulseaudio", "-n", "-F", str(script), "--daemonize=no", "--exit-idle-time=-1",
             "--disallow-exit", "--log-target=stderr", "--log-level=error",
             "--system=false", "--use-pid-file=false"],
            env=env, stdout=subprocess.DEVNULL, stderr=log,
        )
        log.close()
        deadline = time.monotonic() + 10
        while not self.socket.exists():
            if self._process.poll() is not None:
                error = (self.folder / "pulseaudio.log").read_text(errors="replace")
                raise RuntimeError(f"pulseaudio did not start: {error.strip()}")
            if time.monotonic() > deadline:
                raise RuntimeError("pulseaudio did not open its socket within 10 s")
            time.sleep(0.05)
        self.plug_in_sink()
        self.pactl("set-default-sink", SINK_NAME)
        self.pactl("set-default-source", MONITOR_NAME)

    def stop(self) -> None:
        if self._process and self._process.poll() is None:
            self._process.terminate()
            try:
                self._process.wait(5)
            except subprocess.TimeoutExpired:
                self._process.kill()
                self._process.wait()

    def pactl(self, *arguments: str) -> str:
        result = subprocess.run(
            ["pactl", *arguments], env={**os.environ, **self.environment},
            capture_output=True, text=True, timeout=10, check=True,
        )
        return result.stdout.strip()

    def plug_in_sink(self) -> None:
        """Load the null sink (again, after ``unplug_sink``)."""
        self.sink_module = int(self.pactl(
            "load-module", "module-null-sink", f"sink_name={SINK_NAME}",
            "rate=48000", "channels=2", f"sink_properties=device.description={SINK_NAME}",
        ))

    def unplug_sink(self) -> None:
        """Simulate an unplugged device: the sink and its monitor source disappear."""
        if self.sink_module is not None:
            self.pactl("unload-module", str(self.sink_module))
            self.sink_module = None

    def play(self, path: Path) -> subprocess.Popen[bytes]:
        """Start playing an audio file into the sink, in real time.

        The file is first written as WAV: paplay plays FLAC several times too fast (seen with
        PulseAudio 16.1 and libsndfile 1.2: 11 s of FLAC in 3.9 s), WAV at its true speed.
        """
        wav = self.folder / f"{path.stem}.play.wav"
        if not wav.exists():
            from app.core.audio import decode_audio

            clip = decode_audio(path)
            soundfile.write(wav, clip.samples, clip.sample_rate, subtype="PCM_16")
        return subprocess.Popen(
            ["paplay", f"--device={SINK_NAME}", "--latency-msec=250", str(wav)],
            env={**os.environ, **self.environment}, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )

    def record(self, path: Path) -> MonitorRecording:
        """Record the sink's monitor into a WAV file (16 kHz mono) from now on: returns once parecord writes audio,
        which on a loaded machine can be a second after it starts, so nothing played after the call is missed."""
        process = subprocess.Popen(
            ["parecord", f"--device={MONITOR_NAME}", "--file-format=wav", f"--rate={MONITOR_RATE}",
             "--latency-msec=250", "--channels=1", str(path)],
            env={**os.environ, **self.environment}, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        recording = MonitorRecording(process, path)
        deadline = time.monotonic() + 10
        while recording.seconds_written() <= 0:
            if process.poll() is not None or time.monotonic() > deadline:
                process.kill()
                raise RuntimeError(f"parecord wrote no audio within 10 s (exit status {process.poll()})")
            time.sleep(0.02)
        recording.began = time.monotonic()
        return recording


class MonitorRecording:
    """parecord recording the monitor; ``stop`` lets it catch up with the clock first, so the last sound is kept."""

    def __init__(self, process: subprocess.Popen[bytes], path: Path) -> None:
        self.process = process
        self.path = path
        self.began = time.monotonic()

    def seconds_written(self) -> float:
        size = self.path.stat().st_size if self.path.exists() else 0
        return max(0, size - WAV_HEADER_BYTES) / (2 * MONITOR_RATE)

    def stop(self) -> None:
        """Stop once the file holds the audio up to now (within parecord's latency), or after 5 s of waiting:
        a starved parecord would otherwise lose what the server still held for it."""
        until = time.monotonic() - self.began - 0.3
        deadline = time.monotonic() + 5
        while self.seconds_written() < until and time.monotonic() < deadline and self.process.poll() is None:
            time.sleep(0.02)
        self.process.terminate()
        self.process.wait(10)


@contextmanager
def running_pulseaudio(folder: Path) -> Iterator[PulseAudioServer]:
    """A started server whose address is in this process's environment while the block runs."""
    if shutil.which("pulseaudio") is None:
        raise RuntimeError("pulseaudio is not installed (make test installs it)")
    server = PulseAudioServer(folder)
    saved = {name: os.environ.get(name) for name in server.environment}
    server.start()
    os.environ.update(server.environment)
    try:
        yield server
    finally:
        server.stop()
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


def rms(samples: np.ndarray) -> float:
    return float(np.sqrt(np.mean(np.square(samples, dtype=np.float64)))) if samples.size else 0.0
