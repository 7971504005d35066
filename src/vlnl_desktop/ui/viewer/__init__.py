"""The PDF viewer, one idea per module: ``viewer.PdfViewer`` assembles the toolbar, the find bar, the side
panel (``thumbnails``, outline) and the page canvas ``view.PdfView``; ``layout`` is the pure page
geometry, ``render_keys`` what to ask the render thread for, ``painting``, ``selection``, ``links``,
``find_results`` and ``printing`` the rest. Nothing here touches PyMuPDF: the render thread does
(workers/page_renderer.py, reached through workers/render_client.py)."""
