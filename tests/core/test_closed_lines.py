"""Lines that state facts about numbers only are claims of their own: linked by an implicit
<=>, two false facts (3 + 3 = 7, then 2 + 2 = 5) would agree and be accepted."""

from __future__ import annotations

import pytest

from proofnb.core.check import check_proof
from proofnb.core.model import CheckOptions


def _statuses(cell: str) -> list[tuple[str, str]]:
    return [(s.relation, s.status) for s in check_proof(cell, CheckOptions()).steps]


@pytest.mark.parametrize(("cell", "expected"), [
    ("2 + 2 = 5\n3 + 3 = 7", [("=", "refuted"), ("=", "refuted")]),
    ("2^{10} = 1024\n2^{11} = 2048", [("=", "proved"), ("=", "proved")]),
    ("2^{10} = 1024\n2^{11} = 2047", [("=", "proved"), ("=", "refuted")]),
    ("7^2 ≡ 3 (mod 5)\n8 ≡ 2 (mod 5)", [("≡", "refuted"), ("≡", "refuted")]),
    ("\\sqrt{16} = 4\n\\frac{1}{2} < \\frac{2}{3}", [("=", "proved"), ("<", "proved")]),
])
def test_each_fact_about_numbers_is_checked(cell: str, expected: list[tuple[str, str]]) -> None:
    assert _statuses(cell) == expected


def test_lines_with_letters_and_explicit_links_keep_their_meaning() -> None:
    assert _statuses("x + 1 = 3\nx = 2") == [("<=>", "proved")]
    # as written, false <=> false holds
    assert _statuses("2 + 2 = 5 <=> 3 + 3 = 7") == [("<=>", "proved")]
