"""Maths pasted from tools (round 48): MathLive and MathQuill LaTeX, Mathpix OCR, Word's
linear format (UnicodeMath), Overleaf solutions and Jupyter Markdown. What the tools emit
routinely is read; typesetting is ignored; what is not read is an error that says where
and what to write instead."""

from __future__ import annotations

import pytest
import sympy as sp

from proofnb.core.check import check_proof
from proofnb.core.model import CheckOptions, StepResult
from proofnb.runner.tasks import _assumptions_in_order

_assumptions_in_order()


def _steps(cell: str, domain: str = "real") -> tuple[StepResult, ...]:
    return check_proof(cell, CheckOptions(seed=0, domain=domain)).steps  # type: ignore[arg-type]


def _holds(step: StepResult) -> bool:
    return step.status in ("proved", "likely")


def _refuted(step: StepResult) -> bool:
    """Refuted, with a witness whose two sides really differ (or a lost/gained root)."""
    if step.status != "refuted" or step.counterexample is None:
        return False
    ce = step.counterexample
    if ce.kind == "value" and ce.lhs_value is not None and ce.rhs_value is not None:
        lhs, rhs = sp.sympify(ce.lhs_value), sp.sympify(ce.rhs_value)
        if step.relation == "=":
            return bool(sp.simplify(lhs - rhs) != 0)
    return True


# (cell, domain, expected truth of each step)
CASES = [
    # MathLive
    (r"\exponentialE^{\imaginaryI\pi}+1=0", "complex", [True]),
    (r"\exponentialE^{\imaginaryI\pi}=1", "complex", [False]),
    (r"\int_{0}^{\pi}\sin\left(x\right)\,\differentialD x=2", "real", [True]),
    (r"\int_{0}^{\pi}\sin\left(x\right)\,\differentialD x=1", "real", [False]),
    (r"\frac{\differentialD}{\differentialD x}\sin\left(x\right)=\cos\left(x\right)", "real",
     [True]),
    (r"\ln\left(\exponentialE^{2}\right)=2", "real", [True]),
    (r"2\lbrack x+1\rbrack=2x+1", "real", [False]),
    (r"\left\lparen x+1\right\rparen\cdot2=2x+2", "real", [True]),
    (r"\mleft(x+2\mright)^{2}-4=x\mleft(x+4\mright)", "real", [True]),
    (r"\mleft(x+2\mright)^{2}-4=x\mleft(x+2\mright)", "real", [False]),
    (r"\left(x^{2}\right)^{\prime}=2x", "real", [True]),
    (r"\left(x^{2}\right)^{\prime}=x", "real", [False]),
    # Word's linear format
    ("sin\u2061(π/2)=1", "real", [True]),
    ("cos\u2061(2x)=1−sin^2\u2061x", "real", [False]),
    ("a\u2062b=b\u2062a", "real", [True]),
    ("∑_(k=1)^n k=n(n+1)/2", "real", [True]),
    ("∑_(k=1)^n k=n(n−1)/2", "real", [False]),
    ("∑_(k=1)^n▒〖k+1〗=n(n+3)/2", "real", [True]),  # 〖 〗 group: not ∑k, then + 1
    ("∏_(k=1)^4 k=24", "real", [True]),
    ("∫_0^1▒〖x^2 ⅆx〗=1/3", "real", [True]),
    ("∫_0^1▒〖x^2 ⅆx〗=1/2", "real", [False]),
    ("lim┬(x→0)\u2061〖sin\u2061x/x〗=1", "real", [True]),
    ("√(3&8)=2", "real", [True]),
    ("√(4&16)=4", "real", [False]),
    ("ⅇ^(ⅈπ)=−1", "complex", [True]),
    ("ⅆ/ⅆx (x³)=x²", "real", [False]),
    ("〖(x+1)〗^2=x^2+2x+1", "real", [True]),
    # Mathpix: an aligned environment on one line has one row per \\
    (r"\begin{aligned} 2 x+3 &=7 \\ 2 x &=4 \\ x &=2 \end{aligned}", "real", [True, True]),
    (r"\begin{aligned} 2 x+3 &=7 \\ 2 x &=4 \\ x &=4 \end{aligned}", "real", [True, False]),
    # Overleaf
    ("\\begin{align}\nx^2 - 1 &= (x-1)(x+1) \\tag{1}\\\\\n &= x^2 + x - 1 \\label{eq:b}\n"
     "\\end{align}", "real", [True, False]),
    ("\\begin{align}\n2x + 3 &= 9 \\nonumber \\\\\n2x &= 6 \\notag \\\\\nx &= 3\n\\end{align}",
     "real", [True, True]),
    ("\\begin{align*}\n\\sin^2 t &= 1 - \\cos^2 t \\\\[2pt]\n&= (1-\\cos t)^2\n\\end{align*}",
     "real", [True, False]),
    (r"\boxed{x^2 - 9 = (x-3)(x+3)}", "real", [True]),
    (r"\boxed{x^2 - 9 = (x-3)^2}", "real", [False]),
    ("2x + 3 = 7 \\\\\n2x = 4 \\\\\n\\boxed{x = 3}", "real", [True, False]),
    (r"\textcolor{red}{(x+1)^2} = x^2 + 1", "real", [False]),
    (r"{\color{blue} x^2 - 4} = (x-2)(x+2)", "real", [True]),
    (r"\mathbf{2} + \mathbf{3} = 6", "real", [False]),
    (r"\underbrace{(x+1)^2}_{\text{square}} = x^2 + 2x + 1", "real", [True]),
    (r"\sqrt{\vphantom{x^2} 16} = 4", "real", [True]),
    (r"\frac{x}{\smash{2}} = \frac{1}{3}x", "real", [False]),
    (r"\operatorname*{lim}_{x \to 0} \frac{\sin x}{x} = 1", "real", [True]),
    (r"\hfill (x+2)(x-2) = x^2-4 \hfill", "real", [True]),
    (r"(x+1)^2 - x^2 = 2x + 2 \quad \eqref{eq:1}", "real", [False]),
]


