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
        ("x_1 = -2; x_2 = 2", r"x_{1} = -2;\ x_{2} = 2"),
        ("{}_{5}C_{2}", r"{}_{5} C_{2}"),
        # Decimal commas outside brackets (as the cell reads them), LaTeX input too.
        ("x = 2,5", "x = 2{,}5"),
        ("f(1,5) + [1,5]", r"f \left(1, 5\right) + \left[1, 5\right]"),
        ("2,5 \\cdot 4", r"2{,}5 \cdot 4"),
        ("(1,5) \\cdot 2", r"(1,5) \cdot 2"),
        # Reversed interval brackets; Unicode signs and bare quantity names inside LaTeX.
        ("x ∈ ]1, 4[", r"x \in \left]1, 4\right["),
        ("x in [2, oo[", r"x \in \left[2, \infty\right["),
        ("x ∈ [2, +\\infty[", r"x \in  [2, +\infty["),
        ("\\sqrt{Var(X)}", r"\sqrt{\operatorname{Var}(X)}"),
        ("\\operatorname{Var}(X)", r"\operatorname{Var}(X)"),
        ("2y dy/dx", r"2 y \frac{dy}{dx}"),
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


@pytest.mark.parametrize(
    ("cell", "rhs", "rhs_latex", "note", "status"),
    [
        ("x^2 - 5x + 6 = 0\nx_1 = 2, x_2 = 3", "x_1 = 2, x_2 = 3", r"x_{1} = 2,\ x_{2} = 3",
         "x_1 = 2, x_2 = 3 is read as x = 2 or x = 3", "proved"),
        ("x^2 - 5x + 6 = 0 \\Rightarrow x_1 = 2, x_2 = -3", "x_1 = 2, x_2 = -3",
         r"x_{1} = 2,\ x_{2} = -3", "x_1 = 2, x_2 = -3 is read as x = 2 or x = -3", "refuted"),
        ("x^2 - 5x + 6 = 0\nL = {2; 3}", "L = {2; 3}", r"L = \left\{2; 3\right\}",
         "L = {2; 3} is read as x ∈ {2; 3}", "proved"),
        ("x^2 - 4x + 3 < 0\n<=> x ∈ ]1, 4[", "x ∈ ]1, 4[", r"x \in \left]1, 4\right[",
         "x ∈ ]1, 4[ is read as x ∈ (1, 4)", "refuted"),
        ("2x = 5\nx = 2,5", "x = 2,5", "x = 2{,}5", None, "proved"),  # no note for 2,5
        ("dy/dx = xy\ndy/y = x dx", "dy/y = x dx", r"\frac{dy}{y} = x dx",
         "dy/y = x dx is read as (y'(x))/y(x) = x", "refuted"),
    ],
)  # fmt: skip
def test_rewritten_statement_lines_are_shown_as_written(
    cell: str, rhs: str, rhs_latex: str, note: str | None, status: str
) -> None:
    # The step, the widget and the history showed the cell's rewrite (x = 2 or x = 3 for
    # x_1 = 2, x_2 = 3; (1, 3) for ]1, 3[; (y'(x))/y(x) = x for dy/y = x dx).
    result = check_proof(cell, CheckOptions(seed=34))
    (step,) = result.steps
    assert (step.rhs, step.rhs_latex, step.status) == (rhs, rhs_latex, status)
    assert (step.notes[0] if step.notes else None) == note
    assert result.conclusion.endswith(rhs)
    if status == "refuted":  # the witness stays in the checked letters: x, y(x)
        assert step.counterexample is not None and "x_1" not in step.counterexample.text


def test_a_reading_is_noted_once_and_not_for_y_standing_for_y_of_x() -> None:
    result = check_proof("y' + 2y = e^x\n(e^{2x} y)' = e^{3x}\ne^{2x} y = e^{3x}/3 + C",
                         CheckOptions(seed=34))
    assert [s.status for s in result.steps] == ["proved", "proved"]
    assert [s.lhs for s in result.steps] == ["y' + 2y = e^x", "(e^{2x} y)' = e^{3x}"]
    assert all(not s.notes for s in result.steps)  # y is y(x): no note on every line
    steps = check_proof("x^2 - 5x + 6 = 0\nx_{1,2} = \\frac{5 \\pm 1}{2}\nx_1 = 3, x_2 = 2",
                        CheckOptions(seed=34)).steps
    assert [len(s.notes) for s in steps] == [1, 1]  # line 2's reading is said once
    assert steps[1].lhs == "x_{1,2} = \\frac{5 \\pm 1}{2}"


def test_decimal_commas_are_shown_in_expression_steps_too() -> None:
    result = check_proof("0,5 · 4 = 2,5\n= 2", CheckOptions(seed=34))
    assert [(s.lhs, s.rhs, s.status) for s in result.steps] == [
        ("0,5 · 4", "2,5", "refuted"), ("2,5", "2", "refuted")]
    assert result.steps[0].lhs_latex == r"0{,}5 \cdot 4" and not result.steps[0].notes
    assert result.steps[0].counterexample is not None
    assert result.steps[0].counterexample.text == "left side 2, right side 5/2"
    assert result.conclusion == "0,5 · 4 = 2"


def test_a_readings_witness_is_no_lost_root() -> None:
    # The widget labelled "x = 1, y = -2 is on this line but not on the tangent" a lost root.
    result = check_proof("f(x) = x^2\nf'(x) = 2x\nf'(3) = 6\ny = 6x - 8", CheckOptions(seed=34))
    witness = result.steps[-1].counterexample
    assert witness is not None and witness.kind == "value"
    assert "not on the tangent" in witness.text


def test_a_bar_read_as_divides_is_not_a_rewrite_worth_showing() -> None:
    # 3 | n^3 - n is read as 3 ∣ n^3 - n: the same line to the eye, and the written bar
    # would render as an absolute value's, so the step keeps the divides sign and no note.
    (step,) = check_proof("assume n integer\n3 | n^3 - n", CheckOptions(seed=34)).steps
    assert (step.lhs, step.lhs_latex, step.notes) == ("3 ∣ n^3 - n", r"3 \mid n^{3} - n", ())


def test_a_lines_condition_is_not_shown_twice() -> None:
    # 'for x > 1' is the step's note and the conclusion's (StepSpec.condition); showing the
    # line as written as well put it in the step and twice in the conclusion.
    result = check_proof("x^2 + 1 > 2x for x > 1\n(x-1)^2 > 0 for x > 1", CheckOptions(seed=34))
    (step,) = result.steps
    assert (step.lhs, step.rhs, step.notes) == ("x^2 + 1 > 2x", "(x-1)^2 > 0", ("for x > 1",))
    assert result.conclusion.count("for x > 1") == 1
