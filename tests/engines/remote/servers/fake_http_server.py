"""A real HTTP server on 127.0.0.1 for one remote contract, with a log of requests and injected faults.

Each contract subclasses FakeServer, declares its routes and its error body shape.
Faults are queued per path and consumed one request at a time, so a test can say
"the next two requests to /audio/transcriptions answer 429, then behave".
"""

from __future__ import annotations

import email.policy
import json
import select
import socket
import ssl
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from email.parser import BytesParser
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Self
from urllib.parse import parse_qs, urlsplit


@dataclass
class ReceivedRequest:
    method: str
    path: str
    query: dict[str, list[str]]
    headers: dict[str, str]
    body: bytes

    def header(self, name: str) -> str | None:
        return self.headers.get(name.lower())

    def json(self) -> Any:
        return json.loads(self.body)


@dataclass
class Reply:
    status: int = 200
    body: bytes = b""
    content_type: str = "application/json"
    headers: dict[str, str] = field(default_factory=dict)
    chunks: Iterator[bytes] | None = None  # instead of ``body``: sent with chunked transfer, each flushed

    @classmethod
    def of_json(cls, document: Any, status: int = 200, headers: dict[str, str] | None = None) -> Reply:
        return cls(status, json.dumps(document, ensure_ascii=False).encode(), "application/json", headers or {})


@dataclass
class Fault:
    """What to do instead of (or before) the normal answer to the next request on ``path``."""

    kind: str  # status | slow | drop | malformed | empty | reply
    path: str = ""
    status: int = 500
    message: str = ""
    headers: dict[str, str] = field(default_factory=dict)
    extra: dict[str, Any] = field(default_factory=dict)
    seconds: float = 0.0
    reply: Reply | None = None  # kind "reply": answer exactly this


Route = Callable[[ReceivedRequest], Reply]


