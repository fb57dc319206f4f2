"""Replicate: a prediction, waited for with ``Prefer: wait`` and polled when it takes longer.

``{"input": {"audio": data URL}, "version": …}`` goes to ``/v1/predictions`` when the
provider's id holds a version (``owner/name:version``), else to the model's own
``/v1/models/{owner}/{name}/predictions``. The prediction is polled at the same address
it was made at (router or Replicate), never at a URL taken from the reply, so the key
goes nowhere else; a job cancelled while it waits cancels the prediction, which is billed
until it ends. Its ``output`` is a string, a list, or an object with ``segments``
(timed), ``transcription``, ``translation`` or a ``txt_file`` URL fetched without the key.
"""

from __future__ import annotations

import logging
from typing import Any
from urllib.parse import quote

from app.core.errors import Cancelled, EngineError
from app.core.text_translation import translatable, translated
from app.core.transcript import Segment
from app.engines.base import JobContext
from app.engines.remote.audio_pieces import AudioPiece
from app.engines.remote.hf_providers.provider_contract import (
    ProviderCall,
    ProviderContract,
    audio_data_url,
    single_segment,
)
from app.engines.remote.reply_shape import ReplyPart, capitalised, checked
from app.engines.remote.service_client import MESSAGE_LIMIT

log = logging.getLogger(__name__)

FINISHED = "succeeded"
WAITING = {
    "starting": translatable("Replicate is starting the model"),
    "processing": translatable("Replicate is transcribing"),
}


def recognise(call: ProviderCall, piece: AudioPiece, context: JobContext) -> list[Segment]:
    prediction = _finished(call, _create(call, piece, context), context)
    return _segments(call, prediction.field("output", "output"), piece, context)


def _create(call: ProviderCall, piece: AudioPiece, context: JobContext) -> ReplyPart:
    owner_name, _, version = call.provider_id.partition(":")
    body: dict[str, Any] = {"input": {"audio": audio_data_url(piece)}}
    if version:
        body["version"] = version
        url = f"{call.base_url}/v1/predictions"
    else:
        url = f"{call.base_url}/v1/models/{quote(owner_name, safe='/')}/predictions"
    document = call.client.send_for_json(
        "POST", url, context, json=body, headers={"Prefer": "wait"}, model=call.provider_id,
        repeatable=False,  # each prediction is billed
    )
    return checked(document, call.client.service_name, "a prediction")


def _finished(call: ProviderCall, prediction: ReplyPart, context: JobContext) -> ReplyPart:
    waited = 0.0
    for interval in call.poll.intervals():
        status = prediction.field("status", "status").text()
        if status == FINISHED:
            return prediction
        if status not in WAITING:
            service = call.client.service_name
            raise EngineError(capitalised(translated(
                "{service} could not transcribe the audio: {reason}."
            ).format(service=service, reason=_reason(prediction))))
        if waited >= call.poll.give_up_after:
            minutes = call.poll.give_up_after / 60
            raise EngineError(capitalised(translated(
                "{service_name} did not finish within {minutes:g} minutes."
            ).format(service_name=call.client.service_name, minutes=minutes)))
        context.report_status(translated(WAITING[status]))
        prediction_id = prediction.field("id", "prediction id").text()
        prediction_url = f"{call.base_url}/v1/predictions/{quote(prediction_id, safe='')}"
        try:  # cancelled while waiting or in the middle of a poll: either way the prediction must stop
            if context.cancel_event.wait(interval):
                raise Cancelled()
            waited += interval
            document = call.client.send_for_json("GET", prediction_url, context)
        except Cancelled:
            _cancel(call, prediction_url)
            raise
        prediction = checked(document, call.client.service_name, "a prediction")
    raise AssertionError("unreachable: the poll schedule never ends")


def _cancel(call: ProviderCall, prediction_url: str) -> None:
    """Stop a prediction the user no longer wants: Replicate bills it until it ends."""
    try:
        call.client.send("POST", f"{prediction_url}/cancel", JobContext(), repeatable=True)
    except EngineError as error:
        log.warning("could not cancel a Replicate prediction: %s", error)


def _segments(call: ProviderCall, output: ReplyPart, piece: AudioPiece, context: JobContext) -> list[Segment]:
    if isinstance(output.value, list):
        output = output.items("output")[0] if output.value else output
    if isinstance(output.value, str):
        return single_segment(output.value, piece)
    timed = output.optional_items("segments", "segments", "segment")
    if timed:
        segments = [Segment(*part.span("start", "end"), part.optional_text("text", "text").strip()) for part in timed]
        return [s for s in segments if s.text]
    for key in ("transcription", "translation"):
        if output.has(key):
            return single_segment(output.field(key, key).text(), piece)
    if output.has("txt_file"):
        url = output.field("txt_file", "text file").url()
        response = call.client.send("GET", url, context, authorised=False)
        return single_segment(call.client.parse_text(response), piece)
    raise output.failure(translated("has no transcription"))


def _reason(prediction: ReplyPart) -> str:
    value = prediction.object().get("error")
    status = prediction.optional_text("status", "status")
    return str(value)[:MESSAGE_LIMIT].rstrip(".") if value else translated("the prediction ended as “{status}”").format(
        status=status)


CONTRACT = ProviderContract("replicate", "Replicate", "https://api.replicate.com", recognise)
