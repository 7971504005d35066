"""The served archive in a real browser: Debian's headless Chromium opens a summit's row page and a
search, runs the page's scripts and takes a screenshot. Skipped where Chromium is not installed
(`make test` installs it: system-packages.txt).

VLNL_SCREENSHOTS=DIR keeps the screenshots there, to look at them."""

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="needs Debian's chromium package")
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--window-size=1280,1000",
]


def chromium(tmp_path: Path, *args: str) -> str:
    profile = tmp_path / f"profile-{len(list(tmp_path.iterdir()))}"
    profile.mkdir()
    result = subprocess.run(
        [CHROMIUM, *FLAGS, f"--user-data-dir={profile}", *args],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    return result.stdout


@pytest.fixture
def shots(tmp_path) -> Path:
    folder = os.environ.get("VLNL_SCREENSHOTS")
    return Path(folder) if folder else tmp_path


@pytest.mark.parametrize(
    ("name", "path", "expected"),
    [
        # the row page: Dutch column names put in by the plugin's script, the table's title
        (
            "summit",
            "archief/summits/top-2016",
            ["Topontmoetingen: top-2016", r'data-column="place"[^>]*>\s*Plaats\s*<', "Gent"],
        ),
        # the canned search, the matched word marked, its page linked
        (
            "search",
            "archief/zoeken?zoek=waterstof",
            ["Zoeken in records en pagina's", "<mark>Waterstoftechnologie</mark>", r"PDF, p\. 1"],
        ),
    ],
)
def test_a_page_as_a_browser_shows_it(served, tmp_path, shots, name, path, expected):
    shot = shots / f"serve-{name}.png"
    dom = chromium(tmp_path, "--dump-dom", f"--screenshot={shot}", served + path)
    for pattern in expected:
        assert re.search(pattern, dom.replace("&#39;", "'")), pattern
    header = shot.read_bytes()[:24]
    assert header.startswith(b"\x89PNG") and int.from_bytes(header[16:20], "big") == 1280
