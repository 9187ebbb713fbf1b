"""Round 21: sequence and series worksheets (``a_n = <expression in n>`` defines a)."""

from __future__ import annotations

import pytest

from proofnb.core.cell import parse_cell
from proofnb.core.check import check_proof
from proofnb.core.model import CheckOptions


def _steps(cell: str, *assume: str) -> list[tuple[str, str]]:
    result = check_proof(cell, CheckOptions(assume=assume))
    return [(s.status, s.counterexample.text if s.counterexample else s.message)
            for s in result.steps]


def _statuses(cell: str, *assume: str) -> list[str]:
    return [status for status, _ in _steps(cell, *assume)]


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        # Terms used above the definition are claims of their own, one a line: with
        # a_1 = 4 and a_{n+1} = a_n + 2 both wrong, "a_1 = 4 <=> a_{n+1} = a_n + 2" held.
        ("a_1 = 4\na_{n+1} = a_n + 2\na_n = 3n + 2\na_{10} = 32",
         ["refuted", "refuted", "proved"]),
        ("a_1 = 5\na_{n+1} = a_n + 3\na_n = 3n + 2\na_{10} = 32",
         ["proved", "proved", "proved"]),
        ("u_0 = 2\nu_{n+1} = 2 u_n\nu_n = 2^n\nu_5 = 32", ["refuted", "proved", "proved"]),
    ],
)
def test_terms_above_the_definition_are_claims(cell: str, expected: list[str]) -> None:
    assert _statuses(cell) == expected


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        # An index is a whole number: k = -1/2 was a witness against a_k > a_{k+1}.
        ("a_n = 1/n\na_k > a_{k+1}", "proved"),
        ("a_n = 1/n\na_k < a_{k+1}", "refuted"),
        ("a_n = (-1)^n\na_{2k} = 1", "proved"),
        ("a_n = (-1)^n\na_{2k} = -1", "refuted"),
        ("a_n = (-1)^n\na_{2k+1} = -1", "proved"),
        # a_{-1} is no term: a_n > a_{n-1} is a claim for n >= 1 (n = 0 was its witness).
        ("a_n = n^2\na_n > a_{n-1}", "proved"),
        ("a_n = n^2\na_n < a_{n-1}", "refuted"),
        ("a_n = (n - 2)^2\na_{n-2} <= a_n", "refuted"),
        ("a_n = 2^n\na_{n-1} a_{n+1} = a_n^2", "proved"),
        ("a_n = 2^n\na_{n-1} a_{n+1} = 2 a_n^2", "refuted"),
    ],
)
def test_indices_are_whole_numbers(cell: str, expected: str) -> None:
    assert _statuses(cell) == [expected]


def test_witnesses_lie_where_the_terms_exist() -> None:
    (status, witness), = _steps("a_n = (n - 2)^2\na_{n-2} <= a_n")
    assert status == "refuted" and witness.startswith("n = 2:")
    (status, witness), = _steps("a_n = 1/n\na_k < a_{k+1}")
    assert status == "refuted" and "k = 1" in witness
    assert parse_cell("a_n = n^2\na_n > a_{n-1}").steps[0].premise == "n-1 >= 0"


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        # a_n = <expr> = <expr>: the first = names the term (a letter a_n made it false).
        ("a_n = 2 + 3(n - 1) = 3n - 1", ["proved"]),
        ("a_n = 2 + 3(n - 1) = 3n + 1", ["refuted"]),
        ("S_n = \\sum_{k=1}^{n} k = \\frac{n(n+1)}{2}", ["proved"]),
        ("S_n = \\sum_{k=1}^{n} k = \\frac{n(n-1)}{2}", ["refuted"]),
        ("a_n = 5 + 3(n - 1)\n= 3n + 2", ["proved"]),
        ("a_n = 5 + 3(n - 1)\n= 3n + 5", ["refuted"]),
        ("a_n = \\frac{n}{n+1} = 1 - \\frac{1}{n+1} < 1", ["proved", "proved"]),
        ("a_n = \\frac{n}{n+1} = 1 - \\frac{1}{n+1} > 1", ["proved", "refuted"]),
        # Continued by <=>, a_n stays a letter.
        ("a_n = 2n + 1\n<=> n = (a_n - 1)/2", ["proved"]),
        ("a_n = 2n + 1\n<=> n = (a_n + 1)/2", ["refuted"]),
    ],
)
def test_a_definition_that_goes_on_as_a_chain(cell: str, expected: list[str]) -> None:
    assert _statuses(cell) == expected


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        # a alone is the first term when the sequence is a: a_n = a + (n - 1)d.
        ("a_n = a + (n - 1)d\na_{n+1} - a_n = d", ["proved"]),
        ("a_n = a + (n - 1)d\na_{n+1} - a_n = a", ["refuted"]),
        ("a_n = a + (n - 1)d\na_1 = a\na_3 = a + 2d", ["proved", "proved"]),
        ("a_n = a + (n - 1)d\na_3 = a + 3d", ["refuted"]),
        # a(...) is a times (...), not the sequence applied.
        ("a_n = a r^{n-1}\nS = a(1 - r^3)/(1 - r)\n<=> S = a_1 + a_2 + a_3", ["proved"]),
        ("a_n = a r^{n-1}\nS = a(1 - r^4)/(1 - r)\n<=> S = a_1 + a_2 + a_3", ["refuted"]),
        ("a_n = n\na_3 = 3", ["proved"]),
        # Not a letter of its own formula: u(3) is the term u_3.
        ("u_n = 2n + 1\nu_1 = 3\nu(3) = 7", ["proved", "proved"]),
        ("u_n = 2n + 1\nu_1 = 3\nu(3) = 8", ["proved", "refuted"]),
    ],
)
def test_the_sequence_letter_alone_is_a_letter(cell: str, expected: list[str]) -> None:
    assert _statuses(cell, "r != 1") == expected


