"""Round 29: today's notation end to end in a real kernel (widget LaTeX, relation, history).

Each cell runs through ``%%verify`` in a kernel started by jupyter_client; the test follows
the widget's state messages until its verdict is shown, then reads the history database the
kernel wrote. Rounding (≈), congruences (≡, \\pmod, d | e), unions, O terms and matrices
used to reach the widget as ``\\text{...}`` of the source, ``\\left\\{`` braces in exponents
(``7^{100}``) or a bare ``≡``.
"""

from __future__ import annotations

import re

import pytest
from kernel_client import LiveKernel, run_to_verdict

from proofnb.core.render import render_latex
from proofnb.store.history import ProofStore

pytestmark = pytest.mark.slow

#: (cell body, verdict, LaTeX that the widget's rows must show, relation of the last step)
CELLS = [
    ("7^{100} ≡ (7^4)^{25} ≡ 1 (mod 5)", "accepted",
     [r"7^{100}", r"\equiv", r"1 \pmod{5}"], "≡"),
    ("7^{100} ≡ 2 (mod 5)", "rejected", [r"\equiv", r"2 \pmod{5}"], "≡"),
    ("2^{10} \\equiv 1 \\pmod{11}", "accepted", [r"2^{10}", r"1 \pmod{11}"], "≡"),
    ("assume n integer\n3 | n^3 - n", "accepted", [r"3 \mid n^{3} - n"], "<=>"),
    ("e^{2x} = 5\n<=> x = \\frac{\\ln 5}{2} \\approx 0.805", "accepted",
     [r"e^{2 x} = 5", r"\approx", r"\frac{\ln 5}{2}"], "≈"),
    ("9 pi ≈ 28.26", "rejected", [r"9 \pi", r"\approx", "28.26"], "≈"),
    ("(x - 2)(x - 3) > 0\n<=> x in (-oo, 2) ∪ (3, oo)", "accepted",
     [r"\left(-\infty, 2\right) \cup \left(3, \infty\right)"], "<=>"),
    ("e^{2x} = 1 + 2x + \\frac{(2x)^2}{2} + O(x^3)\n  = 1 + 2x + 2x^2 + O(x^3)", "accepted",
     [r"O\left(x^{3}\right)"], "="),
    ("Matrix([[1, 2], [3, 4]]) Matrix([[1], [1]]) = Matrix([[3], [6]])", "rejected",
     [r"\begin{pmatrix} 1 &amp; 2 \\ 3 &amp; 4 \end{pmatrix}"], "="),
    ("\\begin{pmatrix} 1 & 2 \\\\ 3 & 4 \\end{pmatrix} \\begin{pmatrix} 1 \\\\ 1 \\end{pmatrix}"
     " = \\begin{pmatrix} 3 \\\\ 7 \\end{pmatrix}", "accepted",
     [r"\begin{pmatrix} 3 \\ 7 \end{pmatrix}"], "="),
]  # fmt: skip


@pytest.mark.parametrize(
    ("source", "latex"),
    [
        ("7^{100}", "7^{100}"),
        ("(7^4)^{25} (mod 5)", r"\left(7^{4}\right)^{25} \pmod{5}"),
        ("4 ∤ n^2 - 1", r"4 \nmid n^{2} - 1"),
        ("n mod 5", r"n \bmod 5"),
        ("a_{n+1} - a_n", "a_{n + 1} - a_{n}"),
        ("[[1, 2], [3, 4]]", r"\begin{pmatrix} 1 & 2 \\ 3 & 4 \end{pmatrix}"),
        (r"\det(A - \lambda I) = 0", r"\det(A - \lambda I) = 0"),
        # Alignment marks outside a matrix, and other environments, stay text.
        (r"\begin{aligned} x \end{aligned}", r"\text{\textbackslash{}begin\{aligned\} x "
         r"\textbackslash{}end\{aligned\}}"),
    ],
)
def test_render_latex_of_todays_notation(source: str, latex: str) -> None:
    assert render_latex(source) == latex


def test_todays_cells_show_as_mathematics_and_reach_the_history(kernel: LiveKernel) -> None:
    for seed, (body, expected, shown, _) in enumerate(CELLS, start=290):
        rows, verdict = run_to_verdict(kernel, body, seed)
        assert verdict == expected, (body, rows)
        markup = "".join(rows)
        for latex in shown:
            assert latex in markup, (body, latex, markup)
        assert r"\text{" not in markup, (body, markup)
        assert r"\left\{" not in markup, (body, markup)
        # The relation is typeset with the sides, never left as a bare symbol between them.
        assert not re.search(r'tex2jax_ignore">(≡|≈)<', markup), markup
    kernel.ok("import proofnb\nawait proofnb.last().wait()")  # the history write is over
    with ProofStore(kernel.db) as store:
        page = store.page(limit=len(CELLS))
        assert page.total >= len(CELLS)
        saved = list(reversed(page.items))[-len(CELLS):]
        for (body, expected, _, relation), item in zip(CELLS, saved, strict=True):
            proof = store.get(item["id"])
            assert proof is not None
            assert proof["text"].strip() == body.strip()
            assert proof["verdict"] == expected
            assert proof["steps"][-1]["relation"] == relation
            assert all(s["lhs_latex"] and s["rhs_latex"] for s in proof["steps"])


def test_calls_of_the_cells_functions_bind_as_one_factor() -> None:
    # The engine rewrites y to y(x) in an implicit cell: -x/y(x) is x over y(x).
    assert render_latex("y'(x) = -x/y(x)", frozenset("y")) == (
        r"y'\left(x\right) = -\frac{x}{y\left(x\right)}")
    assert render_latex("1/f(x)", frozenset("f")) == r"\frac{1}{f\left(x\right)}"
    # Without the names, a letter before a bracket is a product, as the grammar reads it.
    assert render_latex("1/x(x+1)") == r"\frac{1}{x} \left(x + 1\right)"
