"""The player's failures: a missing or unplayable file is one sentence, and nothing plays."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.ui.playback.player import PlaybackController

pytestmark = pytest.mark.qt_log_ignore("qt.multimedia", "PulseAudioService", "Could not open media")


def test_a_missing_file_is_one_sentence(qtbot, tmp_path: Path) -> None:
    player = PlaybackController()
    with qtbot.waitSignal(player.media_failed) as failed:
        assert not player.open(tmp_path / "moved away.mp3")
    assert failed.args == ["Cannot play “moved away.mp3”: the file does not exist."]
    player.play()
    assert not player.is_playing


def test_an_unplayable_file_is_one_sentence_once(qtbot, tmp_path: Path) -> None:
    fake = tmp_path / "notes.mp4"
    fake.write_bytes(b"this is a text file, not a video\n" * 100)
    player = PlaybackController()
    messages: list[str] = []
    player.media_failed.connect(messages.append)
    player.open(fake)
    qtbot.waitUntil(lambda: bool(messages), timeout=10_000)
    qtbot.wait(200)
    assert messages == ["Cannot play “notes.mp4”: it is not a media file this app can play."]
    player.play()
    assert not player.is_playing


def test_speed_steps_stay_between_half_and_double(qtbot, jfk_path: Path) -> None:
    player = PlaybackController()
    player.open(jfk_path)
    rates: list[float] = []
    player.rate_changed.connect(rates.append)
    for _ in range(6):
        player.faster()
    assert player.rate == 2.0
    for _ in range(10):
        player.slower()
    assert player.rate == 0.5
    assert rates[:3] == [1.25, 1.5, 1.75]
    player.set_volume(1.7)
    assert player.volume == 1.0
