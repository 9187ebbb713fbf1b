"""``and``/``or`` as MathCheck and programmers write them: ``/\\``, ``\\/``, ``&&``, ``||``.

``x > 1 /\\ x < 3`` was read as ``x > 1/x < 3`` (a division and a LaTeX space) and refuted;
``x > 1 && x < 3`` as ``x > 1 x < 3`` (``&`` is LaTeX alignment); ``\\/`` and ``<->`` were
errors. None of them may change what ``1/\\sqrt{2}`` or an aligned ``&& \\text{...}`` mean.
"""

from __future__ import annotations

import pytest

from proofnb.core.check import check_proof
from proofnb.core.model import CheckOptions


def _statuses(cell: str) -> list[str]:
    return [step.status for step in check_proof(cell, CheckOptions()).steps]


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("x > 1 /\\ x < 3 <=> 1 < x < 3", ["proved"]),
        ("x > 1 /\\ x < 3 <=> 1 < x < 4", ["refuted"]),
        ("x^2 - 5x + 6 = 0 <=> x = 2 \\/ x = 3", ["proved"]),
        ("x^2 - 5x + 6 = 0 <=> x = 2 \\/ x = -3", ["refuted"]),
        ("x > 1 && x < 3 <=> 1 < x < 3", ["proved"]),
        ("x^2 = 4 <=> x = 2 || x = -2", ["proved"]),
        ("x^2 = 4 <=> x = 2 || x = 4", ["refuted"]),
        ("(x-1)(x-2) = 0 <-> x = 1 or x = 2", ["proved"]),
    ],
)
def test_and_or_spellings(cell: str, expected: list[str]) -> None:
    assert _statuses(cell) == expected


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("1/\\sqrt{2} = \\sqrt{2}/2", ["proved"]),
        ("\\pi/\\sqrt{3} = \\pi \\sqrt{3}/3", ["proved"]),
        ("(x+1)^2 && \\text{expand}\n= x^2 + 2x + 1", ["proved"]),
        ("\\begin{aligned}\n(x+1)^2 &= x^2 + 2x + 1 && \\text{expand} \\\\\n"
         "&= x(x + 2) + 1 && \\text{factor}\n\\end{aligned}", ["proved", "proved"]),
        ("||(3, 4)|| = 5", ["proved"]),
    ],
)
def test_division_alignment_and_norms_keep_their_meaning(cell: str, expected: list[str]) -> None:
    assert _statuses(cell) == expected


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        # Reversed brackets for open ends (ISO 31-11, French schools): were "unmatched ']'".
        ("|x - 2| < 1 <=> x \\in ]1, 3[", ["proved"]),
        ("|x - 2| < 1 <=> x \\in ]1, 3]", ["refuted"]),
        ("x^2 >= 4 <=> x \\in ]-\\infty, -2] \\cup [2, +\\infty[", ["proved"]),
        ("x^2 > 4 <=> x ∈ ]-∞, -2] ∪ [2, ∞[", ["refuted"]),
        ("0 < x <= 1 <=> x \\in ]0, 1]", ["proved"]),
        # The usual brackets are unchanged, and so are brackets that are not an interval.
        ("x^2 <= 4 <=> x \\in [-2, 2]", ["proved"]),
        ("[x + 1]_0^1 = 1", ["proved"]),
    ],
)
def test_reversed_interval_brackets(cell: str, expected: list[str]) -> None:
    assert _statuses(cell) == expected


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        # \text{ oder } and its kin join statements as \text{ or } does (they were errors).
        ("x^2 = 9 \\Leftrightarrow x = 3 \\text{ oder } x = -3", ["proved"]),
        ("x^2 = 9 \\Leftrightarrow x = 3 \\text{ ou } x = 3", ["refuted"]),
        ("x > 1 \\text{ und } x < 3 \\Leftrightarrow 1 < x < 3", ["proved"]),
        ("x > 1 \\text{ et } x < 3 \\Leftrightarrow 1 < x < 4", ["refuted"]),
    ],
)
def test_connectives_in_other_languages(cell: str, expected: list[str]) -> None:
    assert _statuses(cell) == expected


def _relations(cell: str) -> list[tuple[str, str]]:
    return [(s.relation, s.status) for s in check_proof(cell, CheckOptions()).steps]


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        # A leading "so", "hence", "thus", "therefore" (also \text{so }, German, French) says
        # the line follows from the one above: ==> (they were products or unknown names).
        ("2x + 3 = 7\nso 2x = 4\nhence x = 2", [("==>", "proved"), ("==>", "proved")]),
        ("2x + 3 = 7\n\\text{so } 2x = 4", [("==>", "proved")]),
        ("x^2 = 4\ntherefore x = 2", [("==>", "refuted")]),
        ("x = 2\nthus x^2 = 4", [("==>", "proved")]),
        ("x^2 - 4 = 0\nThen x = 2 or x = -2", [("==>", "proved")]),
        ("2x = 6\ndaher x = 3", [("==>", "proved")]),
        # LHS = ... = RHS labels the sides of the chain.
        ("\\text{LHS} = (x+1)^2 = x^2 + 2x + 1 = \\text{RHS}", [("=", "proved")]),
        ("LHS = (x+1)^2 = x^2 + 1 = RHS", [("=", "refuted")]),
    ],
)
def test_prose_connectives_and_side_labels(cell: str, expected: list[tuple[str, str]]) -> None:
    assert _relations(cell) == expected


def test_a_letter_product_named_so_is_left_alone() -> None:
    steps = check_proof("so = 2\n= 2", CheckOptions()).steps
    assert [(s.relation, s.lhs) for s in steps] == [("=", "so"), ("=", "2")]
