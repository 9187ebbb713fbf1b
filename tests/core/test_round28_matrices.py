"""Probe round 28: matrices and vectors in %%verify cells (core/matrices.py), as true/false
pairs through the whole checker."""

from __future__ import annotations

import time

import pytest

from proofnb.core.check import check_proof
from proofnb.core.model import CheckOptions

M = r"\begin{pmatrix} 1 & 2 \\ 3 & 4 \end{pmatrix}"


def _steps(cell: str, domain: str = "real") -> list[tuple[str, str]]:
    result = check_proof(cell, CheckOptions(domain=domain))
    return [(s.status, (s.counterexample.text if s.counterexample else s.message))
            for s in result.steps]


@pytest.mark.parametrize(("true_cell", "false_cell"), [
    (M + r" \begin{pmatrix} 1 \\ 1 \end{pmatrix} = \begin{pmatrix} 3 \\ 7 \end{pmatrix}",
     M + r" \begin{pmatrix} 1 \\ 1 \end{pmatrix} = \begin{pmatrix} 3 \\ 6 \end{pmatrix}"),
    (r"\det \begin{pmatrix} a & b \\ c & d \end{pmatrix} = ad - bc",
     r"\det \begin{pmatrix} a & b \\ c & d \end{pmatrix} = ad + bc"),
    (r"\begin{vmatrix} 1 & 2 \\ 3 & 4 \end{vmatrix} = -2",
     r"\begin{vmatrix} 1 & 2 \\ 3 & 4 \end{vmatrix} = 2"),
    ("Matrix([[1, 2], [3, 4]]) * Matrix([[0, 1], [1, 0]]) = Matrix([[2, 1], [4, 3]])",
     "Matrix([[1, 2], [3, 4]]) * Matrix([[0, 1], [1, 0]]) = Matrix([[3, 4], [1, 2]])"),
    (M + r"^{-1} = -\frac{1}{2} \begin{pmatrix} 4 & -2 \\ -3 & 1 \end{pmatrix}",
     M + r"^{-1} = -\frac{1}{2} \begin{pmatrix} 4 & -3 \\ -2 & 1 \end{pmatrix}"),
    (M + r"^\top = \begin{pmatrix} 1 & 3 \\ 2 & 4 \end{pmatrix}",
     M + r"^{T} = " + M),
    (r"\begin{pmatrix} 1 \\ 2 \\ 3 \end{pmatrix} \times \begin{pmatrix} 4 \\ 5 \\ 6 \end{pmatrix}"
     r" = \begin{pmatrix} -3 \\ 6 \\ -3 \end{pmatrix}",
     r"\begin{pmatrix} 1 \\ 2 \\ 3 \end{pmatrix} \times \begin{pmatrix} 4 \\ 5 \\ 6 \end{pmatrix}"
     r" = \begin{pmatrix} 3 \\ -6 \\ 3 \end{pmatrix}"),
    (r"\begin{pmatrix} 1 \\ 2 \\ 3 \end{pmatrix} \cdot"
     r" \begin{pmatrix} 4 \\ -5 \\ 6 \end{pmatrix} = 12",
     r"\begin{pmatrix} 1 \\ 2 \\ 3 \end{pmatrix} \cdot"
     r" \begin{pmatrix} 4 \\ -5 \\ 6 \end{pmatrix} = 32"),
    ("A = " + M + "\nB = [[0, 1], [1, 0]]\nAB = [[2, 1], [4, 3]]",
     "A = " + M + "\nB = [[0, 1], [1, 0]]\nBA = [[2, 1], [4, 3]]"),
    ("A = " + M + "\nA^2 - 5A - 2I = 0", "A = " + M + "\nA^2 - 5A + 2I = 0"),
    ("A = " + M + "\nB = [[0, 1], [1, 0]]\n(A + B)^2 = A^2 + AB + BA + B^2",
     "A = " + M + "\nB = [[0, 1], [1, 0]]\n(A + B)^2 = A^2 + 2AB + B^2"),
    ("A = [[a, b], [c, d]]\nB = [[p, q], [r, s]]\n(AB)^T = B^T A^T",
     "A = [[a, b], [c, d]]\nB = [[p, q], [r, s]]\n(AB)^T = A^T B^T"),
    ("A = " + r"\begin{pmatrix} 2 & 1 \\ 1 & 2 \end{pmatrix}" + "\n"
     r"\det(A - \lambda I) = 0 <=> \lambda = 1 or \lambda = 3",
     "A = " + r"\begin{pmatrix} 2 & 1 \\ 1 & 2 \end{pmatrix}" + "\n"
     r"\det(A - \lambda I) = 0 <=> \lambda = 1 or \lambda = 2"),
    (M + r" \begin{pmatrix} x \\ y \end{pmatrix} = \begin{pmatrix} 5 \\ 6 \end{pmatrix}"
     " <=> x = -4 and y = 9/2",
     M + r" \begin{pmatrix} x \\ y \end{pmatrix} = \begin{pmatrix} 5 \\ 6 \end{pmatrix}"
     r" <=> \begin{pmatrix} x \\ y \end{pmatrix} = \begin{pmatrix} 9/2 \\ -4 \end{pmatrix}"),
    (r"\det \begin{pmatrix} 3 & 2 \\ 1 & 4 \end{pmatrix} = 3 \cdot 4 - 2 \cdot 1",
     r"\det \begin{pmatrix} 3 & 2 \\ 1 & 4 \end{pmatrix} = 3 \cdot 4 + 2 \cdot 1"),
    ("A = [[1, 2], [3, 4]]\ndet(3A) = -18", "A = [[1, 2], [3, 4]]\ndet(3A) = -6"),
])
def test_true_and_false_pairs(true_cell: str, false_cell: str) -> None:
    assert {status for status, _ in _steps(true_cell)} == {"proved"}
    assert "refuted" in {status for status, _ in _steps(false_cell)}


