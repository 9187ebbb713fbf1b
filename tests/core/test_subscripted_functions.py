"""``T_2(x) = 1 + x + x^2/2`` defines a function named with a subscript (a Taylor
polynomial, f_1 and f_2 of an exercise); read as the product T_2·x it was refuted at
T_2 = 0. Products of subscripted letters stay products."""

from __future__ import annotations

import pytest

from proofnb.core.check import check_proof
from proofnb.core.model import CheckOptions


def _statuses(cell: str) -> list[str]:
    return [s.status for s in check_proof(cell, CheckOptions()).steps]


@pytest.mark.parametrize(("cell", "statuses"), [
    ("f(x) = e^x\nT_2(x) = 1 + x + \\frac{x^2}{2}\nT_2(1) = \\frac{5}{2}", ["proved"]),
    ("T_{2}(x) = 1 + x + \\frac{x^2}{2}\nT_2(0.1) = 1.105", ["proved"]),
    ("f(x) = e^x\nT_2(x) = f(0) + f'(0) x + \\frac{f''(0)}{2} x^2 = 1 + x + \\frac{x^2}{2}",
     ["proved"]),
    ("f_1(x) = x^2\nf_2(x) = 2x\nf_1(x) + f_2(x) = x^2 + 2x", ["proved"]),
    ("f_1(x) = x^2\nf_1'(x) = 2x", ["proved"]),
    ("P_2(x) = 1 + x + x^2\nP_2(1) = 4", ["refuted"]),  # P_2(1) is 3
])
def test_a_subscripted_name_applied_to_letters_is_defined(cell: str,
                                                           statuses: list[str]) -> None:
    assert _statuses(cell) == statuses


def test_the_witness_of_a_wrong_value_is_the_functions_value() -> None:
    (step,) = check_proof("P_2(x) = 1 + x + x^2\nP_2(1) = 4", CheckOptions()).steps
    assert step.counterexample is not None and "left side 3, right side 4" in \
        step.counterexample.text


@pytest.mark.parametrize("cell", ["x_1(x_2 + 1) = x_1 x_2 + x_1", "a_1(b + c) = a_1 b + a_1 c"])
def test_products_of_subscripted_letters_stay_products(cell: str) -> None:
    assert _statuses(cell) == ["proved"]


def test_a_cell_of_definitions_alone_names_them() -> None:
    result = check_proof("f(x) = e^x\nT_2(x) = 1 + x + \\frac{x^2}{2}", CheckOptions())
    assert result.verdict == "rejected"
    assert "the cell only defines f, T_2" in result.message
