"""The light and the dark theme: a palette each on Qt's Fusion style, and the style sheet drawn from the palette.

The style sheet (app/resources/style.qss) names palette roles, never colours, so one sheet serves both
themes; it is set again after each palette change because a sheet's ``palette(role)`` is resolved when
it is applied. "Follow the system" asks the platform (QStyleHints.colorScheme) and follows it when it
changes. Colours painted by hand (speakers, marks, the error text) ask ``is_dark`` of the palette.
"""

from __future__ import annotations

import importlib.resources

from PySide6.QtCore import QDir, QObject, Qt
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QPainter, QPalette, QPixmap
from PySide6.QtWidgets import QApplication

from app.core.collector_freeze import collector_paused
from app.core.preferences import SYSTEM

RESOURCES = importlib.resources.files("app") / "resources"
STYLE_SHEET = RESOURCES / "style.qss"
RESOURCE_PREFIX = "earshot"  # the style sheet's url(earshot:icons/…) is a file of app/resources
Role = QPalette.ColorRole
Group = QPalette.ColorGroup

# role: (light, dark). Midlight draws borders, Mid dashed outlines, PlaceholderText muted text,
# Accent the one call to action (Transcribe) and progress.
_COLOURS: dict[QPalette.ColorRole, tuple[str, str]] = {
    Role.Window: ("#f6f7f9", "#181b22"),
    Role.WindowText: ("#1f2933", "#e3e8ef"),
    Role.Base: ("#ffffff", "#20242d"),
    Role.AlternateBase: ("#f3f5f8", "#262b35"),
    Role.Text: ("#1f2933", "#e3e8ef"),
    Role.Button: ("#ffffff", "#2a303b"),
    Role.ButtonText: ("#1f2933", "#e3e8ef"),
    Role.BrightText: ("#ffffff", "#ffffff"),
    Role.Light: ("#ffffff", "#3a4150"),
    Role.Midlight: ("#e3e6ea", "#353c49"),
    Role.Mid: ("#c5ccd6", "#4a5262"),
    Role.Dark: ("#9aa3ad", "#12151b"),
    Role.Shadow: ("#5b6470", "#000000"),
    Role.Highlight: ("#dbe7ff", "#2f4f86"),
    Role.HighlightedText: ("#1f2933", "#f2f5fa"),
    Role.PlaceholderText: ("#5b6470", "#9aa5b5"),
    Role.ToolTipBase: ("#1f2933", "#e3e8ef"),
    Role.ToolTipText: ("#ffffff", "#1f2933"),
    Role.Link: ("#2458c6", "#8ab4ff"),
    Role.LinkVisited: ("#6b46c1", "#c4a7ff"),
    Role.Accent: ("#2f6fed", "#4d83f0"),
}
_DISABLED: dict[QPalette.ColorRole, tuple[str, str]] = {
    role: ("#9aa3ad", "#6b7485") for role in (Role.WindowText, Role.Text, Role.ButtonText)
}


def theme_palette(theme: str) -> QPalette:
    """The palette of ``theme`` ("light" or "dark")."""
    column = 1 if theme == "dark" else 0
    palette = QPalette()
    for role, colours in _COLOURS.items():
        palette.setColor(role, QColor(colours[column]))
    for role, colours in _DISABLED.items():
        palette.setColor(Group.Disabled, role, QColor(colours[column]))
    return palette


def system_theme() -> str:
    scheme = QGuiApplication.styleHints().colorScheme()
    return "dark" if scheme == Qt.ColorScheme.Dark else "light"


def is_dark(palette: QPalette | None = None) -> bool:
    """Whether text is light on a dark ground in ``palette`` (the application's by default)."""
    palette = palette or QGuiApplication.palette()
    return palette.color(Role.Base).lightness() < 128


def icon_for_ground(icon: QIcon, palette: QPalette | None = None) -> QIcon:
    """A dark, one-colour icon (the style's media icons) drawn in the text colour on a dark theme."""
    palette = palette or QGuiApplication.palette()
    if not is_dark(palette):
        return icon
    tinted = QIcon()
    for mode, group in ((QIcon.Mode.Normal, Group.Active), (QIcon.Mode.Disabled, Group.Disabled)):
        for size in (16, 24, 32):
            source = icon.pixmap(size)
            if source.isNull():
                continue
            pixmap = QPixmap(source.size())
            pixmap.fill(Qt.GlobalColor.transparent)
            painter = QPainter(pixmap)
            painter.drawPixmap(0, 0, source)
            painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_SourceIn)
            painter.fillRect(pixmap.rect(), palette.color(group, Role.ButtonText))
            painter.end()
            tinted.addPixmap(pixmap, mode)
    return tinted


def error_text_colour(palette: QPalette | None = None) -> str:
    """A red that reads on the ground of ``palette``, for a one-line problem shown in place."""
    return "#f87171" if is_dark(palette) else "#b91c1c"


def success_text_colour(palette: QPalette | None = None) -> str:
    return "#4ade80" if is_dark(palette) else "#1b7f3b"


class ThemeSwitcher(QObject):
    """Applies the theme chosen in the preferences, and follows the system's when that is the choice."""

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self.setObjectName("themeSwitcher")
        self._app = app
        self.choice = SYSTEM
        self.applied = ""
        QGuiApplication.styleHints().colorSchemeChanged.connect(self._system_scheme_changed)

    @staticmethod
    def of(app: QApplication) -> ThemeSwitcher:
        """The application's one switcher (made on first use)."""
        return app.findChild(ThemeSwitcher, "themeSwitcher") or ThemeSwitcher(app)

    def apply(self, choice: str) -> None:
        """Use ``choice``: "light", "dark", or "system" for the platform's colour scheme."""
        self.choice = choice
        theme = system_theme() if choice == SYSTEM else choice
        if theme == self.applied:
            return
        self.applied = theme
        QDir.setSearchPaths(RESOURCE_PREFIX, [str(RESOURCES)])
        sheet = STYLE_SHEET.read_text(encoding="utf-8")
        with collector_paused():  # each of these polishes every widget again
            if self._app.style().name().lower() != "fusion":  # a new style object re-polishes every widget
                self._app.setStyle("Fusion")  # a palette of one's own is honoured in full by Fusion only
            self._app.setPalette(theme_palette(theme))
            self._app.setStyleSheet(sheet)

    def _system_scheme_changed(self, _scheme: Qt.ColorScheme) -> None:
        if self.choice == SYSTEM:
            self.apply(SYSTEM)
