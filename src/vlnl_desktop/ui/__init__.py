"""Widgets: main window, tree model, detail pane, search panel, PDF view, dialogs."""
