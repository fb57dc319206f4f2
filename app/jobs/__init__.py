"""Background work of the window: typed jobs run in lanes by the JobRunner (Qt layer; never imports app.ui)."""

from app.jobs.runner import JobRunner

__all__ = ["JobRunner"]
