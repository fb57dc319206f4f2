"""Both themes are readable: text, muted text, selections, speakers and problem sentences on their grounds."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from app.ui.editor.speaker_colours import speaker_colour, speaker_tint
from app.ui.themes import error_text_colour, is_dark, success_text_colour, theme_palette

Role = QPalette.ColorRole


def contrast(one: QColor, other: QColor) -> float:
    """The WCAG 2 contrast ratio of two opaque colours."""
    def luminance(colour: QColor) -> float:
        channels = []
        for value in (colour.redF(), colour.greenF(), colour.blueF()):
            channels.append(value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4)
        return 0.2126 * channels[0] + 0.7152 * channels[1] + 0.0722 * channels[2]

    high, low = sorted((luminance(one), luminance(other)), reverse=True)
    return (high + 0.05) / (low + 0.05)


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_the_palette_of_each_theme_reads_well(theme: str) -> None:
    palette = theme_palette(theme)
    assert is_dark(palette) == (theme == "dark")
    for ground in (Role.Base, Role.Window, Role.AlternateBase, Role.Button):
        assert contrast(palette.color(Role.Text), palette.color(ground)) >= 7
        assert contrast(palette.color(Role.PlaceholderText), palette.color(ground)) >= 4.5  # muted text
    assert contrast(palette.color(Role.HighlightedText), palette.color(Role.Highlight)) >= 4.5
    assert contrast(QColor("#ffffff"), palette.color(Role.Accent)) >= 3  # Transcribe: bold white on the accent
    disabled, base = palette.color(QPalette.ColorGroup.Disabled, Role.Text), palette.color(Role.Base)
    assert 2 <= contrast(disabled, base) < contrast(palette.color(Role.Text), base)
    for sentence_colour in (error_text_colour(palette), success_text_colour(palette)):
        assert contrast(QColor(sentence_colour), palette.color(Role.Window)) >= 4.5


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_every_speaker_reads_on_its_tint_in_each_theme(qtbot, application_look, theme: str) -> None:
    application_look.apply(theme)
    base = QApplication.palette().color(Role.Base)
    for number in range(12):
        assert contrast(speaker_colour(number), speaker_tint(number)) >= 4.5, number
        assert contrast(speaker_colour(number), base) >= 4.5, number


@pytest.mark.parametrize("kind", ["check box", "radio button"])
@pytest.mark.parametrize("theme", ["light", "dark"])
def test_a_check_box_or_radio_button_shows_its_box_on_a_panel_of_either_theme(
    qtbot, application_look, theme: str, kind: str
) -> None:
    """Fusion outlined an indicator in the window colour darkened: on the dark theme's panels (the options bar's
    Speakers) an empty box was a dark square on a dark ground. Its outline now reads on the panel, and a ticked
    box (a chosen radio button's ring) is the accent."""
    from PySide6.QtWidgets import QCheckBox, QFrame, QHBoxLayout, QRadioButton, QStyle, QStyleOptionButton

    application_look.apply(theme)
    panel = QFrame()
    panel.setObjectName("optionsBar")
    box = QCheckBox("Speakers") if kind == "check box" else QRadioButton("Beside each file")
    QHBoxLayout(panel).addWidget(box)
    qtbot.addWidget(panel)
    panel.show()
    qtbot.waitExposed(panel)
    palette = QApplication.palette()
    indicators = {"check box": QStyle.SubElement.SE_CheckBoxIndicator,
                  "radio button": QStyle.SubElement.SE_RadioButtonIndicator}
    element = indicators[kind]

    def indicator_edge() -> QColor:
        option = QStyleOptionButton()
        option.initFrom(box)
        rect = box.style().subElementRect(element, option, box)
        return box.grab().toImage().pixelColor(rect.left(), rect.center().y())  # halfway down its left side

    assert contrast(indicator_edge(), palette.color(Role.Base)) >= 1.5
    box.setChecked(True)
    assert contrast(indicator_edge(), palette.color(Role.Accent)) < 1.2
