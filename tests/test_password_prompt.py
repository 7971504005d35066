"""The one password prompt of the window (import, attach, viewer) speaks the user's language."""

from PySide6.QtWidgets import QInputDialog

from vlnl_desktop.ui.password_prompt import ask_password
from vlnl_desktop.ui.translations import Translations


def _prompt(qapp, monkeypatch, language, wrong):
    shown = []

    def get_text(parent, title, label, *args, **kwargs):
        shown.append((title, label))
        return "geheim", True

    monkeypatch.setattr(QInputDialog, "getText", staticmethod(get_text))
    translations = Translations(qapp)
    try:
        translations.install(language)
        assert ask_password(None, "/tmp/verslag.pdf", wrong) == "geheim"
    finally:
        translations.install("nl")
    return shown[0]


def test_the_prompt_in_dutch_and_in_english(qapp, monkeypatch):
    assert _prompt(qapp, monkeypatch, "nl", False) == (
        "Wachtwoord nodig",
        "„verslag.pdf” is beveiligd met een wachtwoord. Wachtwoord:",
    )
    title, label = _prompt(qapp, monkeypatch, "en", True)
    assert title == "Password needed"
    assert "verslag.pdf" in label and "klopt niet" not in label


def test_cancelling_or_an_empty_password_gives_none(qapp, monkeypatch):
    for answer in (("", True), ("geheim", False)):
        monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, _x=answer, **k: _x))
        assert ask_password(None, "/tmp/verslag.pdf", False) is None
