"""Round 69: discrete mathematics as school and first-year cells write it (binomial
coefficients, factorials, sums with closed forms, induction, congruences). Witnesses are
re-checked here with exact integers (math.comb, math.factorial, Fraction), not with the engine."""

from __future__ import annotations

import math
from fractions import Fraction

import pytest

from proofnb.core.check import check_proof
from proofnb.core.model import CheckOptions, StepResult

SUM_NOTE = "n is read as a whole number, 0, 1, 2, … (a sum's or product's number of terms)"


def _steps(cell: str, *assume: str) -> tuple[StepResult, ...]:
    return check_proof(cell, CheckOptions(assume=assume)).steps


def _point(step: StepResult) -> dict[str, Fraction]:
    assert step.counterexample is not None, step
    return {name: Fraction(value) for name, value in step.counterexample.point}


# --- LaTeX spacing between factorials: \frac{5!}{2!\,3!} is 5!/(2! 3!) -----------------------

@pytest.mark.parametrize("cell, value", [
    (r"\binom{5}{2} = \frac{5!}{2!\,3!} = 10", 10),
    (r"\frac{8!}{2!\,2!\,2!} = 5040", 5040),
    (r"\frac{6!}{2!\;2!\;2!} = 90", 90),
    (r"\frac{5!}{2!3!} = 10", 10),
    (r"2!\,3! = 12", 12),
])
def test_factorials_set_apart_by_latex_spaces_multiply(cell: str, value: int) -> None:
    steps = _steps(cell)
    assert [s.status for s in steps] == ["proved"] * len(steps), steps
    # the same numbers by hand
    assert {10: math.factorial(5) // (2 * 6), 5040: math.factorial(8) // 8,
            90: math.factorial(6) // 8, 12: 2 * 6}[value] == value


def test_a_wrong_multinomial_with_latex_spaces_is_refuted() -> None:
    (step,) = _steps(r"\frac{8!}{2!\,2!\,2!} = 10080")
    assert step.status == "refuted" and step.counterexample is not None
    assert math.factorial(8) // 8 != 10080


@pytest.mark.parametrize("cell", [r"3!2 = 12", r"x\,2 = 2x"])
def test_a_number_glued_after_a_factor_stays_an_error(cell: str) -> None:
    (step,) = _steps(cell)
    assert step.status == "error" and "operator before the number" in step.message, step


# --- a letter in a sum's bounds counts terms: a whole number ---------------------------------

@pytest.mark.parametrize("cell", [
    r"\sum_{k=0}^{n} \binom{n}{k} = 2^n",
    r"\sum_{k=0}^{n} k \binom{n}{k} = n 2^{n-1}",
    r"\sum_{k=1}^{n} \binom{n}{k} = 2^n - 1",
    r"\sum_{k=0}^{n} \binom{n}{k}^2 = \binom{2n}{n}",
    r"\sum_{k=1}^{n} k \cdot k! = (n+1)! - 1",
])
def test_binomial_and_factorial_sums_are_not_refuted_at_negative_n(cell: str) -> None:
    steps = _steps(cell)
    assert all(s.status in ("proved", "likely") for s in steps), steps
    assert any("n is read as a whole number" in note for s in steps for note in s.notes), steps


def test_the_reading_is_checked_against_the_terms() -> None:
    sums = {n: sum(math.comb(n, k) for k in range(n + 1)) for n in range(12)}
    assert all(sums[n] == 2**n for n in sums)
    assert sum(k * math.factorial(k) for k in range(1, 9)) == math.factorial(9) - 1


@pytest.mark.parametrize("cell, holds", [
    (r"\sum_{k=0}^{n} (-1)^k \binom{n}{k} = 0",
     lambda n: sum((-1) ** k * math.comb(n, k) for k in range(n + 1)) == 0),
    (r"\sum_{k=1}^{n} (-1)^k \binom{n}{k} = -1",
     lambda n: sum((-1) ** k * math.comb(n, k) for k in range(1, n + 1)) == -1),
    (r"\sum_{k=1}^{n} \binom{n}{k} = 2^n",
     lambda n: sum(math.comb(n, k) for k in range(1, n + 1)) == 2**n),
    (r"\sum_{k=0}^{n} k \binom{n}{k} = n 2^{n}",
     lambda n: sum(k * math.comb(n, k) for k in range(n + 1)) == n * 2**n),
])
def test_a_claim_false_at_a_small_whole_number_is_still_refuted_there(cell, holds) -> None:  # type: ignore[no-untyped-def]
    (step,) = _steps(cell)
    assert step.status == "refuted", step
    n = _point(step)["n"]
    assert n.denominator == 1 and n >= 0 and not holds(int(n))


def test_a_declared_integer_keeps_its_negative_values() -> None:
    # assume n integer: the user's own domain; under Karr's convention the sum at n = -1 is
    # empty (0) while 2^n is 1/2, so the witness is real
    (step,) = _steps(r"\sum_{k=0}^{n} \binom{n}{k} = 2^n", "n integer")
    assert step.status == "refuted", step
    assert _point(step) == {"n": Fraction(-1)}
    assert SUM_NOTE not in step.notes


def test_a_lower_bound_of_two_asks_for_at_least_no_terms() -> None:
    (step,) = _steps(r"\sum_{k=2}^{n} \frac{1}{k^2 - 1} = \frac{3}{4} - \frac{2n+1}{2n(n+1)}")
    assert step.status == "proved", step
    for n in range(1, 15):
        total = sum((Fraction(1, k * k - 1) for k in range(2, n + 1)), Fraction(0))
        assert total == Fraction(3, 4) - Fraction(2 * n + 1, 2 * n * (n + 1))


def test_closed_form_with_a_parameter_keeps_the_parameter_real() -> None:
    (step,) = _steps(r"\sum_{k=0}^{n} x^k = \frac{1 - x^{n}}{1 - x}")
    assert step.status == "refuted", step
    point = _point(step)
    n, x = int(point["n"]), point["x"]
    assert n >= 0 and x != 1
    assert sum(x**k for k in range(n + 1)) != (1 - x**n) / (1 - x)


# --- the binomial theorem closes sums SymPy leaves open ------------------------------------

@pytest.mark.parametrize("cell, closed", [
    (r"(1 + x)^n = \sum_{k=0}^{n} \binom{n}{k} x^k",
     lambda n, x: sum(math.comb(n, k) * x**k for k in range(n + 1)) == (1 + x) ** n),
    (r"\sum_{k=0}^{n} \binom{n}{k} 2^k = 3^n",
     lambda n, x: sum(math.comb(n, k) * 2**k for k in range(n + 1)) == 3**n),
    (r"\sum_{k=0}^{n} \binom{n}{k} x^k y^{n-k} = (x+y)^n", None),
    (r"\sum_{k=0}^{n} \binom{n}{k} \frac{1}{2^k} = (3/2)^n",
     lambda n, x: sum(Fraction(math.comb(n, k), 2**k) for k in range(n + 1))
     == Fraction(3, 2) ** n),
    (r"\sum_{k=1}^{n} \binom{n}{k} 2^k = 3^n - 1",
     lambda n, x: sum(math.comb(n, k) * 2**k for k in range(1, n + 1)) == 3**n - 1),
    (r"\sum_{k=0}^{n} \binom{n}{k} 3^k = (1 + 3)^n = 4^n", None),
])
def test_binomial_theorem_sums_are_proved(cell, closed) -> None:  # type: ignore[no-untyped-def]
    steps = _steps(cell)
    assert [s.status for s in steps] == ["proved"] * len(steps), steps
    if closed is not None:
        assert all(closed(n, Fraction(x, 3)) for n in range(9) for x in range(-4, 5))


@pytest.mark.parametrize("cell, holds", [
    (r"\sum_{k=0}^{n} \binom{n}{k} 2^k = 4^n",
     lambda n: sum(math.comb(n, k) * 2**k for k in range(n + 1)) == 4**n),
    (r"\sum_{k=1}^{n} \binom{n}{k} 2^k = 3^n",
     lambda n: sum(math.comb(n, k) * 2**k for k in range(1, n + 1)) == 3**n),
    (r"\sum_{k=1}^{n} \binom{n-1}{k-1} = 2^{n-1}",
     lambda n: sum(math.comb(n - 1, k - 1) for k in range(1, n + 1)) == Fraction(2) ** (n - 1)),
])
def test_wrong_binomial_theorem_sums_are_refuted_at_a_whole_number(cell, holds) -> None:  # type: ignore[no-untyped-def]
    (step,) = _steps(cell)
    assert step.status == "refuted", step
    n = _point(step)["n"]
    assert n.denominator == 1 and n >= 0 and not holds(int(n))


# --- a line a[n] := ... or f(x) := ... defines, as a chain's first line a_n = ... does -------

def test_a_sequence_defined_with_colon_equals_checks_its_recurrence() -> None:
    (step,) = _steps("a[n] := 3^n - 1\na_{n+1} = 3 a_n + 2", "n integer, n >= 1")
    assert step.status == "proved", step
    assert all(3 ** (n + 1) - 1 == 3 * (3**n - 1) + 2 for n in range(20))


def test_a_wrong_recurrence_and_a_wrong_first_term_are_refuted() -> None:
    (step,) = _steps("a[n] := 3^n - 1\na_{n+1} = 3 a_n + 1", "n integer, n >= 1")
    assert step.status == "refuted", step
    n = int(_point(step)["n"])
    assert n >= 1 and 3 ** (n + 1) - 1 != 3 * (3**n - 1) + 1
    steps = _steps("a[n] := 2^n - 1\na_{n} = 2a_{n-1} + 1\na_0 = 1")
    assert [s.status for s in steps] == ["proved", "refuted"], steps
    assert 2**0 - 1 != 1


def test_a_function_defined_with_colon_equals() -> None:
    steps = _steps("f(x) := x^2 + 1\nf(2) = 5\nf(3) = 11")
    assert [s.status for s in steps] == ["proved", "refuted"], steps
    assert 3**2 + 1 != 11
    (step,) = _steps("f(x, y) := x^2 y\nf(2, 3) = 12")
    assert step.status == "proved", step


# --- n^2 ≡ 0 or 1 (mod 4): residues joined by "or" before one modulus -----------------------

@pytest.mark.parametrize("cell, modulus, residues", [
    (r"n^2 \equiv 0 \text{ or } 1 \pmod 4", 4, {0, 1}),
    (r"n^2 ≡ 0 or 1 (mod 4)", 4, {0, 1}),
    (r"n^3 \equiv 0, 1 \text{ or } 8 \pmod 9", 9, {0, 1, 8}),
    (r"n^2 \equiv 0 \lor 1 \pmod{3}", 3, {0, 1}),
])
def test_residues_joined_by_or_are_proved(cell: str, modulus: int, residues: set[int]) -> None:
    (step,) = _steps(cell, "n integer")
    assert step.status == "proved", step
    assert any("is read as" in note for note in step.notes), step
    power = 3 if "n^3" in cell else 2
    assert {n**power % modulus for n in range(modulus)} <= residues


@pytest.mark.parametrize("cell, modulus, residues", [
    (r"n^2 \equiv 0 \text{ or } 1 \pmod 5", 5, {0, 1}),
    (r"n^2 ≡ 0 or 2 (mod 4)", 4, {0, 2}),
    (r"n^3 \equiv 0, 1 \text{ or } 7 \pmod 9", 9, {0, 1, 7}),
])
def test_a_missing_residue_is_refuted_with_an_integer(cell: str, modulus: int,
                                                      residues: set[int]) -> None:
    (step,) = _steps(cell, "n integer")
    assert step.status == "refuted", step
    n = _point(step)["n"]
    power = 3 if "n^3" in cell else 2
    assert n.denominator == 1 and int(n) ** power % modulus not in residues


def test_congruences_written_out_are_unchanged() -> None:
    (step,) = _steps(r"n \equiv 1 \pmod 2 or n \equiv 0 \pmod 2", "n integer")
    assert step.status == "proved" and not step.notes, step


# --- C(n, 2) = 45 solved as the polynomial n(n - 1)/2 = 45 ----------------------------------

def test_an_equation_in_a_binomial_coefficient_is_solved() -> None:
    (step,) = _steps(r"C(n, 2) = 45 \iff n = 10", "n natural")
    assert step.status == "proved", step
    assert [n for n in range(200) if math.comb(n, 2) == 45] == [10]
    (step,) = _steps(r"\binom{n}{3} = 10 \iff n = 5", "n natural")
    assert step.status == "proved", step
    assert [n for n in range(200) if math.comb(n, 3) == 10] == [5]


def test_a_wrong_solution_of_a_binomial_equation_is_refuted() -> None:
    (step,) = _steps(r"C(n, 2) = 45 \iff n = 9", "n natural")
    assert step.status == "refuted", step
    assert _point(step) == {"n": Fraction(9)} and math.comb(9, 2) != 45


# --- products: two products side by side, values at points, induction without internal errors

def _prod(lo: int, hi: int, f) -> Fraction:  # type: ignore[no-untyped-def]
    out = Fraction(1)
    for k in range(lo, hi + 1):
        out *= Fraction(f(k))
    return out


def test_two_products_side_by_side_are_two_products() -> None:
    (step,) = _steps(r"\prod_{k=1}^{n} \frac{2k}{2k-1} \cdot \prod_{k=1}^{n} \frac{2k-1}{2k} = 1")
    assert step.status == "proved", step
    (step,) = _steps(r"\prod_{k=1}^{n} (k+1) / \prod_{k=1}^{n} k = n+1")
    assert step.status == "proved", step
    assert all(_prod(1, n, lambda k: k + 1) / _prod(1, n, lambda k: k) == n + 1
               for n in range(10))


def test_a_wrong_product_of_products_is_refuted_at_a_whole_number() -> None:
    (step,) = _steps(
        r"\prod_{k=1}^{n} \frac{2k}{2k-1} \cdot \prod_{k=1}^{n} \frac{2k-1}{2k+1} = 1")
    assert step.status == "refuted", step
    n = int(_point(step)["n"])
    assert _prod(1, n, lambda k: Fraction(2 * k, 2 * k - 1)) \
        * _prod(1, n, lambda k: Fraction(2 * k - 1, 2 * k + 1)) != 1


def test_a_product_inside_a_sum_stays_inside() -> None:
    (step,) = _steps(r"\prod_{k=1}^{n} \prod_{j=1}^{k} 2 = 2^{n(n+1)/2}")
    assert step.status == "proved", step
    (step,) = _steps(r"\prod_{k=1}^{n} 2k = 2^n n!")
    assert step.status == "proved", step


def test_a_product_inequality_has_no_internal_error() -> None:
    (step,) = _steps(r"\prod_{k=1}^{n} \left(1 + \frac{1}{k^2}\right) < 4", "n integer, n >= 1")
    assert step.status in ("proved", "likely", "unknown") and step.method != "internal", step
    (step,) = _steps(r"\prod_{k=1}^{n} \left(1 + \frac{1}{k}\right) \geq n", "n integer, n >= 1")
    assert step.status == "proved", step
    assert all(_prod(1, n, lambda k: 1 + Fraction(1, k)) >= n for n in range(1, 30))


def test_a_product_whose_closed_form_goes_through_i_is_evaluated_as_written() -> None:
    (step,) = _steps(r"\prod_{k=1}^{n} \left(1 + \frac{1}{k^2}\right) < 3", "n integer, n >= 1")
    assert step.status == "refuted", step
    n = int(_point(step)["n"])
    assert n >= 1 and not _prod(1, n, lambda k: 1 + Fraction(1, k * k)) < 3
