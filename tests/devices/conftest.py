"""Real audio devices for tests: a private PulseAudio server with a null sink.

One server for this package's tests; it stops (and PULSE_SERVER goes) after the last of them, so
later tests never talk to it. Under pytest-xdist they all run on one worker, one after another (see
pytest_xdist_make_scheduler in tests/conftest.py).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from tests.devices.window_playback import WindowPlayback, play_jfk_through_the_window
from tests.pulseaudio_server import PulseAudioServer, running_pulseaudio


@pytest.fixture(scope="package")
def pulseaudio(tmp_path_factory: pytest.TempPathFactory) -> Iterator[PulseAudioServer]:
    with running_pulseaudio(tmp_path_factory.mktemp("pulse")) as server:
        refresh_portaudio_devices()
        yield server
    refresh_portaudio_devices()


@pytest.fixture(scope="package")
def jfk_played_by_the_window(
    pulseaudio: PulseAudioServer, qapp, request: pytest.FixtureRequest, local_engine, jfk_path: Path,
    tmp_path_factory: pytest.TempPathFactory,
) -> WindowPlayback:
    """JFK played once, in real time, by the window into the sink (PULSE_SERVER is set before Qt Multimedia
    starts), recorded from the monitor by parecord and by the app's Recorder; see window_playback."""
    return play_jfk_through_the_window(QtBot(request), pulseaudio, local_engine, jfk_path,
                                       tmp_path_factory.mktemp("window-playback"))


def refresh_portaudio_devices() -> None:
    """PortAudio lists devices once, when it starts: restart it so it sees the new server."""
    import sounddevice

    sounddevice._terminate()
    sounddevice._initialize()
