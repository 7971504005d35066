"""How the timeline looks in a given widget: its colours (from the widget's palette and the shared
``ui/palette.py``), its three fonts, and the metrics of those fonts that the layout measures with."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPalette

from vlnl_desktop.core.vocabulary import RELATIONS, TIMELINE_KINDS
from vlnl_desktop.ui.palette import TODAY_COLOUR, is_dark, kind_colour, pick, relation_colour
from vlnl_desktop.ui.timeline.layout import BOLD, NORMAL, SMALL


@dataclass
class SceneColors:
    background: QColor
    text: QColor
    muted: QColor
    grid: QColor
    stripe: QColor
    band: QColor
    highlight: QColor
    highlight_text: QColor
    kinds: dict[str, QColor]
    relations: dict[str, QColor]
    today: QColor

    @classmethod
    def from_palette(cls, palette: QPalette) -> SceneColors:
        base = palette.color(QPalette.ColorRole.Base)
        text = palette.color(QPalette.ColorRole.Text)
        dark = is_dark(palette)

        def mix(amount: float) -> QColor:
            """``amount`` of the text colour over the background."""
            return QColor.fromRgbF(
                base.redF() + (text.redF() - base.redF()) * amount,
                base.greenF() + (text.greenF() - base.greenF()) * amount,
                base.blueF() + (text.blueF() - base.blueF()) * amount,
            )

        return cls(
            background=base,
            text=text,
            muted=mix(0.62),
            grid=mix(0.16),
            stripe=mix(0.035),
            band=mix(0.09),
            highlight=palette.color(QPalette.ColorRole.Highlight),
            highlight_text=palette.color(QPalette.ColorRole.HighlightedText),
            kinds={kind: kind_colour(kind, dark) for kind in TIMELINE_KINDS},
            relations={relation: relation_colour(relation, dark) for relation in RELATIONS},
            today=pick(TODAY_COLOUR, dark),
        )


class SceneFonts:
    """The widget's font, a bold one (summits, headers) and a smaller one (events, counts)."""

    def __init__(self, font: QFont) -> None:
        bold = QFont(font)
        bold.setBold(True)
        small = QFont(font)
        small.setPointSizeF(max(font.pointSizeF() * 0.88, 7.0))
        self._fonts = {NORMAL: QFont(font), BOLD: bold, SMALL: small}
        self._metrics = {style: QFontMetricsF(f) for style, f in self._fonts.items()}

    def font(self, style: str) -> QFont:
        return self._fonts[style]

    # -- layout.TextMetrics ----------------------------------------------------------------------

    def width(self, text: str, style: str) -> float:
        return self._metrics[style].horizontalAdvance(text)

    def height(self, style: str) -> float:
        return self._metrics[style].height()

    def elide(self, text: str, style: str, width: float) -> str:
        return self._metrics[style].elidedText(text, Qt.TextElideMode.ElideRight, width)
