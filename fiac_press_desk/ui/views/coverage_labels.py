"""What the window calls the coverage vocabularies (medium, tone), translated (context
``CoverageLabels``, in the "coverage" .ts); outlet types come from ``ui/labels.py``."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QColor

from fiac_press_desk.domain.coverage import TONE_COLOURS, Medium, Tone
from fiac_press_desk.ui.labels import organisation_types

CONTEXT = "CoverageLabels"
MEDIA = {
    Medium.PRINT: QT_TRANSLATE_NOOP("CoverageLabels", "Print"),
    Medium.WEB: QT_TRANSLATE_NOOP("CoverageLabels", "Web"),
    Medium.RADIO: QT_TRANSLATE_NOOP("CoverageLabels", "Radio"),
    Medium.TV: QT_TRANSLATE_NOOP("CoverageLabels", "TV"),
    Medium.AGENCY: QT_TRANSLATE_NOOP("CoverageLabels", "Agency"),
    Medium.SOCIAL: QT_TRANSLATE_NOOP("CoverageLabels", "Social media"),
}
TONES = {
    Tone.POSITIVE: QT_TRANSLATE_NOOP("CoverageLabels", "Positive"),
    Tone.NEUTRAL: QT_TRANSLATE_NOOP("CoverageLabels", "Neutral"),
    Tone.NEGATIVE: QT_TRANSLATE_NOOP("CoverageLabels", "Negative"),
}
MONTHS = (
    QT_TRANSLATE_NOOP("CoverageLabels", "Jan"),
    QT_TRANSLATE_NOOP("CoverageLabels", "Feb"),
    QT_TRANSLATE_NOOP("CoverageLabels", "Mar"),
    QT_TRANSLATE_NOOP("CoverageLabels", "Apr"),
    QT_TRANSLATE_NOOP("CoverageLabels", "May"),
    QT_TRANSLATE_NOOP("CoverageLabels", "Jun"),
    QT_TRANSLATE_NOOP("CoverageLabels", "Jul"),
    QT_TRANSLATE_NOOP("CoverageLabels", "Aug"),
    QT_TRANSLATE_NOOP("CoverageLabels", "Sep"),
    QT_TRANSLATE_NOOP("CoverageLabels", "Oct"),
    QT_TRANSLATE_NOOP("CoverageLabels", "Nov"),
    QT_TRANSLATE_NOOP("CoverageLabels", "Dec"),
)
NO_KIND = QT_TRANSLATE_NOOP("CoverageLabels", "Type not given")


def _t(text: object) -> str:
    return QCoreApplication.translate(CONTEXT, str(text))


def media() -> dict[Medium, str]:
    """Every medium with its label, in the order the form offers them."""
    return {m: _t(t) for m, t in MEDIA.items()}


def tones() -> dict[Tone, str]:
    """Every tone with its label."""
    return {m: _t(t) for m, t in TONES.items()}


def medium_text(value: str) -> str:
    """The label of a stored medium."""
    text = MEDIA.get(Medium(value)) if value in Medium._value2member_map_ else None
    return _t(text) if text else value


def tone_text(value: str) -> str:
    """The label of a stored tone."""
    text = TONES.get(Tone(value)) if value in Tone._value2member_map_ else None
    return _t(text) if text else value


def tone_colour(value: str) -> QColor:
    """The tone's colour, as in the PDF report (green, grey, red)."""
    return QColor(TONE_COLOURS.get(value, "#8a93a3"))


def kind_text(value: str) -> str:
    """The label of an outlet type ("" when the outlet has none)."""
    if not value:
        return _t(NO_KIND)
    return {str(k): v for k, v in organisation_types().items()}.get(value, value)


def month_short(month: int, year: int | None = None) -> str:
    """ "janv." (or "janv. 26" when the year must be said)."""
    text = _t(MONTHS[month - 1])
    return f"{text} {str(year)[2:]}" if year else text


MONTHS_LONG = (
    QT_TRANSLATE_NOOP("CoverageLabels", "January"),
    QT_TRANSLATE_NOOP("CoverageLabels", "February"),
    QT_TRANSLATE_NOOP("CoverageLabels", "March"),
    QT_TRANSLATE_NOOP("CoverageLabels", "April"),
    QT_TRANSLATE_NOOP("CoverageLabels", "May (month)"),
    QT_TRANSLATE_NOOP("CoverageLabels", "June"),
    QT_TRANSLATE_NOOP("CoverageLabels", "July"),
    QT_TRANSLATE_NOOP("CoverageLabels", "August"),
    QT_TRANSLATE_NOOP("CoverageLabels", "September"),
    QT_TRANSLATE_NOOP("CoverageLabels", "October"),
    QT_TRANSLATE_NOOP("CoverageLabels", "November"),
    QT_TRANSLATE_NOOP("CoverageLabels", "December"),
)


def month_long(month: int) -> str:
    """ "janvier"."""
    return _t(MONTHS_LONG[month - 1])
