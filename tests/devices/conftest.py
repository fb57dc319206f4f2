"""Real audio devices for tests: a private PulseAudio server with a null sink.

One server for this package's tests; it stops (and PULSE_SERVER goes) after the last of them, so
later tests never talk to it.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.pulseaudio_server import PulseAudioServer, running_pulseaudio


@pytest.fixture(scope="package")
def pulseaudio(tmp_path_factory: pytest.TempPathFactory) -> Iterator[PulseAudioServer]:
    with running_pulseaudio(tmp_path_factory.mktemp("pulse")) as server:
        refresh_portaudio_devices()
        yield server
    refresh_portaudio_devices()


def refresh_portaudio_devices() -> None:
    """PortAudio lists devices once, when it starts: restart it so it sees the new server."""
    import sounddevice

    sounddevice._terminate()
    sounddevice._initialize()
