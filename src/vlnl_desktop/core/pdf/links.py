"""The links on a PDF page, each classified by what the viewer may do with it.

Internal links jump to a page of the same document. External ``http``/``https`` links may open in the
browser after the user confirms. Everything else is refused: ``file:``, ``javascript:``, launch actions,
links into other files, unknown schemes. The viewer never acts on a refused link.
"""

from __future__ import annotations

import enum
import math
from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from vlnl_desktop.core.pdf.document import Rect, to_display

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
    """The links on page ``index`` (0-based), classified.

    Internal links are resolved one by one with MuPDF (``Document.resolve_link``, a lookup in the name
    tree for a named destination), not with ``Page.get_links``: that resolves *every* named destination
    of the document in Python the first time (a fifth of a second in a large LaTeX file, holding the GIL).
    """
    import pymupdf

    page = doc.load_page(index)
    links: list[PdfLink] = []
    rotations: dict[int, pymupdf.Matrix] = {}  # target page → its rotation matrix
    link = page.first_link
    while link:
        uri = link.uri or ""
        if link.is_external:
            parsed = _external_link(page, link)
            if parsed is not None:
                links.append(parsed)
        elif uri:
            target, x, y = doc.resolve_link(uri)
            if 0 <= target < doc.page_count:
                target_y = None
                if not math.isnan(y):
                    # MuPDF gives the point in the target page's unrotated space (origin top left).
                    rotation = rotations.get(target)
                    if rotation is None:
                        rotation = rotations[target] = doc.load_page(target).rotation_matrix
                    point = pymupdf.Point(0.0 if math.isnan(x) else x, y) * rotation
                    target_y = max(0.0, point.y)
                rect = to_display(page, link.rect)
                links.append(
                    PdfLink(rect, LinkKind.INTERNAL, target_page=target, target_y=target_y)
                )
        link = link.next
    return links


def _external_link(page: pymupdf.Page, link: pymupdf.Link) -> PdfLink | None:
    """A link out of the document (web address, file, launch action), classified; None if empty."""
    import pymupdf

    dest = link.dest  # for an external link this does not touch the named destinations
    rect = to_display(page, link.rect)
    if dest.kind == pymupdf.LINK_URI:
        return PdfLink(rect, classify_uri(dest.uri), uri=dest.uri)
    if dest.kind == pymupdf.LINK_LAUNCH:
        target = dest.file_spec.replace("\\", "/") or dest.uri or "launch"
        return PdfLink(rect, LinkKind.REFUSED, uri=f"launch:{target}")
    if dest.kind == pymupdf.LINK_GOTOR:
        target = dest.file_spec.replace("\\", "/")
        return PdfLink(rect, LinkKind.REFUSED, uri=f"file:{target}")
    return None
