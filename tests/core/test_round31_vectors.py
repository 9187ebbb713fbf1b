"""Probe round 31: vectors and coordinate geometry in %%verify cells (core/vectors.py on top of
core/matrices.py), as true/false pairs through the whole checker."""

from __future__ import annotations

import time

import pytest
import sympy as sp

from proofnb.core.check import check_proof
from proofnb.core.model import CheckOptions


def _steps(cell: str, domain: str = "real", assume: tuple[str, ...] = ()) -> list[tuple[str, str]]:
    result = check_proof(cell, CheckOptions(domain=domain, assume=assume))
    return [(s.status, (s.counterexample.text if s.counterexample else s.message))
            for s in result.steps]


@pytest.mark.parametrize(("true_cell", "false_cell"), [
    ("(1, 2) + (3, 4) = (4, 6)", "(1, 2) + (3, 4) = (4, 8)"),
    ("3(1, -2) = (3, -6)", "3(1, -2) = (3, -2)"),
    ("k(a, b) = (ka, kb)", "k(a, b) = (ka, b)"),
    (r"\langle 1, 2 \rangle + \langle 0, 5 \rangle = \langle 1, 7 \rangle",
     r"\langle 1, 2 \rangle + \langle 0, 5 \rangle = \langle 1, 3 \rangle"),
    ("⟨2, 3⟩ - ⟨1, 1⟩ = ⟨1, 2⟩", "⟨2, 3⟩ - ⟨1, 1⟩ = ⟨1, 4⟩"),
    (r"(1, 2) \cdot (3, 4) = 11", r"(1, 2) \cdot (3, 4) = 10"),
    ("(1, 2) · (3, 4) = 11", "(1, 2) · (3, 4) = 14"),
    (r"(a, b) \cdot (c, d) = ac + bd", r"(a, b) \cdot (c, d) = ad + bc"),
    ("|(3, 4)| = 5", "|(3, 4)| = 7"),
    (r"\|(1, 1)\| = \sqrt{2}", r"\|(1, 1)\| = 2"),
    ("|(a, b)| = \\sqrt{a^2 + b^2}", "|(a, b)| = a + b"),
    (r"(1, 2, 3) \times (4, 5, 6) = (-3, 6, -3)", r"(1, 2, 3) \times (4, 5, 6) = (3, -6, 3)"),
    (r"\frac{1}{2}|(1, 2, 0) \times (3, 1, 0)| = \frac{5}{2}",
     r"\frac{1}{2}|(1, 2, 0) \times (3, 1, 0)| = 5"),
    (r"(x, 2) \cdot (x, -8) = 0 <=> x = 4 or x = -4", r"(x, 2) \cdot (x, -8) = 0 <=> x = 4"),
    ("|(x, 3)| = 5 <=> x = 4 or x = -4", "|(x, 3)| = 5 <=> x = 4"),
    (r"3\mathbf{i} + 4\mathbf{j} = (3, 4)", r"3\mathbf{i} + 4\mathbf{j} = (4, 3)"),
    (r"\mathbf{i} \times \mathbf{j} = \mathbf{k}", r"\mathbf{j} \times \mathbf{i} = \mathbf{k}"),
    (r"(2\hat{i} - 3\hat{j}) + (\hat{i} + 5\hat{j}) = 3\hat{i} + 2\hat{j}",
     r"(2\hat{i} - 3\hat{j}) + (\hat{i} + 5\hat{j}) = 3\hat{i} + 8\hat{j}"),
    ("\\vec{a} = (1, 2)\n\\vec{b} = (3, -1)\n\\vec{a} \\cdot \\vec{b} = 1",
     "\\vec{a} = (1, 2)\n\\vec{b} = (3, -1)\n\\vec{a} \\cdot \\vec{b} = 5"),
    ("\\mathbf{u} = \\langle 3, 4 \\rangle\n|\\mathbf{u}| = 5",
     "\\mathbf{u} = \\langle 3, 4 \\rangle\n|\\mathbf{u}| = 25"),
    ("A = (1, 2)\nB = (4, 6)\n|\\overrightarrow{AB}| = 5",
     "A = (1, 2)\nB = (4, 6)\n|\\overrightarrow{AB}| = 7"),
    ("\\overrightarrow{OA} = (2, 3)\n\\overrightarrow{OB} = (5, 7)\n"
     "\\overrightarrow{AB} = (3, 4)",
     "\\overrightarrow{OA} = (2, 3)\n\\overrightarrow{OB} = (5, 7)\n"
     "\\overrightarrow{AB} = (7, 10)"),
    (r"\arccos\left(\frac{(1, 0) \cdot (1, 1)}{|(1, 0)||(1, 1)|}\right) = \frac{\pi}{4}",
     r"\arccos\left(\frac{(1, 0) \cdot (1, 1)}{|(1, 0)||(1, 1)|}\right) = \frac{\pi}{3}"),
    (r"\arccos\left(\frac{(1, 2) \cdot (3, 4)}{|(1, 2)||(3, 4)|}\right) ≈ 0.1799",
     r"\arccos\left(\frac{(1, 2) \cdot (3, 4)}{|(1, 2)||(3, 4)|}\right) ≈ 0.25"),
    (r"\frac{(2, 3) \cdot (1, 1)}{|(1, 1)|^2}(1, 1) = (\frac{5}{2}, \frac{5}{2})",
     r"\frac{(2, 3) \cdot (1, 1)}{|(1, 1)|^2}(1, 1) = (5, 5)"),
    ("\\vec{a} = (a_1, a_2)\n\\vec{b} = (b_1, b_2)\n"
     "|\\vec{a} + \\vec{b}|^2 = |\\vec{a}|^2 + 2\\vec{a} \\cdot \\vec{b} + |\\vec{b}|^2",
     "\\vec{a} = (a_1, a_2)\n\\vec{b} = (b_1, b_2)\n"
     "|\\vec{a} - \\vec{b}|^2 = |\\vec{a}|^2 + 2\\vec{a} \\cdot \\vec{b} + |\\vec{b}|^2"),
    ("(x, y) = (1, 2) + t(3, -1) <=> x = 1 + 3t and y = 2 - t",
     "(x, y) = (1, 2) + t(3, -1) <=> x = 1 + 3t and y = 2 + t"),
    ("x + 2y = 5 and 3x - y = 1 <=> (x, y) = (1, 2)",
     "x + 2y = 5 and 3x - y = 1 <=> (x, y) = (2, 1)"),
    ("|(x, y) - (2, -3)| = 4 <=> (x - 2)^2 + (y + 3)^2 = 16",
     "|(x, y) - (2, -3)| = 4 <=> (x - 2)^2 + (y + 3)^2 = 4"),
    # a vector named from given ones on a line that goes on: the midpoint
    ("A = (1, 1)\nB = (3, 5)\nM = \\frac{A + B}{2} = (2, 3)",
     "A = (1, 1)\nB = (3, 5)\nM = \\frac{A + B}{2} = (2, 4)"),
    ("\\vec{a} = (1, 2)\n\\vec{b} = (3, -1)\n\\vec{c} = \\vec{a} + 2\\vec{b}\n|\\vec{c}| = 7",
     "\\vec{a} = (1, 2)\n\\vec{b} = (3, -1)\n\\vec{c} = \\vec{a} + 2\\vec{b}\n|\\vec{c}| = 5"),
    # AB of two given points is their distance (a list of points: each one given)
    ("A = (1, 2)\nB = (4, 6)\n|AB| = 5", "A = (1, 2)\nB = (4, 6)\n|AB| = 7"),
    ("A = (0, 0)\nB = (4, 0)\nC = (0, 3)\nBC = 5", "A = (0, 0)\nB = (4, 0)\nC = (0, 3)\nBC = 7"),
])
def test_true_and_false_pairs(true_cell: str, false_cell: str) -> None:
    assert {status for status, _ in _steps(true_cell)} == {"proved"}
    assert "refuted" in {status for status, _ in _steps(false_cell)}


