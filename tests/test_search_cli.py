"""``vlnl-desktop search`` as a user runs it (a process, the lean start-up path): JSON on stdout,
notices on stderr, help for -h, a suggestion for a typo, a short help when nothing is found."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src"


def run(*args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(SRC)}
    return subprocess.run(
        [sys.executable, "-m", "vlnl_desktop", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )


def test_json_with_match_and_suggestion_fields(readonly_workspace):
    result = run("--archive", str(readonly_workspace.root), "search", "fotonika", "--json")
    assert result.returncode == 0, result.stderr
    hits = json.loads(result.stdout)
    assert hits[0]["id"] == "fotonica"
    assert {h["match"] for h in hits} == {"typo"}
    assert {h["suggestion"] for h in hits} == {"fotonica"}
    assert "did you mean: fotonica?" in result.stderr


def test_minus_h_is_help_and_minus_hydrogen_a_query(readonly_workspace):
    root = str(readonly_workspace.root)
    result = run("--archive", root, "search", "-h")
    assert result.returncode == 0 and result.stdout.startswith("Usage: vlnl-desktop search")
    assert "soort:top" in result.stdout
    excluded = run("search", "waterstof", "-hydrogen", "--archive", root, "--json")
    assert excluded.returncode == 0 and isinstance(json.loads(excluded.stdout), list)


def test_no_hits_says_how_to_search(readonly_workspace):
    result = run("--archive", str(readonly_workspace.root), "search", "zzqxv")
    assert result.returncode == 0 and result.stdout == ""
    assert "no hits" in result.stderr and "soort:top" in result.stderr


def test_thousands_of_ored_words_are_cut_with_a_notice(readonly_workspace):
    words = " OR ".join(f"woord{i}" for i in range(8_000))  # one argument: at most 128 KiB
    result = run("--archive", str(readonly_workspace.root), "search", words, "--json")
    assert result.returncode == 0
    assert "too long" in result.stderr
    assert json.loads(result.stdout) == []


def test_a_bad_limit_is_one_line_from_click(readonly_workspace):
    result = run("--archive", str(readonly_workspace.root), "search", "gent", "--limit", "0")
    assert result.returncode == 2 and "Traceback" not in result.stderr


PROBE = """
import atexit, sys
sys.argv = ["vlnl-desktop", *sys.argv[1:]]
heavy = ("click", "sqlite_utils", "pymupdf", "dataclasses", "inspect", "typing", "logging")
atexit.register(lambda: print("LOADED", sorted(m for m in heavy if m in sys.modules), file=sys.stderr))
from vlnl_desktop.cli import main
main()
"""


def test_a_plain_search_loads_only_what_it_needs(readonly_workspace):
    """The whole command is a few times ``recollq`` only if its start-up imports stay lean:
    no click, no sqlite-utils, no dataclasses (with inspect), no typing, no logging."""
    env = {**os.environ, "PYTHONPATH": str(SRC)}
    result = subprocess.run(
        [sys.executable, "-c", PROBE, "--archive", str(readonly_workspace.root), "search",
         "--json", "waterstof"],
        capture_output=True, text=True, env=env, timeout=120,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)[0]["id"] == "waterstoftechnologie"
    assert "LOADED []" in result.stderr
