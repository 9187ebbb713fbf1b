"""Probe round 61: probability and statistics steps as school teachers write them
(core/probability.py, core/definitions.py): given values that a later line claims again."""

from __future__ import annotations

import pytest
import sympy as sp

from proofnb.core.check import check_proof
from proofnb.core.model import CheckOptions


def _steps(cell: str) -> list[tuple[int, str, str]]:
    result = check_proof(cell, CheckOptions(assume=()))
    return [(s.line, s.status, s.counterexample.text if s.counterexample else s.message)
            for s in result.steps]


def _point(cell: str, line: int) -> dict[str, sp.Expr]:
    result = check_proof(cell, CheckOptions(assume=()))
    step = next(s for s in result.steps if s.line == line and s.status == "refuted")
    assert step.counterexample is not None
    return {name: sp.Rational(value) for name, value in step.counterexample.point}


@pytest.mark.parametrize(("cell", "given", "claimed"), [
    # P(A ∩ B) = 0.1 is given; the next line claims independence, which it contradicts
    ("P(A) = 0.3\nP(B) = 0.5\nP(A \\cap B) = 0.1\nP(A \\cap B) = P(A) P(B)",
     {"P(A)": "3/10", "P(B)": "1/2", "P(A∩B)": "1/10"}, lambda v: v["P(A)"] * v["P(B)"]),
    ("P(A) = 0.4\nP(B) = 0.35\nP(A \\cap B) = 0.2\nP(A \\cap B) = P(A) P(B) = 0.14",
     {"P(A)": "2/5", "P(B)": "7/20", "P(A∩B)": "1/5"}, lambda v: v["P(A)"] * v["P(B)"]),
    ("E(X) = 3\nE(X) = 4", {"E(X)": "3"}, lambda v: sp.Integer(4)),
])
def test_given_quantity_claimed_again_is_checked_against_its_value(
        cell: str, given: dict[str, str], claimed: object) -> None:
    last = cell.count("\n") + 1
    steps = _steps(cell)
    assert [s for s in steps if s[1] == "refuted"], steps
    assert all(line == last for line, status, _ in steps if status == "refuted"), steps
    point = _point(cell, last)
    # the witness is the cell's own given values, and the claim really fails there
    for name, value in given.items():
        assert point[name] == sp.Rational(value), point
    quantity = next(iter(set(given) - {"P(A)", "P(B)"}))
    assert callable(claimed)
    assert point[quantity] != claimed(point)


@pytest.mark.parametrize("cell", [
    "P(A) = 0.3\nP(B) = 0.5\nP(A \\cap B) = 0.15\nP(A \\cap B) = P(A) P(B)",
    "E(X) = 3\nE(X) = 3",
    "P(A) = 0.3\nP(A) = 1 - 0.7",
    "P(A) = 0.3\nP(A') = 1 - P(A) = 0.7",
])
def test_given_quantity_claimed_again_consistently_is_accepted(cell: str) -> None:
    steps = _steps(cell)
    assert all(status in ("proved", "likely") for _, status, _ in steps), steps


def test_quantity_alone_on_last_line_is_still_a_claim() -> None:
    # the last line has no line below it: it is a claim, never a given
    steps = _steps("P(A) = 0.3")
    assert steps and all(status != "refuted" for _, status, _ in steps), steps


@pytest.mark.parametrize(("cell", "left", "right"), [
    # standardising: the bound's arithmetic is done, so both sides name one event
    (r"P(Z < \frac{5 - 3}{2}) = P(Z < 1)", sp.Rational(5 - 3, 2), sp.Integer(1)),
    (r"P(Z < \frac{65 - 50}{10}) = P(Z < 1.5)", sp.Rational(65 - 50, 10), sp.Rational(3, 2)),
    (r"P(Z \le \frac{85 - 100}{15}) = P(Z \le -1)", sp.Rational(85 - 100, 15), sp.Integer(-1)),
    (r"P(X > \frac{2}{6}) = P(X > 1/3)", sp.Rational(2, 6), sp.Rational(1, 3)),
])
def test_event_with_equal_number_bounds_is_one_quantity(
        cell: str, left: sp.Rational, right: sp.Rational) -> None:
    assert left == right  # the bounds really are equal
    steps = _steps(cell)
    assert steps and all(status == "proved" for _, status, _ in steps), steps


