"""vlnl-documenten: a Datasette plugin that serves the archive's stored PDFs and links to them.

Self-contained on purpose (Datasette and the standard library only): ``vlnl-desktop publish``
copies this file into the published folder's ``plugins/``, where a team's Datasette loads it
without vlnl-desktop installed. Its settings come from the metadata (``plugins`` ->
``vlnl-documenten``): ``database`` (the archive's name in Datasette), ``documents_dir`` (the stored
PDFs, named by their sha256; relative to the database file's folder unless absolute) and
``route`` (the address prefix, e.g. ``/-/documenten/``).

- ``GET <route><document id>``: the stored PDF (``application/pdf``, shown in the browser, named
  after the original file); 404 with a line of Dutch for an unknown or unstored document.
- Links: a page row's page number opens the PDF at that page (``#page=N``), a document row's file
  name opens the PDF, a ``pdf`` column of a canned query holding ``<route>…`` becomes a link, and a
  ``fragment`` column's ``<mark>`` survives escaping; a JSON list of sentences (decisions,
  details, sources) is shown as a list.
- Dutch names: Datasette 0.65 shows a column by its name; a small script puts the name that opens
  the column's description ("Plaats — waar …") in the table's header, its facet and its entry in
  the list of descriptions, and the table's title in a row page's heading.
- ``vlnl_fts(text)``: an SQL function that turns typed words into an FTS5 query in which every
  word is quoted and the last one is a prefix (no input is a syntax error); the canned search
  uses it.
"""

from __future__ import annotations

import json
import re
import urllib.parse
import weakref
from pathlib import Path

from datasette import hookimpl
from datasette.utils.asgi import Response, asgi_send_file
from markupsafe import Markup, escape

NAME = "vlnl-documenten"
FILE_NAME = "vlnl_documenten.py"  # its name in a published plugins/ folder (and when registered)
SHA256 = re.compile(r"[0-9a-f]{64}")
WORD = re.compile(r"\w+")
CHUNK = 64 * 1024
# columns that hold a JSON list of sentences or addresses: shown as a list
LIST_COLUMNS = {"decisions", "details", "domains", "sources"}


def fts_query(text: str | None) -> str:
    """Every word of ``text`` quoted for FTS5's MATCH, the last one also as a prefix (as the
    app's search box does): 'topontmoeting gent' -> '"topontmoeting" "gent"*'. A text without
    words becomes a query that matches nothing."""
    words = WORD.findall(text if isinstance(text, str) else "")
    return " ".join(f'"{word}"' for word in words) + "*" if words else '""'


# Datasette copies its whole metadata on every lookup; render_cell runs for every cell
_CONFIGS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def _config(datasette) -> dict:
    """The plugin's settings, looked up once per Datasette."""
    config = _CONFIGS.get(datasette)
    if config is None:
        config = _CONFIGS[datasette] = datasette.plugin_config(NAME) or {}
    return config


@hookimpl
def prepare_connection(conn):
    conn.create_function("vlnl_fts", 1, fts_query, deterministic=True)


@hookimpl
def register_routes(datasette):
    route = _config(datasette).get("route")
    if not route:
        return []
    return [(rf"^{re.escape(route)}(?P<document_id>[^/]+)$", serve_document)]


def _documents_dir(datasette, config: dict, database) -> Path:
    folder = Path(config.get("documents_dir", "documents"))
    if not folder.is_absolute() and database.path:
        folder = Path(database.path).resolve().parent / folder
    return folder


def _not_found(document_id: str) -> Response:
    return Response.text(f"Geen opgeslagen document met sleutel {document_id!r}.", status=404)


async def serve_document(request, send, datasette):
    config = _config(datasette)
    name = config.get("database")
    document_id = request.url_vars["document_id"]
    if name not in datasette.databases:
        return _not_found(document_id)
    allowed = await datasette.permission_allowed(request.actor, "view-database", name, default=True)
    if not allowed:
        return Response.text("Geen toegang.", status=403)
    database = datasette.get_database(name)
    row = (
        await database.execute(
            "SELECT title, file_name, sha256 FROM documents WHERE id = ?", [document_id]
        )
    ).first()
    if row is None or not SHA256.fullmatch(row["sha256"] or ""):
        return _not_found(document_id)
    path = _documents_dir(datasette, config, database) / f"{row['sha256']}.pdf"
    if not path.is_file():
        return _not_found(document_id)
    file_name = row["file_name"] or f"{document_id}.pdf"
    ascii_name = file_name.encode("ascii", "replace").decode().replace('"', "'")
    headers = {
        "content-disposition": f'inline; filename="{ascii_name}"; '
        f"filename*=UTF-8''{urllib.parse.quote(file_name)}",
        "etag": f'"{row["sha256"]}"',
        "cache-control": "max-age=3600",
        "x-content-type-options": "nosniff",
    }
    await asgi_send_file(
        send, path, content_type="application/pdf", chunk_size=CHUNK, headers=headers
    )