class LocalHTTPServer:
    """A threading HTTP server on an ephemeral port of 127.0.0.1, serving from a thread inside ``with``."""

    def __init__(self, handler: type[BaseHTTPRequestHandler]) -> None:
        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self._httpd.daemon_threads = True
        self._thread = threading.Thread(target=self._httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
        self._scheme = "http"

    def __enter__(self) -> Self:
        self._thread.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()
        self._thread.join(5)

    @property
    def port(self) -> int:
        return int(self._httpd.server_address[1])

    @property
    def root(self) -> str:
        return f"{self._scheme}://127.0.0.1:{self.port}"


class QuietHandler(BaseHTTPRequestHandler):
    """HTTP/1.1 (keep-alive, as real services) and no request log on the tests' output."""

    protocol_version = "HTTP/1.1"

    def log_message(self, *_args: Any) -> None:
        pass


class FakeServer(LocalHTTPServer):
    """Serves one contract on an ephemeral port of 127.0.0.1 until stopped."""

    def __init__(self, api_key: str | None = "test-key") -> None:
        self.api_key = api_key
        self.requests: list[ReceivedRequest] = []
        self.faults: list[Fault] = []
        self.connections_closed_by_client = 0
        self.open_connections = 0
        self.in_flight = 0
        self.most_in_flight = 0
        self._lock = threading.Lock()
        super().__init__(_handler_for(self))

    def use_tls(self, context: ssl.SSLContext) -> FakeServer:
        """Serve HTTPS with ``context`` (call before starting); each handshake happens in its request's thread."""
        self._httpd.socket = context.wrap_socket(self._httpd.socket, server_side=True, do_handshake_on_connect=False)
        self._scheme = "https"
        return self

    # ---- what a contract defines -------------------------------------------------
    def route(self, request: ReceivedRequest) -> Reply:
        raise NotImplementedError

    def error_reply(self, status: int, message: str, extra: dict[str, Any] | None = None) -> Reply:
        raise NotImplementedError

    def check_bearer(self, request: ReceivedRequest) -> Reply | None:
        """A 401 in the contract's shape unless the request carries the expected key."""
        if self.api_key is None:
            return None
        given = request.header("Authorization")
        if given is None:
            return self.error_reply(401, "You didn't provide an API key")
        if given != f"Bearer {self.api_key}":
            return self.error_reply(401, f"Incorrect API key provided: {given.removeprefix('Bearer ')}")
        return None

    # ---- faults and bookkeeping --------------------------------------------------
    def inject(self, fault: Fault, times: int = 1) -> None:
        with self._lock:
            self.faults.extend([fault] * times)

    def requests_to(self, path_part: str) -> list[ReceivedRequest]:
        return [r for r in self.requests if path_part in r.path]

    def _take_fault(self, path: str) -> Fault | None:
        with self._lock:
            for index, fault in enumerate(self.faults):
                if fault.path in path:
                    return self.faults.pop(index)
        return None

    def _entered(self) -> None:
        with self._lock:
            self.in_flight += 1
            self.most_in_flight = max(self.most_in_flight, self.in_flight)

    def _left(self) -> None:
        with self._lock:
            self.in_flight -= 1

    def _connection_opened(self, change: int) -> None:
        with self._lock:
            self.open_connections += change


def _handler_for(server: FakeServer) -> type[BaseHTTPRequestHandler]:
    class Handler(QuietHandler):
        def do_GET(self) -> None:
            self._serve()

        def do_POST(self) -> None:
            self._serve()

        def setup(self) -> None:
            super().setup()
            server._connection_opened(+1)

        def finish(self) -> None:
            server._connection_opened(-1)
            super().finish()

        def _serve(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length) if length else b""
            parts = urlsplit(self.path)
            request = ReceivedRequest(
                self.command, parts.path, parse_qs(parts.query),
                {k.lower(): v for k, v in self.headers.items()}, body,
            )
            server.requests.append(request)
            server._entered()
            try:
                self._answer(request)
            finally:
                server._left()

        def _answer(self, request: ReceivedRequest) -> None:
            fault = server._take_fault(request.path)
            if fault and fault.kind == "slow":
                if self._client_closed_within(fault.seconds):
                    server.connections_closed_by_client += 1
                    self.close_connection = True
                    return
                fault = None
            if fault and fault.kind == "drop":
                self._drop_mid_response()
                return
            self._send(self._reply_for(request, fault))

        def _reply_for(self, request: ReceivedRequest, fault: Fault | None) -> Reply:
            if fault is None:
                return server.route(request)
            if fault.kind == "status":
                reply = server.error_reply(fault.status, fault.message, fault.extra)
                reply.headers.update(fault.headers)
                return reply
            if fault.kind == "malformed":
                return Reply(200, b'{"text": "unfinished', "application/json")
            if fault.kind == "empty":
                return Reply(200, b"", "application/json")
            if fault.kind == "reply" and fault.reply is not None:
                return fault.reply
            raise AssertionError(f"unknown fault {fault.kind}")

        def _send(self, reply: Reply) -> None:
            self.send_response(reply.status)
            self.send_header("Content-Type", reply.content_type)
            if reply.chunks is None:
                self.send_header("Content-Length", str(len(reply.body)))
            else:
                self.send_header("Transfer-Encoding", "chunked")
            for name, value in reply.headers.items():
                self.send_header(name, value)
            self.end_headers()
            if reply.chunks is None:
                self.wfile.write(reply.body)
                return
            try:
                for chunk in reply.chunks:
                    self.wfile.write(b"%x\r\n%s\r\n" % (len(chunk), chunk))
                    self.wfile.flush()
                self.wfile.write(b"0\r\n\r\n")
            except OSError:  # the client stopped listening (Stop Speaking)
                self.close_connection = True

        def _drop_mid_response(self) -> None:
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", "4096")
            self.end_headers()
            self.wfile.write(b'{"text": "And so my')
            self.wfile.flush()
            self.connection.shutdown(socket.SHUT_RDWR)
            self.close_connection = True

        def _client_closed_within(self, seconds: float) -> bool:
            """Wait ``seconds``; True as soon as the client closes its end."""
            deadline = time.monotonic() + seconds
            while (left := deadline - time.monotonic()) > 0:
                readable, _, _ = select.select([self.connection], [], [], min(left, 0.05))
                if readable and self._peer_closed():
                    return True
            return False

        def _peer_closed(self) -> bool:
            try:  # TLS cannot peek; nothing more is expected from the client anyway
                if isinstance(self.connection, ssl.SSLSocket):
                    return not self.connection.recv(1)
                return not self.connection.recv(1, socket.MSG_PEEK)
            except OSError:
                return True

    return Handler


@dataclass
class UploadedFile:
    filename: str
    content_type: str
    data: bytes


def parse_multipart(request: ReceivedRequest) -> tuple[dict[str, list[str]], dict[str, UploadedFile]]:
    """The form fields (repeated names keep every value) and files of a multipart/form-data body."""
    content_type = request.header("Content-Type") or ""
    if not content_type.startswith("multipart/form-data"):
        raise ValueError(f"expected multipart/form-data, got {content_type!r}")
    message = BytesParser(policy=email.policy.HTTP).parsebytes(
        f"Content-Type: {content_type}\r\n\r\n".encode() + request.body
    )
    fields: dict[str, list[str]] = {}
    files: dict[str, UploadedFile] = {}
    for part in message.iter_parts():
        name = part.get_param("name", header="content-disposition")
        payload = part.get_payload(decode=True) or b""
        filename = part.get_filename()
        if filename is not None:
            files[name] = UploadedFile(filename, part.get_content_type(), payload)
        else:
            fields.setdefault(name, []).append(payload.decode("utf-8"))
    return fields, files
