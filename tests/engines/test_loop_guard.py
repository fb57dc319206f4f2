"""The loop guard: a passage that repeats a phrase, or its predecessor, is recognised as a loop."""

from __future__ import annotations

from app.engines.loop_guard import is_loop, repeats_itself, repeats_previous

# What bare faster-whisper produced on the Danish UDHR preamble with context on.
DANISH_LOOP = "frihed og frihed for frihed og frihed for frihed og frihed for frihed og frihed for frihed"
DANISH_PREAMBLE = (
    "Da anerkendelse af den mennesket iboende værdighed og af de lige og ukrænkelige rettigheder "
    "for alle medlemmer af menneskeslægten er grundlaget for frihed, retfærdighed og fred i verden"
)


def test_a_phrase_said_three_times_is_a_loop() -> None:
    assert repeats_itself(DANISH_LOOP)
    assert is_loop(DANISH_LOOP)


def test_ordinary_speech_with_repeated_words_is_not_a_loop() -> None:
    following = "og da tilsidesættelse af og foragt for menneskerettighederne har ført til barbariske handlinger"
    assert not is_loop(DANISH_PREAMBLE, previous="Verdenserklæringen om menneskerettighederne. Indledning.")
    assert not is_loop(following, previous=DANISH_PREAMBLE)


def test_a_phrase_said_twice_is_not_a_loop() -> None:
    assert not repeats_itself("ask not what your country can do for you, ask what you can do for your country")


def test_a_passage_that_copies_its_predecessor_is_a_loop() -> None:
    assert repeats_previous(DANISH_PREAMBLE + " i verden", DANISH_PREAMBLE)
    assert not repeats_previous(DANISH_PREAMBLE, "something else entirely was said before this passage")
    assert not repeats_previous("", DANISH_PREAMBLE)


def test_text_without_spaces_is_checked_by_characters() -> None:
    assert is_loop("甚至出现交易几乎停滞的情况" * 3)
    assert not is_loop("甚至出现交易几乎停滞的情况一二线城市虽然也处于调整中")


def test_a_long_sentence_of_the_prompt_said_again_is_a_loop() -> None:
    """What base produced on a French reading when the previous window's text was its prompt."""
    previous = "J'ai fait une bonne partie de ma carrière en traduction automatique statistique"
    text = (
        "Ce corpus permet de traiter la théâtre neuronale. J'ai fait une bonne partie de ma carrière en "
        "traduction automatique, mais maintenant"
    )
    assert is_loop(text, previous)
    assert not is_loop("Ce corpus permettra d'entrainer la TA, neuronale ou statistique", previous)
