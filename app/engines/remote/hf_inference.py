"""Recognition through Hugging Face Inference (the serverless router or a dedicated Inference Endpoint).

Without parameters the audio goes as the raw body; when timestamps or generation
parameters are wanted it goes as base64 inside JSON. A cold model answers 503 with
an estimated loading time, which is waited out and shown to the user as loading.
"""

from __future__ import annotations

import base64
from collections.abc import Iterator
from typing import Any
from urllib.parse import quote

import httpx

from app.core.audio import SAMPLE_RATE, AudioClip
from app.core.audio_encoding import MIME_TYPES, encode_audio
from app.core.errors import EngineError
from app.core.text_translation import translated
from app.core.transcript import Segment
from app.engines.base import JobContext, TranscriptionOptions
from app.engines.remote.audio_pieces import UNTIMED_NOTE, UntimedText, probe_clip, untimed_text
from app.engines.remote.remote_engine import RemoteTranscriptionEngine
from app.engines.remote.reply_shape import ReplyPart, checked, parse_json_reply, repaired_times
from app.engines.remote.service_client import HttpSettings, RetryAdvice, ServiceClient
from app.engines.remote.task_support import require_transcription

SERVICE_NAME = "Hugging Face Inference"
DEFAULT_ENDPOINT = "https://router.huggingface.co/hf-inference/models"
# Cold starts take minutes: wait longer in total than for other services.
HF_HTTP_SETTINGS = HttpSettings(attempts=12, max_delay=60.0, max_total_wait=900.0)
GENERATION_PARAMETERS = frozenset({
    "temperature", "top_k", "top_p", "typical_p", "epsilon_cutoff", "eta_cutoff", "max_length",
    "max_new_tokens", "min_length", "min_new_tokens", "do_sample", "early_stopping", "num_beams",
    "num_beam_groups", "penalty_alpha", "use_cache",
})


class HuggingFaceInferenceEngine(RemoteTranscriptionEngine):
    name = "hf"

    def __init__(
        self,
        endpoint_url: str,
        model: str,
        api_key: str | None,
        return_timestamps: bool = True,
        generation_parameters: dict[str, Any] | None = None,
        http: HttpSettings | None = None,
    ) -> None:
        unknown = sorted(set(generation_parameters or {}) - GENERATION_PARAMETERS)
        if unknown:
            raise EngineError(translated(
                "“{unknown}” is not a generation parameter Hugging Face Inference knows."
            ).format(unknown=unknown[0]))
        self.url = f"{endpoint_url.rstrip('/')}/{quote(model.strip('/'), safe='/')}" if model else endpoint_url
        self.model = model
        self.return_timestamps = return_timestamps
        self.generation_parameters = dict(generation_parameters or {})
        self.client = ServiceClient(SERVICE_NAME, api_key, http or HF_HTTP_SETTINGS, retry_advisor=model_loading_advice)

    def transcribe(
        self, audio: AudioClip, options: TranscriptionOptions, context: JobContext
    ) -> Iterator[Segment]:
        require_transcription(options, SERVICE_NAME)
        context.report_status(translated("Sending audio to Hugging Face"))
        document = self._post(self._request(audio, options), context)
        segments = segments_from_response(document, audio.duration)
        if isinstance(segments, UntimedText) and segments:
            context.report_note(translated(UNTIMED_NOTE))
        yield from segments
        context.report_progress(audio.duration, audio.duration)

    def check_connection(self, context: JobContext) -> str:
        document = self._post(self._raw_request(probe_clip()), context)
        segments_from_response(document, 1.0)
        return translated("Connected: {model} answered.").format(model=self.model or translated("the endpoint"))

    def request_parameters(self, options: TranscriptionOptions) -> dict[str, Any]:
        parameters: dict[str, Any] = {}
        if self.return_timestamps or options.word_timestamps:
            parameters["return_timestamps"] = True
        if self.generation_parameters:
            parameters["generation_parameters"] = self.generation_parameters
        return parameters

    def _post(self, request: dict[str, Any], context: JobContext) -> Any:
        # The reply is the whole result: if it is lost, asking again is the only way to get it.
        return self.client.send_for_json("POST", self.url, context, model=self.model, repeatable=True, **request)

    def _request(self, audio: AudioClip, options: TranscriptionOptions) -> dict[str, Any]:
        parameters = self.request_parameters(options)
        if not parameters:
            return self._raw_request(audio)
        encoded = base64.b64encode(encode_audio(audio.samples, SAMPLE_RATE)).decode("ascii")
        return {"json": {"inputs": encoded, "parameters": parameters}}

    @staticmethod
    def _raw_request(audio: AudioClip) -> dict[str, Any]:
        return {"content": encode_audio(audio.samples, SAMPLE_RATE), "headers": {"Content-Type": MIME_TYPES["flac"]}}


def model_loading_advice(response: httpx.Response) -> RetryAdvice | None:
    """A 503 with ``estimated_time``: the model is loading; wait about that long."""
    if response.status_code != 503:
        return None
    try:
        reply = checked(parse_json_reply(response.content, "", SERVICE_NAME), SERVICE_NAME, "a loading estimate")
        estimated = max(0.0, reply.field("estimated_time", "estimated time").number())
    except EngineError:
        return None
    return RetryAdvice(estimated, translated("Model loading on Hugging Face (about {seconds:.0f} s)").format(
        seconds=estimated))


def segments_from_response(document: Any, duration: float, service: str = SERVICE_NAME) -> list[Segment]:
    """``{"text", "chunks": [{"text", "timestamp": [start, end]}]}``: HF's shape, which fal.ai shares."""
    if isinstance(document, list) and document:
        document = document[0]  # some deployments wrap the answer in a list
    reply = checked(document, service, "a transcription")
    text = reply.field("text", "text").text()
    chunks = reply.optional_items("chunks", "chunks", "chunk")
    if not chunks:
        return untimed_text(text, duration)
    segments: list[Segment] = []
    for index, chunk in enumerate(chunks):
        start = _time_in(chunk, 0, "start time")
        if start is None:  # not in the contract: the chunk came after the one before it, no more is known
            start = segments[-1].end if segments else 0.0
        end = _time_in(chunk, 1, "end time")
        if end is None:  # the last chunk's end may be missing
            end = _time_in(chunks[index + 1], 0, "start time") if index + 1 < len(chunks) else None
        chunk_text = chunk.optional_text("text", "text").strip()
        if chunk_text:
            segments.append(Segment(*repaired_times(start, duration if end is None else end, chunk.label), chunk_text))
    return segments


def _time_in(chunk: ReplyPart, position: int, name: str) -> float | None:
    """Seconds at ``position`` of the chunk's [start, end] timestamp; None when missing or null."""
    part = chunk.field("timestamp", "timestamp").element(position, name)
    return None if part is None else part.number()
