"""Expression steps whose terms the cell's readings rewrote (``(f∘g)(x)`` is ``f(g(x))``)
show each term as the student wrote it, checked as its reading, with a note."""

from __future__ import annotations

from proofnb.core.cell import parse_cell
from proofnb.core.check import check_proof
from proofnb.core.model import CheckOptions
from proofnb.core.render import render_latex

DEFINED = "f(x) = 2x + 1\ng(x) = x^2\n"


def test_composition_is_shown_as_written_and_checked_as_read() -> None:
    result = check_proof(DEFINED + "(f∘g)(x) = f(g(x)) = 2x^2 + 1", CheckOptions())
    first, second = result.steps
    assert (first.lhs, first.rhs, first.status) == ("(f∘g)(x)", "f(g(x))", "proved")
    assert first.notes == ("(f∘g)(x) is read as f(g(x))",)
    assert (second.lhs, second.rhs, second.status) == ("f(g(x))", "2x^2 + 1", "proved")
    assert first.lhs_latex == r"(f \circ g)(x)"


def test_wrong_composition_is_refuted_in_written_terms() -> None:
    step = check_proof(DEFINED + r"(g \circ f)(x) = 2x^2 + 1", CheckOptions()).steps[0]
    assert (step.lhs, step.status) == (r"(g \circ f)(x)", "refuted")
    assert step.counterexample is not None
    (name, value), = step.counterexample.point
    x = int(value)
    assert (2 * x + 1) ** 2 != 2 * x ** 2 + 1
    assert step.notes == (r"(g \circ f)(x) is read as g(f(x))",)


def test_a_rewritten_term_on_a_continuation_line_keeps_its_place() -> None:
    steps = parse_cell(DEFINED + "4x^2 + 4x + 1 = (2x + 1)^2\n= (g \\circ f)(x)").steps
    assert [(s.lhs, s.rhs) for s in steps] == [
        ("4x^2 + 4x + 1", "(2x + 1)^2"), ("(2x + 1)^2", r"(g \circ f)(x)")]
    assert steps[0].reading is None
    assert steps[1].reading is not None and steps[1].reading.rhs == "g(f(x))"


def test_lines_read_as_written_are_left_alone() -> None:
    steps = parse_cell("(x + 1)^2 = x^2 + 2x + 1\n= x(x + 2) + 1").steps
    assert all(s.reading is None for s in steps)


def test_composition_sign_renders_as_circ() -> None:
    assert render_latex("(f∘g)(x)") == r"(f \circ g)(x)"
