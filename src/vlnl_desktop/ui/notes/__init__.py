"""The user's own layer in the window: the note editor, the highlights panel, and the controller
that stores what they change and shows it in the tree, the viewer and the search."""
