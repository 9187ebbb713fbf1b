"""Regressions from the sixth held-out probe (the cell language as teachers and students
type it): Unicode superscript exponents and subscripts, vulgar fractions, mixed numbers,
percent signs, LaTeX % comments, arrows and 'therefore' between statements, Unicode dashes,
'Assume'/'assume:' lines, and precise errors for notation that cannot be read safely."""

from __future__ import annotations

import pytest

from proofnb.core.check import check_proof
from proofnb.core.errors import ParseError
from proofnb.core.model import CheckOptions
from proofnb.core.parser import build_env, parse_math


def _statuses(text: str, assume: tuple[str, ...] = (), domain: str = "real") -> list[str]:
    result = check_proof(text, CheckOptions(assume=assume, domain=domain))  # type: ignore[arg-type]
    return [step.status for step in result.steps]


def _error(text: str) -> str:
    result = check_proof(text, CheckOptions())
    assert [step.status for step in result.steps] == ["error"], result.steps
    return result.steps[0].message


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a superscript run is one exponent: x²⁺¹ is x^3 (it was x^2, then ^(+1))
        ("x²⁺¹ = x³", ["proved"]),
        ("x²⁺¹ = x²", ["refuted"]),
        # superscript letters are exponents (xⁿ was x·ⁿ, a variable named ⁿ)
        ("xⁿ · xᵐ = x^(n + m)", ["proved"]),
        ("xⁿ · xᵐ = x^(n m)", ["refuted"]),
        ("2ⁿ⁺¹ = 2 · 2ⁿ", ["proved"]),
        ("2ⁿ⁺¹ = 2ⁿ + 1", ["refuted"]),
        # subscript digits are subscripts: x₁ is x_1
        ("x₁ + x₂ = x_2 + x_1", ["proved"]),
        ("x₁ · x₂ = x_1 + x_2", ["refuted"]),
        # vulgar fractions are numbers
        ("½x + ¼x = ¾x", ["proved"]),
        ("½x + ¼x = ⅔x", ["refuted"]),
        # percent: 5% and 5\% are 5/100
        ("x + 5% x = 1.05x", ["proved"]),
        ("x + 5\\% \\cdot x = 1.5x", ["refuted"]),
        # "of" after a percent multiplies, as schools write it
        ("15% of 80 = 12", ["proved"]),
        ("20% of 3x + 1 = 0.6x + 1", ["proved"]),
        ("15% of 80 = 15", ["refuted"]),
        # Unicode hyphens and fullwidth minus are minus signs
        ("(x ‐ 1)(x + 1) = x² － 1", ["proved"]),
        ("(x ‐ 1)(x ‐ 1) = x² － 1", ["refuted"]),
        ("a ∗ b ∕ c = ab/c", ["proved"]),
    ],
)
def test_unicode_notation(text: str, expected: list[str]) -> None:
    assert _statuses(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("x^2 = 4 → x = 2 ∨ x = -2", ["proved"]),
        ("x^2 = 4 → x = 2", ["refuted"]),
        ("x^2 = 9\n\\therefore x = 3 \\lor x = -3", ["proved"]),
        ("x^2 = 9\n∴ x = 3", ["refuted"]),
        # \to inside a limit's subscript is still the limit's arrow
        ("\\lim_{x \\to 0} \\frac{\\sin x}{x} = 1", ["proved"]),
    ],
)
def test_arrows_between_statements(text: str, expected: list[str]) -> None:
    assert _statuses(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("% expand the square\n(x + 2)^2\n  = x^2 + 4x + 4", ["proved"]),
        ("% expand the square\n(x + 2)^2\n  = x^2 + 2x + 4", ["refuted"]),
        ("(x + 2)^2 % start\n  = x^2 + 4x + 4 \\\\ % binomial formula", ["proved"]),
        ("Assume x > 0\n\\ln(x^3) = 3\\ln x", ["proved"]),
        ("assume: x > 0\n\\ln(x^3) = 3\\ln x", ["proved"]),
        ("assume: x < 0\n\\sqrt{x^2} = x", ["refuted"]),
    ],
)
def test_comments_and_assume_lines(text: str, expected: list[str]) -> None:
    assert _statuses(text) == expected


