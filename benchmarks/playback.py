"""Playback building blocks under load: peaks of a three-hour file, and painting a 10,000-segment waveform.

`python -m benchmarks.playback` prints the figures and writes benchmarks/results/playback.json.
In the main window: the highlighted word's lag behind the player (< 50 ms) and the event loop's
longest gap while a 10,000-segment transcript plays, seeks and zooms (< 16 ms).
Goals: peaks of a three-hour file in under 10 s on 2 cores with peak memory under 200 MB (the
child process's maximum resident set, interpreter and libraries included); no repaint of the
waveform over 16 ms while zooming, scrolling and following the play head across 10,000 regions.
The three-hour file is real speech (multilingual.mp3, 60 s) remuxed 180 times into one clean MP3.

window_playback's figures: loop_gap_* are the wall-clock gaps of a 5 ms timer on the window's event loop
while it plays, jumps to rows and zooms (event_loop_probe.py), with the GUI thread's CPU, its wait for a
core and the time it was blocked in the longest; {go_to_row,seek,zoom}_max_ms and _cpu_median_max_ms
each call's wall clock and GUI-thread CPU; gc_full_collections_ms the full garbage collections during the
run and gc_at_open_full_collections_ms those of opening the document (the collect before gc.freeze());
threads_cpu_ms the CPU of each other thread of the process over the run (Qt names its own, such as
QFFmpeg::Demuxer) and of its child processes (the waveform's peaks child), the busiest first.
"""

from __future__ import annotations

import argparse
import bisect
import gc
import itertools
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from benchmarks.results import save_results

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

SHARED_AUDIO = Path(__file__).resolve().parents[2] / "shared" / "audio"


def long_mp3(source: Path, repeats: int, target: Path) -> Path:
    """``source``'s packets muxed ``repeats`` times in a row (no re-encoding): a long, clean MP3."""
    import av

    with av.open(str(source)) as reader, av.open(str(target), "w") as writer:
        stream = reader.streams.audio[0]
        output = writer.add_stream_from_template(stream)
        packets = [packet for packet in reader.demux(stream) if packet.pts is not None]
        span = packets[-1].pts + (packets[-1].duration or 0) - packets[0].pts
        for repeat in range(repeats):
            for packet in packets:
                copy = av.Packet(bytes(packet))
                copy.pts = copy.dts = packet.pts + repeat * span
                copy.duration = packet.duration
                copy.time_base = packet.time_base
                copy.stream = output
                writer.mux(copy)
    return target


def peaks_in_child(path: Path) -> dict:
    """Time and peak memory of computing the peaks, in a fresh process."""
    code = (
        "import json, resource, sys, time\n"
        "from app.core.waveform_peaks import compute_peaks\n"
        "baseline = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss\n"
        "cpu_before = sum(resource.getrusage(resource.RUSAGE_SELF)[:2])\n"
        "started = time.perf_counter()\n"
        "pyramid = compute_peaks(sys.argv[1])\n"
        "print(json.dumps({'seconds': round(time.perf_counter() - started, 2),\n"
        "                  'audio_hours': round(pyramid.duration / 3600, 3), 'peaks': len(pyramid.base),\n"
        "                  'baseline_rss_mb': round(baseline / 1024, 1),\n"
        "                  'cpu_seconds': round(sum(resource.getrusage(resource.RUSAGE_SELF)[:2]) - cpu_before, 2),\n"
        "                  'peak_rss_mb': round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)}))\n"
    )
    root = Path(__file__).resolve().parents[1]
    result = subprocess.run([sys.executable, "-c", code, str(path)], capture_output=True, text=True, check=True,
                            cwd=root)
    return json.loads(result.stdout)


def three_hour_peaks(rounds: int) -> dict:
    with tempfile.TemporaryDirectory() as folder:
        path = long_mp3(SHARED_AUDIO / "multilingual.mp3", 180, Path(folder) / "three-hours.mp3")
        runs = [peaks_in_child(path) for _ in range(rounds)]
    return {
        "file": "multilingual.mp3 x 180 (24 kHz mono MP3)", "cores": os.cpu_count(),
        "seconds": [run["seconds"] for run in runs], "median_seconds": statistics.median(r["seconds"] for r in runs),
        "audio_hours": runs[0]["audio_hours"], "peaks": runs[0]["peaks"],
        "cpu_seconds": [run["cpu_seconds"] for run in runs], "load_average": os.getloadavg()[0],
        "baseline_rss_mb": runs[0]["baseline_rss_mb"], "peak_rss_mb": max(r["peak_rss_mb"] for r in runs),
        "goal": "< 10 s, < 200 MB",
    }


