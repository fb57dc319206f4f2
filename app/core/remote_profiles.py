"""Named remote-engine profiles (service kind, base URL, model, options) kept in the settings folder.

The file holds no secret: API keys live in the OS keyring (app.core.api_keys), and
options whose name suggests a secret are refused before anything is written.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from app.core.errors import EarshotError
from app.core.json_shape import list_field, object_field, optional_text_field, require_object, text_field
from app.core.paths import config_dir
from app.core.settings_file import read_settings, write_settings
from app.core.text_translation import translated

PROFILES_FILE_NAME = "remote_profiles.json"
FILE_VERSION = 1
REMOTE_KINDS = ("openai", "hf", "flash", "dashscope")
# Who runs a Hugging Face model: "auto" takes the first live provider the Hub lists for it.
HF_PROVIDERS = ("auto", "hf-inference", "fal-ai", "replicate", "deepinfra")
DEFAULT_HF_PROVIDER = "hf-inference"  # what every HF profile used before providers could be chosen
_SECRET_OPTION = re.compile(r"key|token|secret|password", re.IGNORECASE)


class ProfileError(EarshotError):
    """A remote profile is invalid or the profiles file cannot be read or written."""


@dataclass(slots=True)
class RemoteProfile:
    name: str
    kind: str
    base_url: str
    model: str = ""
    options: dict[str, Any] = field(default_factory=dict)
    ca_certificate_file: str = ""  # a company's certificate authority, trusted besides the system's

    @property
    def provider(self) -> str:
        """The Hugging Face provider of an "hf" profile."""
        return str(self.options.get("provider") or DEFAULT_HF_PROVIDER)

    def validate(self) -> None:
        if not self.name.strip():
            raise ProfileError(translated("A remote profile needs a name."))
        if self.kind not in REMOTE_KINDS:
            raise ProfileError(translated(
                "Unknown remote service “{kind}”: choose one of {kinds}."
            ).format(kind=self.kind, kinds=', '.join(REMOTE_KINDS)))
        if not re.match(r"^https?://[^/\s]+", self.base_url):
            raise ProfileError(translated(
                "The URL of “{name}” must start with http:// or https:// and name a host."
            ).format(name=self.name))
        secret_like = sorted(name for name in self.options if _SECRET_OPTION.search(name))
        if secret_like:
            raise ProfileError(translated(
                "“{secret_like}” looks like a secret; API keys belong in the system keyring."
            ).format(secret_like=secret_like[0]))
        if self.kind == "hf" and self.provider not in HF_PROVIDERS:
            choices = ", ".join(HF_PROVIDERS)
            raise ProfileError(translated(
                "Unknown Hugging Face provider “{provider}”: choose one of {choices}."
            ).format(provider=self.provider, choices=choices))
        if self.ca_certificate_file and not Path(self.ca_certificate_file).is_file():
            raise ProfileError(
                translated(
                    "The CA certificate file of “{name}” does not exist: {ca_certificate_file}."
                ).format(name=self.name, ca_certificate_file=self.ca_certificate_file)
            )


class RemoteProfileStore:
    """Load and save profiles as one JSON file, written atomically; a damaged file is set aside."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or config_dir() / PROFILES_FILE_NAME
        self._notices: list[str] = []

    def load(self) -> list[RemoteProfile]:
        read = read_settings(self.path, _check_profiles_document)
        if read.notice:
            self._notices.append(read.notice)
        return [_profile_from_dict(item) for item in read.document.get("profiles", [])]

    def take_notices(self) -> list[str]:
        """Sentences for the user about a profiles file set aside since the last call."""
        notices, self._notices = self._notices, []
        return notices

    def save(self, profiles: list[RemoteProfile]) -> None:
        names = [p.name for p in profiles]
        duplicates = sorted({n for n in names if names.count(n) > 1})
        if duplicates:
            raise ProfileError(translated(
                "Two remote profiles are called “{duplicates}”; give each its own name."
            ).format(duplicates=duplicates[0]))
        for profile in profiles:
            profile.validate()
        write_settings(self.path, {"version": FILE_VERSION, "profiles": [asdict(p) for p in profiles]})

    def get(self, name: str) -> RemoteProfile:
        for profile in self.load():
            if profile.name == name:
                return profile
        raise ProfileError(translated("There is no remote profile called “{name}”.").format(name=name))

    def put(self, profile: RemoteProfile, replacing: str | None = None) -> None:
        """Add ``profile``, or replace the one called ``replacing`` (its old name when renamed)."""
        old_name = replacing or profile.name
        profiles = [p for p in self.load() if p.name != old_name]
        profiles.append(profile)
        self.save(profiles)

    def remove(self, name: str) -> None:
        self.save([p for p in self.load() if p.name != name])


def _check_profiles_document(document: dict[str, Any]) -> None:
    for number, item in enumerate(list_field(document, "profiles", "it", optional=True), start=1):
        where = f"profile {number}"
        profile = require_object(item, where)
        for key in ("name", "kind", "base_url"):
            text_field(profile, key, where)
        optional_text_field(profile, "model", where)
        object_field(profile, "options", where, optional=True)


def _profile_from_dict(item: dict[str, Any]) -> RemoteProfile:
    return RemoteProfile(
        name=str(item.get("name", "")),
        kind=str(item.get("kind", "")),
        base_url=str(item.get("base_url", "")),
        model=str(item.get("model", "")),
        options=dict(item.get("options") or {}),
        ca_certificate_file=str(item.get("ca_certificate_file") or ""),
    )
