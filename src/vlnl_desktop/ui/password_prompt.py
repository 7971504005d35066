"""The one question the window asks for an encrypted PDF's password (import, attach, viewer).

The password is typed hidden; an empty answer or Annuleren means the user gives up (None). The
password is used for that one action and never stored. The dialog's classes are imported when it
is asked, not when the window starts (PySide6 builds a class's enums when it is first loaded).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication

TYPE_CHECKING = False
if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

PASSWORD_CODES = ("password_required", "wrong_password")  # core.errors codes that ask for one


def ask_password(parent: QWidget | None, path: str, wrong: bool) -> str | None:
    """Ask for the password of the PDF at ``path``; ``wrong``: the last one did not open it."""
    from PySide6.QtWidgets import QInputDialog, QLineEdit  # off the window's start-up path

    # literal contexts and texts: lupdate reads them from here
    if wrong:
        label = QCoreApplication.translate(
            "PasswordPrompt", "Het wachtwoord voor „%1” klopt niet. Probeer het opnieuw:"
        )
    else:
        label = QCoreApplication.translate(
            "PasswordPrompt", "„%1” is beveiligd met een wachtwoord. Wachtwoord:"
        )
    password, ok = QInputDialog.getText(
        parent,
        QCoreApplication.translate("PasswordPrompt", "Wachtwoord nodig"),
        label.replace("%1", Path(path).name),
        QLineEdit.EchoMode.Password,
    )
    return password if ok and password else None
