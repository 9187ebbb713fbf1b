"""Probe round 36: Numbas's expression-comparison fixtures (jme-tests, jme-rules, part tests)
translated into cells. Fixed here (core/constants.py): constant steps whose functions SymPy
settles only through exp or log were 'likely' (coth(5), arcsinh(7)) or, over C, 'unknown'
('only 1 points could be evaluated': arccos(cosh 1) = i); each true step with its near miss."""

from __future__ import annotations

import pytest

from proofnb.core.check import check_proof
from proofnb.core.model import CheckOptions, StepResult


def _step(cell: str, domain: str = "real", assume: tuple[str, ...] = ()) -> StepResult:
    return check_proof(cell, CheckOptions(domain=domain, assume=assume)).steps[-1]


@pytest.mark.parametrize(("domain", "true_cell", "false_cell"), [
    ("real", "coth(5) = (e^10 + 1)/(e^10 - 1)", "coth(5) = (e^10 - 1)/(e^10 + 1)"),
    ("real", "tanh(1) = (e^2 - 1)/(e^2 + 1)", "tanh(1) = 0.7615941559557648"),
    ("real", "arcsinh(7) = ln(7 + 5sqrt(2))", "arcsinh(7) = ln(7 + sqrt(48))"),
    ("real", "arccosh(8) = ln(8 + 3sqrt(7))", "arccosh(8) = ln(8 - 3sqrt(7))"),
    ("complex", "arccos(cosh(1)) = i", "arccos(cosh(1)) = -i"),
    ("complex", "arctanh(1 + i) = ln(5)/4 + i (pi - atan(2))/2",
     "arctanh(1 + i) = ln(5)/4 + i (pi + atan(2))/2"),
    ("complex", "arcsin(i sinh(1)) = i", "arcsin(i sinh(1)) = -i"),
    ("complex", "arctan(i tanh(1)) = i", "arctan(i tanh(1)) = 1"),
    ("complex", "i^i = e^(-pi/2)", "i^i = e^(pi/2)"),
    ("complex", "arccosh(-2) = ln(2 + sqrt(3)) + i pi", "arccosh(-2) = ln(2 + sqrt(3)) - i pi"),
    ("complex", "arcsin(2) = pi/2 - i ln(2 + sqrt(3))", "arcsin(2) = pi/2 + i ln(2 + sqrt(3))"),
    ("complex", "tanh(1 + i) = (sinh(2) + i sin(2))/(cosh(2) + cos(2))",
     "tanh(1 + i) = (sinh(2) + i sin(2))/(cosh(2) - cos(2))"),
])
def test_constants_through_exp_and_log(domain: str, true_cell: str, false_cell: str) -> None:
    good = _step(true_cell, domain)
    assert good.status == "proved", good
    bad = _step(false_cell, domain)
    assert bad.status == "refuted", bad
    assert bad.counterexample is not None


def test_complex_constants_already_proved_stay_proved() -> None:
    # the sampling path's provers still run for complex constants (through exp)
    assert _step("cos(i) = cosh(1)", "complex").status == "proved"
    assert _step("exp(4 - i) = e^4 (cos(1) - i sin(1))", "complex").status == "proved"
    assert _step("sin(i) = i sinh(1)", "complex").status == "proved"
    assert _step("2^i = cos(ln(2)) + i sin(ln(2))", "complex").status == "proved"
    assert _step("2^i = cos(2) + i sin(2)", "complex").status == "refuted"


@pytest.mark.parametrize(("domain", "assume", "cell", "status"), [
    # Numbas's rules rewrite without conditions; proofnb decides on the whole domain
    ("real", (), "0^x = 0", "refuted"),
    ("real", ("x > 0",), "0^x = 0", "proved"),
    ("complex", (), "sqrt(x) sqrt(y) = sqrt(x y)", "refuted"),
    ("real", (), "sqrt(x) sqrt(y) = sqrt(x y)", "proved"),
    ("complex", (), "sqrt(x)/sqrt(y) = sqrt(x/y)", "refuted"),
    # Numbas marks these numerically on [0, 1]: exact checking refutes them
    ("real", (), "sin(x) = x - x^3/6 + x^5/120", "refuted"),
    ("real", (), "0.00001 = 0.00002", "refuted"),
    ("complex", (), "(-27)^(1/3) = -3", "refuted"),
    ("complex", (), "(-27)^(1/3) = 3/2 + 3sqrt(3)/2 i", "proved"),
])
def test_numbas_rules_and_numeric_marking(domain: str, assume: tuple[str, ...], cell: str,
                                          status: str) -> None:
    step = _step(cell, domain, assume)
    assert step.status == status, step
