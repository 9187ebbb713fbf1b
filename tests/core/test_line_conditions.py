"""A condition the line itself states: "for x > 0", "if x ≠ 1", "\\forall x", "For x > 0:".

Before, "for" and "if" were products of letters (f·o·r, i·f) and "when", "where", \\forall
were errors: ``x^2 + 1 > 2x for all x`` was refuted at a = 2, f = 2, l = 1, o = -2, ...
"""

from __future__ import annotations

import pytest

from proofnb.core.cell import parse_cell
from proofnb.core.check import check_proof
from proofnb.core.model import CheckOptions


def _steps(cell: str) -> list[tuple[str, tuple[str, ...]]]:
    return [(s.status, s.notes) for s in check_proof(cell, CheckOptions()).steps]


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("\\sqrt{x^2} = x \\text{ for } x \\ge 0", [("proved", ("for x \\ge 0",))]),
        ("sqrt(x^2) = x for x > -1", [("refuted", ("for x > -1",))]),
        ("For x > 0: \\sqrt{x^2} = x", [("proved", ("for x > 0",))]),
        ("For x > -1, sqrt(x^2) = x", [("refuted", ("for x > -1",))]),
        ("(x^2-1)/(x-1) = x + 1 if x != 1", [("proved", ("for x != 1",))]),
        ("log(x^2) = 2 log(x) when x > 0", [("proved", ("for x > 0",))]),
        ("log(x^2) = 2 log(x) where x \\ne 0", [("refuted", ("for x \\ne 0",))]),
        ("n^2 + n = n(n + 1) for n \\in \\mathbb{N}", [("proved", ("for n \\in \\mathbb{N}",))]),
        # Everywhere: no condition.
        ("x^2 + 1 > 0 for all x", [("proved", ())]),
        ("x^2 + 1 > 0 \\quad \\forall x", [("proved", ())]),
        ("\\forall x \\in \\mathbb{R}: x^2 \\ge 0", [("proved", ())]),
        ("|x| \\ge 0 \\text{ for all } x", [("proved", ())]),
        ("For all x, x^2 + 1 > 0", [("proved", ())]),
    ],
)
def test_a_line_holds_where_it_says(cell: str, expected: list[tuple[str, tuple[str, ...]]]) -> None:
    assert _steps(cell) == expected


def test_a_wrong_claim_for_all_x_gets_a_plain_witness() -> None:
    (step,) = check_proof("x^2 + 1 > 2x for all x", CheckOptions()).steps
    assert step.status == "refuted" and step.counterexample is not None
    assert step.counterexample.point == (("x", "1"),)


def test_the_conclusion_says_where_the_chain_holds() -> None:
    result = check_proof("sqrt(x^2) = x for x >= 0", CheckOptions())
    assert result.conclusion == "sqrt(x^2) = x for x >= 0"


def test_only_the_line_with_the_condition_is_under_it() -> None:
    steps = parse_cell("sqrt(x^2) = |x|\n= x for x >= 0").steps
    assert [s.condition for s in steps] == ["", "x >= 0"]


@pytest.mark.parametrize(
    "cell",
    [
        "sin x = 0 <=> x = k\\pi for k \\in \\mathbb{Z}",
        "sin x = 0 <=> x = k\\pi, k \\in \\mathbb{Z}",
        "sin x = 0 <=> x = k\\pi for some integer k",
    ],
)
def test_a_family_parameter_is_still_for_some_integer(cell: str) -> None:
    (step,) = check_proof(cell, CheckOptions()).steps
    assert step.status == "proved" and step.method == "periodic-families"


def test_a_function_defined_by_cases_is_refused_not_misread() -> None:
    # "f(x) = x^2 if x > 0" is one case of f: taking f = x^2 everywhere would prove f(-1) = 1.
    result = check_proof("f(x) = x^2 if x > 0\nf(-1) = 1", CheckOptions())
    assert result.verdict == "rejected"
    assert "defined by cases" in result.steps[0].message
    # A claim about a defined f keeps its condition.
    assert _steps("f(x) = x^2\nf(x) = x \\cdot x for x > 0") == [("proved", ("for x > 0",))]
