"""Definition lines: ``f(x) = x^2 + 1`` at the start of a chain defines f for the cell."""

from __future__ import annotations

import pytest

from proofnb.core.cell import parse_cell
from proofnb.core.check import check_proof
from proofnb.core.errors import ParseError
from proofnb.core.model import CheckOptions


def _steps(cell: str, *assume: str) -> list[tuple[str, str]]:
    result = check_proof(cell, CheckOptions(assume=assume))
    return [(s.status, s.counterexample.text if s.counterexample else s.message)
            for s in result.steps]


def test_a_definition_is_no_step_and_the_chain_goes_on_from_its_expression() -> None:
    cell = parse_cell("f(x) = (x + 1)^2\n= x^2 + 2x + 1")
    assert cell.assume == ("f(x) := (x + 1)^2",)
    assert [(s.lhs, s.rhs) for s in cell.steps] == [("(x + 1)^2", "x^2 + 2x + 1")]
    # On its own line, the definition is followed by a new chain, not by "<=>".
    cell = parse_cell("f(x) = x^2 + 1\nf'(x) = 2x")
    assert [(s.lhs, s.relation, s.rhs, s.kind) for s in cell.steps] == [
        ("f'(x)", "=", "2x", "expression")]


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("f(x) = x^3 - 3x\nf'(x) = 3x^2 - 3\n= 3(x - 1)(x + 1)", ["proved", "proved"]),
        ("f(x) = x^3 - 3x\nf'(x) = 3x^2 - 3\n= 3(x - 1)^2", ["proved", "refuted"]),
        ("f(x) = x^2 - 4\nf(2) = 0", ["proved"]),
        ("f(x) = x^2 - 4\nf(3) = 4", ["refuted"]),
        ("f(x) = x^2\ng(x) = 2x + 1\nf(g(x)) = 4x^2 + 4x + 1", ["proved"]),
        ("f(x) = x^2\ng(x) = 2x + 1\ng(f(x)) = 4x^2 + 4x + 1", ["refuted"]),
        ("f(x) = 1/x\n(f(x + h) - f(x))/h = -1/(x(x + h))", ["proved"]),
        ("f(x) = e^(2x)\nf''(x) = 4 f(x)", ["proved"]),
        ("f(x, y) = x^2 + y^2\nf(1, 2) = 5", ["proved"]),
        ("p(x) = x^3 - 6x^2 + 11x - 6\np(2) = 0", ["proved"]),  # used later: a definition
        ("a(b + c) = ab + ac", ["proved"]),  # a letter not used as a function: a product
    ],
)
def test_steps_that_use_a_definition(cell: str, expected: list[str]) -> None:
    assert [status for status, _ in _steps(cell)] == expected


def test_no_witness_where_a_defined_function_has_no_derivative() -> None:
    # d|x|/dx does not exist at 0: never a witness there, and f'(0) is undefined.
    (status, witness), = _steps("f(x) = |x|\nf'(x) = 1")
    assert status == "refuted" and "x = 0" not in witness
    (status, _), = _steps("f(x) = |x|\nf'(0) = 0")
    assert status != "proved"
    (status, _), = _steps("f(x) = |x|\nf'(x) = 1", "x > 0")
    assert status == "proved"


def test_a_declared_unknown_function_is_not_defined() -> None:
    # In the cell or as an option, f function makes f(x) = x^2 a claim about every f.
    for cell, assume in (("assume f function\nf(x) = x^2", ()), ("f(x) = x^2", ("f function",))):
        result = check_proof(cell, CheckOptions(assume=assume))
        assert result.steps[0].status == "refuted"


