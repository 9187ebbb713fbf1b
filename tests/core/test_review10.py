"""Review 10: adversarial cells on the day's cell-language changes.

* Line regexes that backtracked without bound on short cells: a run of units
  (``\\mathrm{~cm}`` x 25 before ``+ 1``) and commas before a ``≠`` (``x = 1 , , , ... x ≠ 2``)
  took minutes (2^n ways to split their blanks); long runs of ``~`` or ``\\ `` and unclosed
  ``\\boxed{`` were quadratic. Each must parse (or fail to) within a second.
"""

from __future__ import annotations

import time

import pytest

from proofnb.core.cell import parse_cell
from proofnb.core.lexer import ParseError
from proofnb.core.pasted import without_typesetting, without_units


def _quick(text: str, limit: float = 1.5) -> None:
    start = time.monotonic()
    try:
        parse_cell(text)
    except ParseError:
        pass
    assert time.monotonic() - start < limit


@pytest.mark.parametrize("text", [
    "x = 2" + " \\mathrm{~cm}" * 30 + " + 1",  # exponential in the unit run's gaps
    "x = 2" + " \\mathrm{ ~ cm }" * 30 + " + 1",
    "x = 1" + " ," * 40 + "x \\neq 2 =",  # exponential in the integer suffix's commas
    "x = 1" + "~" * 6000 + "x \\neq 2 =",  # quadratic: a long run of ~ before an exclusion
    "x = 1" + "\\ " * 6000 + "x \\neq 2 =",
    "x = 2" + "\\ " * 6000 + "\\mathrm{~cm}^2 + 1 \\text{a}",
    "x = 1" + " ," * 4000 + "x \\neq 2 =",
    "x = " + "\\boxed{" * 6000,  # quadratic: each wrapper looked for its brace to the end
])
def test_line_regexes_stay_fast(text: str) -> None:
    _quick(text)


def test_units_and_wrappers_still_read() -> None:
    text = r"\pi (3)^2 = 9\pi \mathrm{~cm}^{2}"
    assert "cm" not in without_units(text)
    mixed = r"1 \mathrm{~km} = 1000 \mathrm{~m}"
    assert without_units(mixed) == mixed
    assert "km" not in without_units(r"\frac{120}{2} = 60 \mathrm{~km} / \mathrm{h}")
    assert "boxed" not in without_typesetting(r"\boxed{\boxed{x} + 1} = 2")
    assert without_typesetting(r"\boxed{\{1\}} = 2").strip().startswith(r"\{1\}")


# An exclusion after a relation between statements is part of the statement it ends: read as
# a condition, ", x ≠ -2" hid exactly the root that the step loses.
@pytest.mark.parametrize("cell", [
    "x^2 = 4 <=> x = 2, x \\neq -2",
    "x^2 = 4\n<=> x = 2, x \\neq -2",
    "x^2 = 9 \\implies x = 3, x \\ne -3",
    "x^2 = 4\n\\iff x = 2 \\quad (x \\neq -2)",
])
def test_an_exclusion_after_a_statement_relation_is_no_condition(cell: str) -> None:
    from proofnb.core.check import check_proof
    from proofnb.core.model import CheckOptions

    step, = check_proof(cell, CheckOptions()).steps
    assert step.status in ("refuted", "error")
    if step.status == "refuted":
        assert step.counterexample is not None
        root = int(dict(step.counterexample.point)["x"])
        assert root**2 in (4, 9) and root < 0  # the root the step loses, really a root


def test_an_exclusion_on_a_chains_first_equation_still_holds_for_the_chain() -> None:
    from proofnb.core.check import check_proof
    from proofnb.core.model import CheckOptions

    cell = "\\frac{x^2-4}{x+2} = 0 \\qquad (x \\neq -2)\n\\iff x^2 - 4 = 0\n\\iff x = 2"
    assert [s.status for s in check_proof(cell, CheckOptions()).steps] == ["proved", "proved"]


def test_a_huge_multiple_angle_is_not_expanded() -> None:
    """expand_trig of cos(10^50 x) is a Chebyshev polynomial of degree 10^50: the step never
    came back (trig_polynomial_zero and the expand_trig rewrite), in any process."""
    from proofnb.core.check import check_proof
    from proofnb.core.model import CheckOptions

    start = time.monotonic()
    true, = check_proof("\\sin^2(10^{50} x) + \\cos^2(10^{50} x) = 1", CheckOptions()).steps
    false, = check_proof("\\sin^2(10^{50} x) + \\cos^2(10^{50} x) = 2", CheckOptions()).steps
    assert time.monotonic() - start < 30
    assert true.status in ("proved", "likely")
    assert false.status == "refuted" and false.counterexample is not None
    x = dict(false.counterexample.point)["x"]
    assert x == "0"  # sin^2 0 + cos^2 0 = 1, not 2
