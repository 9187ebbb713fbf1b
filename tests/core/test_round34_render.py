"""Round 34: today's notation as the widget shows it (``render_latex``) and as it is checked.

Probability quantities, vectors, MathCheck's connectives, ratios, left-scripted counts and
solution sets reached the widget as ``\\text{...}`` of the source, or as LaTeX that says
something else: ``x > -1 /\\ x < 1`` typeset ``/\\ `` as a slash and a space, ``x = 2 \\/ x = 3``
dropped the ``\\/`` (an italic correction) and showed "x = 2 x = 3".
"""

from __future__ import annotations

import pytest

from proofnb.core.check import check_proof
from proofnb.core.model import CheckOptions
from proofnb.core.render import render_latex


@pytest.mark.parametrize(
    ("source", "latex"),
    [
        # MathCheck's and programmers' connectives keep their symbols; words stay words.
        ("x > -1 /\\ x < 1", r"x > -1 \land x < 1"),
        ("x = 2 \\/ x = 3", r"x = 2 \lor x = 3"),
        ("x > 1 && x < 3", r"x > 1 \land x < 3"),
        ("x < 1 || x > 3", r"x < 1 \lor x > 3"),
        ("x > 1 and x < 3", r"x > 1\text{ and }x < 3"),
        ("\\frac{1}{2} > x /\\ x > 0", r"\frac{1}{2} > x  \land x > 0"),
        ("1/\\sqrt{2}", r"1/\sqrt{2}"),
        # Events, ratios, counts.
        ("P(A ∩ B)", r"P \left(A \cap B\right)"),
        ("P(A ∪ B) - P(A ∩ B)", r"P \left(A \cup B\right) - P \left(A \cap B\right)"),
        ("P(A ∣ B)", r"P \left(A \mid B\right)"),
        ("\\frac{P(A \\cap B)}{P(B)}", r"\frac{P(A \cap B)}{P(B)}"),
        ("12 : 3", r"12 \mathbin{:} 3"),
        ("2 : 3 = 4 : 6", r"2 \mathbin{:} 3 = 4 \mathbin{:} 6"),
        ("^{6}C_{2}", r"{}^{6} C_{2}"),
        ("{}^{n}P_{r}", r"{}^{n} P_{r}"),
        ("{6 \\choose 2}", r"{6 \choose 2}"),
        ("\\Pr(A)", r"\Pr(A)"),
        # Vectors.
        ("\\langle 1, 2 \\rangle \\cdot \\langle 3, -4 \\rangle",
         r"\langle 1, 2 \rangle \cdot \langle 3, -4 \rangle"),
        ("⟨1, 2⟩ · ⟨3, 4⟩",
         r"\left\langle 1, 2 \right\rangle \cdot \left\langle 3, 4 \right\rangle"),
        ("|\\overrightarrow{AB}|", r"|\overrightarrow{AB}|"),
        ("\\hat{v} + \\bar{x}", r"\hat{v} + \bar{x}"),
        ("cross((1, 0, 0), (0, 1, 0))",
         r"\operatorname{cross}\left(\left(1, 0, 0\right), \left(0, 1, 0\right)\right)"),
        ("norm((3, 4))", r"\operatorname{norm}\left(\left(3, 4\right)\right)"),
        # Solution sets and numbered solutions.
        ("x ∈ {2; 3}", r"x \in \left\{2; 3\right\}"),
        ("x in [-2; 2]", r"x \in \left[-2; 2\right]"),
        ("x_{1,2} = (5 ± 1)/2", r"x_{1,2} = \frac{5 \pm 1}{2}"),
    ],
)  # fmt: skip
def test_render_latex_of_round34_notation(source: str, latex: str) -> None:
    assert render_latex(source) == latex


def test_counting_facts_on_two_lines_are_two_claims() -> None:
    # Two closed lines joined by <=> agree when both are false: C(5, 2) = 11 and
    # nPr(5, 2) = 21 was one proved step.
    result = check_proof("C(5, 2) = 11\nnPr(5, 2) = 21", CheckOptions(seed=34))
    assert [(s.lhs, s.status) for s in result.steps] == [
        ("C(5, 2)", "refuted"), ("nPr(5, 2)", "refuted")]
    assert result.verdict == "rejected"
    chained = check_proof("C(5, 2) = \\frac{5!}{2! \\, 3!} = 11\n^{5}P_{2} = 20",
                          CheckOptions(seed=34))
    assert [s.status for s in chained.steps] == ["proved", "refuted", "proved"]
    # Constants of a formula are letters: C = 2, then A = 3 is still one statement step.
    assert len(check_proof("C = 2\nA = 3", CheckOptions(seed=34)).steps) == 1


@pytest.mark.parametrize(
    ("cell", "status"),
    [("x^2 - 5x + 6 = 0\nL = {2; 3}", "proved"), ("x^2 = 4\nL = {-2; 3}", "refuted"),
     ("x^2 = 4\nS = {-2, 2}", "proved")],
)
def test_solution_sets_in_plain_braces(cell: str, status: str) -> None:
    # L = {2; 3} (plain braces) was 'expected } to close {, found ;'.
    result = check_proof(cell, CheckOptions(seed=34))
    assert [s.status for s in result.steps] == [status]
    latex = result.steps[0].rhs_latex
    assert r"\left\{" in latex and r"\text" not in latex, latex  # braces typeset
