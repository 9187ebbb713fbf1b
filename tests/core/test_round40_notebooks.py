"""Round 40: held-out teacher notebooks (German and French worksheets, textbook LaTeX).

* ``oder``/``ou``/``und``/``et`` written bare between two relations join them as or/and,
  as ``\\text{ oder }`` already did: ``x = 1/2 ou x = -3`` was read as the product o·u and
  refuted at o = 1, u = 1; ``x = 1 oder x = -5`` was an unknown-name error. Elsewhere the
  letters stay letters (``y = a et`` is a·e·t).
* An align column that opens with prose (``&& \\text{factor } x``) annotates the line, as a
  trailing ``&& \\text{expand}`` did: it was the error "unknown name 'factor' ... a word
  belongs in \\text{...}", though the word was in \\text{...}.
"""

from __future__ import annotations

import pytest

from proofnb.core.check import check_proof
from proofnb.core.model import CheckOptions


def _statuses(text: str) -> list[str]:
    return [s.status for s in check_proof(text, CheckOptions()).steps]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("(2x - 1)(x + 3) = 0\n⟺ 2x - 1 = 0 ou x + 3 = 0\n⟺ x = 1/2 ou x = -3",
         ["proved", "proved"]),
        ("x^2 + 4x - 5 = 0\n⇔ x = 1 oder x = -5", ["proved"]),
        ("x = 2 und y = 3 <=> y = 3 und x = 2", ["proved"]),
        ("x + y = 3 et x - y = 1 <=> x = 2 et y = 1", ["proved"]),
        # a wrong answer is still refuted, at a root, not at letters o and u
        ("x^2 = 4\n⟺ x = 2 ou x = 3", ["refuted"]),
    ],
)
def test_bare_connectives_between_relations(text: str, expected: list[str]) -> None:
    result = check_proof(text, CheckOptions())
    assert [s.status for s in result.steps] == expected
    for step in result.steps:
        if step.counterexample is not None:
            assert {name for name, _ in step.counterexample.point} == {"x"}


def test_connective_words_elsewhere_stay_letters() -> None:
    # e·t next to '=' (no relation on one side of the word, or an operator after it)
    # (y + 1, not y: a lone name before a chain continued on the next line is its label)
    result = check_proof("y + 1 = a et\n= et a", CheckOptions())
    assert [s.status for s in result.steps] == ["refuted", "proved"]
    assert "t" in dict(result.steps[0].counterexample.point)  # type: ignore[union-attr]
    assert _statuses("et + 1 = 1 + et") == ["proved"]


def test_align_annotation_column_with_prose() -> None:
    text = (
        "\\begin{aligned}\n"
        "\\frac{d}{dx}\\left(x^2 \\sin x\\right) &= 2x \\sin x + x^2 \\cos x"
        " && \\text{(product rule)} \\\\\n"
        "&= x\\left(2 \\sin x + x \\cos x\\right) && \\text{factor } x\n"
        "\\end{aligned}"
    )
    assert _statuses(text) == ["proved", "proved"]
    text = ("x^2 - 1 &= (x-1)(x+1) && (\\text{by } (2)) \\\\\n"
            "&= (x+1)(x-1) &&\\quad \\text{commute}")
    assert _statuses(text) == ["proved", "proved"]
    # the annotation hides nothing: a wrong line before it is still refuted
    assert _statuses("x^2 - 1 &= (x-1)^2 && \\text{factor } x") == ["refuted"]


def test_error_column_is_the_same_for_a_line_on_both_sides_of_its_steps() -> None:
    # A typo mid-derivation errs in two steps; both must point at the '*' of line 3
    # (the left side used to count from its own start: column 6 instead of 10).
    text = "(x + 1)(x - 1)\n  = x^2 - x + x - 1\n  = x^2 +* 1\n  = x^2 - 1"
    result = check_proof(text, CheckOptions())
    assert [s.status for s in result.steps] == ["proved", "error", "error"]
    for step in result.steps[1:]:
        assert step.message.startswith("line 3, column 10:"), step.message
    result = check_proof("a\n= b +* 1 = c", CheckOptions())
    assert [s.message.split(":")[0] for s in result.steps] == ["line 2, column 6"] * 2


@pytest.mark.parametrize("text", ["int(2x) = x^2 + C", "int(x e^x, x) = x e^x - e^x + C",
                                  "int x dx = x^2/2 + C"])
def test_int_is_an_error_that_says_how_to_integrate(text: str) -> None:
    # was refuted as the product i·n·t at i = n = t = 0, or a misleading "tuple" error
    (step,) = check_proof(text, CheckOptions()).steps
    assert step.status == "error"
    assert "integrate(f, x)" in step.message and "\\int" in step.message, step.message
