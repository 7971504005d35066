"""Words the window shows for the archive's codes, translated: dates, kinds, relations, sides."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def month_name(month: int) -> str:
    names = (
        QCoreApplication.translate("Formatting", "januari"),
        QCoreApplication.translate("Formatting", "februari"),
        QCoreApplication.translate("Formatting", "maart"),
        QCoreApplication.translate("Formatting", "april"),
        QCoreApplication.translate("Formatting", "mei"),
        QCoreApplication.translate("Formatting", "juni"),
        QCoreApplication.translate("Formatting", "juli"),
        QCoreApplication.translate("Formatting", "augustus"),
        QCoreApplication.translate("Formatting", "september"),
        QCoreApplication.translate("Formatting", "oktober"),
        QCoreApplication.translate("Formatting", "november"),
        QCoreApplication.translate("Formatting", "december"),
    )
    return names[month - 1]


def format_date(value: str | None) -> str:
    """``"2016-11-07"`` -> "7 november 2016" (or "7 November 2016" in English); None -> ""."""
    if not value:
        return ""
    parts = value.split("-")
    try:
        if len(parts) == 1:
            return parts[0]
        month = month_name(int(parts[1]))
        if len(parts) == 2:
            return f"{month} {parts[0]}"
        return f"{int(parts[2])} {month} {parts[0]}"
    except (ValueError, IndexError):
        return value


def kind_label(kind: str) -> str:
    """The singular name of a kind of record or search hit."""
    labels = {
        "declaration": QCoreApplication.translate("Formatting", "Intentieverklaring"),
        "summit": QCoreApplication.translate("Formatting", "Topontmoeting"),
        "event": QCoreApplication.translate("Formatting", "Gebeurtenis"),
        "group": QCoreApplication.translate("Formatting", "Themagroep"),
        "theme": QCoreApplication.translate("Formatting", "Thema"),
        "document": QCoreApplication.translate("Formatting", "Document"),
        "page": QCoreApplication.translate("Formatting", "Documentpagina"),
        "person": QCoreApplication.translate("Formatting", "Persoon"),
    }
    return labels.get(kind, kind)


def relation_label(relation: str | None) -> str:
    labels = {
        "introduced": QCoreApplication.translate("Formatting", "geïntroduceerd"),
        "prioritised": QCoreApplication.translate("Formatting", "geprioriteerd"),
        "discussed": QCoreApplication.translate("Formatting", "besproken"),
    }
    return labels.get(relation or "", relation or "")


def side_label(side: str | None) -> str:
    labels = {
        "VL": QCoreApplication.translate("Formatting", "Vlaanderen"),
        "NL": QCoreApplication.translate("Formatting", "Nederland"),
        "EU": QCoreApplication.translate("Formatting", "Europese Unie"),
    }
    return labels.get(side or "", side or "")


def document_kind_singular(kind: str | None) -> str:
    labels = {
        "slotverklaring": QCoreApplication.translate("Formatting", "slotverklaring"),
        "conclusies": QCoreApplication.translate("Formatting", "conclusies"),
        "rapport": QCoreApplication.translate("Formatting", "rapport"),
        "agenda": QCoreApplication.translate("Formatting", "agenda"),
        "mou": QCoreApplication.translate("Formatting", "memorandum of understanding"),
        "gezamenlijke-verklaring": QCoreApplication.translate(
            "Formatting", "gezamenlijke verklaring"
        ),
        "communique": QCoreApplication.translate("Formatting", "communiqué"),
        "fiche": QCoreApplication.translate("Formatting", "fiche"),
    }
    return labels.get(kind or "", (kind or "").replace("-", " "))
