"""What every remote engine does over HTTP, in one place.

httpx sends the requests (connect and read timeouts); a small retry loop here adds
what httpx leaves out: backoff on 429/502/503/504 and dropped connections honouring
Retry-After, no retry of a 4xx that would fail again nor of a request that may have
arrived when sending it twice costs, a wait that ends the moment the user cancels,
and one sentence for the user per failure.
Each request runs on a client of its own that cancel closes at once
(cancellable_request.py), over TLS verified against the system's trust store
(tls_trust.py); every reply is read through reply_shape.py.
"""

from __future__ import annotations

import logging
import ssl
import threading
from collections.abc import Callable
from contextlib import suppress
from dataclasses import dataclass
from email.utils import parsedate_to_datetime
from typing import Any

import httpx

from app.core.errors import Cancelled, EngineError
from app.core.text_translation import translatable, translated
from app.engines.base import JobContext
from app.engines.remote.cancellable_request import BodyChunkListener, ReplyTooLarge, request_until_cancelled
from app.engines.remote.reply_shape import capitalised, is_web_page, parse_json_reply, parse_text_reply
from app.engines.remote.tls_trust import certificate_problem, trusted_tls_context, untrusted_certificate_sentence

log = logging.getLogger(__name__)

RETRIED_STATUSES = frozenset({429, 502, 503, 504})
NOTHING_DONE_STATUSES = frozenset({429, 503})  # the request was refused before any work: safe to send again
NEVER_SENT = (httpx.ConnectError, httpx.ConnectTimeout)
DROPPED_CONNECTION = (httpx.RemoteProtocolError, httpx.ReadError, httpx.WriteError)
RETRIED_TRANSPORT_ERRORS = (*NEVER_SENT, *DROPPED_CONNECTION)
IDEMPOTENT_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "PUT", "DELETE"})
MESSAGE_LIMIT = 240
MESSAGE_DEPTH = 6  # an error message is never nested deeper in any contract
MESSAGE_ITEMS = 5


class ServiceError(EngineError):
    """A service answered with an error status; ``status`` lets an engine react (e.g. split on 413)."""

    def __init__(self, message: str, status: int) -> None:
        super().__init__(message)
        self.status = status


@dataclass(frozen=True, slots=True)
class HttpSettings:
    connect_timeout: float = 10.0
    read_timeout: float = 300.0
    attempts: int = 5
    first_delay: float = 1.0
    max_delay: float = 60.0
    max_total_wait: float = 600.0  # seconds spent waiting between attempts, at most
    max_reply_bytes: int = 64 * 2**20  # no transcription, model list or speech clip comes near it
    ca_certificate_file: str = ""  # trusted besides the system's authorities (a company's own CA)


@dataclass(frozen=True, slots=True)
class RetryAdvice:
    """How long to wait before the next attempt, and what to tell the user meanwhile."""

    delay: float
    status: str


RetryAdvisor = Callable[[httpx.Response], RetryAdvice | None]


