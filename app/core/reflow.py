"""Subtitle re-flow: cut a transcript's words into cues that keep a profile's rules.

Cue boundaries are chosen by dynamic programming over the word stream: each cue costs a fixed
amount (fewer, fuller cues) plus how bad its closing break is (sentence end best, mid-phrase worst)
plus penalties for reading speed and very short cues; a cue may never hold more lines than allowed,
last longer than allowed or mix speakers. Lines inside a cue are then balanced the same way, and
times are fixed last so that no cue overlaps, comes too close or ends before it starts.
"""

from __future__ import annotations

import itertools
import math
from array import array
from collections.abc import Iterator
from dataclasses import dataclass

from app.core.reflow_tokens import Token, break_cost, joined, joined_width, transcript_tokens
from app.core.subtitle_rules import SubtitleRules, milliseconds
from app.core.transcript import Segment, Transcript

CUE_COST = 10.0
CUE_BREAK_WEIGHT = 3.0
SHORT_CUE_COST = 8.0
LONE_WORD_COST = 5.0
READING_SPEED_WEIGHT = 10.0
READING_SPEED_MAX_COST = 8.0  # splitting cannot slow speech down much: never worth a mid-phrase break
LINE_BALANCE_WEIGHT = 12.0
SHORTEST_VISIBLE_MS = 100  # a cue squeezed by the next one still shows this long; the next one moves


@dataclass(frozen=True, slots=True)
class _Span:
    first: int
    stop: int


def reflow(transcript: Transcript, rules: SubtitleRules) -> Transcript:
    """A copy of ``transcript`` whose segments are cues that keep ``rules`` wherever the timing allows."""
    rules = rules.validated()
    tokens = transcript_tokens(transcript)
    spans = _cue_spans(tokens, rules)
    cues = [_cue_segment(tokens[s.first:s.stop], rules) for s in spans]
    _fix_timing(cues, rules)
    return Transcript(
        segments=cues, language=transcript.language, duration=transcript.duration,
        media_path=transcript.media_path, engine=transcript.engine, options=dict(transcript.options),
    )


def _cue_spans(tokens: list[Token], rules: SubtitleRules) -> list[_Span]:
    """The cheapest cut into cues: each token boundary's break cost is computed once, so the work grows
    linearly with the words (a cue holds a bounded number of them)."""
    count = len(tokens)
    costs_before = _break_costs(tokens)
    best = array("d", [math.inf]) * (count + 1)  # arrays, not lists: 8 bytes a word each, not 32
    came_from = array("q", [0]) * (count + 1)
    best[0] = 0.0
    for first in range(count):
        if math.isinf(best[first]):
            continue
        for stop, text_width in _feasible_stops(tokens, first, rules):
            cost = best[first] + _cue_cost(tokens, first, stop, text_width, costs_before, rules)
            if cost < best[stop]:
                best[stop], came_from[stop] = cost, first
    spans: list[_Span] = []
    stop = count
    while stop > 0:
        spans.append(_Span(came_from[stop], stop))
        stop = came_from[stop]
    return spans[::-1]


def _break_costs(tokens: list[Token]) -> array[float]:
    """How bad a break before each token is; 0 before the first (nothing to break)."""
    costs = array("d", [0.0])
    costs.extend(break_cost(before, after) for before, after in itertools.pairwise(tokens))
    return costs


def _feasible_stops(tokens: list[Token], first: int, rules: SubtitleRules) -> Iterator[tuple[int, int]]:
    """(end, text width) of every cue starting at ``first`` that fits the line, duration and speaker limits."""
    lines, line_width = 1, tokens[first].width
    text_width = line_width
    yield first + 1, text_width  # a single word always makes a cue, however long
    speaker, start = tokens[first].speaker, tokens[first].start
    for stop in range(first + 2, len(tokens) + 1):
        token = tokens[stop - 1]
        if token.speaker != speaker or token.end - start > rules.max_duration:
            return
        wider = line_width + token.spaced + token.width
        if wider <= rules.max_chars_per_line:
            line_width = wider
        else:
            lines, line_width = lines + 1, token.width
            if lines > rules.max_lines:
                return
        text_width += token.spaced + token.width
        yield stop, text_width


