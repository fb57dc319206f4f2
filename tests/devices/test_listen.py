"""`python -m app listen` on a real input: lines appear while the speaker talks, and Ctrl+C ends it cleanly."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import soundfile

from app.core.audio import decode_audio
from app.engines.base import JobContext, TranscriptionOptions, run_transcription
from tests.conftest import JFK_REFERENCE, REPO_ROOT
from tests.pulseaudio_server import PulseAudioServer
from tests.speech import normalise, word_error_rate


def _ctrl_c_stops() -> None:
    """A shell starts background jobs with SIGINT ignored, which the child would inherit: undo that."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def test_listen_prints_committed_lines_while_speech_plays_and_ctrl_c_keeps_a_complete_recording(
    pulseaudio: PulseAudioServer, jfk_path: Path, tmp_path: Path, local_engine
) -> None:
    recording, output = tmp_path / "listened.flac", tmp_path / "listened.json"
    command = [sys.executable, "-m", "app", "listen", "--device", "pulse", "--model", "tiny.en", "--language", "en",
               "--record", str(recording), "--output", str(output)]
    with subprocess.Popen(command, cwd=REPO_ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                          env={**os.environ}, preexec_fn=_ctrl_c_stops) as child:
        assert child.stdout is not None and child.stderr is not None
        assert "listening on “pulse”" in child.stderr.readline()
        lines: list[tuple[float, str]] = []
        reader = threading.Thread(target=lambda: lines.extend((time.monotonic(), line) for line in child.stdout))
        reader.start()
        player = pulseaudio.play(jfk_path)
        assert player.wait(30) == 0
        playback_ended = time.monotonic()
        time.sleep(1.0)
        child.send_signal(signal.SIGINT)
        assert child.wait(120) == 0, child.stderr.read()
        reader.join()

    assert lines and lines[0][0] < playback_ended  # the first words came while the speaker was still talking
    assert all(line.startswith("[") and "] " in line for _, line in lines)
    live_text = " ".join(line.split("] ", 1)[1] for _, line in lines)
    info = soundfile.info(recording)  # a clean stop: a complete FLAC with its length in the header
    assert info.duration > 11.0
    offline = run_transcription(local_engine, decode_audio(recording), TranscriptionOptions(model="tiny.en"),
                                JobContext())
    one_word = 1 / len(normalise(JFK_REFERENCE).split())  # 1.3 × an offline WER of 0 would demand perfection
    assert word_error_rate(JFK_REFERENCE, live_text) <= 1.3 * word_error_rate(JFK_REFERENCE, offline.text) + one_word
    saved = json.loads(output.read_text(encoding="utf-8"))
    assert normalise(" ".join(s["text"] for s in saved["segments"])) == normalise(live_text)
