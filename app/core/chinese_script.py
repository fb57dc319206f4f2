"""Simplified or Traditional Chinese output, converted with OpenCC.

Whisper often writes Mandarin in Traditional characters whatever the speaker's region;
users choose the script they want and the text is converted after recognition.
"""

from __future__ import annotations

from functools import cache
from typing import Literal

import opencc

from app.core.transcript import Segment

ChineseScript = Literal["simplified", "traditional", "original"]
CHINESE_SCRIPTS: tuple[ChineseScript, ...] = ("simplified", "traditional", "original")
_CONFIGS = {"simplified": "t2s", "traditional": "s2t"}


def is_chinese(language: str | None) -> bool:
    return language is not None and language.lower().split("-")[0] in {"zh", "yue", "chinese", "cantonese"}


@cache
def _converter(config: str) -> opencc.OpenCC:
    return opencc.OpenCC(config)


def convert_text(text: str, script: ChineseScript) -> str:
    if script == "original" or not text:
        return text
    return str(_converter(_CONFIGS[script]).convert(text))


def convert_segment(segment: Segment, script: ChineseScript) -> None:
    """Convert a Chinese segment's text and words in place."""
    if script == "original":
        return
    segment.text = convert_text(segment.text, script)
    for word in segment.words:
        word.text = convert_text(word.text, script)
