"""Function names as written in France, Spain, Russia and central Europe: tg, ctg, arctg,
argsh are read; the French ch, sh, th as calls are errors that say how to write them,
never a product of letters."""

from __future__ import annotations

import pytest

from proofnb.core.check import check_proof
from proofnb.core.model import CheckOptions


def _statuses(cell: str) -> list[str]:
    return [s.status for s in check_proof(cell, CheckOptions()).steps]


@pytest.mark.parametrize(("cell", "expected"), [
    ("tg(x) = sin(x)/cos(x)", ["proved"]),
    ("tg x = cos x / sin x", ["refuted"]),
    ("ctg(x) = cos(x)/sin(x)", ["proved"]),
    ("cotg(x) = 1/tg(x)", ["proved"]),
    ("arctg(1) = pi/4", ["proved"]),
    ("arctg(1) = pi/3", ["refuted"]),
    ("arcctg(1) = pi/4", ["proved"]),
    ("argsh(x) = ln(x + sqrt(x^2 + 1))", ["proved"]),
    ("argsh(x) = ln(x + sqrt(x^2 - 1))", ["refuted"]),
    ("sen(x)^2 + cos(x)^2 = 1", ["proved"]),
    ("sen^2 x + cos^2 x = 2", ["refuted"]),
    ("arcsen(1) = pi/2", ["proved"]),
    ("senh(x) = (e^x - e^(-x))/2", ["proved"]),
    (r"\sen x = \cos(\pi/2 - x)", ["proved"]),
])
def test_european_function_names(cell: str, expected: list[str]) -> None:
    assert _statuses(cell) == expected


@pytest.mark.parametrize("cell", ["ch(x)^2 - sh(x)^2 = 1", "th(x) = sinh(x)/cosh(x)"])
def test_french_hyperbolic_calls_ask_how_they_are_meant(cell: str) -> None:
    step = check_proof(cell, CheckOptions()).steps[0]
    assert step.status == "error"
    assert "is ambiguous: write" in step.message and "for a product" in step.message


def test_two_letter_products_without_a_call_stay_products() -> None:
    assert _statuses("s h (x + 1) = sh x + sh") == ["proved"]


@pytest.mark.parametrize(("cell", "expected"), [
    (r"\tg x = \frac{\sin x}{\cos x}", ["proved"]),
    (r"\ch^2 x - \sh^2 x = 1", ["proved"]),
    (r"\ch^2 x + \sh^2 x = 1", ["refuted"]),
    (r"\operatorname{ch}^2 x - \operatorname{sh}^2 x = 1", ["proved"]),
    (r"\mathrm{th}(x) = \frac{\mathrm{sh}(x)}{\mathrm{ch}(x)}", ["proved"]),
    (r"\operatorname{arctg} 1 = \frac{\pi}{3}", ["refuted"]),
])
def test_latex_commands_of_european_names(cell: str, expected: list[str]) -> None:
    assert _statuses(cell) == expected
