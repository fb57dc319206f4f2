"""One HTTP request that the user can cancel at any moment, TLS or not, with a cap on the reply's size.

The request runs on httpx's AsyncClient in an event loop of its own, and a cancel is
the task's cancellation: httpcore then closes the connection, so a long upload or a
slow answer stops at once and the server sees the close. This is public API only
(a blocking client cannot be interrupted: its socket sits under TLS, out of reach).
The client lives for this one request and is closed with it. With ``on_body_chunk`` a successful
reply's body is handed over piece by piece as it arrives (streamed speech) instead of kept.
"""

from __future__ import annotations

import asyncio
import ssl
from collections.abc import Callable
from contextlib import suppress
from typing import Any

import httpx

from app.core.errors import Cancelled
from app.engines.base import JobContext

CANCEL_CHECK_SECONDS = 0.05
_DROPPED_HEADERS = frozenset({"content-encoding", "content-length", "transfer-encoding"})


BodyChunkListener = Callable[[bytes], None]


class ReplyTooLarge(Exception):
    """The reply's body (decompressed) went over the cap; the connection was closed before reading the rest."""


def request_until_cancelled(
    method: str,
    url: str,
    request: dict[str, Any],
    *,
    context: JobContext,
    tls: ssl.SSLContext,
    timeout: httpx.Timeout,
    max_reply_bytes: int,
    on_body_chunk: BodyChunkListener | None = None,
) -> httpx.Response:
    """The reply to ``method url``, read in full (or streamed to ``on_body_chunk`` when it succeeds);
    Cancelled as soon as ``context`` is cancelled."""
    return asyncio.run(_request(method, url, request, context, tls, timeout, max_reply_bytes, on_body_chunk))


async def _request(
    method: str, url: str, request: dict[str, Any], context: JobContext, tls: ssl.SSLContext,
    timeout: httpx.Timeout, max_reply_bytes: int, on_body_chunk: BodyChunkListener | None,
) -> httpx.Response:
    async with httpx.AsyncClient(verify=tls, timeout=timeout, follow_redirects=True) as client:
        reading = asyncio.create_task(_read_capped(client, method, url, request, max_reply_bytes, on_body_chunk))
        while not reading.done():
            await asyncio.wait({reading}, timeout=CANCEL_CHECK_SECONDS)
            if context.cancelled and not reading.done():
                reading.cancel()
                with suppress(asyncio.CancelledError):
                    await reading
                raise Cancelled()
        return reading.result()


async def _read_capped(
    client: httpx.AsyncClient, method: str, url: str, request: dict[str, Any], max_reply_bytes: int,
    on_body_chunk: BodyChunkListener | None,
) -> httpx.Response:
    async with client.stream(method, url, **request) as response:
        declared = response.headers.get("Content-Length", "")
        if declared.isdigit() and int(declared) > max_reply_bytes:
            raise ReplyTooLarge()
        streamed = on_body_chunk is not None and response.is_success
        body, received = bytearray(), 0
        async for chunk in response.aiter_bytes():
            received += len(chunk)
            if received > max_reply_bytes:
                raise ReplyTooLarge()
            if streamed and on_body_chunk is not None:
                on_body_chunk(chunk)
            else:
                body += chunk
    headers = [(name, value) for name, value in response.headers.multi_items() if name.lower() not in _DROPPED_HEADERS]
    return httpx.Response(response.status_code, headers=headers, content=bytes(body), request=response.request)
