"""Whether the window can open at all, decided before Qt (and its multimedia plug-ins) are imported.

Qt aborts with "no Qt platform plugin could be initialized" where there is no display; the
command line says so in one sentence instead. No Qt import here: importing Qt Multimedia alone
prints warnings on a machine without a sound server.
"""

from __future__ import annotations

import os
import sys

NO_DISPLAY = (
    "earshot: The window needs a display, and none was found (DISPLAY and WAYLAND_DISPLAY are not set); "
    "without one, `python -m app transcribe FILE` works."
)
EXIT_NO_DISPLAY = 2
_DISPLAY_PLATFORMS = ("xcb", "wayland")


def display_missing(environment: dict[str, str] | None = None) -> bool:
    """True where Qt would abort for want of a display: Linux and the BSDs, X11 or Wayland, neither running."""
    environment = dict(os.environ) if environment is None else environment
    if sys.platform.startswith(("win", "darwin")):
        return False
    chosen = [p.split(":")[0] for p in environment.get("QT_QPA_PLATFORM", "").split(";") if p]
    if any(not platform.startswith(_DISPLAY_PLATFORMS) for platform in chosen):
        return False  # offscreen, vnc, eglfs…: no display server needed
    return not (environment.get("DISPLAY") or environment.get("WAYLAND_DISPLAY"))
