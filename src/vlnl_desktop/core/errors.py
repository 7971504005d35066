"""The exceptions the core raises for conditions a user can cause and should read about."""


class VlnlError(Exception):
    """A problem with the user's input or archive: its message is one line, fit to show as it is."""


class ArchiveError(VlnlError):
    """The working archive is missing, damaged or of an unknown schema."""


class RecordError(VlnlError):
    """The bundled records are invalid; ``problems`` lists every finding, one line each."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        first = problems[0] if problems else "invalid records"
        more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
        super().__init__(first + more)
