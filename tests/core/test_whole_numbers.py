"""A letter under a factorial is a whole number (DESIGN §2: the natural domain of ``n!``), and
induction may start past the least n with the values before it checked as base cases."""

from __future__ import annotations

import math

import pytest

from proofnb.core.check import check_proof
from proofnb.core.model import CheckOptions

NOTE = ("n is read as a whole number, 0, 1, 2, … (factorials and binomial coefficients are "
        "defined for whole numbers)")


def _step(cell: str, **options: object):  # type: ignore[no-untyped-def]
    return check_proof(cell, CheckOptions(**options)).steps[-1]  # type: ignore[arg-type]


def test_a_classic_induction_exercise_is_proved_without_declaring_n() -> None:
    step = _step(r"n! \ge 2^{n-1}")
    assert step.status == "proved" and step.method.startswith("induction"), step
    assert NOTE in step.notes
    assert all(math.factorial(n) >= 2 ** (n - 1) for n in range(0, 60))


@pytest.mark.parametrize("cell", [r"\frac{n!}{n^n} \le \frac{1}{n}", r"(2n)! \ge (n!)^2"])
def test_true_over_the_whole_numbers_is_never_refuted_at_a_fraction(cell: str) -> None:
    step = _step(cell)
    assert step.status in ("proved", "likely"), step
    assert NOTE in step.notes


def test_a_refutation_is_at_a_whole_number() -> None:
    step = _step("n! > n^2")
    assert step.status == "refuted" and step.counterexample is not None
    (name, value), = step.counterexample.point
    n = int(value)
    assert name == "n" and str(n) == value and not math.factorial(n) > n**2


def test_identities_with_factorials_keep_their_notes() -> None:
    assert _step(r"\frac{(n+1)!}{n!} = n + 1").status == "proved"
    step = _step("x! = x (x-1)!")
    assert step.status == "proved" and "x ≠ 0" in step.notes
    assert any(note.startswith("x is read as a whole number") for note in step.notes)


def test_two_letters_are_named_together() -> None:
    step = _step("binomial(n,k)+binomial(n,k+1)\n= n!/(k!(n-k)!) + n!/((k+1)!(n-k-1)!)")
    assert step.status == "proved"
    assert ("k, n are read as whole numbers, 0, 1, 2, … (factorials and binomial coefficients "
            "are defined for whole numbers)") in step.notes


def test_declared_letters_get_no_note() -> None:
    step = _step("assume n positive integer\nn! \\ge 2^{n-1}")
    assert step.status == "proved" and not any("whole number" in n for n in step.notes)


def test_a_summation_index_is_not_a_free_letter() -> None:
    step = _step(r"\sum_{k=0}^{3} \frac{1}{k!} = \frac{8}{3}")
    assert step.status == "proved" and not any("whole number" in n for n in step.notes)


def test_complex_mode_is_unchanged() -> None:
    step = _step("x! = x (x-1)!", domain="complex")
    assert not any("whole number" in n for n in step.notes)


@pytest.mark.parametrize(("cell", "status"), [
    # 3^n >= n^3: the step from n to n + 1 needs n >= 3; n = 1, 2 are base cases.
    ("assume n positive integer\n3^n \\ge n^3", "proved"),
    ("assume n positive integer\n2^n \\ge n^2", "refuted"),  # fails at n = 3
])
def test_induction_from_a_later_start(cell: str, status: str) -> None:
    step = _step(cell)
    assert step.status == status, step
    if status == "refuted":
        assert step.counterexample is not None
        (_, value), = step.counterexample.point
        assert 2 ** int(value) < int(value) ** 2
    else:
        assert all(3**n >= n**3 for n in range(1, 200))


def test_a_letter_that_counts_down_is_an_integer() -> None:
    step = _step("(-n)! = 1")
    assert step.status == "refuted" and step.counterexample is not None
    assert any(note.startswith("n is read as an integer") for note in step.notes)
    (_, value), = step.counterexample.point
    assert int(value) <= 0 and math.factorial(-int(value)) != 1


@pytest.mark.parametrize(("cell", "status"), [
    ("C(n, 2) = 45 <=> n = 10", "proved"),  # n = -9 is no count
    (r"\binom{n}{k} + \binom{n}{k+1} = \binom{n+1}{k+1}", "proved"),
    (r"\binom{n}{k} = \binom{n}{k+1}", "refuted"),
])
def test_letters_of_binomial_coefficients_are_whole_numbers(cell: str, status: str) -> None:
    step = _step(cell)
    assert step.status == status, step
    assert any("whole number" in note for note in step.notes)
    if status == "refuted":
        assert step.counterexample is not None
        point = {name: int(value) for name, value in step.counterexample.point}
        assert all(v >= 0 for v in point.values())
        assert math.comb(point["n"], point["k"]) != math.comb(point["n"], point["k"] + 1)


def test_a_declared_integer_keeps_negative_values_in_a_binomial() -> None:
    step = _step("assume n integer\nC(n, 2) = 45 <=> n = 10")
    assert step.status == "refuted", step  # C(-9, 2) = 45 too
