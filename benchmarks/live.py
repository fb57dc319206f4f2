"""Live transcription and recording benchmark, on a private PulseAudio server with a null sink.

- Live lag: speech is played into the sink in real time and recorded from its monitor while the
  local live transcriber (base, greedy) runs; each committed word's lag is the wall-clock time of
  its commit minus the moment its end was recorded. Median and 95th percentile; goal: median < 3 s.
- Frames dropped: a long recording with live transcription running, speech looping into the sink;
  dropped = PortAudio's overflow reports plus any shortfall of frames written against the wall
  clock. Goal: 0.
- Recording alone: CPU (% of one core) and peak memory of a child process that only records.
  Goal: under 5% of one core.

Run alone with `python -m benchmarks.live [--minutes N]`; `make bench` runs it too.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from benchmarks.results import save_results

SHARED_AUDIO = Path(__file__).resolve().parents[2] / "shared" / "audio"
SPEECH = SHARED_AUDIO / "dev" / "en_librivox_udhr_preamble.mp3"
RECORD_ONLY_SECONDS = 30
LIVE_MODEL = "base"


def run(minutes: float = 10.0, lag_only: bool = False) -> dict:
    from tests.pulseaudio_server import running_pulseaudio

    with tempfile.TemporaryDirectory(prefix="earshot-live-bench-") as folder, \
            running_pulseaudio(Path(folder)) as server:
        from app.core.recording import refresh_devices

        refresh_devices()
        if lag_only:
            return {"live_lag": live_lag(server, Path(folder))}
        return {
            "live_lag": live_lag(server, Path(folder)),
            "long_recording": long_recording(server, Path(folder), minutes * 60),
            "recording_only": recording_only(Path(folder)),
        }


def _live_session(on_words):
    from app.engines.base import TranscriptionOptions
    from app.engines.faster_whisper_engine import FasterWhisperEngine
    from app.engines.live import LiveListeners, LocalLiveTranscriber

    options = TranscriptionOptions(model=LIVE_MODEL, language="en", beam_size=1)
    model = FasterWhisperEngine().load_model(options)
    return LocalLiveTranscriber(model, options, LiveListeners(on_committed=on_words))


def live_lag(server, folder: Path) -> dict:
    from app.core.recording import Recorder, find_input_device

    lags: list[float] = []
    origin: list[float] = []
    load_at_start = round(os.getloadavg()[0], 1)

    def committed(segments) -> None:
        now = time.monotonic()
        lags.extend(now - (origin[0] + word.end) for segment in segments for word in segment.words)

    live = _live_session(committed)
    recorder = Recorder(folder / "lag.flac", find_input_device("pulse"), sample_rate=16000, on_audio=live.feed)
    live.start()
    recorder.start()
    origin.append(time.monotonic())
    player = server.play(SPEECH)
    player.wait()
    time.sleep(2)
    recorder.stop()
    live.stop()
    ordered = sorted(lags)
    return {
        "audio": SPEECH.name, "model": LIVE_MODEL, "beam_size": 1, "words": len(ordered),
        "median_seconds": round(statistics.median(ordered), 2) if ordered else None,
        "p95_seconds": round(ordered[int(0.95 * (len(ordered) - 1))], 2) if ordered else None,
        "goal_median_seconds": 3.0, "load_average_at_start": load_at_start,
        "load_average_at_end": round(os.getloadavg()[0], 1),
    }


def long_recording(server, folder: Path, seconds: float) -> dict:
    from app.core.recording import Recorder, find_input_device

    live = _live_session(lambda _segments: None)
    lags: list[float] = []
    recorder = Recorder(folder / "long.flac", find_input_device("pulse"), sample_rate=16000, on_audio=live.feed)
    live.start()
    recorder.start()
    while recorder.frames_written == 0:  # the stream's start-up latency is not a drop
        time.sleep(0.01)
    started = time.monotonic() - recorder.elapsed_seconds
    playing = threading.Event()
    playing.set()

    def keep_playing() -> None:
        while playing.is_set():
            server.play(SPEECH).wait()

    threading.Thread(target=keep_playing, daemon=True).start()
    while time.monotonic() - started < seconds:
        time.sleep(1)
        lags.append(live.waiting_seconds)
    wall = time.monotonic() - started
    result = recorder.stop()
    playing.clear()
    live.stop()
    shortfall = max(0.0, wall - result.seconds - 0.2)  # 0.2 s: blocks still in the device at stop
    return {
        "seconds": round(wall, 1), "recorded_seconds": round(result.seconds, 1),
        "overflow_reports": result.overflow_count, "frames_short_of_wall_clock": int(shortfall * 16000),
        "largest_backlog_seconds": round(max(lags, default=0.0), 1), "goal_dropped": 0,
    }


_RECORD_ONLY = """
import sys, time
from pathlib import Path
from app.core.recording import Recorder, find_input_device
recorder = Recorder(Path(sys.argv[1]), find_input_device("pulse"), sample_rate=48000)
recorder.start()
time.sleep(1)
before, started = time.process_time(), time.monotonic()
time.sleep(float(sys.argv[2]))
cpu, wall = time.process_time() - before, time.monotonic() - started
recorder.stop()
# VmHWM, not ru_maxrss: Linux carries ru_maxrss over exec from the parent that forked this process
peak_kb = next(int(line.split()[1]) for line in open("/proc/self/status") if line.startswith("VmHWM:"))
print(cpu / wall * 100, peak_kb / 1024)
"""


def recording_only(folder: Path) -> dict:
    finished = subprocess.run(
        [sys.executable, "-c", _RECORD_ONLY, str(folder / "only.flac"), str(RECORD_ONLY_SECONDS)],
        cwd=Path(__file__).resolve().parents[1], capture_output=True, text=True, check=True,
    )
    cpu_percent, peak_mb = (float(x) for x in finished.stdout.split())
    return {"seconds": RECORD_ONLY_SECONDS, "sample_rate": 48000, "cpu_percent_of_one_core": round(cpu_percent, 2),
            "peak_memory_mb": round(peak_mb, 1), "goal_cpu_percent": 5.0}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=float, default=10.0, help="length of the long recording (default 10)")
    parser.add_argument("--lag-only", action="store_true", help="measure only the live lag (a minute)")
    arguments = parser.parse_args()
    results = run(arguments.minutes, arguments.lag_only)
    save_results("live.json", results)


if __name__ == "__main__":
    main()
