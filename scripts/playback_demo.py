"""A demo window composing the playback parts, for looking at them (screenshots under Xvfb).

`python scripts/playback_demo.py [--seconds N]` makes a short video from jfk.flac (PyAV), recognises
it with tiny.en, and shows the video pane with the caption, the transcript, the waveform with the
segments as regions, and the transport bar; it starts playing and quits after N seconds (0: stays).
"""

from __future__ import annotations

import argparse
import bisect
import sys
import tempfile
from pathlib import Path

import av
import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import Qt, QTimer  # noqa: E402
from PySide6.QtWidgets import QMainWindow, QPlainTextEdit, QSplitter, QVBoxLayout, QWidget  # noqa: E402

from app.core.audio import decode_audio  # noqa: E402
from app.core.subtitle_rules import profile_rules  # noqa: E402
from app.engines.base import JobContext, TranscriptionOptions, run_transcription  # noqa: E402
from app.engines.faster_whisper_engine import FasterWhisperEngine  # noqa: E402
from app.ui.application import create_application  # noqa: E402
from app.ui.playback.peaks_loader import PeaksLoader  # noqa: E402
from app.ui.playback.playback_actions import PlaybackActions  # noqa: E402
from app.ui.playback.player import PlaybackController  # noqa: E402
from app.ui.playback.transport_bar import TransportBar  # noqa: E402
from app.ui.playback.video_pane import VideoPane  # noqa: E402
from app.ui.playback.waveform_regions import SegmentRegions  # noqa: E402
from app.ui.playback.waveform_view import WaveformView  # noqa: E402

SPEECH = ROOT.parent / "shared" / "audio" / "jfk.flac"


def make_video(path: Path, speech: Path) -> Path:
    """A 640x360 picture of slowly moving soft colours with the speech as its sound."""
    samples = decode_audio(speech).samples
    seconds = len(samples) / 16_000
    with av.open(str(path), "w") as output:
        video = output.add_stream("mpeg4", rate=15)
        video.width, video.height, video.pix_fmt, video.bit_rate = 640, 360, "yuv420p", 2_000_000
        audio = output.add_stream("aac", rate=16_000)
        audio.layout = "mono"
        ys, xs = np.mgrid[0:360, 0:640]
        for index in range(int(seconds * 15)):
            phase = index / 60
            red = 60 + 40 * np.sin(xs / 160 + phase)
            green = 80 + 50 * np.sin(ys / 90 - phase)
            blue = 140 + 60 * np.cos((xs + ys) / 220 + phase)
            picture = np.stack([red, green, blue], axis=2).clip(0, 255).astype(np.uint8)
            frame = av.VideoFrame.from_ndarray(picture, format="rgb24")
            frame.pts = index
            output.mux(video.encode(frame))
        output.mux(video.encode(None))
        for offset in range(0, len(samples), 1024):
            piece = av.AudioFrame.from_ndarray(samples[None, offset:offset + 1024], format="fltp", layout="mono")
            piece.sample_rate = 16_000
            output.mux(audio.encode(piece))
        output.mux(audio.encode(None))
    return path


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=float, default=0)
    parser.add_argument("--start", type=float, default=4.2)
    parser.add_argument("--speech", type=Path, default=SPEECH)
    parser.add_argument("--zoom", type=float, default=1.0, help="zoom in this many times around the play head")
    arguments = parser.parse_args()
    app = create_application(["earshot-playback-demo"])
    media = make_video(Path(tempfile.mkdtemp()) / f"{arguments.speech.stem}.mp4", arguments.speech)
    transcript = run_transcription(FasterWhisperEngine(), decode_audio(media),
                                   TranscriptionOptions(model="tiny.en", word_timestamps=True), JobContext())

    window = QMainWindow()
    window.setWindowTitle("Earshot — playback")
    central = QWidget(window)
    controller = PlaybackController(window)
    actions = PlaybackActions(controller, window)
    video = VideoPane(central)
    video.set_rules(profile_rules("netflix"))
    text = QPlainTextEdit("\n\n".join(s.text.strip() for s in transcript.segments), central)
    text.setObjectName("demoTranscript")
    waveform = WaveformView(central)
    waveform.set_regions(SegmentRegions(transcript))
    bar = TransportBar(controller, actions, central)
    top = QSplitter(Qt.Orientation.Horizontal, central)
    top.addWidget(video)
    top.addWidget(text)
    top.setSizes([720, 480])
    layout = QVBoxLayout(central)
    layout.setContentsMargins(12, 12, 12, 8)
    layout.addWidget(top, 1)
    layout.addWidget(waveform)
    layout.addWidget(bar)
    window.setCentralWidget(central)
    actions.install(window)
    starts = [segment.start for segment in transcript.segments]

    def current_index(seconds: float) -> int | None:
        index = bisect.bisect_right(starts, seconds) - 1
        return index if index >= 0 and seconds < transcript.segments[index].end else None

    def follow(seconds: float) -> None:
        index = current_index(seconds)
        waveform.set_play_position(seconds)
        waveform.set_current_region(index)
        video.show_segment(transcript.segments[index] if index is not None else None)
        video.set_position(seconds)

    controller.position_ticked.connect(follow)
    controller.duration_changed.connect(waveform.set_duration)
    controller.duration_changed.connect(lambda _seconds: waveform.show_whole())
    controller.duration_changed.connect(
        lambda _seconds: waveform.zoom_at(waveform.x_of(arguments.start), arguments.zoom)
    )
    waveform.seek_requested.connect(controller.seek)
    actions.set_loop_range_provider(
        lambda: (lambda i: None if i is None else (starts[i], transcript.segments[i].end))(
            current_index(controller.current_position()))
    )
    loader = PeaksLoader(window)
    loader.progressed.connect(lambda pyramid, fraction: waveform.set_peaks(pyramid, fraction))
    loader.finished.connect(waveform.set_peaks)
    controller.set_video_output(video.video_item)
    controller.open(media)
    loader.load(media)
    window.resize(1280, 800)
    window.show()
    controller.playing_changed.connect(lambda playing: print("PLAYING" if playing else "PAUSED", flush=True))
    QTimer.singleShot(1500, lambda: (controller.seek(arguments.start), controller.play()))
    if arguments.seconds:
        QTimer.singleShot(int(arguments.seconds * 1000), app.quit)
    app.exec()
    loader.shutdown()


if __name__ == "__main__":
    main()
