"""What every remote engine adds to the recognition interface: a cheap check that the service answers."""

from __future__ import annotations

from abc import abstractmethod

from app.engines.base import JobContext, TranscriptionEngine


class RemoteTranscriptionEngine(TranscriptionEngine):
    runs_locally = False

    @abstractmethod
    def check_connection(self, context: JobContext) -> str:
        """The service's cheapest real check; one sentence saying what answered, or an EngineError."""
