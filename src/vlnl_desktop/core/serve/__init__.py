"""Publishing the archive for a team, read-only: the parts that need no web server.

``snapshot`` copies the working archive into one immutable file shaped for Datasette (the user's
private layer left out, Dutch labels for codes, a year column, FTS5 indexes); ``metadata`` says in
Dutch what every table and column holds, with facets and canned queries. The web server itself,
which needs the optional ``serve`` extra, is ``vlnl_desktop.serve``.
"""