def test_witness_of_a_vector_step_holds_at_sixty_digits() -> None:
    ((status, text),) = _steps("|(x, 3)| = 5 <=> x = 4")
    assert status == "refuted" and "x = -4" in text
    x = sp.Integer(-4)
    assert sp.sqrt(x ** 2 + 9) == 5 and x != 4  # -4 solves the left side, not the right


def test_matrix_products_stay_products() -> None:
    cell = "A = [[1, 2], [3, 4]]\nB = [[0, 1], [1, 0]]\nAB = [[2, 1], [4, 3]]"
    assert [status for status, _ in _steps(cell)] == ["proved"]


def test_an_answer_after_a_system_stays_a_claim() -> None:
    ((status, message),) = _steps("x + y = 3 and x - y = 1\nx = (1, 2)")
    assert status == "error" and "vector of 2 entries" in message


@pytest.mark.parametrize("cell", [
    "x^2 < 1 <=> x \\in (-1, 1)",  # an interval stays an interval
    "\\gcd(12, 18) = 6",
    "\\max(2, 3) = 3",
    "integrate(2x, (x, 0, 1)) = 1",  # a range in a call is no vector
])
def test_tuples_that_are_not_vectors(cell: str) -> None:
    assert {status for status, _ in _steps(cell)} == {"proved"}


