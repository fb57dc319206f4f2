"""Live transcription through an OpenAI-compatible server: each piece is sent when a pause closes it."""

from __future__ import annotations

import time

import numpy as np

from app.core.audio import SAMPLE_RATE, AudioClip
from app.core.transcript import Segment
from app.engines.base import TranscriptionOptions
from app.engines.live.remote import RemoteLiveTranscriber
from app.engines.live.session import LiveListeners
from tests.conftest import JFK_REFERENCE
from tests.engines.remote.test_openai_compatible import engine_for
from tests.speech import word_error_rate


def test_pieces_closed_by_pauses_are_sent_as_they_close_and_land_on_the_recording_timeline(
    openai_server, jfk_clip: AudioClip
) -> None:
    leading = 3.0
    stream = np.concatenate([np.zeros(int(leading * SAMPLE_RATE), dtype=np.float32), jfk_clip.samples,
                             np.zeros(2 * SAMPLE_RATE, dtype=np.float32)])
    committed: list[Segment] = []
    live = RemoteLiveTranscriber(engine_for(openai_server), TranscriptionOptions(language="en"),
                                 LiveListeners(on_committed=committed.extend))
    live.start()
    half_second = SAMPLE_RATE // 2
    for start in range(0, len(stream), half_second):
        live.feed(stream[start:start + half_second], SAMPLE_RATE)
        time.sleep(0.1)  # faster than real time, yet pieces close while later audio arrives
    sent_before_the_end = len(openai_server.requests_to("/audio/transcriptions"))
    transcript = live.stop()

    assert live.error is None
    assert sent_before_the_end >= 1  # JFK pauses after "fellow Americans": that piece went at once
    assert len(openai_server.requests_to("/audio/transcriptions")) >= 2
    assert word_error_rate(JFK_REFERENCE, transcript.text) < 0.2
    assert leading - 0.5 < committed[0].start < leading + 1.0  # silence is not sent, yet the times count it
    assert transcript.segments == committed
