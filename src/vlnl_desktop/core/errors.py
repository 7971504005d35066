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


# What each problem code says on the command line; the window words the same codes in Dutch
# (ui/labels.py, problem_text). ``{}`` takes the detail; a template without it appends ": detail".
PROBLEM_TEXTS = {
    # a file as a PDF (core/pdf/gate.py)
    "empty": "not a PDF (the file is empty)",
    "not_pdf": "not a PDF",
    "damaged": "damaged PDF: {}",
    "password_required": "encrypted; give the password with --password",
    "wrong_password": "wrong password",
    "no_pages": "has no pages",
    "over_budget": "too costly to read: {}",
    # a file on disk (core/documents/importer.py)
    "missing": "no such file",
    "folder": "is a folder, not a file",
    "forbidden": "cannot read: permission denied",
    "not_regular": "not a regular file ({})",
    "unreadable": "cannot read: {}",
    "store_failed": "cannot store it in the archive: {}",
    # attaching a file to a document (core/documents/attach.py)
    "in_use": "this file is already in the archive as {}",
    "has_file": "the document already has a different file; confirm to replace it",
    "no_document": "no document {} in the archive",
    "not_official": "{} is not an official document of the records; import the file instead",
    # a download (core/documents/fetch.py)
    "bad_url": "not a web address",
    "too_large": "too large ({})",
    "timeout": "timed out after {} s",
    "http_status": "the server answered {}",
    "connect": "cannot connect: {}",
    "download": "download failed: {}",
    "no_text": "the web page has no text",
    "not_the_document": "the web page names neither the document's title nor its date "
    "(a cookie wall or an error page?); not stored",
    "offline": "no network: cannot reach {}; nothing was fetched",
    "cancelled": "cancelled",
    "not_document": "not a PDF or a web page ({})",
    # OCR (core/ocr/)
    "no_tesseract": "Tesseract is not installed, so scanned pages stay unsearchable (install "
    "it: see the README, 'OCR of scans')",
    "no_language": "Tesseract has no language data for {} (install it: see the README)",
    "ocr_failed": "OCR failed: {}",
}


def problem_text(code: str, detail: str = "") -> str:
    """The English line for a problem code and its detail."""
    template = PROBLEM_TEXTS.get(code, code)
    if "{}" in template:
        return template.format(detail or "unknown")
    return f"{template}: {detail}" if detail else template


class Problem(VlnlError):
    """One thing wrong with one input, said two ways: ``code`` (stable: the window words it in the
    user's language) with a ``detail`` (often MuPDF's or the server's own words), and ``str()`` /
    ``reason``, one English line for the command line."""

    def __init__(self, code: str, detail: str = "") -> None:
        self.code = code
        self.detail = detail
        super().__init__(problem_text(code, detail))

    @property
    def reason(self) -> str:
        return str(self)

    def __reduce__(self):  # crosses process boundaries (import workers) with its code
        return (type(self), (self.code, self.detail))


class PdfProblem(Problem):
    """The file is not a usable PDF."""


class ImportProblem(Problem):
    """A file could not be imported."""


class FetchProblem(Problem):
    """A document could not be fetched."""
