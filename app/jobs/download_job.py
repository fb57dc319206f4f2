"""Downloading a model from the Hugging Face hub (or a mirror) as a job of the runner's light lane.

Cancel ends the job for the window at once; the download stops at its next chunk and keeps the
files it finished, so the next download of that model fetches only the rest (a later download or
delete of the same model waits for it to close its files: app/engines/model_store.py).
"""

from __future__ import annotations

from pathlib import Path

from app.engines.model_catalog import CatalogModel
from app.jobs.job import Job, JobReport, LaneKind

PROGRESS_STEPS = 1000  # progress is told in thousandths: a chunk's worth of bytes is not news


class DownloadModelJob(Job[Path]):
    """Its result is the installed model's folder."""

    what = "The download"

    def __init__(self, model: CatalogModel, download_source: str) -> None:
        super().__init__()
        self.model = model
        self.download_source = download_source
        self._told_step = -1

    @property
    def lane(self) -> LaneKind:
        return LaneKind.LIGHT

    def run(self, report: JobReport) -> Path:
        from app.engines.model_download import download_model  # huggingface_hub loads only when needed

        def on_progress(done: int, total: int) -> None:
            step = done * PROGRESS_STEPS // total if total else 0
            if step != self._told_step:
                self._told_step = step
                report.progress(step / PROGRESS_STEPS)

        return download_model(self.model, self.download_source, on_progress, report.cancel_event)