def _cue_cost(
    tokens: list[Token], first: int, stop: int, text_width: int, costs_before: array[float], rules: SubtitleRules
) -> float:
    cost = CUE_COST
    if stop < len(tokens):
        cost += CUE_BREAK_WEIGHT * costs_before[stop]
    spoken = tokens[stop - 1].end - tokens[first].start
    shown = max(spoken, rules.min_duration, 1e-3)
    if spoken < rules.min_duration:
        cost += SHORT_CUE_COST
    if stop - first == 1:
        cost += LONE_WORD_COST
    speed = text_width / shown
    if speed > rules.max_chars_per_second:
        cost += min(READING_SPEED_MAX_COST, READING_SPEED_WEIGHT * (speed / rules.max_chars_per_second - 1))
    return cost


def _cue_segment(tokens: list[Token], rules: SubtitleRules) -> Segment:
    lines = _balanced_lines(tokens, rules)
    return Segment(
        start=tokens[0].start,
        end=max(t.end for t in tokens),
        text="\n".join(joined(line) for line in lines),
        speaker=tokens[0].speaker,
        words=[t.word for t in tokens if t.word is not None],
    )


def _balanced_lines(tokens: list[Token], rules: SubtitleRules) -> list[list[Token]]:
    """The fewest lines that fit, with breaks at the best places and lengths as even as possible."""
    width = rules.max_chars_per_line
    if joined_width(tokens) <= width or len(tokens) == 1:
        return [tokens]
    count = len(tokens)
    for line_count in range(2, min(rules.max_lines, count) + 1):
        layout = _best_layout(tokens, line_count, width)
        if layout is not None:
            return [tokens[a:b] for a, b in itertools.pairwise(layout)]
    return [tokens]  # unreachable for spans from _feasible_stops; kept as a safe fallback


def _best_layout(tokens: list[Token], line_count: int, width: int) -> list[int] | None:
    """Line start indices (plus the end) of the cheapest layout in exactly ``line_count`` lines."""
    count = len(tokens)
    width_before = [0]
    for index, token in enumerate(tokens):
        width_before.append(width_before[-1] + token.width + (token.spaced and index > 0))
    target = width_before[-1] / line_count
    costs_before = _break_costs(tokens)
    # best[k][i]: cheapest way to lay tokens[:i] in k lines; back[k][i]: where the last line starts.
    best = [[math.inf] * (count + 1) for _ in range(line_count + 1)]
    back = [[0] * (count + 1) for _ in range(line_count + 1)]
    best[0][0] = 0.0
    for lines in range(1, line_count + 1):
        for stop in range(1, count + 1):
            for first in range(stop - 1, -1, -1):
                line_width = width_before[stop] - width_before[first] - (tokens[first].spaced and first > 0)
                if line_width > width and stop - first > 1:
                    break
                if math.isinf(best[lines - 1][first]):
                    continue
                cost = best[lines - 1][first] + _line_cost(costs_before, stop, line_width, target, width)
                if cost < best[lines][stop]:
                    best[lines][stop], back[lines][stop] = cost, first
    if math.isinf(best[line_count][count]):
        return None
    starts = [count]
    for lines in range(line_count, 0, -1):
        starts.append(back[lines][starts[-1]])
    return starts[::-1]


def _line_cost(costs_before: array[float], stop: int, line_width: int, target: float, width: int) -> float:
    cost = LINE_BALANCE_WEIGHT * ((line_width - target) / width) ** 2
    if stop < len(costs_before):
        cost += costs_before[stop]
        if line_width > target:
            cost += 0.5  # a short top line over a longer bottom one reads more easily
    return cost


def _fix_timing(cues: list[Segment], rules: SubtitleRules) -> None:
    """Times in whole milliseconds: long enough to read, never too long, overlapping or too close."""
    gap = milliseconds(rules.min_gap)
    shortest, longest = milliseconds(rules.min_duration), milliseconds(rules.max_duration)
    natural = [(milliseconds(c.start), milliseconds(c.end)) for c in cues]
    earliest = 0
    for index, cue in enumerate(cues):
        start = max(natural[index][0], earliest)
        reading = math.ceil(len(cue.text.replace("\n", "")) * 1000 / rules.max_chars_per_second)
        wanted = max(natural[index][1], start + shortest, start + reading)
        latest = start + longest
        if index + 1 < len(cues):
            latest = min(latest, natural[index + 1][0] - gap)
        end = max(min(wanted, latest), start + min(SHORTEST_VISIBLE_MS, shortest, longest) or 1)
        cue.start, cue.end = start / 1000, end / 1000
        earliest = end + gap
