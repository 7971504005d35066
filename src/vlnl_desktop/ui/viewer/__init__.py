"""The PDF viewer, one idea per module: ``viewer.PdfViewer`` assembles the toolbar, the find bar, the side
panel (``thumbnails``, ``outline``) and the page canvas ``view.PdfView``, shows what ``opening``
opens and lets ``finding`` find in it. The canvas is a ``scroll_area``; ``requests`` asks the
render thread for its pages, ``pointer`` is the mouse on them, ``jumps`` its back/forward;
``layout`` is the pure page geometry, ``render_keys`` what to ask for, ``painting``, ``selection``,
``links``, ``find_results`` and ``printing`` the rest.
Nothing here touches PyMuPDF: the render thread does (workers/page_renderer.py, reached through
workers/render_client.py)."""