@pytest.mark.parametrize("cell", [
    # dividing by the variance instead of the standard deviation: a different event, and
    # without a declared distribution no value refutes it
    r"P(Z < \frac{5 - 3}{4}) = P(Z < 1)",
    r"P(X < 5) = P(Z < \frac{5 - 3}{2})",
])
def test_event_with_different_bound_is_not_accepted_or_refuted(cell: str) -> None:
    steps = _steps(cell)
    assert any(status == "unknown" for _, status, _ in steps), steps
    assert all(status not in ("refuted", "error") for _, status, _ in steps), steps


def test_given_value_reaches_an_event_with_the_same_bound_written_otherwise() -> None:
    cell = "P(X \\le 2.5) = 0.8\nP(X > \\frac{5}{2}) = 1 - P(X \\le 2.50) = 0.3"
    steps = _steps(cell)
    refuted = [s for s in steps if s[1] == "refuted"]
    assert refuted and all(line == 2 for line, _, _ in refuted), steps
    assert sp.Integer(1) - sp.Rational(8, 10) != sp.Rational(3, 10)  # the claim is false
    # 1 - P(X ≤ 5/2) = 1 - 0.8 is proved: the three spellings of the bound are one event
    assert any(status == "proved" for _, status, _ in steps), steps


@pytest.mark.parametrize(("cell", "n", "p", "claimed", "true_value"), [
    # binomial mean and variance from given n and p written as the product np
    ("n = 5\np = 0.3\nE(X) = np = 5 \\cdot 0.3 = 1.5", 5, "0.3", "1.5", lambda n, p: n * p),
    ("n = 5\np = 0.3\nVar(X) = np(1 - p) = 1.05", 5, "0.3", "1.05",
     lambda n, p: n * p * (1 - p)),
    ("n = 20\np = 0.25\nE(X) = np = 5", 20, "0.25", "5", lambda n, p: n * p),
])
def test_given_letters_in_a_product_give_a_quantity_its_value(
        cell: str, n: int, p: str, claimed: str, true_value: object) -> None:
    assert callable(true_value)
    assert true_value(sp.Integer(n), sp.Rational(p)) == sp.Rational(claimed)
    steps = _steps(cell)
    assert steps and all(status == "proved" for _, status, _ in steps), steps


@pytest.mark.parametrize(("cell", "wrong"), [
    ("n = 5\np = 0.3\nE(X) = np = 5 \\cdot 0.3 = 1.6", "8/5"),
    ("n = 5\np = 0.3\nVar(X) = np(1 - p) = 1.5", "3/2"),  # forgot the (1 - p)
])
def test_wrong_binomial_value_is_refuted_at_the_given_values(cell: str, wrong: str) -> None:
    result = check_proof(cell, CheckOptions(assume=()))
    refuted = [s for s in result.steps if s.status == "refuted"]
    assert refuted, [(s.status, s.message) for s in result.steps]
    for step in refuted:
        assert step.counterexample is not None
        point = dict(step.counterexample.point)
        # never n = 0, p = 0: the witness is the cell's own n and p
        assert sp.Rational(point["n"]) == 5 and sp.Rational(point["p"]) == sp.Rational(3, 10)
        assert step.counterexample.rhs_value == wrong
    assert not any(s.status == "refuted" and s.line != 3 for s in result.steps)


@pytest.mark.parametrize("line", [
    "X \\sim B(5, 0.3)", "X ~ N(3, 4)", "X \\sim \\text{Bin}(10, 0.5)", "Y \\sim Po(2)",
])
def test_distribution_line_is_a_readable_error(line: str) -> None:
    result = check_proof(line + "\nP(X = 0) = 0.7^5 \\approx 0.168", CheckOptions(assume=()))
    errors = [s for s in result.steps if s.status == "error"]
    assert errors and errors[0].line == 1
    assert "names a distribution" in errors[0].message
    assert "# X ~ B(5, 0.3)" in errors[0].message  # says what to write instead
    # as a comment the line is skipped and the probability below is checked
    commented = check_proof("# " + line + "\nP(X = 0) = 0.7^5 \\approx 0.168",
                            CheckOptions(assume=()))
    assert all(s.status == "proved" for s in commented.steps)
    assert abs(sp.Rational(7, 10) ** 5 - sp.Rational("0.168")) < sp.Rational(5, 10**4)
