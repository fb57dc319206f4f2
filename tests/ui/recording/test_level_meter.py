"""The level meter: dBFS, a held peak, red from -1 dBFS."""

from __future__ import annotations

import pytest

from app.ui.recording.level_meter import FLOOR_DB, PEAK_HOLD_SECONDS, LevelMeter, decibels


def test_levels_are_shown_in_dbfs_and_a_peak_from_minus_1_dbfs_is_clipping_until_its_hold_ends(qtbot) -> None:
    meter = LevelMeter()
    qtbot.addWidget(meter)
    assert decibels(0.0) == FLOOR_DB and decibels(1.0) == 0.0 and decibels(0.5) == pytest.approx(-6.02, abs=0.01)
    meter.show_level(0.5, 0.1, now=10.0)
    assert not meter.clipping and meter.peak_db == pytest.approx(-6.02, abs=0.01)
    meter.show_level(0.9, 0.3, now=10.1)  # -0.9 dBFS
    assert meter.clipping and meter.accessibleName() and "-1 dB" in meter.accessibleDescription()
    meter.show_level(0.2, 0.05, now=10.1 + PEAK_HOLD_SECONDS / 2)
    assert meter.clipping and meter.rms_db == pytest.approx(decibels(0.05))  # the peak is held, the bar moves
    meter.show_level(0.2, 0.05, now=10.2 + PEAK_HOLD_SECONDS)
    assert not meter.clipping and meter.peak_db == pytest.approx(decibels(0.2))
    meter.reset()
    assert meter.peak_db == FLOOR_DB == meter.rms_db
