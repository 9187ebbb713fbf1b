"""Prime notation ((x^2)' is the derivative in the one variable) and degrees (60°, 60^\\circ)."""

from __future__ import annotations

import pytest

from proofnb.core.check import check_proof
from proofnb.core.model import CheckOptions
from proofnb.core.render import render_latex


@pytest.mark.parametrize(
    ("cell", "status"),
    [
        ("(x^2)' = 2x", "proved"),
        ("(sin x)' = cos x", "proved"),
        ("(x^3)'' = 6x", "proved"),
        ("\\left(e^{2x}\\right)' = 2e^{2x}", "proved"),
        ("(x^2)' = 3x", "refuted"),
        ("(x^3)'' = 3x^2", "refuted"),
    ],
)
def test_prime_steps(cell: str, status: str) -> None:
    step = check_proof(cell, CheckOptions(seed=0)).steps[0]
    assert step.status == status
    if status == "refuted":
        assert step.counterexample is not None


@pytest.mark.parametrize(
    ("cell", "needle"),
    [("(x y)' = y", "one variable"), ("(5)' = 0", "needs a variable")],
)
def test_prime_needs_exactly_one_variable(cell: str, needle: str) -> None:
    step = check_proof(cell, CheckOptions(seed=0)).steps[0]
    assert step.status == "error" and needle in step.message and "column" in step.message


def test_quotes_after_an_opening_bracket_are_still_strings() -> None:
    step = check_proof("__import__('os') = 1", CheckOptions(seed=0)).steps[0]
    assert step.status == "error"


def test_prime_renders_as_latex() -> None:
    assert render_latex("(x^2)'") == r"\left(x^{2}\right)'"


@pytest.mark.parametrize(
    ("cell", "status"),
    [
        ("cos(60°) = 1/2", "proved"),
        ("sin 30° = 1/2", "proved"),
        ("\\cos 60^\\circ = \\frac{1}{2}", "proved"),
        ("\\sin(30^{\\circ}) = 0.5", "proved"),
        ("180° = pi", "proved"),
        ("sin(45°) = 1/2", "refuted"),
    ],
)
def test_degrees(cell: str, status: str) -> None:
    assert check_proof(cell, CheckOptions(seed=0)).steps[0].status == status


def test_degrees_render_as_latex() -> None:
    assert render_latex("cos(60°)") == r"\cos\left(60^{\circ}\right)"
    assert render_latex("\\cos 60^\\circ") == "\\cos 60^\\circ"


def test_a_prime_on_a_bare_name_is_an_error_not_a_product() -> None:
    step = check_proof("f'(x) = 2x", CheckOptions(seed=0)).steps[0]
    assert step.status == "error" and "assume f function" in step.message
