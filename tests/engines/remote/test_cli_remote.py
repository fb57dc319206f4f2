"""`transcribe --engine ...` against the local servers: the key from the environment, outputs as usual."""

from __future__ import annotations

from app.cli import main
from tests.conftest import JFK_REFERENCE
from tests.engines.remote.servers.dashscope_server import FakeDashScopeServer
from tests.engines.remote.servers.fal_server import FakeFalServer
from tests.engines.remote.servers.flash_server import FakeFlashServer
from tests.engines.remote.servers.hub_server import SEED_MODEL
from tests.engines.remote.servers.provider_server import HF_TOKEN
from tests.speech import word_error_rate


def test_openai_engine_with_key_from_the_named_variable(openai_server, jfk_path, tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("XINFERENCE_KEY", "test-key")
    code = main(["transcribe", str(jfk_path), "--engine", "openai", "--base-url", openai_server.base_url,
                 "--model", "whisper-1", "--api-key-env", "XINFERENCE_KEY", "--format", "srt,txt",
                 "--output", str(tmp_path)])
    assert code == 0
    assert word_error_rate(JFK_REFERENCE, (tmp_path / "jfk.txt").read_text()) < 0.15
    assert "-->" in (tmp_path / "jfk.srt").read_text()
    assert openai_server.forms[-1]["model"] == ["whisper-1"]


def test_default_key_variable_and_model_per_engine(recogniser, jfk_path, tmp_path, monkeypatch, capsys) -> None:
    monkeypatch.setenv("FLASH_ASR_API_KEY", "flash-key")
    with FakeFlashServer(recogniser) as server:
        code = main(["transcribe", str(jfk_path), "--engine", "flash", "--base-url", server.root,
                     "--output", str(tmp_path)])
        assert server.requests[-1].header("model") is None  # Flash ASR's model is optional: none by default
    assert code == 0 and word_error_rate(JFK_REFERENCE, (tmp_path / "jfk.txt").read_text()) < 0.15


def test_missing_key_ends_in_one_sentence(openai_server, jfk_path, tmp_path, monkeypatch, capsys) -> None:
    monkeypatch.delenv("OPENAI_API_KEY", raising=False)
    code = main(["transcribe", str(jfk_path), "--engine", "openai", "--base-url", openai_server.base_url,
                 "--output", str(tmp_path)])
    assert code == 1
    error = capsys.readouterr().err
    assert "OPENAI_API_KEY is not set; sending no API key." in error
    assert "earshot: The OpenAI-compatible server needs an API key: You didn't provide an API key.\n" in error
    assert "Traceback" not in error and not list(tmp_path.iterdir())


def test_dashscope_reads_an_http_url_on_the_chosen_channel(recogniser, jfk_path, tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("DASHSCOPE_API_KEY", "sk-dash")
    with FakeDashScopeServer(recogniser, polls_before_done=0) as server:
        url = server.publish("jfk.flac", jfk_path.read_bytes())  # a stereo file
        code = main(["transcribe", url, "--engine", "dashscope", "--base-url", server.base_url,
                     "--channel", "2", "--output", str(tmp_path)])
        assert server.submissions[-1]["body"]["input"]["file_urls"] == [url]
        assert server.submissions[-1]["body"]["parameters"]["channel_id"] == [1]
    assert code == 0 and word_error_rate(JFK_REFERENCE, (tmp_path / "jfk.txt").read_text()) < 0.15


def test_a_url_needs_an_engine_that_reads_urls(openai_server, tmp_path, monkeypatch, capsys) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", "test-key")
    code = main(["transcribe", "https://example.org/talk.mp3", "--engine", "openai",
                 "--base-url", openai_server.base_url, "--output", str(tmp_path)])
    assert code == 1
    assert "Only the dashscope engine reads audio from a URL; download the file first." in capsys.readouterr().err
    assert openai_server.requests == []


def test_the_seeds_example_from_the_command_line(recogniser, jfk_path, tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("HF_TOKEN", HF_TOKEN)
    with FakeFalServer(recogniser, routed=True) as router:
        monkeypatch.setenv("HF_ENDPOINT", router.hub.root)  # where the Hub is, as for huggingface_hub itself
        monkeypatch.setenv("EARSHOT_CACHE_DIR", str(router.mapping_cache))
        code = main(["transcribe", str(jfk_path), "--engine", "hf", "--provider", "fal-ai", "--base-url", router.root,
                     "--model", SEED_MODEL, "--format", "srt,txt", "--output", str(tmp_path)])
        assert router.requests[-1].path == "/fal-ai/fal-ai/whisper"
    assert code == 0
    assert word_error_rate(JFK_REFERENCE, (tmp_path / "jfk.txt").read_text()) < 0.15
    assert (tmp_path / "jfk.srt").read_text().count("-->") >= 2  # fal's chunks kept their times


def test_a_provider_the_model_lacks_is_one_sentence(recogniser, jfk_path, tmp_path, monkeypatch, capsys) -> None:
    monkeypatch.setenv("HF_TOKEN", HF_TOKEN)
    with FakeFalServer(recogniser, routed=True) as router:
        monkeypatch.setenv("HF_ENDPOINT", router.hub.root)
        monkeypatch.setenv("EARSHOT_CACHE_DIR", str(router.mapping_cache))
        code = main(["transcribe", str(jfk_path), "--engine", "hf", "--provider", "replicate",
                     "--base-url", router.root, "--output", str(tmp_path)])
    assert code == 1
    assert capsys.readouterr().err.endswith(
        f"earshot: The provider replicate does not serve “{SEED_MODEL}”; it is served by fal-ai.\n")


def test_provider_belongs_to_the_hf_engine(jfk_path, tmp_path, capsys) -> None:
    code = main(["transcribe", str(jfk_path), "--engine", "openai", "--provider", "fal-ai", "--output", str(tmp_path)])
    assert code == 1
    assert "earshot: --provider chooses a Hugging Face provider; use it with --engine hf.\n" in capsys.readouterr().err
