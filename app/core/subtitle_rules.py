"""House styles for subtitles: the rules a cue must keep, the named profiles, and how a cue breaks them."""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from enum import Enum

from app.core.errors import FormatError
from app.core.text_translation import translatable, translated
from app.core.transcript import Segment


@dataclass(frozen=True, slots=True)
class SubtitleRules:
    max_chars_per_line: int = 43
    max_lines: int = 2
    max_chars_per_second: float = 25.0
    min_duration: float = 1.0
    max_duration: float = 8.0
    min_gap: float = 0.024

    def validated(self) -> SubtitleRules:
        """These rules, or a FormatError saying which one cannot be kept."""
        if self.max_chars_per_line < 1:
            raise FormatError(translated("The maximum characters per line must be at least 1."))
        if self.max_lines < 1:
            raise FormatError(translated("The maximum lines per cue must be at least 1."))
        if self.max_chars_per_second <= 0:
            raise FormatError(translated("The maximum characters per second must be more than 0."))
        if self.min_duration < 0 or self.min_gap < 0:
            raise FormatError(translated("Cue durations and gaps cannot be negative."))
        if self.max_duration <= 0 or self.min_duration > self.max_duration:
            raise FormatError(translated("The minimum cue duration must not be longer than the maximum."))
        return self

    @property
    def max_chars_per_cue(self) -> int:
        return self.max_chars_per_line * self.max_lines


@dataclass(frozen=True, slots=True)
class SubtitleProfile:
    key: str
    label: str
    rules: SubtitleRules


FRAME_AT_24_FPS = 1 / 24
DEFAULT_PROFILE = "default"
CUSTOM_PROFILE = "custom"
SUBTITLE_PROFILES: dict[str, SubtitleProfile] = {
    p.key: p
    for p in (
        SubtitleProfile(DEFAULT_PROFILE, translatable("Default"), SubtitleRules()),
        SubtitleProfile(
            "netflix", translatable("Netflix English"),
            SubtitleRules(42, 2, 20.0, min_duration=20 * FRAME_AT_24_FPS, max_duration=7.0,
                          min_gap=2 * FRAME_AT_24_FPS),
        ),
        SubtitleProfile("short-form", translatable("Short-form video"), SubtitleRules(24, 2, 25.0, 0.7, 5.0, 0.024)),
    )
}


def profile_rules(key: str) -> SubtitleRules:
    try:
        return SUBTITLE_PROFILES[key.lower()].rules
    except KeyError:
        known = ", ".join(SUBTITLE_PROFILES)
        raise FormatError(translated(
            "Unknown subtitle profile “{key}”: choose one of {known}."
        ).format(key=key, known=known)) from None


def rules_with_overrides(
    rules: SubtitleRules, max_chars_per_line: int | None = None, max_lines: int | None = None
) -> SubtitleRules:
    if max_chars_per_line is not None:
        rules = replace(rules, max_chars_per_line=max_chars_per_line)
    if max_lines is not None:
        rules = replace(rules, max_lines=max_lines)
    return rules.validated()


def matching_profile(rules: SubtitleRules) -> str:
    """The key of the profile with these rules (to the millisecond), or ``custom``."""
    return next((p.key for p in SUBTITLE_PROFILES.values() if _rounded(p.rules) == _rounded(rules)), CUSTOM_PROFILE)


def _rounded(rules: SubtitleRules) -> tuple[int | float, ...]:
    return (rules.max_chars_per_line, rules.max_lines, round(rules.max_chars_per_second, 3),
            milliseconds(rules.min_duration), milliseconds(rules.max_duration), milliseconds(rules.min_gap))


class RuleBreak(Enum):
    LINE_TOO_LONG = translatable("line too long")
    TOO_MANY_LINES = translatable("too many lines")
    TOO_FAST = translatable("too fast to read")
    TOO_SHORT = translatable("too short")
    TOO_LONG = translatable("shown too long")
    TOO_MUCH_TEXT = translatable("too much text for one cue")
    TOO_CLOSE = translatable("too close to the next cue")


@dataclass(frozen=True, slots=True)
class Violation:
    kind: RuleBreak
    detail: str

    def __str__(self) -> str:
        rule = translated(self.kind.value).capitalize()
        return translated("{rule}: {detail}.").format(rule=rule, detail=self.detail)


def milliseconds(seconds: float) -> int:
    return max(0, round(seconds * 1000))