@pytest.mark.parametrize(
    ("cell", "message"),
    [
        # A recurrence is not solved: the error says to define the sequence by a formula.
        ("a_1 = 5\na_{n+1} = a_n + 3\na_n = 3n + 2", "a_{n+1} is a term of a sequence"),
        ("a_n = a_{n-1} + 3\na_1 = 5", "a_{n-1} is a term of a sequence"),
        ("x_{n+1} = x_n/2 + 1/x_n\nx_1 = 1", "define x first by a formula in n"),
        ("a_n = 2^n\na_{1/2} = sqrt(2)", "the index of a is a whole number"),
        ("a_n = 2^n\na_{-1} = 1/2", "the index of a is a whole number"),
    ],
)
def test_errors_say_what_to_write(cell: str, message: str) -> None:
    found = _steps(cell)
    assert found and all(status == "error" for status, _ in found)
    assert message in found[0][1]


def test_a_recurrence_line_is_no_definition() -> None:
    assert parse_cell("a_n = a_{n-1} + 3\na_1 = 5").assume == ()
    assert parse_cell("x_1 + x_2 = 3").assume == ()


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        # b_n = a_n + 1 uses n only in a term of a: it still defines b.
        ("a_n = 2n\nb_n = a_n + 1\nb_k = 2k + 1", "proved"),
        ("a_n = 2n\nb_n = a_n + 1\nb_k = 2k - 1", "refuted"),
        # n is a whole number: the solution sets are compared among the integers.
        ("a_n = 11 - 3n\na_n < 0 <=> n >= 4", "proved"),
        ("a_n = 11 - 3n\na_n < 0 <=> n >= 3", "refuted"),
        ("a_n = 2^{n-1}\na_n > 1000 <=> n >= 11", "proved"),
        ("a_n = 2^{n-1}\na_n > 1000 <=> n >= 10", "refuted"),
        # A limit that is infinite is no 0 (the index n is no condition of that step).
        ("a_n = 5^n/4^n\nlimit(a_n, n, oo) = 0", "refuted"),
        ("a_n = 5^n/4^n\nlimit(a_n, n, oo) = oo", "proved"),
        # Ratio tests: the factorials are simplified before the limit (3.9 s before).
        ("a_n = 2^n/n!\n\\lim_{n \\to \\infty} \\frac{a_{n+1}}{a_n} = 0", "proved"),
        ("a_n = n!/n^n\nlimit(a_{n+1}/a_n, n, oo) = 1/e", "proved"),
        ("a_n = n!/n^n\nlimit(a_{n+1}/a_n, n, oo) = e", "refuted"),
    ],
)
def test_second_pass(cell: str, expected: str) -> None:
    result = check_proof(cell, CheckOptions())
    assert [s.status for s in result.steps] == [expected]


def test_a_closed_claim_has_no_index_in_its_witness() -> None:
    (status, witness), = _steps("u_n = 4n - 1\nu_{20} = 80")
    assert status == "refuted" and witness == "left side 79, right side 80"


def test_many_lines_that_may_define_a_sequence_parse_in_linear_time() -> None:
    import time

    # Each "x_n = n" line (an equation: <=> follows) split all the text below it again.
    text = "\n".join(["x_n = n", "<=> n = x_n"] * 4000)
    started = time.perf_counter()
    cell = parse_cell(text)
    assert time.perf_counter() - started < 15
    assert len(cell.steps) == 7999 and cell.assume == ()
