"""Whom remote services are trusted to be: the system's certificate authorities, and the user's own.

``truststore`` verifies against the operating system's trust store (what a browser on the
same machine trusts, company authorities installed by an administrator included), on
Linux, macOS and Windows alike. On top of it come the files named by SSL_CERT_FILE and
SSL_CERT_DIR and a profile's own CA certificate file. Verification is never switched off.
"""

from __future__ import annotations

import os
import ssl

import truststore

from app.core.errors import EngineError
from app.core.text_translation import translated


def trusted_tls_context(ca_certificate_file: str = "") -> ssl.SSLContext:
    """A client context that trusts the system's authorities, SSL_CERT_FILE/SSL_CERT_DIR and ``ca_certificate_file``."""
    context = truststore.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    for path, origin in ((os.environ.get("SSL_CERT_FILE", ""), " (SSL_CERT_FILE)"), (ca_certificate_file, "")):
        if path:
            _trust_file(context, path, origin)
    folder = os.environ.get("SSL_CERT_DIR", "")
    if folder and os.path.isdir(folder):
        context.load_verify_locations(capath=folder)
    return context


def certificate_problem(error: BaseException) -> ssl.SSLCertVerificationError | None:
    """The certificate verification failure behind ``error`` (httpx wraps it twice), if that is what it was."""
    seen: BaseException | None = error
    while seen is not None:
        if isinstance(seen, ssl.SSLCertVerificationError):
            return seen
        seen = seen.__cause__ or seen.__context__
    return None


def untrusted_certificate_sentence(host: str, problem: ssl.SSLCertVerificationError) -> str:
    reason = (problem.verify_message or problem.reason or str(problem)).rstrip(".")
    return translated(
        "The certificate of {host} is not trusted: {reason}; if the server uses a company certificate authority, "
        "name its CA certificate file in the remote profile or in SSL_CERT_FILE."
    ).format(host=host, reason=reason)


def _trust_file(context: ssl.SSLContext, path: str, origin: str) -> None:
    try:
        context.load_verify_locations(cafile=path)
    except (OSError, ssl.SSLError, ValueError) as error:
        reason = getattr(error, "strerror", None) or getattr(error, "reason", None) or str(error) or "unreadable"
        raise EngineError(translated(
            "The CA certificate file “{path}”{origin} cannot be used: {problem}."
        ).format(path=path, origin=origin, problem=str(reason).lower())) \
            from None
