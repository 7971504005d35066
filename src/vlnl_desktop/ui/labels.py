"""The words the window shows for the archive's codes, translated: the only tables of such labels.

The codes and their order come from ``core/vocabulary.py``; here each gets its Dutch source text
for Qt's translator (context "Labels"). A test checks that every code of the vocabulary has a
label here and an English translation. Dates and counts with their plural form are written out
here too.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject


def month_name(month: int) -> str:
    names = (
        QCoreApplication.translate("Labels", "januari"),
        QCoreApplication.translate("Labels", "februari"),
        QCoreApplication.translate("Labels", "maart"),
        QCoreApplication.translate("Labels", "april"),
        QCoreApplication.translate("Labels", "mei"),
        QCoreApplication.translate("Labels", "juni"),
        QCoreApplication.translate("Labels", "juli"),
        QCoreApplication.translate("Labels", "augustus"),
        QCoreApplication.translate("Labels", "september"),
        QCoreApplication.translate("Labels", "oktober"),
        QCoreApplication.translate("Labels", "november"),
        QCoreApplication.translate("Labels", "december"),
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


class Counts(QObject):
    """Counts with the plural form Qt's %n chooses: the Dutch forms are in vlnl_desktop_nl.qm,
    which holds only plural forms. (A class, as lupdate marks plural messages only in ``tr``.)"""

    def pages(self, n: int) -> str:
        return self.tr("%n pagina('s)", "", n)


def page_count(n: int) -> str:
    """The number of pages with its noun: 1 pagina, 12 pagina's (1 page, 12 pages)."""
    return Counts().pages(n)


def kind_labels() -> dict[str, str]:
    """The singular name of every kind of record or search hit."""
    return {
        "declaration": QCoreApplication.translate("Labels", "Intentieverklaring"),
        "summit": QCoreApplication.translate("Labels", "Topontmoeting"),
        "event": QCoreApplication.translate("Labels", "Gebeurtenis"),
        "treaty": QCoreApplication.translate("Labels", "Verdrag"),
        "institution": QCoreApplication.translate("Labels", "Instelling"),
        "group": QCoreApplication.translate("Labels", "Themagroep"),
        "theme": QCoreApplication.translate("Labels", "Thema"),
        "document": QCoreApplication.translate("Labels", "Document"),
        "person": QCoreApplication.translate("Labels", "Persoon"),
        "page": QCoreApplication.translate("Labels", "Documentpagina"),
        "note": QCoreApplication.translate("Labels", "Notitie"),
        "highlight": QCoreApplication.translate("Labels", "Markering"),
    }


def kind_label(kind: str) -> str:
    return kind_labels().get(kind, kind)


def kind_plural_labels() -> dict[str, str]:
    """The plural name of every kind of record or search hit (the search's filter chips)."""
    return {
        "declaration": QCoreApplication.translate("Labels", "Intentieverklaringen"),
        "summit": QCoreApplication.translate("Labels", "Topontmoetingen"),
        "event": QCoreApplication.translate("Labels", "Gebeurtenissen"),
        "treaty": QCoreApplication.translate("Labels", "Verdragen"),
        "institution": QCoreApplication.translate("Labels", "Instellingen"),
        "group": QCoreApplication.translate("Labels", "Themagroepen"),
        "theme": QCoreApplication.translate("Labels", "Thema's"),
        "document": QCoreApplication.translate("Labels", "Documenten"),
        "person": QCoreApplication.translate("Labels", "Personen"),
        "page": QCoreApplication.translate("Labels", "Documentpagina's"),
        "note": QCoreApplication.translate("Labels", "Notities"),
        "highlight": QCoreApplication.translate("Labels", "Markeringen"),
    }


def kind_plural_label(kind: str) -> str:
    return kind_plural_labels().get(kind, kind)


def section_labels() -> dict[str, str]:
    """The names of the tree's top nodes."""
    return {
        "declarations": QCoreApplication.translate("Labels", "Intentieverklaringen"),
        "summits": QCoreApplication.translate("Labels", "Topontmoetingen"),
        "events": QCoreApplication.translate("Labels", "Gebeurtenissen"),
        "treaties": QCoreApplication.translate("Labels", "Verdragen"),
        "institutions": QCoreApplication.translate("Labels", "Instellingen"),
        "themes": QCoreApplication.translate("Labels", "Thema's"),
        "people": QCoreApplication.translate("Labels", "Personen"),
        "documents": QCoreApplication.translate("Labels", "Documenten"),
        "notes": QCoreApplication.translate("Labels", "Mijn notities"),
    }