class ServiceClient:
    """Sends requests to one remote service on behalf of an engine."""

    def __init__(
        self,
        service_name: str,
        api_key: str | None,
        settings: HttpSettings | None = None,
        retry_advisor: RetryAdvisor | None = None,
        auth_scheme: str = "Bearer",
    ) -> None:
        self.service_name = service_name
        self._auth_scheme = auth_scheme  # fal.ai's own keys go as "Key …"
        self.settings = settings or HttpSettings()
        self._api_key = api_key or None
        self._retry_advisor = retry_advisor
        self._timeout = httpx.Timeout(self.settings.read_timeout, connect=self.settings.connect_timeout)
        self._tls: ssl.SSLContext | None = None
        self._tls_lock = threading.Lock()

    def __repr__(self) -> str:
        return f"ServiceClient({self.service_name!r})"

    def send(
        self, method: str, url: str, context: JobContext, *, authorised: bool = True, model: str = "",
        repeatable: bool | None = None, on_body_chunk: BodyChunkListener | None = None, **request: Any
    ) -> httpx.Response:
        """The successful response to ``method url``, after retries; EngineError with one sentence otherwise.

        ``repeatable``: whether sending the request twice is harmless (default: for idempotent methods
        only). A request that is not (a submit that starts a billed task) is sent again only when it
        surely never arrived: a failed connect, or a 429/503 that says nothing was done.
        ``on_body_chunk``: a successful reply's body goes there as it arrives (the response holds none);
        once a piece has gone, a broken connection is not retried (the listener would hear it twice).
        """
        if repeatable is None:
            repeatable = method.upper() in IDEMPOTENT_METHODS
        if authorised and self._api_key:
            request["headers"] = {"Authorization": f"{self._auth_scheme} {self._api_key}", **request.get("headers", {})}
        waited = 0.0
        for attempt in range(1, self.settings.attempts + 1):
            context.check_cancelled()
            outcome = self._attempt(method, url, context, request, on_body_chunk)
            if isinstance(outcome, httpx.Response) and outcome.is_success:
                return outcome
            advice = self._retry_advice(outcome, attempt) if repeatable or _nothing_done(outcome) else None
            last_attempt = attempt == self.settings.attempts
            if advice is None or last_attempt or waited + advice.delay > self.settings.max_total_wait:
                raise self._failure(outcome, url, model, repeatable)
            log.info("%s: retrying %s %s in %.1f s", self.service_name, method, url, advice.delay)
            context.report_status(advice.status)
            if context.cancel_event.wait(advice.delay):
                raise Cancelled()
            waited += advice.delay
        raise AssertionError("unreachable: the last attempt either returns or raises")

    def send_for_json(self, method: str, url: str, context: JobContext, **request: Any) -> Any:
        """The JSON document the service answered with."""
        return self.parse_json(self.send(method, url, context, **request))

    def parse_json(self, response: httpx.Response) -> Any:
        """The reply's JSON document, or one sentence saying why there is none (see reply_shape)."""
        return parse_json_reply(response.content, response.headers.get("Content-Type", ""), self.service_name)

    def parse_text(self, response: httpx.Response) -> str:
        return parse_text_reply(response.content, response.headers.get("Content-Type", ""), self.service_name)

    def _attempt(
        self, method: str, url: str, context: JobContext, request: dict[str, Any],
        on_body_chunk: BodyChunkListener | None = None,
    ) -> httpx.Response | httpx.TransportError:
        delivered = False

        def deliver(chunk: bytes) -> None:
            nonlocal delivered
            delivered = True
            assert on_body_chunk is not None
            on_body_chunk(chunk)

        try:
            response = request_until_cancelled(
                method, url, request, context=context, tls=self._tls_context(), timeout=self._timeout,
                max_reply_bytes=self.settings.max_reply_bytes, on_body_chunk=deliver if on_body_chunk else None,
            )
        except httpx.TransportError as error:
            if context.cancelled:
                raise Cancelled() from None
            if delivered:
                host = httpx.URL(url).host
                raise EngineError(translated(
                    "The connection to {service_name} at {host} broke off while it was sending its reply."
                ).format(service_name=self.service_name, host=host)) from None
            log.info("%s: %s %s failed: %s", self.service_name, method, url, type(error).__name__)
            return error
        except ReplyTooLarge:
            limit = self.settings.max_reply_bytes / 2**20
            raise EngineError(capitalised(
                translated(
                    "{service_name} sent a reply larger than {limit:g} MB; it cannot be what was asked "
                    "for."
                ).format(service_name=self.service_name, limit=limit)
            )) from None
        if context.cancelled:
            raise Cancelled()
        log.info("%s: %s %s -> HTTP %d", self.service_name, method, url, response.status_code)
        return response

    def _tls_context(self) -> ssl.SSLContext:
        """Made once, on first use (on the job's thread): reading the CA files may fail in one sentence."""
        with self._tls_lock:
            if self._tls is None:
                self._tls = trusted_tls_context(self.settings.ca_certificate_file)
            return self._tls

    def _retry_advice(self, outcome: httpx.Response | httpx.TransportError, attempt: int) -> RetryAdvice | None:
        backoff = min(self.settings.max_delay, self.settings.first_delay * 2 ** (attempt - 1))
        if isinstance(outcome, RETRIED_TRANSPORT_ERRORS) and certificate_problem(outcome) is None:
            lost = translated("Connection to {service_name} lost; retrying in {seconds:.0f} s")
            return RetryAdvice(backoff, lost.format(service_name=self.service_name, seconds=backoff))
        if not isinstance(outcome, httpx.Response) or outcome.status_code not in RETRIED_STATUSES:
            return None
        advised = self._retry_advisor(outcome) if self._retry_advisor else None
        if advised:
            return advised
        delay = retry_after_seconds(outcome)
        delay = backoff if delay is None else min(delay, self.settings.max_delay)
        if outcome.status_code == 429:
            status = translated("{service_name} is rate-limiting requests; retrying in {delay:.0f} s")
        else:
            status = translated("{service_name} is busy; retrying in {delay:.0f} s")
        return RetryAdvice(delay, capitalised(status.format(service_name=self.service_name, delay=delay)))

    def _failure(
        self, outcome: httpx.Response | httpx.TransportError, url: str, model: str, repeatable: bool
    ) -> EngineError:
        host = httpx.URL(url).host
        if isinstance(outcome, httpx.Response):
            message = self.server_message(outcome)
            if outcome.status_code == 401 and not self._api_key:
                detail = f": {message}" if message else ""
                return ServiceError(capitalised(translated(
                    "{service_name} needs an API key{detail}."
                ).format(service_name=self.service_name, detail=detail)), 401)
            return error_for_status(self.service_name, outcome.status_code, message, model)
        if (problem := certificate_problem(outcome)) is not None:
            return EngineError(untrusted_certificate_sentence(host, problem))
        if isinstance(outcome, httpx.ReadTimeout):
            return EngineError(capitalised(
                translated(
                    "{service_name} at {host} did not answer within {read_timeout:g} seconds."
                ).format(service_name=self.service_name, host=host, read_timeout=self.settings.read_timeout)
            ))
        if isinstance(outcome, DROPPED_CONNECTION) and not repeatable:
            return EngineError(translated(
                "The connection to {service_name} at {host} broke off before it answered; the request "
                "may have arrived, so it was not sent again."
            ).format(service_name=self.service_name, host=host))
        if isinstance(outcome, DROPPED_CONNECTION):
            return EngineError(translated(
                "The connection to {service_name} at {host} kept breaking off; try again later."
            ).format(service_name=self.service_name, host=host))
        return EngineError(translated(
            "Cannot reach {service_name} at {host}: {reason}."
        ).format(service_name=self.service_name, host=host, reason=self._redact(_reason(outcome))))

    def server_message(self, response: httpx.Response) -> str:
        """The service's own explanation from an error body, without the API key, kept short."""
        try:
            document = parse_json_reply(response.content, "", self.service_name)
        except EngineError:
            document = None
        message = _message_in(document) if document is not None else _plain_text(response)
        message = self._redact(" ".join(message.split())).rstrip(".")
        return message if len(message) <= MESSAGE_LIMIT else message[: MESSAGE_LIMIT - 1] + "…"

    def _redact(self, text: str) -> str:
        return text.replace(self._api_key, "•••") if self._api_key else text


