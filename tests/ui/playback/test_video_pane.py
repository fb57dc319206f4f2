"""A video's picture with the current segment as a caption, re-flowed under the subtitle rules."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import av
import numpy as np
import pytest

from app.core.audio import decode_audio
from app.core.subtitle_rules import SubtitleRules
from app.core.transcript import Segment, Word
from app.ui.playback.player import PlaybackController
from app.ui.playback.video_pane import VideoPane

pytestmark = pytest.mark.qt_log_ignore("qt.multimedia", "PulseAudioService", "No RHI backend")
ORANGE = (240, 130, 20)


def make_video(path: Path, speech: Path, seconds: float = 2.0) -> Path:
    """A small orange MP4 with the first seconds of real speech as its sound."""
    samples = decode_audio(speech).samples[: int(16_000 * seconds)]
    with av.open(str(path), "w") as output:
        video = output.add_stream("mpeg4", rate=10)
        video.width, video.height, video.pix_fmt = 160, 90, "yuv420p"
        audio = output.add_stream("aac", rate=16_000)
        audio.layout = "mono"
        picture = np.zeros((90, 160, 3), dtype=np.uint8)
        picture[:] = ORANGE
        for index in range(int(seconds * 10)):
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


@pytest.fixture
def pane(qtbot) -> Iterator[VideoPane]:
    video_pane = VideoPane()
    qtbot.addWidget(video_pane)
    video_pane.resize(480, 270)
    video_pane.show()
    qtbot.waitExposed(video_pane)
    yield video_pane


def words_of(text: str, start: float, seconds_per_word: float) -> list[Word]:
    return [Word(start + i * seconds_per_word, start + (i + 1) * seconds_per_word, f" {token}")
            for i, token in enumerate(text.split())]


def test_the_caption_is_the_segment_reflowed_under_the_rules(pane: VideoPane) -> None:
    text = "And so my fellow Americans, ask not what your country can do for you, ask what you can do for your country."
    segment = Segment(0.0, 11.0, text, words=words_of(text, 0.0, 0.5))
    pane.set_rules(SubtitleRules(max_chars_per_line=20, max_lines=2, max_duration=4.0))
    pane.show_segment(segment)
    pane.set_position(0.2)
    first = pane.caption
    assert first.startswith("And so my fellow")
    assert all(len(line) <= 20 for line in first.split("\n")) and len(first.split("\n")) <= 2
    pane.set_position(10.4)
    last = pane.caption
    assert last != first and last.endswith("country.")
    pane.show_segment(None)
    assert pane.caption == ""


def test_a_video_file_shows_its_picture_under_the_caption(
    pane: VideoPane, qtbot, tmp_path: Path, jfk_path: Path
) -> None:
    video = make_video(tmp_path / "clip.mp4", jfk_path)
    player = PlaybackController()
    player.set_video_output(pane.video_item)
    with qtbot.waitSignal(player.media_opened, timeout=10_000) as opened:
        player.open(video)
    assert opened.args == [True]
    player.seek(0.5)
    qtbot.waitUntil(lambda: pane.video_item.nativeSize().width() > 0, timeout=10_000)
    pane.show_segment(Segment(0.0, 2.0, "And so my fellow Americans"))
    pane.set_position(0.5)
    image = pane.grab().toImage()
    middle = image.pixelColor(image.width() // 2, image.height() // 3)
    assert abs(middle.red() - ORANGE[0]) < 30 and abs(middle.green() - ORANGE[1]) < 30
    assert pane.caption == "And so my fellow Americans"
    bottom = [image.pixelColor(x, y) for x in range(0, image.width(), 2) for y in range(image.height() * 3 // 4,
                                                                                       image.height())]
    assert sum(color.lightness() > 220 for color in bottom) > 50  # white letters over the picture
    assert sum(color.lightness() < 60 for color in bottom) > 50  # on their dark box
    player.close()


def test_a_video_in_the_window_has_its_pane_and_a_caption_that_fits_the_picture(
    window, qtbot, tmp_path: Path, jfk_path: Path
) -> None:
    from app.core.transcript import Transcript
    from app.ui.editor.document import Document

    text = "And so my fellow Americans, ask not what your country can do for you, ask what you can do."
    transcript = Transcript([Segment(0.0, 2.0, text, words=words_of(text, 0.0, 2.0 / len(text.split())))])
    window.resize(1000, 680)
    video = make_video(tmp_path / "clip.mp4", jfk_path)
    panel = window.playback_panel
    with qtbot.waitSignal(panel.controller.media_opened, timeout=10_000):
        window.adopt_document(Document(transcript, video))
    qtbot.waitUntil(panel.video_pane.isVisible, timeout=5000)
    assert panel.video_pane.width() >= window.width() // 4  # a picture one can see, not a sliver
    panel.controller.seek(0.3)
    caption = panel.video_pane.caption
    assert caption and text.startswith(caption.replace("\n", " ")[:10])
    box = panel.video_pane.caption_box()
    assert box.left() >= 0 and box.right() <= panel.video_pane.viewport().width()  # wrapped inside the picture
    window.document.mark_saved(tmp_path / "clip.earshot")
