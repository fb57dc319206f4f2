"""The waveform's regions (segments) as the view sees them: read-only, found by time, edges snapped.

The view never knows the document: it reads a sequence of (start, end, text) sorted by start,
which the integrator backs with the transcript.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from enum import Enum
from typing import Protocol

from app.core.peak_pyramid import PeakPyramid
from app.core.transcript import Transcript

MIN_REGION_SECONDS = 0.05


class RegionSource(Protocol):
    """Segments as (start, end, text), sorted by start."""

    def __len__(self) -> int: ...

    def __getitem__(self, index: int) -> tuple[float, float, str]: ...


class Edge(Enum):
    START = "start"
    END = "end"


@dataclass(frozen=True, slots=True)
class EdgeGrab:
    index: int
    edge: Edge


def first_region_ending_after(regions: RegionSource, seconds: float) -> int:
    """The index of the first region that may still be visible at ``seconds`` (regions may overlap a little)."""
    index = bisect.bisect_right(regions, seconds, key=lambda region: region[0])  # type: ignore[arg-type]
    index = max(0, index - 1)
    while index > 0 and regions[index - 1][1] > seconds:
        index -= 1
    return index


def region_at(regions: RegionSource, seconds: float) -> int | None:
    index = first_region_ending_after(regions, seconds)
    while index < len(regions) and regions[index][0] <= seconds:
        start, end, _text = regions[index]
        if start <= seconds < end:
            return index
        index += 1
    return None


def edge_near(regions: RegionSource, seconds: float, tolerance: float) -> EdgeGrab | None:
    """The region edge closest to ``seconds`` within ``tolerance`` seconds."""
    best: tuple[float, EdgeGrab] | None = None
    index = first_region_ending_after(regions, seconds - tolerance)
    while index < len(regions) and regions[index][0] <= seconds + tolerance:
        start, end, _text = regions[index]
        for edge, at in ((Edge.START, start), (Edge.END, end)):
            distance = abs(at - seconds)
            if distance <= tolerance and (best is None or distance < best[0]):
                best = (distance, EdgeGrab(index, edge))
        index += 1
    return best[1] if best else None


def snapped_times(
    regions: RegionSource, grab: EdgeGrab, seconds: float, tolerance: float, peaks: PeakPyramid | None
) -> tuple[float, float]:
    """The region's (start, end) with the grabbed edge at ``seconds``, snapped to the neighbour's edge
    or to a silence within ``tolerance``, and kept at least MIN_REGION_SECONDS long."""
    start, end, _text = regions[grab.index]
    neighbour = grab.index - 1 if grab.edge is Edge.START else grab.index + 1
    target = max(0.0, seconds)
    neighbour_edge = None
    if 0 <= neighbour < len(regions):
        neighbour_edge = regions[neighbour][1] if grab.edge is Edge.START else regions[neighbour][0]
    if neighbour_edge is not None and abs(neighbour_edge - target) <= tolerance:
        target = neighbour_edge
    elif peaks is not None:
        target = peaks.quietest_time_near(target, tolerance) or target
    if grab.edge is Edge.START:
        return min(target, end - MIN_REGION_SECONDS), end
    return start, max(target, start + MIN_REGION_SECONDS)


class SegmentRegions:
    """A transcript's segments seen as regions (live: edits show at the next repaint)."""

    def __init__(self, transcript: Transcript) -> None:
        self.transcript = transcript

    def __len__(self) -> int:
        return len(self.transcript.segments)

    def __getitem__(self, index: int) -> tuple[float, float, str]:
        segment = self.transcript.segments[index]
        return segment.start, segment.end, segment.text
