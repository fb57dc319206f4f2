"""The engine manager's old name: the job runner (app/jobs/runner.py) replaced it.

Kept only so branches written against ``EngineManager`` still run after they merge; the runner
has its methods (submit_transcription, submit_preparation, cancel, shutdown) and signals.
New code imports ``app.jobs.JobRunner``.
"""

from app.jobs.runner import JobRunner as EngineManager

__all__ = ["EngineManager"]