def reading_length(text: str) -> int:
    """Characters a viewer reads: everything but line breaks."""
    return len(text.replace("\n", ""))


def characters_per_second(text: str, start: float, end: float) -> float:
    duration_ms = milliseconds(end) - milliseconds(start)
    return math.inf if duration_ms <= 0 else reading_length(text) * 1000 / duration_ms


def cue_violations(
    start: float, end: float, text: str, rules: SubtitleRules, next_start: float | None = None
) -> list[Violation]:
    """Every rule the cue shown from ``start`` to ``end`` breaks; next_start is the following cue's."""
    found: list[Violation] = []
    lines = text.split("\n")
    longest = max(len(line) for line in lines)
    if longest > rules.max_chars_per_line:
        found.append(Violation(RuleBreak.LINE_TOO_LONG,
                               translated(
                                   "{longest} characters (at most {max_chars_per_line})"
                               ).format(longest=longest, max_chars_per_line=rules.max_chars_per_line)))
    if len(lines) > rules.max_lines:
        found.append(Violation(RuleBreak.TOO_MANY_LINES, translated(
            "{number_of_lines} lines (at most {max_lines})"
        ).format(number_of_lines=len(lines), max_lines=rules.max_lines)))
    found.extend(_timing_violations(start, end, text, rules))
    if next_start is not None and milliseconds(next_start) - milliseconds(end) < milliseconds(rules.min_gap):
        gap_ms = milliseconds(next_start) - milliseconds(end)
        found.append(Violation(RuleBreak.TOO_CLOSE,
                               translated(
                                   "{gap_ms} ms before the next cue (at least {min_gap_ms} ms)"
                               ).format(gap_ms=gap_ms, min_gap_ms=milliseconds(rules.min_gap))))
    return found


def segment_violations(segment: Segment, rules: SubtitleRules) -> list[Violation]:
    """What makes an editor segment unreadable as a subtitle: too fast, too long."""
    found = [v for v in _timing_violations(segment.start, segment.end, segment.text.strip(), rules)
             if v.kind is not RuleBreak.TOO_SHORT]
    length = reading_length(segment.text.strip())
    if length > rules.max_chars_per_cue:
        found.append(Violation(RuleBreak.TOO_MUCH_TEXT, translated(
            "{length} characters (at most {max_chars_per_cue})"
        ).format(length=length, max_chars_per_cue=rules.max_chars_per_cue)))
    return found


def _timing_violations(start: float, end: float, text: str, rules: SubtitleRules) -> list[Violation]:
    found: list[Violation] = []
    duration_ms = milliseconds(end) - milliseconds(start)
    speed = characters_per_second(text, start, end)
    if speed > rules.max_chars_per_second + 1e-9:
        if math.isinf(speed):
            shown = translated("no time")
        else:
            shown = translated("{speed:.1f} characters per second").format(speed=speed)
        found.append(Violation(RuleBreak.TOO_FAST, translated(
            "{shown} (at most {max_chars_per_second:g})"
        ).format(shown=shown, max_chars_per_second=rules.max_chars_per_second)))
    if duration_ms < milliseconds(rules.min_duration):
        found.append(Violation(RuleBreak.TOO_SHORT,
                               translated(
                                   "{seconds:.3f} s (at least {min_duration:.3f} s)"
                               ).format(seconds=duration_ms / 1000, min_duration=rules.min_duration)))
    if duration_ms > milliseconds(rules.max_duration):
        found.append(Violation(RuleBreak.TOO_LONG,
                               translated(
                                   "{seconds:.3f} s (at most {max_duration:g} s)"
                               ).format(seconds=duration_ms / 1000, max_duration=rules.max_duration)))
    return found


def rule_break_counts(segments: list[Segment], rules: SubtitleRules) -> tuple[int, dict[RuleBreak, int]]:
    """How many cues break a rule, and how many break each rule."""
    per_rule: dict[RuleBreak, int] = {}
    breaking = 0
    for index, cue in enumerate(segments):
        next_start = segments[index + 1].start if index + 1 < len(segments) else None
        kinds = {v.kind for v in cue_violations(cue.start, cue.end, cue.text, rules, next_start)}
        breaking += bool(kinds)
        for kind in kinds:
            per_rule[kind] = per_rule.get(kind, 0) + 1
    return breaking, per_rule
