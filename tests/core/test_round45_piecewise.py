"""Round 45: functions defined by cases (\\begin{cases}, {a if c, b otherwise}, Piecewise)."""

from __future__ import annotations

import pytest

from proofnb.core.check import check_proof
from proofnb.runner.api import make_options

F1 = r"f(x) = \begin{cases} x^2 & x < 1 \\ 2x - 1 & x \ge 1 \end{cases}"
H = r"h(x) = \begin{cases} 1 & \text{for } x > 0 \\ 0 & \text{otherwise} \end{cases}"


def statuses(cell: str) -> list[str]:
    result = check_proof(cell, make_options(timeout=10, seed=0))
    return [step.status for step in result.steps]


@pytest.mark.parametrize(("cell", "want"), [
    (F1 + "\nf(2) = 3", "proved"),
    (F1 + "\nf(2) = 4", "refuted"),  # the wrong case
    (F1 + "\nf(-3) = 9", "proved"),
    (F1 + "\nf(-3) = -7", "refuted"),
    ("f(x) = Piecewise((x^2, x < 1), (2x - 1, True))\nf(0) = 0", "proved"),
    ("f(x) = Piecewise((x^2, x < 1), (2x - 1, True))\nf(-1) = -3", "refuted"),
    ("f(x) = {x^2 if x < 1, 2x - 1 otherwise}\nf(2) = 3", "proved"),
    ("f(x) = {x^2 if x < 1, 2x - 1 otherwise}\nf(2) = 4", "refuted"),
    (F1 + "\n\\lim_{x \\to 1^+} f(x) = 1", "proved"),
    (F1 + "\n\\lim_{x \\to 1^+} f(x) = 2", "refuted"),
    # SymPy's own right limit of this step function at 0 is 0: the case beside 0 is taken
    (H + "\n\\lim_{x \\to 0^+} h(x) = 1", "proved"),
    (H + "\n\\lim_{x \\to 0^-} h(x) = 1", "refuted"),
    (H + "\nh(0) = 0", "proved"),
    (H + "\nh(0) = 1", "refuted"),
    (r"|x| = \begin{cases} x & x \ge 0 \\ -x & x < 0 \end{cases}", "proved"),
    (r"|x| = \begin{cases} x & x \ge 0 \\ x & x < 0 \end{cases}", "refuted"),
])
def test_cases_read(cell: str, want: str) -> None:
    assert statuses(cell)[-1] == want


def test_multiline_environment_keeps_line_numbers() -> None:
    cell = "f(x) = \\begin{cases}\n x^2 & x < 1 \\\\\n 2x - 1 & x \\ge 1\n\\end{cases}\nf(2) = 4"
    result = check_proof(cell, make_options(timeout=10, seed=0))
    assert [(s.status, s.line) for s in result.steps] == [("refuted", 5)]


@pytest.mark.parametrize(("cell", "words"), [
    (r"f(x) = \begin{cases} x^2 & x < 1 \\ 2x - 1 & x > 1 \end{cases}" + "\nf(2) = 3",
     "leave out x = 1"),
    (r"f(x) = \begin{cases} x^2 & x \le 1 \\ 2x & x \ge 1 \end{cases}" + "\nf(2) = 4",
     "give x = 1 two values"),
    (r"|x - 2| = \begin{cases} x - 2 & x \ge 2 \\ 2 - x & x < 0 \end{cases}",
     "leave out 0 <= x < 2"),
    (H + "\n\\lim_{x \\to 0} h(x) = 0", "does not exist"),
])
def test_gaps_and_doubles_are_errors(cell: str, words: str) -> None:
    result = check_proof(cell, make_options(timeout=10, seed=0))
    step = result.steps[-1]
    assert step.status == "error"
    assert words in (step.message or "")


def test_overlap_where_cases_agree_is_read() -> None:
    cell = r"f(x) = \begin{cases} x^2 & x \le 1 \\ 2x - 1 & x \ge 1 \end{cases}" + "\nf(2) = 3"
    assert statuses(cell) == ["proved"]
