"""DashScope Paraformer's own diarization: asked for from a profile or `--speakers`, named as local speakers are."""

from __future__ import annotations

from pathlib import Path

import pytest
import soundfile

from app.cli import main
from app.core.audio import SAMPLE_RATE, AudioClip
from app.core.errors import EngineError
from app.core.formats.json_format import read_json
from app.core.remote_profiles import RemoteProfile
from app.core.speaker_turns import SpeakerTurn
from app.engines.base import JobContext, TranscriptionOptions, run_transcription
from app.engines.remote.dashscope_paraformer import segments_from_result
from app.engines.remote.registry import create_remote_engine
from tests.diarization_scoring import build_conversation, two_speaker_clips, words_with_the_right_speaker
from tests.engines.remote.servers.dashscope_server import FakeDashScopeServer

TRUTH = {"A": "Speaker 1", "B": "Speaker 2"}  # A speaks first
QUICK_POLLS = {"poll_first_interval": 0.05, "poll_longest_interval": 0.2}


@pytest.fixture(scope="module")
def conversation(tmp_path_factory: pytest.TempPathFactory) -> tuple[AudioClip, Path, list[SpeakerTurn]]:
    """Two readers taking turns (31 s): the clip, the same as a WAV file, and the turns by construction."""
    samples, reference = build_conversation(two_speaker_clips()[:5])
    path = tmp_path_factory.mktemp("dashscope-speakers") / "interview.wav"
    soundfile.write(path, samples, SAMPLE_RATE)
    return AudioClip(samples), path, reference


def _sentence(start: int, speaker_id: int) -> dict:
    return {"begin_time": start, "end_time": start + 900, "text": f"At {start}.", "speaker_id": speaker_id,
            "words": [{"begin_time": start, "end_time": start + 900, "text": f"At {start}", "punctuation": "."}]}


def test_speaker_ids_are_named_in_order_of_first_appearance() -> None:
    document = {"transcripts": [{"channel_id": 0, "sentences": [
        _sentence(0, 2), _sentence(1000, 0), _sentence(2000, 2), _sentence(3000, 1), _sentence(4000, 0),
    ]}]}
    speakers = [segment.speaker for segment in segments_from_result(document)]
    assert speakers == ["Speaker 1", "Speaker 2", "Speaker 1", "Speaker 3", "Speaker 2"]


def test_a_profile_with_diarization_gets_speakers_from_the_service(recogniser, conversation) -> None:
    clip, _path, reference = conversation
    with FakeDashScopeServer(recogniser, polls_before_done=0) as server:
        profile = RemoteProfile("meetings", "dashscope", server.base_url, "paraformer-v2",
                                {"diarization": True, "speaker_count": 2, **QUICK_POLLS})  # as the dialog saves it
        engine = create_remote_engine(profile, server.api_key)
        transcript = run_transcription(engine, clip, TranscriptionOptions(language="en"), JobContext())
        parameters = server.submissions[-1]["body"]["parameters"]
        [result] = server.results.values()
    assert parameters["diarization_enabled"] is True and parameters["speaker_count"] == 2
    sent_ids = [sentence["speaker_id"] for sentence in result["transcripts"][0]["sentences"]]
    assert sent_ids[0] == 1 and set(sent_ids) == {0, 1}  # the server numbers the first speaker last
    assert transcript.segments[0].speaker == "Speaker 1"
    assert {segment.speaker for segment in transcript.segments} == {"Speaker 1", "Speaker 2"}
    assert words_with_the_right_speaker(transcript.segments, reference, TRUTH) > 0.85


def test_a_speaker_count_the_service_refuses_is_one_sentence(recogniser, jfk_clip) -> None:
    with FakeDashScopeServer(recogniser) as server:
        profile = RemoteProfile("one voice", "dashscope", server.base_url, "paraformer-v2",
                                {"diarization": True, "speaker_count": 1})
        with pytest.raises(EngineError) as raised:
            run_transcription(create_remote_engine(profile, server.api_key), jfk_clip, TranscriptionOptions(),
                              JobContext())
    assert str(raised.value).count(". ") == 0 and "speaker_count" in str(raised.value)


def test_the_command_line_uses_the_services_diarization_unless_told_local(
    recogniser, conversation, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _clip, path, reference = conversation
    monkeypatch.setenv("DASHSCOPE_API_KEY", "sk-dash")
    with FakeDashScopeServer(recogniser, polls_before_done=0) as server:
        choices = (([], tmp_path / "service"), (["--speakers-engine", "local"], tmp_path / "local"))
        for speakers_engine, folder in choices:
            code = main(["transcribe", str(path), "--engine", "dashscope", "--base-url", server.base_url,
                         "--speakers", "2", *speakers_engine, "--format", "json", "--output", str(folder)])
            assert code == 0
        by_service, by_this_machine = (submission["body"]["parameters"] for submission in server.submissions)
    assert by_service["diarization_enabled"] is True and by_service["speaker_count"] == 2
    assert "diarization_enabled" not in by_this_machine and "speaker_count" not in by_this_machine
    for folder in (tmp_path / "service", tmp_path / "local"):
        transcript = read_json((folder / "interview.json").read_text(encoding="utf-8"), "interview.json")
        assert transcript.segments[0].speaker == "Speaker 1", folder
        assert words_with_the_right_speaker(transcript.segments, reference, TRUTH) > 0.85, folder


def test_a_range_of_speakers_is_not_asked_of_the_service(tmp_path: Path, capsys) -> None:
    code = main(["transcribe", str(tmp_path / "talk.wav"), "--engine", "dashscope", "--speakers", "2-4"])
    assert code == 2
    assert capsys.readouterr().err == (
        "earshot: DashScope takes auto or an exact number of speakers from 2 to 100, not “2-4”; "
        "use --speakers-engine local for that.\n"
    )
