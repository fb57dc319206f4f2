"""Light background work beside recognition: a media file's waveform peaks."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np

from app.core.peak_cache import peaks_for
from app.core.peak_pyramid import PeakPyramid
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
