"""Light background work beside recognition: a media file's waveform peaks, a model's download."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np

from app.core.peak_cache import peaks_for
from app.core.peak_pyramid import PeakPyramid
from app.engines.model_catalog import CatalogModel
from app.jobs.job import Job, JobReport, LaneKind


@dataclass(frozen=True, slots=True)
class PeaksSoFar:
    pyramid: PeakPyramid  # NaN where not computed yet
    fraction: float


class WaveformPeaksJob(Job[PeakPyramid]):
    """The peaks of ``media_path`` (cached beside the app's data), with PeaksSoFar as partial results."""

    what = "Drawing the waveform"

    def __init__(self, media_path: Path) -> None:
        super().__init__()
        self.media_path = media_path

    @property
    def lane(self) -> LaneKind:
        return LaneKind.LIGHT

    def run(self, report: JobReport) -> PeakPyramid:
        def progress(fraction: float, partial: np.ndarray) -> None:
            if fraction < 1.0:
                report.partial(PeaksSoFar(PeakPyramid.from_base(partial), fraction))

        return peaks_for(self.media_path, progress, report.cancel_event)


class ModelDownloadJob(Job[Path]):
    """Download a catalogue model from ``source`` (a hub address, "" for the default) and install it; its folder."""

    what = "The download"

    def __init__(self, model: CatalogModel, source: str = "") -> None:
        super().__init__()
        self.model = model
        self.source = source

    @property
    def lane(self) -> LaneKind:
        return LaneKind.LIGHT

    def run(self, report: JobReport) -> Path:
        from app.engines.model_download import download_model  # huggingface_hub loads only when needed

        shown = -1

        def progress(done: int, total: int) -> None:
            nonlocal shown
            percent = done * 100 // total if total else 0
            if percent != shown:  # a few hundred events at most, however many chunks arrive
                shown = percent
                report.progress(done / total if total else 0.0)

        return download_model(self.model, self.source, progress, report.cancel_event)
