"""The links on a PDF page, each classified by what the viewer may do with it.

Internal links jump to a page of the same document. External ``http``/``https`` links may open in the
browser after the user confirms. Everything else is refused: ``file:``, ``javascript:``, launch actions,
links into other files, unknown schemes. The viewer never acts on a refused link.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from vlnl_desktop.core.pdf_document import Rect, to_display

if TYPE_CHECKING:
    import pymupdf

ALLOWED_SCHEMES = frozenset({"http", "https"})


class LinkKind(enum.Enum):
    """What following a link means."""

    INTERNAL = "internal"
    EXTERNAL = "external"
    REFUSED = "refused"


@dataclass(frozen=True)
class PdfLink:
    """A link area on a page. ``rect`` is in display coordinates.

    ``target_page`` (0-based) and ``target_y`` (points from the top of the target page, or None) are set
    for internal links; ``uri`` for external and refused ones (a description for launch actions).
    """

    rect: Rect
    kind: LinkKind
    target_page: int = -1
    target_y: float | None = None
    uri: str = ""


def classify_uri(uri: str) -> LinkKind:
    """EXTERNAL for an http(s) URL with a host, REFUSED for anything else."""
    try:
        parts = urlsplit(uri.strip())
    except ValueError:
        return LinkKind.REFUSED
    if parts.scheme.lower() in ALLOWED_SCHEMES and parts.netloc:
        return LinkKind.EXTERNAL
    return LinkKind.REFUSED


def page_links(doc: pymupdf.Document, index: int) -> list[PdfLink]:
    """The links on page ``index`` (0-based), classified."""
    import pymupdf

    page = doc.load_page(index)
    links: list[PdfLink] = []
    for link in page.get_links():
        rect = to_display(page, link["from"])
        kind = link.get("kind")
        if kind in (pymupdf.LINK_GOTO, pymupdf.LINK_NAMED):
            target = link.get("page", -1)
            if target is None or not 0 <= target < doc.page_count:
                continue
            point = link.get("to")
            target_y = None
            if point is not None:
                target_page = doc.load_page(target)
                # PyMuPDF gives the target in PDF space (origin bottom left).
                pdf_to_display = target_page.transformation_matrix * target_page.rotation_matrix
                target_y = max(0.0, (pymupdf.Point(point) * pdf_to_display).y)
            links.append(PdfLink(rect, LinkKind.INTERNAL, target_page=target, target_y=target_y))
        elif kind == pymupdf.LINK_URI:
            uri = link.get("uri", "")
            links.append(PdfLink(rect, classify_uri(uri), uri=uri))
        elif kind == pymupdf.LINK_LAUNCH:
            target = link.get("file") or link.get("uri") or "launch"
            links.append(PdfLink(rect, LinkKind.REFUSED, uri=f"launch:{target}"))
        elif kind == pymupdf.LINK_GOTOR:
            target = link.get("file") or ""
            links.append(PdfLink(rect, LinkKind.REFUSED, uri=f"file:{target}"))
    return links
