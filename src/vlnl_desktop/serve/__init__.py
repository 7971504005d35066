"""The archive served read-only to a team with Datasette (the optional ``serve`` extra).

``plugin`` is the Datasette plugin (self-contained: ``publish`` copies it); ``server`` starts
Datasette on a folder that ``core.serve.site`` wrote. Nothing here is imported unless a ``serve``
command runs, and nothing in the core imports it.
"""
