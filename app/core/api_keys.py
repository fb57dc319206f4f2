"""API keys of remote profiles, kept in the OS keyring and nowhere else."""

from __future__ import annotations

import keyring
import keyring.errors

from app.core.errors import EarshotError
from app.core.text_translation import translated

KEYRING_SERVICE = "Earshot remote services"


class KeyringUnavailable(EarshotError):
    """The OS keyring cannot store or return a key."""


def _account(profile_name: str) -> str:
    return f"profile:{profile_name}"


def load_api_key(profile_name: str) -> str | None:
    try:
        return keyring.get_password(KEYRING_SERVICE, _account(profile_name))
    except keyring.errors.KeyringError as error:
        raise KeyringUnavailable(translated(
            "Cannot read the API key from the system keyring: {reason}."
        ).format(reason=_reason(error))) from None


def store_api_key(profile_name: str, api_key: str) -> None:
    try:
        keyring.set_password(KEYRING_SERVICE, _account(profile_name), api_key)
    except keyring.errors.KeyringError as error:
        raise KeyringUnavailable(translated(
            "Cannot store the API key in the system keyring: {reason}."
        ).format(reason=_reason(error))) from None


def delete_api_key(profile_name: str) -> None:
    try:
        keyring.delete_password(KEYRING_SERVICE, _account(profile_name))
    except keyring.errors.PasswordDeleteError:
        pass  # there was none
    except keyring.errors.KeyringError as error:
        raise KeyringUnavailable(translated(
            "Cannot remove the API key from the system keyring: {reason}."
        ).format(reason=_reason(error))) from None


def rename_api_key(old_name: str, new_name: str) -> None:
    key = load_api_key(old_name)
    if key is None or old_name == new_name:
        return
    store_api_key(new_name, key)
    delete_api_key(old_name)


def _reason(error: Exception) -> str:
    if isinstance(error, keyring.errors.NoKeyringError):
        # keyring found no secure store (no Secret Service, KWallet, Keychain or Windows
        # Credential Manager); Earshot never falls back to a plain-text file.
        return "this system has no secure keyring (on Linux, install and unlock GNOME Keyring or KWallet)"
    return str(error).rstrip(".") or type(error).__name__