@pytest.mark.parametrize(
    ("text", "column", "words"),
    [
        # a mixed number and a product read differently: an error, never a guess
        ("x = 2\\frac{1}{2}", 5, "mixed number"),
        ("2½ = 5/2", 1, "mixed number"),
        # '%' after a number and a space: percent or comment?
        ("x^2 + 2x + 1 % expand\n= (x + 1)^2", 14, "comment"),
        # a comma between digits is a decimal comma (0,5), unless it may group thousands
        ("1,250 + 1 = 1,251", 1, "write 1.250 for a decimal or 1250 for a whole number"),
        ("(a + b)^2 ≡ a^2 + 2ab + b^2", 11, "write '='"),
    ],
)
def test_ambiguous_notation_is_a_precise_error(text: str, column: int, words: str) -> None:
    message = _error(text)
    assert f"column {column}" in message and words in message, message


def test_mixed_number_check_leaves_products_alone() -> None:
    env = build_env(CheckOptions())
    assert str(parse_math("x^2\\frac{1}{2}", env)) == "x**2/2"
    assert str(parse_math("\\sqrt2\\frac{1}{2}", env)) == "sqrt(2)/2"
    assert str(parse_math("2\\frac{x}{3}", env)) == "2*x/3"
    with pytest.raises(ParseError):
        parse_math("(3\\tfrac12)", env)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # d/dx takes the whole implicit product after it (it took 3, so d/dx 3x^2 was 0)
        ("\\frac{d}{dx} 3x^2 = 6x", ["proved"]),
        ("\\frac{d}{dx} 3x^2 = 0", ["refuted"]),
        ("d/dx 5x^3 = 15x^2", ["proved"]),
        ("\\frac{d}{dx} x^2 \\sin x = 2x \\sin x + x^2 \\cos x", ["proved"]),
        ("\\frac{d}{dx} x^2 \\sin x = 2x \\cos x", ["refuted"]),
        # a bracket is the whole operand
        ("\\frac{d}{dx}\\left(x^2\\right) \\sin x = 2x \\sin x", ["proved"]),
        # d(...) on top of the fraction (it was (d x^2)/(d x) = x)
        ("\\frac{d(x^2)}{dx} = 2x", ["proved"]),
        ("\\frac{d(x^2)}{dx} = x", ["refuted"]),
        ("\\frac{\\mathrm{d}\\sin x}{\\mathrm{d}x} = \\cos x", ["proved"]),
        ("d(x^3)/dx = 3x^2", ["proved"]),
        ("d(x^3)/dx = x^2", ["refuted"]),
    ],
)
def test_leibniz_operands(text: str, expected: list[str]) -> None:
    assert _statuses(text) == expected


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("\\frac{dy}{dx} = 2x", "y is a variable here, not a function of x"),
        ("\\frac{d}{dx} x^2 \\cdot \\sin x = 2x \\sin x", "bracket what the derivative applies to"),
        ("\\sin x e^x = e^x \\sin x", "ambiguous"),
    ],
)
def test_unreadable_calculus_notation_is_an_error(text: str, words: str) -> None:
    message = _error(text) if "\n" in text else check_proof(text, CheckOptions()).steps[0].message
    assert words in message and "column" in message, message


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("\\lim_{x \\to 0^{+}} \\frac{1}{x} = \\infty", ["proved"]),
        ("\\lim_{x \\to 0^{-}} \\frac{1}{x} = -\\infty", ["proved"]),
        ("\\lim_{x \\to 0^{-}} \\frac{1}{x} = \\infty", ["refuted"]),
    ],
)
def test_braced_one_sided_limits(text: str, expected: list[str]) -> None:
    assert _statuses(text) == expected