@pytest.mark.parametrize(("cell", "says"), [
    ("(1, 2)(3, 4) = 11", "\\cdot"),  # two vectors side by side: no silent dot product
    ("\\vec{a} \\cdot \\vec{b} = |a||b| \\cos\\theta", "is not given"),  # never a number
    ("(1, 2) + (1, 2, 3) = (2, 4, 3)", "sizes differ"),
    ("(1, 2) + 3 = (4, 5)", "multiply"),
    ("(1, 2) < (2, 3)", "|u| < |v|"),
    ("(1, 2) \\times (3, 4) = -2", "length 3"),
    ("|\\overrightarrow{AB}| = 5", "needs the points A and B"),
])
def test_notation_without_a_reading_says_what_to_write(cell: str, says: str) -> None:
    ((status, message),) = _steps(cell)
    assert status == "error"
    assert says in message


@pytest.mark.parametrize(("true_cell", "false_cell"), [
    (r"\frac{d}{dt}(t^2, 3t) = (2t, 3)", r"\frac{d}{dt}(t^2, 3t) = (2t, 2)"),
    (r"\int_0^1 (2t, 3) \, dt = (1, 3)", r"\int_0^1 (2t, 3) \, dt = (1, 2)"),
    (r"\cos^{-1}\left(\frac{(1, 0) \cdot (1, 1)}{|(1, 0)||(1, 1)|}\right) = 45°",
     r"\cos^{-1}\left(\frac{(1, 0) \cdot (1, 1)}{|(1, 0)||(1, 1)|}\right) = 30°"),
    ("|(x, y) - (1, 1)| = |(x, y) - (3, 5)| <=> x + 2y = 8",
     "|(x, y) - (1, 1)| = |(x, y) - (3, 5)| <=> x + 2y = 6"),
    ("a(1, 2) + b(3, 1) = (5, 5) <=> a = 2 and b = 1",
     "a(1, 2) + b(3, 1) = (5, 5) <=> a = 1 and b = 2"),
])
def test_calculus_and_geometry_of_vectors(true_cell: str, false_cell: str) -> None:
    assert {status for status, _ in _steps(true_cell)} == {"proved"}
    assert "refuted" in {status for status, _ in _steps(false_cell)}


def test_messages_show_the_cell_not_placeholders() -> None:
    ((status, message),) = _steps("(t^2, 3t)' = (2t, 3)")
    assert status == "error" and "\\frac{d}{dt}" in message and "qmatrix" not in message
    ((status, message),) = _steps("A = (1, 1)\nB = (5, 3)\nC = (2, 3)\n"
                                  "|(B - A) \\times (C - A)| = 6")
    assert status == "error" and "(a, b, 0)" in message


