"""Remote profiles in the settings file, their keys in the keyring, and the engines they make."""

from __future__ import annotations

import json

import pytest

from app.core.api_keys import delete_api_key, load_api_key, rename_api_key, store_api_key
from app.core.errors import EngineError
from app.core.remote_profiles import ProfileError, RemoteProfile, RemoteProfileStore
from app.engines.remote.flash_asr import FlashAsrEngine
from app.engines.remote.hf_inference import DEFAULT_ENDPOINT, HuggingFaceInferenceEngine
from app.engines.remote.hf_providers.engine import HuggingFaceProvidersEngine
from app.engines.remote.registry import REMOTE_KINDS, create_remote_engine, http_settings_for

SECRET = "sk-profile-SECRET-4242"


def test_profiles_round_trip_through_one_json_file(tmp_path) -> None:
    store = RemoteProfileStore(tmp_path / "remote_profiles.json")
    assert store.load() == []
    cluster = RemoteProfile("GPU cluster", "openai", "http://supervisor:9997/v1", "whisper-large-v3-uid",
                            {"read_timeout": 900})
    store.put(cluster)
    store.put(RemoteProfile("Paraformer", "dashscope", "https://dashscope.aliyuncs.com/api/v1", "paraformer-v2"))
    store.put(RemoteProfile("Cluster", "openai", "http://supervisor:9997/v1", "uid-2"), replacing="GPU cluster")
    assert [p.name for p in store.load()] == ["Paraformer", "Cluster"]
    assert store.get("Cluster").model == "uid-2"
    document = json.loads((tmp_path / "remote_profiles.json").read_text())
    assert document["version"] == 1 and len(document["profiles"]) == 2
    assert not list(tmp_path.glob(".*.tmp"))  # written atomically: no leftovers
    store.remove("Paraformer")
    assert [p.name for p in store.load()] == ["Cluster"]


@pytest.mark.parametrize(
    ("profile", "message"),
    [
        (RemoteProfile("", "openai", "http://h/v1"), "A remote profile needs a name."),
        (RemoteProfile("x", "whisperx", "http://h/v1"), "Unknown remote service “whisperx”"),
        (RemoteProfile("x", "hf", "router.huggingface.co"), "must start with http:// or https://"),
        (RemoteProfile("x", "hf", "https://h", options={"api_key": SECRET}), "API keys belong in the system keyring"),
        (RemoteProfile("x", "hf", "https://h", options={"provider": "groq"}),
         r"^Unknown Hugging Face provider “groq”: choose one of auto, hf-inference, fal-ai, replicate, deepinfra\.$"),
    ],
)
def test_invalid_profiles_are_refused_before_writing(tmp_path, profile, message) -> None:
    store = RemoteProfileStore(tmp_path / "remote_profiles.json")
    with pytest.raises(ProfileError, match=message):
        store.put(profile)
    assert not (tmp_path / "remote_profiles.json").exists()


def test_a_damaged_profiles_file_is_one_sentence(tmp_path) -> None:
    (tmp_path / "remote_profiles.json").write_text("{not json")
    store = RemoteProfileStore(tmp_path / "remote_profiles.json")
    assert store.load() == []
    [notice] = store.take_notices()
    assert notice.startswith("The settings file “remote_profiles.json” was damaged (it is not valid JSON")


def test_keys_live_in_the_keyring_and_follow_renames(temporary_keyring) -> None:
    assert load_api_key("Cluster") is None
    store_api_key("Cluster", SECRET)
    assert load_api_key("Cluster") == SECRET
    rename_api_key("Cluster", "GPU cluster")
    assert (load_api_key("Cluster"), load_api_key("GPU cluster")) == (None, SECRET)
    delete_api_key("GPU cluster")
    delete_api_key("GPU cluster")  # deleting twice is harmless
    assert load_api_key("GPU cluster") is None


def test_every_kind_builds_its_engine_with_profile_options() -> None:
    for kind in REMOTE_KINDS.values():
        engine = create_remote_engine(RemoteProfile("p", kind.kind, kind.default_base_url, kind.default_model), None)
        assert engine.name == kind.kind
    flash = create_remote_engine(
        RemoteProfile("f", "flash", "https://asr.example.com", "", {"max_piece_seconds": 30, "read_timeout": 20}), "k"
    )
    assert isinstance(flash, FlashAsrEngine)
    assert (flash.max_piece_seconds, flash.client.settings.read_timeout) == (30.0, 20.0)
    assert flash.url == "https://asr.example.com/v1/audio/asr/flash"
    with pytest.raises(EngineError, match=r"^The remote profile “f” has an invalid option: invalid literal"):
        create_remote_engine(RemoteProfile("f", "flash", "https://h", "", {"pieces_in_flight": "many"}), "k")


def test_an_hf_profile_with_a_provider_builds_the_providers_engine() -> None:
    legacy = create_remote_engine(RemoteProfile("h", "hf", DEFAULT_ENDPOINT, "openai/whisper-large-v3"), "hf_x")
    assert isinstance(legacy, HuggingFaceInferenceEngine)  # profiles saved before providers keep working
    options = {"provider": "replicate", "max_piece_seconds": 20, "return_timestamps": False}
    engine = create_remote_engine(RemoteProfile("h", "hf", DEFAULT_ENDPOINT, "openai/whisper-large-v3", options),
                                  "hf_x")
    assert isinstance(engine, HuggingFaceProvidersEngine)
    assert engine.router_url == "https://router.huggingface.co"
    assert (engine.settings.provider, engine.settings.max_piece_seconds, engine.settings.return_timestamps) == (
        "replicate", 20.0, False)


def test_without_a_secure_keyring_keys_are_refused_not_written_in_plain_text() -> None:
    import keyring
    from keyring.backends.fail import Keyring as NoKeyring

    from app.core.api_keys import KeyringUnavailable, store_api_key

    previous = keyring.get_keyring()
    keyring.set_keyring(NoKeyring())
    try:
        with pytest.raises(KeyringUnavailable, match="this system has no secure keyring"):
            store_api_key("Office server", "sk-secret")
    finally:
        keyring.set_keyring(previous)


def test_a_profile_names_a_ca_certificate_file_that_its_engine_trusts(tmp_path) -> None:
    ca_path = tmp_path / "company-ca.pem"
    ca_path.write_text("-----BEGIN CERTIFICATE-----\n")
    store = RemoteProfileStore(tmp_path / "remote_profiles.json")
    profile = RemoteProfile("vLLM", "openai", "https://asr.example.com/v1", "whisper", ca_certificate_file=str(ca_path))
    store.save([profile])
    profile = store.get("vLLM")
    assert profile.ca_certificate_file == str(ca_path)
    assert http_settings_for(profile).ca_certificate_file == str(ca_path)
    ca_path.unlink()
    with pytest.raises(ProfileError, match=r"^The CA certificate file of “vLLM” does not exist: .*company-ca\.pem\.$"):
        profile.validate()