RENAME_SCRIPT = """
(function () {
  const names = %s, table = %s, title = %s;
  const rename = (node, name) => {
    for (const text of node.childNodes) {
      if (text.nodeType === 3 && text.textContent.includes(name)) {
        text.textContent = text.textContent.replace(name, names[name]);
        return;
      }
    }
  };
  document.querySelectorAll("th[data-column]").forEach((th) => {
    const name = th.dataset.column;
    if (!names[name]) return;
    th.title = th.dataset.columnDescription || "";
    rename(th.querySelector("a") || th, name);
  });
  document.querySelectorAll("div.facet-info[data-column]").forEach((facet) => {
    const name = facet.dataset.column, strong = facet.querySelector(".facet-info-name strong");
    if (names[name] && strong) rename(strong, name);
  });
  document.querySelectorAll("dl.column-descriptions dt").forEach((dt) => {
    const name = dt.textContent.trim(), dd = dt.nextElementSibling;
    if (!names[name]) return;
    dt.textContent = names[name];
    if (dd) dd.textContent = dd.textContent.replace(names[name] + " — ", "");
  });
  const h1 = document.querySelector("h1");
  if (h1 && title && h1.textContent.startsWith(table + ":")) {  // a row page: "summits: id"
    names[table + ":"] = title + ":";
    rename(h1, table + ":");
  }
})();
"""


def _json(value) -> str:
    return json.dumps(value, ensure_ascii=False).replace("</", "<\\/")


@hookimpl
def extra_body_script(template, database, table, datasette):
    if template not in ("table.html", "row.html") or not table:
        return None
    if database != _config(datasette).get("database"):
        return None
    meta = datasette.table_metadata(database, table)
    names = {
        column: text.partition(" — ")[0]
        for column, text in (meta.get("columns") or {}).items()
        if " — " in text
    }
    if not names:
        return None
    return RENAME_SCRIPT % (_json(names), _json(table), _json(meta.get("title") or ""))


def _raw(value):
    """A cell's stored value: Datasette hands a foreign key as {"value": …, "label": …}."""
    return value["value"] if isinstance(value, dict) else value


def _json_list(text: str) -> list[str] | None:
    try:
        items = json.loads(text)
    except ValueError:
        return None
    if isinstance(items, list) and all(isinstance(item, str) for item in items):
        return items
    return None


def _link(href: str, text: str) -> Markup:
    return Markup('<a href="{}">{}</a>').format(href, text)


@hookimpl
def render_cell(row, value, column, table, database, datasette):
    config = _config(datasette)
    if database != config.get("database"):
        return None
    route = config.get("route", "")
    if column == "pdf" and isinstance(value, str) and route and value.startswith(route):
        page = value.partition("#page=")[2]
        return _link(datasette.urls.path(value), f"PDF, p. {page}" if page else "PDF")
    if column == "fragment" and isinstance(value, str):
        text = str(escape(value))
        return Markup(text.replace("&lt;mark&gt;", "<mark>").replace("&lt;/mark&gt;", "</mark>"))
    if column in LIST_COLUMNS and isinstance(value, str) and value.startswith("["):
        items = _json_list(value)
        if items:
            return Markup("<ul>{}</ul>").format(
                Markup("").join(Markup("<li>{}</li>").format(item) for item in items)
            )
    if table == "pages" and column == "page_no" and value is not None:
        href = f"{route}{urllib.parse.quote(str(_raw(row['document_id'])))}#page={value}"
        return _link(datasette.urls.path(href), f"p. {value}")
    if table == "documents" and column == "file_name" and value and row["sha256"]:
        href = f"{route}{urllib.parse.quote(str(_raw(row['id'])))}"
        return _link(datasette.urls.path(href), value)
    return None