def test_clear_errors() -> None:
    with pytest.raises(ParseError, match="only defines f"):
        parse_cell("f(x) = x^2 + 1")
    (status, message), = _steps("f(x) = x^2\nf(1, 2) = 1")
    assert status == "error" and "defined with 1 variable" in message
    (status, message), = _steps("f(x) = floor(x)\nf'(x) = 0")
    assert status == "error" and "not supported" in message


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("d/dx (x^2 - 4x) = 0\n<=> x = 2", "proved"),
        ("d/dx (x^2 - 4x) = 0\n<=> x = 4", "refuted"),
        ("f(x) = x^3 - 12x\nf'(x) = 0\n<=> x = 2 or x = -2", "proved"),
        ("f(x) = x^3 - 12x\nf'(x) = 0\n<=> x = 2", "refuted"),
        ("integrate(t, (t, 0, x)) = 2\n<=> x = 2 or x = -2", "proved"),
    ],
)
def test_statements_with_derivatives_and_integrals(cell: str, expected: str) -> None:
    assert [status for status, _ in _steps(cell)][-1] == expected


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("a_n = 3n + 2\na_{n+1} - a_n = 3", ["proved"]),
        ("a_n = 3n + 2\na_{n+1} - a_n = 2", ["refuted"]),
        ("u_n = 3 * 2^(n-1)\nu_1 = 3\nu_4 = 24", ["proved", "proved"]),
        ("u_n = 3 * 2^(n-1)\nu_1 = 3\nu_4 = 12", ["proved", "refuted"]),
        ("S_n = n/2 (2a + (n - 1)d)\nS_{n+1} - S_n = a + n d", ["proved"]),
        # The index is a natural number: 1/n decreases for n = 1, 2, ... (0 is undefined).
        ("a_n = 1/n\na_n > a_{n+1}", ["proved"]),
        ("a_n = 1/n\na_{n+1} > a_n", ["refuted"]),
        ("u_n = 2^n\nu_n > n^2", ["refuted"]),  # n = 2
        # Without a later term, or continued by <=>, a_n is a letter.
        ("x_1 + x_2 = 3", ["refuted"]),
        ("a_n = 2n + 1\n<=> n = (a_n - 1)/2", ["proved"]),
    ],
)
def test_sequences(cell: str, expected: list[str]) -> None:
    assert [status for status, _ in _steps(cell)] == expected


def test_a_sequence_witness_is_a_natural_number() -> None:
    (status, witness), = _steps("u_n = 2^n\nu_n > n^2")
    assert status == "refuted" and witness.startswith("n = 2:")


def test_a_line_about_f_in_terms_of_f_is_a_claim_not_a_definition() -> None:
    from proofnb.runner.api import make_options

    # --assume "f, g functions" arrives split at the comma: f is still declared.
    result = check_proof("f(x) = f(x + 2 pi)", make_options(assume="f, g functions"))
    assert result.steps[0].status == "refuted"
    assert parse_cell("f(x) = f(-x)").assume == ()  # f even: a claim about f


def test_a_definitions_own_variable_ignores_the_cells_assumptions() -> None:
    # Under assume x > 0, f(x) = sqrt(x^2) is still |x| as a function: f(-2) = 2.
    assert [s for s, _ in _steps("f(x) = sqrt(x^2)\nf(-2) = -2", "x > 0")] == ["refuted"]
    assert [s for s, _ in _steps("f(x) = sqrt(x^2)\nf(-2) = 2", "x > 0")] == ["proved"]
    assert [s for s, _ in _steps("f(x) = sqrt(x^2)\nf(x) = x", "x > 0")] == ["proved"]
    assert [s for s, _ in _steps("f(x) = a x^2\nf(-1) = a", "a > 0")] == ["proved"]


def test_definitions_are_read_in_the_order_they_need() -> None:
    assert [s for s, _ in _steps("f(x) = g(x) + 1\ng(x) = 2x\nf(1) = 3")] == ["proved"]
    (status, message), = _steps("f(x) = g(x) + 1\ng(x) = f(x) - 1\nf(1) = 3")
    assert status == "error" and "in terms of each other" in message


def test_a_sequence_term_is_bounded_like_typed_maths() -> None:
    (status, message), = _steps("a_n = n!\na_{a_{10}} = 1")
    assert status == "error" and "too large" in message


def test_a_kink_at_a_composite_argument_stays_a_hole() -> None:
    # f'(x^2) for f = |x| does not exist at x = 0: x^2/|x^2| must not become 1 there.
    assert [s for s, _ in _steps("f(x) = |x|\nf'(x^2) = 1\n<=> x != 0")] == ["proved"]
    assert [s for s, _ in _steps("f(x) = |x|\nf'(x^2) = 1\n<=> x = x")] != ["proved"]