def error_for_status(service: str, status: int, message: str, model: str = "") -> ServiceError:
    detail = f": {message}" if message else ""
    sentences = {
        401: translatable("{service} rejected the API key{detail}."),
        403: translatable("{service} refused access with this API key{detail}."),
        404: translatable("{service} does not know the model “{model}”, or the address is wrong{detail}."),
        413: translatable("The audio is too large for {service}{detail}."),
        415: translatable("{service} does not accept this audio format{detail}."),
        429: translatable("{service} is limiting requests (too many, or the quota is used up){detail}."),
        503: translatable("{service} is unavailable or still loading the model{detail}."),
    }
    if status in sentences:
        sentence = translated(sentences[status]).format(service=service, model=model, detail=detail)
        return ServiceError(capitalised(sentence), status)
    if status >= 500:
        return ServiceError(capitalised(translated(
            "{service} failed with a server error (HTTP {status}){detail}."
        ).format(service=service, status=status, detail=detail)), status)
    return ServiceError(capitalised(translated(
        "{service} refused the request (HTTP {status}){detail}."
    ).format(service=service, status=status, detail=detail)), status)


def _nothing_done(outcome: httpx.Response | httpx.TransportError) -> bool:
    """The request surely did nothing on the server: it never left, or was refused before any work."""
    if isinstance(outcome, httpx.Response):
        return outcome.status_code in NOTHING_DONE_STATUSES
    return isinstance(outcome, NEVER_SENT)


def retry_after_seconds(response: httpx.Response) -> float | None:
    """Retry-After as seconds, from either of its two forms (a number or an HTTP date)."""
    value = response.headers.get("Retry-After", "").strip()
    if not value:
        return None
    with suppress(ValueError):
        return max(0.0, float(value))
    with suppress(TypeError, ValueError):
        moment = parsedate_to_datetime(value)
        date = response.headers.get("Date")
        now = parsedate_to_datetime(date) if date else None
        if now is not None:
            return max(0.0, (moment - now).total_seconds())
    return None


def _message_in(document: Any, depth: int = 0) -> str:
    """The message in any error body the contracts describe (OpenAI, FastAPI, HF, Flash ASR, DashScope)."""
    if isinstance(document, str):
        return document
    if depth > MESSAGE_DEPTH:
        return ""
    if isinstance(document, list):
        return "; ".join(_message_in(item, depth + 1) for item in document[:MESSAGE_ITEMS] if item)
    if not isinstance(document, dict):
        return ""
    for key in ("error", "errors", "detail", "message", "msg"):
        if document.get(key):
            return _message_in(document[key], depth + 1)
    return str(document.get("code") or "")[:MESSAGE_LIMIT]


def _plain_text(response: httpx.Response) -> str:
    """A plain-text error body; none from a web page or from JSON that could not be read."""
    content_type = response.headers.get("Content-Type", "")
    if "json" in content_type or is_web_page(response.content, content_type):
        return ""
    return response.content[: MESSAGE_LIMIT * 4].decode("utf-8", errors="replace")


def _reason(error: Exception) -> str:
    text = str(error).strip()
    return text or type(error).__name__