def waveform_repaints(regions: int = 10_000) -> dict:
    import numpy as np
    from PySide6.QtWidgets import QApplication

    from app.core.peak_pyramid import BASE_BLOCK_SECONDS, PeakPyramid
    from app.ui.playback.waveform_view import WaveformView

    app = QApplication.instance() or QApplication([])
    hours = 3 * 3600.0
    rng = np.random.default_rng(4)
    highs = rng.uniform(0.05, 0.9, int(hours / BASE_BLOCK_SECONDS)).astype(np.float32)
    pyramid = PeakPyramid.from_base(np.stack([-highs, highs], axis=1))
    bounds = np.sort(rng.uniform(0, hours, regions * 2))
    segments = [(float(bounds[2 * i]), float(bounds[2 * i + 1]), f"segment {i} with a few words of text")
                for i in range(regions)]
    view = WaveformView()
    view.resize(1280, 180)
    view.show()
    app.processEvents()
    view.set_peaks(pyramid)
    view.set_duration(hours)
    view.set_regions(segments)
    view.show_whole()

    cpu: list[float] = []

    def timed_repaint() -> float:
        started, started_cpu = time.perf_counter(), time.thread_time()
        view.viewport().repaint()
        cpu.append((time.thread_time() - started_cpu) * 1000)
        return (time.perf_counter() - started) * 1000

    times: dict[str, list[float]] = {"zoom": [], "scroll": [], "follow": []}
    for _ in range(40):  # zoom in from the whole three hours to ~10 ms per pixel, around the middle
        view.zoom_at(640, 1.25)
        times["zoom"].append(timed_repaint())
    for _ in range(200):
        view.scroll_to(view.view_start + view.seconds_per_pixel * 300)
        times["scroll"].append(timed_repaint())
    view.zoom_at(640, 1 / 1.25**10)
    position = view.view_start
    for _ in range(300):  # playing at 30 Hz, the view following the play head
        position += 1 / 30
        view.set_play_position(position)
        times["follow"].append(timed_repaint())
    for _ in range(40):
        view.zoom_at(640, 1 / 1.25)
        times["zoom"].append(timed_repaint())
    view.close()
    every = [t for series in times.values() for t in series]
    return {
        "regions": regions, "width_px": 1280,
        **{f"{name}_max_ms": round(max(series), 2) for name, series in times.items()},
        "median_ms": round(statistics.median(every), 2),
        "p99_ms": round(sorted(every)[int(len(every) * 0.99)], 2), "max_ms": round(max(every), 2),
        "cpu_median_ms": round(statistics.median(cpu), 2), "cpu_p99_ms": round(sorted(cpu)[int(len(cpu) * 0.99)], 2),
        "cpu_max_ms": round(max(cpu), 2),
        "load_average": os.getloadavg()[0],
        "goal": "< 16 ms (wall clock on an idle machine; CPU time shows the cost when the cores are shared)",
    }


def smooth_position(speech: Path) -> dict:
    """How far the controller's smooth position is from each position the player reports, and the event
    loop's longest gap, while real speech plays into a private PulseAudio null sink with the waveform following."""
    from PySide6.QtCore import QElapsedTimer, QTimer
    from PySide6.QtWidgets import QApplication

    from tests.pulseaudio_server import running_pulseaudio

    with tempfile.TemporaryDirectory() as folder, running_pulseaudio(Path(folder)):
        from app.core.peak_cache import peaks_for
        from app.ui.playback.player import PlaybackController
        from app.ui.playback.waveform_view import WaveformView

        app = QApplication.instance() or QApplication([])
        controller = PlaybackController()
        view = WaveformView()
        view.resize(1280, 180)
        view.show()
        view.set_peaks(peaks_for(speech))
        controller.position_ticked.connect(view.set_play_position)
        samples: list[tuple[float, float]] = []
        reports: list[tuple[float, float]] = []
        gaps: list[float] = []
        clock = QElapsedTimer()
        sampler = QTimer()
        sampler.setInterval(5)

        def sample() -> None:
            gaps.append(clock.restart())
            samples.append((time.monotonic(), controller.current_position()))

        sampler.timeout.connect(sample)
        controller._player.positionChanged.connect(  # the raw reports, for comparison
            lambda ms: reports.append((time.monotonic(), ms / 1000)))
        controller.playing_changed.connect(lambda playing: None if playing else app.quit())
        controller.media_opened.connect(lambda _video: (clock.start(), sampler.start(), controller.play()))
        controller.open(speech)
        app.exec()
        sampler.stop()
        controller.close()
    errors = []
    sample_times = [t for t, _ in samples]
    for reported_at, reported in reports[1:-1]:
        i = bisect.bisect_right(sample_times, reported_at) - 1
        if i >= 0 and samples[i][1] > 0:
            errors.append(abs(samples[i][1] + (reported_at - samples[i][0]) - reported) * 1000)
    return {
        "audio": speech.name, "reports": len(reports), "samples": len(samples),
        "smooth_vs_reported_median_ms": round(statistics.median(errors), 1),
        "smooth_vs_reported_p95_ms": round(sorted(errors)[int(len(errors) * 0.95)], 1),
        "reported_interval_ms": round(statistics.median(b[0] - a[0] for a, b in itertools.pairwise(reports)) * 1000),
        "longest_event_loop_gap_ms": max(gaps[1:]) if len(gaps) > 1 else None,
        "load_average": os.getloadavg()[0],
        "goal": "smooth position within 50 ms of the player's; event loop gaps < 16 ms",
    }


