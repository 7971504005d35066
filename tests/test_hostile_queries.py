"""Fuzzed queries through the command line's search path: whatever the user types (quotes, OR,
exclusions, stray operators, control characters, bytes that were not UTF-8, very long words), the
answer is hits or "no hits", never an internal error. ``make test`` runs a sample; ``make
stress`` runs 5,000."""

from __future__ import annotations

import random

import pytest
from click.testing import CliRunner

from vlnl_desktop.cli.main import cli

PIECES = [
    "waterstof", "top", "Gent", "'s-Hertogenbosch", "artificiële", "ﬁnanciering", "AI", "OR",
    "or", "AND", "NOT", "NEAR", "-", "--", '"', '""', "*", "^", ":", "(", ")", "{", "}", "[", "]",
    "\\", "'", "%", "_", ";", "\t", "\n", "\x00", "\x1b[31m", "\udcff", "\u202e", "🙂", "ß",
    "title:", "text:", "NEAR/3", "-top", '"top gent', "OR OR", "a" * 300, "9" * 40, "é" * 50,
]  # fmt: skip


def fuzzed_queries(count: int, seed: int) -> list[list[str]]:
    """``count`` command lines of search words, each made of 1-12 random pieces."""
    rnd = random.Random(seed)
    out = []
    for _ in range(count):
        words = []
        for _ in range(rnd.randint(1, 12)):
            piece = rnd.choice(PIECES)
            if rnd.random() < 0.3:
                piece = piece + rnd.choice(PIECES)
            words.append(piece)
        out.append(words)
    return out


def search_all(ws, queries: list[list[str]]) -> list[str]:
    """The failures: every query that did not end in hits or "no hits"."""
    runner = CliRunner()
    failures = []
    for words in queries:
        for extra in ([], ["--json"]):
            result = runner.invoke(cli, ["--archive", str(ws.root), "search", *extra, *words])
            if result.exit_code != 0 or "internal error" in result.output:
                failures.append(f"{words!r}: {result.output.strip()[:200]}")
    return failures


def test_fuzzed_queries_never_end_in_an_internal_error(readonly_workspace):
    assert search_all(readonly_workspace, fuzzed_queries(60, seed=15)) == []


@pytest.mark.stress
def test_five_thousand_fuzzed_queries_never_end_in_an_internal_error(readonly_workspace):
    assert search_all(readonly_workspace, fuzzed_queries(2500, seed=2026)) == []


WORDS = [
    "AND'",
    "title:",
    "OR",
    "\udcff",
]  # found by the stress fuzzing: its suggestion echoes them


def test_a_suggestion_holding_bytes_that_were_not_utf8_is_printed_escaped(readonly_workspace):
    """The typo suggestion echoes what was typed: a surrogate from a non-UTF-8 argument is escaped."""
    for extra in ([], ["--json"]):
        result = CliRunner().invoke(
            cli,
            ["--archive", str(readonly_workspace.root), "search", *extra, *WORDS],
        )
        assert result.exit_code == 0, result.output
        assert "internal error" not in result.output
