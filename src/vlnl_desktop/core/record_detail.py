"""What the catalog answers about one record: ``Detail`` and the named tuples it is made of.

Plain data, no SQL and no Qt: the detail pane, the plain-text copy and the tests read these.
``Detail`` is a plain class, not a dataclass: this module is on the window's start-up path, where
``dataclasses`` and a dataclass of this size cost ~5 ms.
"""

from typing import NamedTuple


class Participant(NamedTuple):
    person_id: str
    name: str
    role: str | None
    side: str


class Uncertainty(NamedTuple):
    """A fact the sources do not confirm: what is known, the field it casts doubt on (None: the
    record as a whole), and the sources that disagree."""

    text: str
    field: str | None = None
    sources: tuple[str, ...] = ()


class Office(NamedTuple):
    """An office a person held, as the sources give it; ``start``/``end`` None when not known."""

    office: str
    start: str | None
    end: str | None
    sources: tuple[str, ...] = ()


class Participation(NamedTuple):
    """A summit, event or treaty a person took part in, with the office they held then."""

    record_id: str
    kind: str
    title: str
    date: str | None
    role: str
    side: str


class ThemeRef(NamedTuple):
    id: str
    name: str
    relation: str | None = None  # for a summit's themes: introduced / prioritised / discussed
    note: str | None = None


class DocumentRef(NamedTuple):
    id: str
    title: str
    date: str | None
    kind: str | None
    sha256: str | None  # None: the file is not in the archive yet
    page_count: int | None = None
    origin: str | None = None  # vocabulary.ORIGINS: of the records, the user's, a sheet
    url: str | None = None  # the document's own address, if known
    retrieved: str | None = None  # the day its file was fetched, attached or imported
    obtained: str | None = None  # vocabulary.OBTAINED: how a document of the records got its file

    @property
    def in_archive(self) -> bool:
        return bool(self.sha256)

    @property
    def role(self) -> str:
        """What it is: vocabulary.DOCUMENT_ROLE_* (official, sheet, user)."""
        from vlnl_desktop.core.vocabulary import document_role

        return document_role(self.origin)


class DocumentVersion(NamedTuple):
    """An earlier file of a document, kept aside when a new one replaced it."""

    sha256: str
    page_count: int | None
    retrieved: str | None
    obtained: str | None
    replaced: str


class RecordRef(NamedTuple):
    """A link to another record, e.g. a document's summit or a summit's events."""

    id: str
    kind: str
    title: str
    date: str | None


class SummitMention(NamedTuple):
    """A summit that introduced, prioritised or discussed a theme."""

    summit_id: str
    title: str
    date: str
    place: str
    relation: str
    note: str | None


class Detail:
    """Everything the detail pane shows for one record; fields a kind lacks stay empty (None, or
    an empty list). Made as ``Detail(id, kind, title, **fields)``; equal when every field is."""

    id: str
    kind: str
    title: str
    date: str | None
    summary: str | None
    place: str | None
    municipality: str | None
    venue: str | None
    format: str | None
    number: int | None
    in_force: str | None  # a treaty: the date it came into force
    event_kind: str | None
    side: str | None
    domains: list[str]
    decisions: list[str]  # summits: decisions; others: details
    participants: list[Participant]
    themes: list[ThemeRef]
    documents: list[DocumentRef]
    related: list[RecordRef]  # events of a summit, records of a doc
    summit: RecordRef | None  # the summit an event or document belongs to
    groups: list[RecordRef]  # a theme's groups, a group's parent
    members: list[RecordRef]  # a group's themes and subgroups
    history: list[SummitMention]  # a theme's summits, in time order
    offices: list[Office]  # a person's offices, in time order
    participations: list[Participation]  # a person's, in time order
    sources: list[str]
    uncertain: list[Uncertainty]
    document: DocumentRef | None  # for a document: its own file
    versions: list[DocumentVersion]  # its earlier files
    file_name: str | None
    url: str | None
    published_on: str | None

    def __init__(self, id: str, kind: str, title: str, **fields) -> None:
        self.id, self.kind, self.title = id, kind, title
        for name in _OPTIONAL:
            setattr(self, name, fields.pop(name, None))
        for name in _LISTS:
            setattr(self, name, fields.pop(name, []))
        if fields:
            raise TypeError(f"Detail has no field {', '.join(sorted(fields))}")

    def __eq__(self, other: object) -> bool:
        return type(other) is Detail and vars(self) == vars(other)

    def __repr__(self) -> str:
        return f"Detail({', '.join(f'{k}={v!r}' for k, v in vars(self).items())})"


_LISTS = tuple(
    n for n, kind in Detail.__annotations__.items() if getattr(kind, "__origin__", None) is list
)
_OPTIONAL = tuple(n for n in Detail.__annotations__ if n not in ("id", "kind", "title", *_LISTS))