@pytest.mark.parametrize(("cell", "domain", "truth"), CASES)
def test_pasted_maths_is_read(cell: str, domain: str, truth: list[bool]) -> None:
    steps = _steps(cell, domain)
    assert [s.status != "error" for s in steps] == [True] * len(truth), steps
    assert len(steps) == len(truth)
    for step, holds in zip(steps, truth, strict=True):
        assert (_holds(step) if holds else _refuted(step)), step


@pytest.mark.parametrize(("cell", "words"), [
    (r"x^{2}-4=\placeholder{}", "empty box"),
    ("x^2=▭", "empty box"),
    (r"\mathrm{i}^{2}=-1", "--domain complex"),
    (r"\imaginaryI^{2}=-1", "--domain complex"),
])
def test_what_is_not_read_says_where_and_what_to_write(cell: str, words: str) -> None:
    (step,) = _steps(cell)
    assert step.status == "error"
    assert "line 1, column" in step.message and words in step.message


def test_imaginary_unit_in_complex_mode() -> None:
    (step,) = _steps(r"\mathrm{i}^{2}=-1", "complex")
    assert _holds(step)


@pytest.mark.parametrize(("cell", "truth"), [
    (r"\pi(3)^{2}=9 \pi \mathrm{~cm}^{2}", [True]),  # the unit labels the result
    (r"\pi(3)^{2}=6 \pi \mathrm{~cm}^{2}", [False]),
    ("\\begin{aligned}\n\\frac{4}{3} \\pi(3)^{3} & =36 \\pi \\mathrm{~cm}^{3} \\\\\n"
     "& \\approx 113.1 \\mathrm{~cm}^{3}\n\\end{aligned}", [True, True]),
    (r"\ln\left(xy\right)=\ln\left(x\right)+\ln\left(y\right)\ \ \text{for }x,y>0", [True]),
    # a unit inside a power is part of the term: squared, it is no label (the step was
    # proved with both units dropped)
    (r"(2 \mathrm{~m})^2 = 4 \mathrm{~m}", [False]),
    (r"(2 \mathrm{~m})^2 = 4 \mathrm{~m}^2", [True]),
    (r"2 \times (3 \mathrm{~kg}) = 6 \mathrm{~kg}", [True]),
])
def test_units_that_label_results_and_spaced_conditions(cell: str, truth: list[bool]) -> None:
    steps = _steps(cell)
    assert len(steps) == len(truth), steps
    for step, holds in zip(steps, truth, strict=True):
        assert (_holds(step) if holds else _refuted(step)), step


@pytest.mark.parametrize(("cell", "words"), [
    (r"3 \mathrm{~m}=300 \mathrm{~cm}", "cm is a unit"),  # not c*m: a conversion
    (r"\frac{1}{2} \times 6 \mathrm{~cm} \times 4 \mathrm{~cm}=12 \mathrm{~cm}^{2}", "unit"),
    (r"\mathrm{ab} = a b", "not a product of letters"),
    (r"\operatorname{foo}\left(2\right)=3", "unknown name 'foo'"),
])
def test_an_upright_word_is_never_a_product_of_letters(cell: str, words: str) -> None:
    (step,) = _steps(cell)
    assert step.status == "error"
    assert "line 1, column" in step.message and words in step.message


@pytest.mark.parametrize(("cell", "lhs"), [
    (r"\exponentialE^{\imaginaryI\pi}+1=0", r"e^{i\pi}+1"),
    (r"\int_{0}^{\pi}\sin\left(x\right)\,\differentialD x=2",
     r"\int_{0}^{\pi}\sin\left(x\right)\,\mathrm{d} x"),
    (r"\mleft(x+2\mright)^{2}-4=x\mleft(x+4\mright)", r"\left(x+2\right)^{2}-4"),
])
def test_editor_spellings_are_shown_as_standard_latex(cell: str, lhs: str) -> None:
    step = check_proof(cell, CheckOptions(seed=0, domain="complex")).steps[0]
    assert step.lhs_latex == lhs
