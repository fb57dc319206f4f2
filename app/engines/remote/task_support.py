"""What a remote service can be asked to do: only the OpenAI audio API translates."""

from __future__ import annotations

from app.core.errors import EngineError
from app.core.text_translation import translated
from app.engines.base import TranscriptionOptions
from app.engines.remote.reply_shape import capitalised


def require_transcription(options: TranscriptionOptions, service_name: str) -> None:
    """Refuse a translation job rather than silently returning a transcription."""
    if options.task == "translate":
        raise EngineError(capitalised(
            translated(
                "{service_name} cannot translate; choose Transcribe, or an OpenAI-compatible service to "
                "translate."
            ).format(service_name=service_name)
        ))
