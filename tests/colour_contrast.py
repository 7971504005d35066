"""Colour contrast as WCAG defines it, for the tests that check colours are readable."""

from PySide6.QtGui import QColor


def contrast(a: QColor, b: QColor) -> float:
    """The contrast ratio of two colours: 1 (none) to 21 (black on white)."""

    def luminance(c: QColor) -> float:
        def channel(v: float) -> float:
            return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

        return (
            0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF())
        )

    hi, lo = sorted((luminance(a), luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)
