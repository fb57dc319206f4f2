"""The transcribe command's remote engines: --engine, --base-url, --api-key-env, and http(s) inputs."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import PurePosixPath
from typing import Any
from urllib.parse import urlsplit

from app.core.errors import EarshotError
from app.core.remote_profiles import DEFAULT_HF_PROVIDER, HF_PROVIDERS, RemoteProfile
from app.core.text_translation import translated
from app.core.transcript import Transcript
from app.engines.base import JobContext, TranscriptionEngine, TranscriptionOptions
from app.engines.model_store import DEFAULT_MODEL
from app.engines.remote.registry import REMOTE_KINDS, create_remote_engine

LOCAL = "local"


def add_remote_arguments(transcribe: argparse.ArgumentParser) -> None:
    transcribe.add_argument(
        "--engine", choices=(LOCAL, *REMOTE_KINDS), default=LOCAL,
        help=translated("local (faster-whisper, default), openai (OpenAI-compatible, e.g. Xinference), hf (Hugging "
                        "Face Inference), flash (Flash ASR) or dashscope (DashScope Paraformer)"),
    )
    transcribe.add_argument(
        "--provider", choices=HF_PROVIDERS, default=None,
        help=translated("with --engine hf: who runs the model (default {default}; auto: the first live provider "
                        "the Hub lists; an hf_ token goes through Hugging Face's router, a provider's own key to the "
                        "provider; HF_ENDPOINT moves the Hub)").format(default=DEFAULT_HF_PROVIDER),
    )
    transcribe.add_argument("--base-url", default=None, metavar="URL",
                            help=translated("the remote service's address (default: the service's public one)"))
    transcribe.add_argument(
        "--api-key-env", default=None, metavar="NAME",
        help=translated("environment variable holding the API key (default: {variables})").format(
            variables=", ".join(translated("{variable} for {engine}").format(variable=k.api_key_env, engine=k.kind)
                                for k in REMOTE_KINDS.values())),
    )


def model_from_arguments(arguments: argparse.Namespace) -> str:
    if arguments.model:
        return str(arguments.model)
    return DEFAULT_MODEL if arguments.engine == LOCAL else str(REMOTE_KINDS[arguments.engine].default_model)


def engine_from_arguments(
    arguments: argparse.Namespace, service_options: dict[str, Any] | None = None
) -> TranscriptionEngine:
    """The engine asked for; ``service_options`` go into a remote engine's profile (DashScope's diarization)."""
    if arguments.engine == LOCAL:
        from app.engines.faster_whisper_engine import FasterWhisperEngine

        return FasterWhisperEngine()
    kind = REMOTE_KINDS[arguments.engine]
    if arguments.provider and kind.kind != "hf":
        raise EarshotError(translated("--provider chooses a Hugging Face provider; use it with --engine hf."))
    key_variable = arguments.api_key_env or kind.api_key_env
    api_key = os.environ.get(key_variable) or None
    if api_key is None:
        print("earshot: " + translated("{variable} is not set; sending no API key.").format(variable=key_variable),
              file=sys.stderr)
    options = {**({"provider": arguments.provider} if arguments.provider else {}), **(service_options or {})}
    profile = RemoteProfile("command line", kind.kind, arguments.base_url or kind.default_base_url,
                            model_from_arguments(arguments), options)
    return create_remote_engine(profile, api_key)


def is_media_url(text: str) -> bool:
    return text.startswith(("http://", "https://"))


def url_file_name(url: str) -> str:
    """A file name for outputs named after a URL input: its last path part."""
    return PurePosixPath(urlsplit(url).path).name or "transcript"


def transcribe_media_url(
    engine: TranscriptionEngine, url: str, options: TranscriptionOptions, channel: int | None
) -> Transcript:
    """A service that reads audio from a URL (DashScope) transcribes ``url`` without downloading it here."""
    transcribe_url = getattr(engine, "transcribe_url", None)
    if transcribe_url is None:
        raise EarshotError(translated("Only the dashscope engine reads audio from a URL; download the file first."))
    context = JobContext()
    segments = list(transcribe_url(url, options, context, 0 if channel is None else channel - 1))
    return Transcript(segments=segments, language=context.language or options.language, media_path=url,
                      engine=engine.name, options=options.as_dict())
