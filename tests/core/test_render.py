"""render_latex: the user's own text as LaTeX, never raising, balanced, safe to typeset."""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from proofnb.core.check import check_step
from proofnb.core.model import CheckOptions, StepSpec
from proofnb.core.render import render_latex, text_latex

CASES = [
    ("x^2 - 5x + 6", "x^{2} - 5 x + 6"),
    ("(x-2)(x-3)", r"\left(x - 2\right) \left(x - 3\right)"),  # order kept, unlike SymPy's
    ("2(x+1)", r"2 \left(x + 1\right)"),
    ("2*x", r"2 \cdot x"),
    ("2 3", r"2 \cdot 3"),
    ("(x^2-1)/(x-1)", r"\frac{x^{2} - 1}{x - 1}"),
    ("1/2 x", r"\frac{1}{2} x"),
    ("2x/3", r"\frac{2 x}{3}"),
    ("-(x+1)/2", r"-\frac{x + 1}{2}"),
    ("x^(n+1)", "x^{n + 1}"),
    ("x**2", "x^{2}"),
    ("2^3^2", "2^{3^{2}}"),
    ("x² + y⁻¹", "x^{2} + y^{-1}"),
    ("sqrt(x^2)", r"\sqrt{x^{2}}"),
    ("√(x+1)", r"\sqrt{x + 1}"),
    ("cbrt(x)", r"\sqrt[3]{x}"),
    ("root(x, 4)", r"\sqrt[4]{x}"),
    ("sin(x)^2 + cos(x)^2", r"\sin\left(x\right)^{2} + \cos\left(x\right)^{2}"),
    ("sin^2 x", r"\sin^{2} x"),
    ("atan(1/x)", r"\arctan\left(\frac{1}{x}\right)"),
    ("log_2(8)", r"\log_{2}\left(8\right)"),
    ("log(x, 3)", r"\log_{3}\left(x\right)"),
    ("|x - 1| <= 3", r"\left|x - 1\right| \le 3"),
    ("x != 0", r"x \ne 0"),
    ("x >= 1 and y > 0", r"x \ge 1\text{ and }y > 0"),
    ("x > 2 or x < -2", r"x > 2\text{ or }x < -2"),
    ("n!", "n!"),
    ("x = 1 ± sqrt(2)", r"x = 1 \pm \sqrt{2}"),
    ("x = ±x and y = ∓1", r"x = \pm x\text{ and }y = \mp 1"),
    ("binomial(n, k)", r"\binom{n}{k}"),
    ("α + π", r"\alpha + \pi"),
    ("x_1 + a10", "x_{1} + a_{10}"),
    ("diff(x^3, x)", r"\frac{d}{dx} \left(x^{3}\right)"),
    ("diff(x^4, x, 2)", r"\frac{d^{2}}{dx^{2}} \left(x^{4}\right)"),
    ("d/dx (x^2)", r"\frac{d}{dx} \left(x^{2}\right)"),
    ("integrate(x^2, (x, 0, 1))", r"\int_{0}^{1} x^{2} \, dx"),
    ("integrate(2x, x)", r"\int 2 x \, dx"),
    ("Sum(k, (k, 1, n))", r"\sum_{k=1}^{n} k"),
    ("limit(sin(x)/x, x, 0)", r"\lim_{x \to 0} \left(\frac{\sin\left(x\right)}{x}\right)"),
    ("limit(1/x, x, 0, '+')", r"\lim_{x \to 0^{+}} \left(\frac{1}{x}\right)"),
    # LaTeX input passes through, delimiters removed
    (r"\frac{1}{x} + \sqrt{x}", r"\frac{1}{x} + \sqrt{x}"),
    (r"$\left(a+b\right)^2$", r"\left(a+b\right)^2"),
    (r"(a+b\right)^{2}", "(a+b)^{2}"),  # an unpaired \right would not typeset
    (r"\frac{x}{2} * 3 <= 1", r"\frac{x}{2} \cdot  3 \le  1"),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_render(text: str, expected: str) -> None:
    assert render_latex(text) == expected


@pytest.mark.parametrize("text", [
    r"\href{javascript:alert(1)}{x}", r"\input{/etc/passwd}", "x ; y", r"\frac{1}{x",
    "(x + 1", "x +", "", "a" * 3000, "f(", ")(", "sin(", "'abc'", "x @ y",
])  # fmt: skip
def test_unrenderable_text_falls_back_to_escaped_text(text: str) -> None:
    out = render_latex(text)
    assert out == text_latex(text.strip())
    assert out.startswith(r"\text{")
    assert "$" not in out.replace(r"\$", "")
    assert not re.search(r"\\(href|input|url)", out)


def test_text_latex_escapes_specials() -> None:
    assert text_latex(r"a_b {c} $ \d ^ #") == (
        r"\text{a\_b \{c\} \$ \textbackslash{}d \^{} \#}"
    )


def test_check_step_shows_the_sides_as_typed() -> None:
    spec = StepSpec(0, "=", "x^2 - 5x + 6", "(x-2)(x-3)", "x^2 - 5x + 6", 1)
    result = check_step(spec, CheckOptions())
    assert result.status == "proved"
    assert result.lhs_latex == "x^{2} - 5 x + 6"
    assert result.rhs_latex == r"\left(x - 2\right) \left(x - 3\right)"


_FRAGMENTS = [
    "x", "y", "2", "10", "1.5", "ab", "e", "pi", "+", "-", "*", "/", "^", "**", "!", "(", ")",
    "[", "]", "{", "}", "|", ",", "=", "<=", "!=", " or ", " and ", "sin", "sin^2", "log_2",
    "sqrt", "binomial", "diff", "integrate", "Sum", "limit", "\\frac", "\\sqrt", "\\left(",
    "\\right)", "\\cdot", "√", "²", "π", "≤", "_", "'", " ", "x_1", "(x, 0, 1)", "d/dx", "$",
    "\\", "#", "%", "&", "~",
]  # fmt: skip


def _balanced(tex: str) -> bool:
    depth = 0
    for i, ch in enumerate(tex):
        if ch in "{}" and (i == 0 or tex[i - 1] != "\\"):
            depth += 1 if ch == "{" else -1
            if depth < 0:
                return False
    return depth == 0


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(_FRAGMENTS), max_size=14).map("".join))
def test_render_never_raises_and_stays_balanced(text: str) -> None:
    out = render_latex(text)
    assert isinstance(out, str) and out
    assert _balanced(out), out
    assert "$" not in out.replace(r"\$", "")
    left = len(re.findall(r"\\left(?![A-Za-z])", out))
    assert left == len(re.findall(r"\\right(?![A-Za-z])", out)), out
