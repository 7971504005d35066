"""What a document is and where its file came from, in one line the window shows everywhere the
document is (the details, the tree's tooltip, the missing-document page): an official document
(fetched from its address on a date, or attached by the user, or not in the archive yet), a fiche
the archive compiles, or the user's own import."""

from __future__ import annotations

from urllib.parse import urlsplit

from PySide6.QtCore import QCoreApplication

from vlnl_desktop.core.catalog import Detail, DocumentRef
from vlnl_desktop.core.vocabulary import (
    DOCUMENT_ROLE_OFFICIAL,
    DOCUMENT_ROLE_SHEET,
    OBTAINED_ATTACHED,
)
from vlnl_desktop.ui.labels import document_role_label, format_date, page_count


def host(url: str | None) -> str:
    """The site of an address, as a user names it: "rijksoverheid.nl"."""
    return (urlsplit(url or "").hostname or "").removeprefix("www.")


def origin_text(doc: DocumentRef) -> str:
    """ "Officieel document · opgehaald van rijksoverheid.nl op 3 februari 2025", and so on."""
    role = doc.role
    label = document_role_label(role)
    if role == DOCUMENT_ROLE_SHEET:
        return label
    if role != DOCUMENT_ROLE_OFFICIAL:
        when = format_date(doc.retrieved)
        return f"{label} · {when}" if when else label
    if not doc.in_archive:
        return f"{label} · " + QCoreApplication.translate(
            "DocumentOrigin", "het bestand is nog niet in het archief"
        )
    when = format_date(doc.retrieved)
    if doc.obtained == OBTAINED_ATTACHED or not doc.url:
        how = (
            QCoreApplication.translate("DocumentOrigin", "door u gekoppeld op %1")
            if when
            else QCoreApplication.translate("DocumentOrigin", "door u gekoppeld")
        )
    else:
        how = (
            QCoreApplication.translate("DocumentOrigin", "opgehaald van %2 op %1")
            if when
            else QCoreApplication.translate("DocumentOrigin", "opgehaald van %2")
        )
    return f"{label} · " + how.replace("%1", when).replace("%2", host(doc.url))


def fetch_label(doc: DocumentRef) -> str:
    """The fetch button's text: "Ophalen van rijksoverheid.nl"."""
    return QCoreApplication.translate("DocumentOrigin", "Ophalen van %1").replace(
        "%1", host(doc.url)
    )


def attach_label(doc: DocumentRef) -> str:
    """The attach button's text: "Bestand koppelen…", or "Ander bestand koppelen…" when the
    document has one."""
    return (
        QCoreApplication.translate("DocumentOrigin", "Ander bestand koppelen…")
        if doc.in_archive
        else QCoreApplication.translate("DocumentOrigin", "Bestand koppelen…")
    )


def file_actions(doc: DocumentRef) -> list[tuple[str, str]]:
    """What can be done about an official document's file, as (action, label): "fetch" while it
    is missing and its address is known, "attach" always."""
    if doc.role != DOCUMENT_ROLE_OFFICIAL:
        return []
    actions = []
    if doc.url and not doc.in_archive:
        actions.append(("fetch", fetch_label(doc)))
    actions.append(("attach", attach_label(doc)))
    return actions


def versions_text(detail: Detail) -> list[str]:
    """The document's earlier files, one line each: "vervangen op 1 maart 2025, 4 pagina's"."""
    lines = []
    for v in detail.versions:
        text = QCoreApplication.translate("DocumentOrigin", "vervangen op %1").replace(
            "%1", format_date(v.replaced)
        )
        pages = f", {page_count(v.page_count)}" if v.page_count else ""
        lines.append(f"{text}{pages} ({v.sha256[:12]})")
    return lines


def missing_sentence(doc: DocumentRef) -> str:
    """The one sentence that says what is missing, and what can be done about it."""
    if doc.url:
        text = QCoreApplication.translate(
            "DocumentOrigin",
            "Het bestand van dit officiële document is nog niet in het archief: haal het op van "
            "%1, of koppel een eigen kopie (ook door een PDF hierheen te slepen).",
        )
        return text.replace("%1", host(doc.url))
    return QCoreApplication.translate(
        "DocumentOrigin",
        "Het bestand van dit officiële document is nog niet in het archief, en zijn adres is niet "
        "bekend: koppel een eigen kopie (ook door een PDF hierheen te slepen).",
    )
