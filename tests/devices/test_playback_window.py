"""The window plays its document's media into the PulseAudio null sink while the playing row follows."""

from __future__ import annotations

import soundfile

from tests.conftest import JFK_REFERENCE
from tests.devices.window_playback import QT_MULTIMEDIA_LOGS, WindowPlayback
from tests.pulseaudio_server import rms
from tests.speech import word_error_rate

pytestmark = QT_MULTIMEDIA_LOGS


def test_the_window_plays_into_the_sink_and_the_playing_row_follows(jfk_played_by_the_window: WindowPlayback) -> None:
    """Ctrl+Space in the transcript plays the whole file (see window_playback, shared with the player's tests)."""
    played = jfk_played_by_the_window
    samples, _rate = soundfile.read(played.monitor_recording, dtype="float32")
    assert rms(samples) > 0.01, "the speech arrives in the sink"
    assert word_error_rate(JFK_REFERENCE, played.heard.text) < 0.25
    segments = played.segments
    inside = [tick for tick in played.ticks
              if any(seg.start + 0.05 < tick.seconds < seg.end - 0.05 for seg in segments)]
    assert len(inside) > 50, "about thirty ticks a second while the speech plays"
    for tick in inside:
        assert tick.playing_row is not None
        assert segments[tick.playing_row].start <= tick.seconds < segments[tick.playing_row].end