def section_label(key: str) -> str:
    return section_labels().get(key, key)


def relation_labels() -> dict[str, str]:
    """How a summit treated a theme."""
    return {
        "introduced": QCoreApplication.translate("Labels", "geïntroduceerd"),
        "prioritised": QCoreApplication.translate("Labels", "geprioriteerd"),
        "discussed": QCoreApplication.translate("Labels", "besproken"),
    }


def relation_label(relation: str | None) -> str:
    return relation_labels().get(relation or "", relation or "")


def relation_short_labels() -> dict[str, str]:
    """How a summit treated a theme, in a word short enough for a narrow table column."""
    return {
        "introduced": QCoreApplication.translate("Labels", "nieuw"),
        "prioritised": QCoreApplication.translate("Labels", "prioriteit"),
        "discussed": QCoreApplication.translate("Labels", "besproken"),
    }


def relation_short_label(relation: str | None) -> str:
    return relation_short_labels().get(relation or "", relation or "")


def colour_labels() -> dict[str, str]:
    """The colours of a highlight."""
    return {
        "yellow": QCoreApplication.translate("Labels", "Geel"),
        "green": QCoreApplication.translate("Labels", "Groen"),
        "blue": QCoreApplication.translate("Labels", "Blauw"),
        "pink": QCoreApplication.translate("Labels", "Roze"),
    }


def side_labels() -> dict[str, str]:
    return {
        "VL": QCoreApplication.translate("Labels", "Vlaanderen"),
        "NL": QCoreApplication.translate("Labels", "Nederland"),
        "EU": QCoreApplication.translate("Labels", "Europese Unie"),
    }


def side_label(side: str | None) -> str:
    return side_labels().get(side or "", side or "")


def document_kind_labels() -> dict[str, str]:
    """The singular name of every kind of document."""
    return {
        "slotverklaring": QCoreApplication.translate("Labels", "slotverklaring"),
        "gezamenlijke-verklaring": QCoreApplication.translate("Labels", "gezamenlijke verklaring"),
        "communique": QCoreApplication.translate("Labels", "communiqué"),
        "nieuwsbericht": QCoreApplication.translate("Labels", "nieuwsbericht"),
        "conclusies": QCoreApplication.translate("Labels", "conclusies"),
        "rapport": QCoreApplication.translate("Labels", "rapport"),
        "agenda": QCoreApplication.translate("Labels", "agenda"),
        "mou": QCoreApplication.translate("Labels", "memorandum of understanding"),
        "fiche": QCoreApplication.translate("Labels", "fiche"),
    }


def document_kind_singular(kind: str | None) -> str:
    return document_kind_labels().get(kind or "", (kind or "").replace("-", " "))


def document_kind_plurals() -> dict[str, str]:
    """The plural name of every kind of document, as the tree groups them ("" for no kind)."""
    return {
        "slotverklaring": QCoreApplication.translate("Labels", "Slotverklaringen"),
        "gezamenlijke-verklaring": QCoreApplication.translate(
            "Labels", "Gezamenlijke verklaringen"
        ),
        "communique": QCoreApplication.translate("Labels", "Communiqués"),
        "nieuwsbericht": QCoreApplication.translate("Labels", "Nieuwsberichten"),
        "conclusies": QCoreApplication.translate("Labels", "Conclusies"),
        "rapport": QCoreApplication.translate("Labels", "Rapporten"),
        "agenda": QCoreApplication.translate("Labels", "Agenda's"),
        "mou": QCoreApplication.translate("Labels", "Memoranda of understanding"),
        "fiche": QCoreApplication.translate("Labels", "Fiches (samengesteld)"),
        "": QCoreApplication.translate("Labels", "Overige documenten"),
    }


def document_kind_plural(kind: str) -> str:
    return document_kind_plurals().get(kind, kind.replace("-", " ").capitalize())