class GarbageCollections:
    """The cyclic garbage collector's pauses from now to stop(), by generation (gc.callbacks)."""

    def __init__(self) -> None:
        self.pauses: list[tuple[int, float]] = []  # generation, milliseconds
        self._started = 0.0
        gc.callbacks.append(self._heard)

    def _heard(self, phase: str, info: dict) -> None:
        if phase == "start":
            self._started = time.perf_counter()
        else:
            self.pauses.append((info["generation"], (time.perf_counter() - self._started) * 1000))

    def stop(self) -> None:
        gc.callbacks.remove(self._heard)

    def figures(self) -> dict:
        oldest = [ms for generation, ms in self.pauses if generation == 2]
        return {"gc_collections": len(self.pauses), "gc_longest_ms": round(max((ms for _g, ms in self.pauses),
                                                                               default=0.0), 1),
                "gc_full_collections_ms": [round(ms, 1) for ms in oldest]}


def window_playback(long_media: Path, speech: Path, segments: int = 10_000, probe_tick_ms: int = 1) -> dict:
    """In the main window: how late the highlighted word is behind the player's position (JFK, tiny.en word
    timings), and the event loop's longest gap while a 10,000-segment transcript of a three-hour file plays,
    seeks by row and zooms the waveform. Both play into a private PulseAudio null sink."""
    from PySide6.QtCore import QEventLoop, QTimer

    from benchmarks.event_loop_probe import EventLoopProbe, ThreadClock, run_queue_wait_ms
    from tests.pulseaudio_server import running_pulseaudio

    with tempfile.TemporaryDirectory() as folder, running_pulseaudio(Path(folder)):
        from app.core.audio import decode_audio
        from app.core.transcript import Segment, Transcript, Word
        from app.engines.base import JobContext, TranscriptionOptions, run_transcription
        from app.engines.faster_whisper_engine import FasterWhisperEngine
        from app.jobs import JobRunner
        from app.ui.application import create_application
        from app.ui.editor.document import Document
        from app.ui.main_window import MainWindow

        app = create_application(["earshot-bench"])  # noqa: F841 - the app's theme and style sheet, as users see it
        engine, manager = FasterWhisperEngine(), JobRunner()
        window = MainWindow(manager, engine)
        window.resize(1280, 800)
        window.show()
        panel = window.playback_panel
        controller, sync = panel.controller, panel.sync

        def spin(milliseconds: int) -> None:
            loop = QEventLoop()
            QTimer.singleShot(milliseconds, loop.quit)
            loop.exec()

        def wait_for(signal) -> None:  # a Qt signal instance
            loop = QEventLoop()
            signal.connect(loop.quit)
            loop.exec()

        words = run_transcription(engine, decode_audio(speech), TranscriptionOptions(model="tiny.en",
                                  word_timestamps=True), JobContext())
        window.adopt_document(Document(words, speech))
        wait_for(controller.media_opened)
        lags: list[float] = []

        def word_changed(segment: int, word: int) -> None:
            if segment >= 0 and controller.is_playing:
                start = window.document.transcript.segments[segment].words[word].start
                lags.append((controller.current_position() - start) * 1000)

        sync.current_word_changed.connect(word_changed)
        controller.play()
        wait_for(controller.playing_changed)
        while controller.is_playing:
            spin(100)
        sync.current_word_changed.disconnect(word_changed)

        rng = __import__("random").Random(9)
        length = 3 * 3600.0
        step = length / segments
        three = ("one", "two", "three")
        many = Transcript([Segment(i * step, i * step + step * 0.9, f"segment {i} of the long talk", words=[
            Word(i * step + k * step * 0.3, i * step + (k + 1) * step * 0.3, w) for k, w in enumerate(three)
        ]) for i in range(segments)])
        at_open = GarbageCollections()  # the open's own full collection before gc.freeze() (collector_freeze.py)
        window.adopt_document(Document(many, long_media))
        wait_for(controller.media_opened)
        at_open.stop()
        collections = GarbageCollections()
        probe, threads = EventLoopProbe(probe_tick_ms), ThreadClock()
        cpu_before = time.thread_time()
        threads.start()
        probe.start()
        controller.play()
        calls: dict[str, list[float]] = {"go_to_row": [], "seek": [], "zoom": []}

        blocked: dict[str, list[float]] = {name: [] for name in calls}
        calls_cpu: dict[str, list[float]] = {name: [] for name in calls}

        starts: dict[str, list[float]] = {name: [] for name in calls}

        def timed(name: str, call: Callable[[], object]) -> None:
            started, cpu_started, waited = time.perf_counter(), time.thread_time(), run_queue_wait_ms()
            starts[name].append(started)
            call()
            calls[name].append((time.perf_counter() - started) * 1000)
            calls_cpu[name].append((time.thread_time() - cpu_started) * 1000)
            if waited is not None:
                core_wait = (run_queue_wait_ms() or waited) - waited
                blocked[name].append(calls[name][-1] - (time.thread_time() - cpu_started) * 1000 - core_wait)

        for round_ in range(30):  # a click on a row (it becomes current and plays), then a Ctrl+wheel step
            spin(150)
            row = rng.randrange(segments)
            timed("go_to_row", lambda: window.transcript_view.go_to_row(row))  # noqa: B023 - called at once
            timed("seek", lambda: controller.seek(many.segments[row].start))  # noqa: B023
            spin(50)
            timed("zoom", lambda: panel.waveform.zoom_at(640, 1.25 if round_ % 10 < 5 else 0.8))  # noqa: B023
        probe.stop()
        collections.stop()
        # a click is the row made current and the seek, in one turn of the loop
        responses = {name: [ms for ms in map(probe.response_ms, starts[call]) if ms is not None]
                     for name, call in (("click", "go_to_row"), ("zoom", "zoom"))}
        thread_cpu = threads.figures()
        cpu = time.thread_time() - cpu_before
        controller.pause()
        tracked, full_started = len(gc.get_objects()), time.perf_counter()
        gc.collect()
        full_collection_ms = (time.perf_counter() - full_started) * 1000
        panel.shutdown()
        manager.shutdown()
        window.document.mark_saved(Path(folder) / "unused.earshot")
        window.close()
    return {
        "word_changes": len(lags), "word_lag_median_ms": round(statistics.median(lags), 1),
        "word_lag_p95_ms": round(sorted(lags)[int(len(lags) * 0.95)], 1), "word_lag_max_ms": round(max(lags), 1),
        "segments": segments, "probe_tick_ms": probe_tick_ms, **probe.figures(),
        **{f"{name}_response_max_ms": round(max(times), 1) for name, times in responses.items() if times},
        **{f"{name}_max_ms": round(max(times), 1) for name, times in calls.items()},
        **{f"{name}_cpu_median_max_ms": [round(statistics.median(times), 1), round(max(times), 1)]
           for name, times in calls_cpu.items()},
        **{f"{name}_blocked_max_ms": round(max(times), 1) for name, times in blocked.items() if times},
        **collections.figures(), "gc_at_open_full_collections_ms": at_open.figures()["gc_full_collections_ms"],
        "gc_tracked_objects": tracked,
        "gc_full_collection_now_ms": round(full_collection_ms, 1),
        "gui_thread_cpu_seconds": round(cpu, 2), "wall_seconds": 6.0, "threads_cpu_ms": thread_cpu,
        "load_average": os.getloadavg()[0],
        "goal": "word lag < 50 ms; no event-loop gap over 16 ms (on a loaded machine a gap also counts the wait "
                "for a core: the GUI thread's CPU time in the gap does not)",
    }


def window_playback_with_long_media(probe_tick_ms: int = 1) -> dict:
    """window_playback on a three-hour MP3 made for the run (its waveform's peaks computed while it plays)."""
    with tempfile.TemporaryDirectory() as folder:
        long_media = long_mp3(SHARED_AUDIO / "multilingual.mp3", 180, Path(folder) / "three-hours.mp3")
        return window_playback(long_media, SHARED_AUDIO / "jfk.flac", probe_tick_ms=probe_tick_ms)


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.playback")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--window-only", action="store_true", help="only the window's word lag and stalls")
    parser.add_argument("--probe-ms", type=int, default=1, help="the event-loop probe's interval (ms)")
    arguments = parser.parse_args()
    if arguments.window_only:
        print(json.dumps(window_playback_with_long_media(arguments.probe_ms), indent=2))
        return
    results = {
        "window_playback": window_playback_with_long_media(arguments.probe_ms),
        "three_hour_peaks": three_hour_peaks(arguments.rounds),
        "waveform_repaints": waveform_repaints(),
        "smooth_position": smooth_position(SHARED_AUDIO / "jfk.flac"),
    }
    save_results("playback.json", results)


if __name__ == "__main__":
    main()