@pytest.mark.parametrize(("true_cell", "false_cell"), [
    (r"[1, 2] \cdot [3, 4] = 11", r"[1, 2] \cdot [3, 4] = 10"),
    ("dot((1, 2), (3, 4)) = 11", "dot((1, 2), (3, 4)) = 10"),
    ("norm((3, 4)) = 5", "norm((3, 4)) = 7"),
    ("cross((1, 0, 0), (0, 1, 0)) = (0, 0, 1)", "cross((0, 1, 0), (1, 0, 0)) = (0, 0, 1)"),
    ("A = [[1, 2], [3, 4]]\nA(1, 1) = (3, 7)", "A = [[1, 2], [3, 4]]\nA(1, 1) = (3, 8)"),
])
def test_ascii_spellings(true_cell: str, false_cell: str) -> None:
    assert {status for status, _ in _steps(true_cell)} == {"proved"}
    assert "refuted" in {status for status, _ in _steps(false_cell)}


def test_brackets_that_stay_intervals_and_limits() -> None:
    assert [s for s, _ in _steps("x^2 <= 1 <=> x \\in [-1, 1]")] == ["proved"]
    assert [s for s, _ in _steps("\\left[ x^2 \\right]_0^1 = 1")] == ["proved"]
    ((status, message),) = _steps("(3, 4)^2 = 25")  # no square of a vector: say |v|^2
    assert status == "error" and "|v|^2" in message


@pytest.mark.parametrize(("true_cell", "false_cell"), [
    ("r(t) = (t, t^2)\nr(2) = (2, 4)", "r(t) = (t, t^2)\nr(2) = (2, 5)"),
    ("r(t) = (t^2, 2t)\n|r'(1)| = 2\\sqrt{2}", "r(t) = (t^2, 2t)\n|r'(1)| = 4"),
    ("r(t) = (\\cos t, \\sin t)\nr'(t) = (-\\sin t, \\cos t)",
     "r(t) = (\\cos t, \\sin t)\nr'(t) = (\\sin t, \\cos t)"),
])
def test_functions_with_vector_values(true_cell: str, false_cell: str) -> None:
    assert {status for status, _ in _steps(true_cell)} == {"proved"}
    assert "refuted" in {status for status, _ in _steps(false_cell)}


def test_statements_with_vectors() -> None:
    assert [s for s, _ in _steps(
        "(x, y) = (1, 2) or (x, y) = (2, 1) <=> x + y = 3 and xy = 2")] == ["proved"]
    assert [s for s, _ in _steps(
        "(x, y) = (1, 2) or (x, y) = (2, 2) <=> x + y = 3 and xy = 2")] == ["refuted"]
    assert [s for s, _ in _steps("|(x, y)| <= 1 <=> x^2 + y^2 <= 2")] == ["refuted"]
    assert "refuted" not in {s for s, _ in _steps("|(x, y)| <= 1 <=> x^2 + y^2 <= 1")}


def test_zero_vector_over_zero_is_undefined_not_zero() -> None:
    # SymPy's matrix * zoo keeps a 0 entry as 0: the unit vector of (0, 0) would be (0, 0)
    ((status, _),) = _steps("|\\frac{(0, 0)}{|(0, 0)|}| = 1")
    assert status != "refuted"


@pytest.mark.parametrize(("true_cell", "false_cell"), [
    (r"\operatorname{proj}_{(1, 1)} (2, 3) = (\frac{5}{2}, \frac{5}{2})",
     r"\operatorname{proj}_{(1, 1)} (2, 3) = (5, 5)"),
    ("\\vec{a} = (3, 4)\n\\vec{b} = (1, 0)\n\\text{proj}_{\\vec{b}} \\vec{a} = (3, 0)",
     "\\vec{a} = (3, 4)\n\\vec{b} = (1, 0)\n\\text{proj}_{\\vec{b}} \\vec{a} = (4, 0)"),
    (r"\operatorname{comp}_{(1, 1)} (2, 3) = \frac{5}{\sqrt{2}}",
     r"\operatorname{comp}_{(1, 1)} (2, 3) = \frac{5}{2}"),
])
def test_projections(true_cell: str, false_cell: str) -> None:
    assert {status for status, _ in _steps(true_cell)} == {"proved"}
    assert "refuted" in {status for status, _ in _steps(false_cell)}


