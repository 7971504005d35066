"""Find in the document: the find bar's text sent to the render thread, its hits highlighted on the
pages as they come, the current one stepped through (next/previous, wrapping round) and counted in
the find bar ("3 van 17").

``DocumentFind`` holds the hits (``find_results.FindResults``); the viewer wires the find bar's and
the render client's signals to it and passes its public find calls on.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Slot

from vlnl_desktop.ui.viewer.find_results import FindResults


class DocumentFind(QObject):
    """Finding in the document shown by ``view``, through ``client``; ``find_bar`` shows the count,
    ``notice`` a line above the pages, ``has_document`` whether a document is open."""

    def __init__(
        self,
        client,
        view,
        find_bar,
        notice: Callable[[str], None],
        has_document: Callable[[], bool],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._client = client  # workers.render_client.RenderClient
        self._view = view  # ui.viewer.view.PdfView
        self._bar = find_bar  # ui.viewer.find_bar.FindBar
        self._notice = notice
        self._has_document = has_document
        self._results = FindResults()

    @property
    def hit_count(self) -> int:
        """Hits found so far for the current find."""
        return len(self._results.hits)

    @property
    def finished(self) -> bool:
        """Whether the current find has been through every page."""
        return self._results.done

    def reset(self) -> None:
        """No find: no hits highlighted, no count."""
        self._results = FindResults()
        self._view.set_hits({})
        self._view.set_current_hit(None)
        self.update_count()

    def step(self, step: int) -> None:
        """Go ``step`` hits on (or back), wrapping round; with no hits yet, find the bar's text."""
        if not self._results.hits:
            if self._bar.edit.text().strip() and self._results.find_id == 0:
                self.on_find_requested(self._bar.edit.text())
            return
        self._view.set_current_hit(self._results.step(step))
        self.update_count()

    @Slot(str)
    def on_find_requested(self, text: str) -> None:
        self.reset()
        self._notice("")
        if not text.strip() or not self._has_document():
            self._client.find("")
            return
        start = max(self._view.current_page, 0)
        self._results = FindResults(self._client.find(text, start))
        self.update_count()

    @Slot(int, int, object)
    def on_find_hits(self, find_id: int, page: int, hits: list) -> None:
        if find_id != self._results.find_id:
            return
        first = self._results.add_page(page, hits)
        self._view.set_hits(self._results.by_page())
        if first:  # the first page with hits from where the find started
            self._view.set_current_hit(self._results.current)
        self.update_count()

    @Slot(int, int, object)
    def on_find_finished(self, find_id: int, total: int, without_text: list) -> None:
        if find_id != self._results.find_id:
            return
        self._results.done = True
        self.update_count()
        if total == 0 and self._view.current_page in without_text:
            self._notice(self.tr("Deze pagina heeft geen tekstlaag."))

    @Slot()
    def on_closed(self) -> None:
        self._client.find("")
        self.reset()
        self._view.setFocus()

    def update_count(self) -> None:
        """The find bar's count: "3 van 17" ("…" while pages are still searched), or why none."""
        label = self._bar.count_label
        find = self._results
        if find.find_id == 0:
            label.setText("")
        elif not find.hits:
            label.setText(self.tr("Niet gevonden") if find.done else self.tr("Zoeken…"))
        else:
            text = (
                self.tr("%1 van %2")
                .replace("%1", str(find.index + 1))
                .replace("%2", str(len(find.hits)))
            )
            label.setText(text if find.done else text + "…")