def document_role_labels() -> dict[str, str]:
    """What a document is (vocabulary.DOCUMENT_ROLE_*), as the tree and the details mark it."""
    return {
        "official": QCoreApplication.translate("Labels", "Officieel document"),
        "sheet": QCoreApplication.translate("Labels", "Fiche, samengesteld door het archief"),
        "user": QCoreApplication.translate("Labels", "Door u toegevoegd"),
    }


def document_role_label(role: str) -> str:
    return document_role_labels().get(role, role)


def problem_texts() -> dict[str, str]:
    """Why a file could not be imported or fetched, by problem code (``core.errors``); ``%1`` is
    the detail."""
    return {
        "empty": QCoreApplication.translate("Labels", "geen PDF (het bestand is leeg)"),
        "not_pdf": QCoreApplication.translate("Labels", "geen PDF"),
        "damaged": QCoreApplication.translate("Labels", "beschadigde PDF: %1"),
        "password_required": QCoreApplication.translate("Labels", "beveiligd met een wachtwoord"),
        "wrong_password": QCoreApplication.translate("Labels", "verkeerd wachtwoord"),
        "no_pages": QCoreApplication.translate("Labels", "bevat geen pagina's"),
        "over_budget": QCoreApplication.translate("Labels", "te zwaar om te lezen: %1"),
        "missing": QCoreApplication.translate("Labels", "bestand bestaat niet"),
        "folder": QCoreApplication.translate("Labels", "is een map, geen bestand"),
        "forbidden": QCoreApplication.translate("Labels", "kan niet gelezen worden: geen toegang"),
        "unreadable": QCoreApplication.translate("Labels", "kan niet gelezen worden: %1"),
        "not_regular": QCoreApplication.translate("Labels", "geen gewoon bestand (%1)"),
        "store_failed": QCoreApplication.translate(
            "Labels", "kan niet in het archief bewaard worden: %1"
        ),
        "bad_url": QCoreApplication.translate("Labels", "geen webadres"),
        "too_large": QCoreApplication.translate("Labels", "te groot (%1)"),
        "timeout": QCoreApplication.translate("Labels", "geen antwoord binnen %1 s"),
        "http_status": QCoreApplication.translate("Labels", "de server antwoordde %1"),
        "connect": QCoreApplication.translate("Labels", "geen verbinding: %1"),
        "download": QCoreApplication.translate("Labels", "downloaden mislukt: %1"),
        "no_text": QCoreApplication.translate("Labels", "de webpagina bevat geen tekst"),
        "not_document": QCoreApplication.translate("Labels", "geen PDF en geen webpagina (%1)"),
        "not_the_document": QCoreApplication.translate(
            "Labels",
            "de webpagina noemt titel noch datum van het document (een cookiemelding of "
            "foutpagina?); niet bewaard",
        ),
        "offline": QCoreApplication.translate(
            "Labels", "geen netwerk: %1 is niet bereikbaar; er is niets opgehaald"
        ),
        "cancelled": QCoreApplication.translate("Labels", "afgebroken"),
        "in_use": QCoreApplication.translate(
            "Labels", "dit bestand staat al in het archief als %1"
        ),
        "has_file": QCoreApplication.translate(
            "Labels", "het document heeft al een ander bestand; bevestig om het te vervangen"
        ),
        "no_document": QCoreApplication.translate("Labels", "het archief bevat geen document %1"),
        "not_official": QCoreApplication.translate(
            "Labels", "%1 is geen officieel document van de records; importeer het bestand"
        ),
        "no_tesseract": QCoreApplication.translate(
            "Labels",
            "Tesseract is niet geïnstalleerd: gescande pagina's blijven onvindbaar. Installeer "
            "Tesseract met de Nederlandse taaldata (zie de README, 'OCR van scans') en start "
            "vlnl-desktop opnieuw",
        ),
        "no_language": QCoreApplication.translate(
            "Labels", "Tesseract heeft geen taaldata voor %1 (zie de README, 'OCR van scans')"
        ),
        "ocr_failed": QCoreApplication.translate("Labels", "tekstherkenning mislukt: %1"),
    }


def problem_text(code: str, detail: str = "") -> str:
    """A problem code and its detail in the user's language."""
    text = problem_texts().get(code)
    if text is None:
        return f"{code}: {detail}" if detail else code
    if "%1" in text:
        return text.replace("%1", detail)
    return f"{text}: {detail}" if detail else text