def test_refutation_names_the_entry() -> None:
    ((status, text),) = _steps(
        M + r" \begin{pmatrix} 1 \\ 1 \end{pmatrix} = \begin{pmatrix} 3 \\ 6 \end{pmatrix}")
    assert status == "refuted"
    assert text == "entry (2, 1): left side 7, right side 6"


def test_inverse_with_letters_notes_the_determinant() -> None:
    result = check_proof(r"\begin{pmatrix} a & b \\ c & d \end{pmatrix}^{-1} = \frac{1}{ad - bc}"
                         r" \begin{pmatrix} d & -b \\ -c & a \end{pmatrix}", CheckOptions())
    (step,) = result.steps
    assert step.status == "proved"
    assert any("≠ 0" in note and "a" in note and "d" in note for note in step.notes)


@pytest.mark.parametrize(("cell", "words"), [
    (M + r" + \begin{pmatrix} 1 \\ 1 \end{pmatrix} = 0", "2×2 matrix and a 2×1"),
    (M + " + 1 = " + M, "a number and a 2×2 matrix"),
    (r"\begin{pmatrix} 1 & 2 \\ 2 & 4 \end{pmatrix}^{-1} = I", "singular"),
    (r"\begin{pmatrix} 1 \\ 2 \end{pmatrix} \times \begin{pmatrix} 3 \\ 4 \end{pmatrix} = 0",
     "length 3"),
    (M + "^{100} = I", "at most 64"),
    (r"\begin{pmatrix} 1 & 2 & 3 & 4 & 5 & 6 & 7 \end{pmatrix} = 0", "at most 6"),
    (M + " < " + M, "= only"),
    (M + "^n = I", "whole-number exponent"),
    ("tr(A) = 5", "not to a number"),
    ("[[1, 2], [3]] = 0", "same number of entries"),
])
def test_errors_say_why(cell: str, words: str) -> None:
    ((status, message),) = _steps(cell)
    assert status == "error"
    assert words in message


def test_complex_eigenvalues() -> None:
    cell = ("A = [[0, -1], [1, 0]]\n"
            r"\det(A - \lambda I) = 0 <=> \lambda = i or \lambda = -i")
    assert [s for s, _ in _steps(cell, "complex")] == ["proved"]
    assert [s for s, _ in _steps(cell.replace("-i", "2i"), "complex")] == ["refuted"]


def test_hostile_power_is_bounded() -> None:
    started = time.perf_counter()
    ((status, _),) = _steps("[[a, b, c], [d, e, f], [g, h, k]]^{64} = I")
    assert status in ("error", "unknown", "refuted")
    assert time.perf_counter() - started < 30  # hang guard


def test_plain_steps_do_not_read_matrices() -> None:
    # [a, b] stays an interval and det stays three letters outside matrix notation.
    assert [s for s, _ in _steps("x in [0, 1] <=> 0 <= x <= 1")] == ["proved"]
    assert [s for s, _ in _steps("d e t = t e d")] == ["proved"]