@pytest.mark.parametrize("cell", [
    "(" * 2000 + "1, 2" + ")" * 2000 + " = 1",  # scanning each bracket to its end: n^2
    "(abcdefghijklmn, " * 98 + " = 1",
    "(1, 2) + " * 100 + "(1, 2) = (1, 2)",
])
def test_hostile_brackets_stay_fast(cell: str) -> None:
    started = time.perf_counter()
    check_proof(cell, CheckOptions())
    assert time.perf_counter() - started < 5


def test_hat_of_a_given_vector_is_its_unit_vector() -> None:
    assert [s for s, _ in _steps("\\vec{v} = (6, 8)\n\\hat{v} = (\\frac{3}{5}, \\frac{4}{5})")] \
        == ["proved"]
    assert [s for s, _ in _steps("\\vec{v} = (6, 8)\n\\hat{v} = (\\frac{3}{4}, \\frac{4}{3})")] \
        == ["refuted"]
    assert [s for s, _ in _steps("\\hat{i} \\times \\hat{j} = \\hat{k}")] == ["proved"]


def test_complex_dot_product_is_not_guessed() -> None:
    ((status, message),) = _steps("(1, i) \\cdot (1, i) = 0", domain="complex")
    assert status == "error" and "conventions differ" in message
    assert [s for s, _ in _steps("|(1, i)|^2 = 2", domain="complex")] == ["proved"]


def test_a_column_vector_written_as_binom_is_not_a_zero_binomial() -> None:
    # read as binomial coefficients both sides are 0: the wrong vector sum was "proved"
    ((status, message),) = _steps(r"\binom{3}{4} + \binom{1}{2} = \binom{5}{6}")
    assert status == "error" and "\\begin{pmatrix} 3 \\\\ 4 \\end{pmatrix}" in message
    assert [s for s, _ in _steps(r"\binom{5}{2} + \binom{5}{3} = \binom{6}{3}")] == ["proved"]


@pytest.mark.parametrize(("true_cell", "false_cell"), [
    (r"(1, 2) \perp (2, -1)", r"(1, 2) \perp (2, 1)"),
    (r"(1, 2) \parallel (2, 4)", r"(1, 2) \parallel (2, 5)"),
    ("A = (0, 0)\nB = (2, 1)\nC = (1, 1)\nD = (0, 3)\nAB \\perp CD",
     "A = (0, 0)\nB = (2, 1)\nC = (1, 1)\nD = (0, 4)\nAB \\perp CD"),
])
def test_perpendicular_and_parallel_lines(true_cell: str, false_cell: str) -> None:
    assert {status for status, _ in _steps(true_cell)} == {"proved"}
    assert "refuted" in {status for status, _ in _steps(false_cell)}


def test_nested_projections_are_not_expanded() -> None:
    cell = "\\operatorname{proj}_{" * 8 + "(1, 0)" + "}(1, 1)" * 8 + " = (1, 0)"
    started = time.perf_counter()
    assert "proved" not in [s for s, _ in _steps(cell)]
    assert time.perf_counter() - started < 10


def test_quantities_inside_vectors_keep_their_rules() -> None:
    assert [s for s, _ in _steps("(P(A) + P(A^c), 0) = (1, 0)")] == ["proved"]
    assert "refuted" not in [s for s, _ in _steps("Var(X) (1, 1) = |Var(X)| (1, 1)")]
    assert [s for s, _ in _steps("P(A) = 0.3\n(P(A), 1) = (0.4, 1)")][-1:] == ["refuted"]
