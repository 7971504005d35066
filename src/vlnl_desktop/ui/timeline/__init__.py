"""The "Tijdlijn": the archive's dated records on one time axis, one lane per theme below it.

- ``layout.py``: where everything goes, pure geometry from a ``TimelineData`` (no Qt)
- ``style.py``: colours from the widget's palette and ``ui/palette.py``, fonts and their metrics
- ``items.py``: the graphics items, placed where the layout says
- ``scene.py``: the scene: rebuilt per zoom, pinned layers, the highlighted record
- ``canvas.py``: the QGraphicsView that turns mouse and keys into requests
- ``view.py``: ``TimelineView``, the widget the main window embeds
- ``export.py``: the whole picture as PNG or SVG
- ``__main__.py``: ``python -m vlnl_desktop.ui.timeline``, the view (or the theme table) on its own
"""
