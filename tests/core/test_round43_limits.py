"""Round 43: limits and continuity worksheets as teachers and students type them.

* ``lim_{x->2}``, ``lim_(x->2)``, ``lim_{x→0+}``, ``lim_{n→∞}`` typed without a backslash
  were the error "expected '(' after lim"; they are read as ``\\lim_{x \\to 2}``. A sign
  after the point (``x → 0+``, ``x -> 1-``) is the side, as ``0^+`` is.
* ``\\lim_{x \\downarrow 0}`` and ``\\searrow`` (from the right), ``\\uparrow`` and
  ``\\nearrow`` (from the left) were "expected '->'".
* A note set over a relation (``\\overset{L'H}{=}``, ``\\stackrel{(1)}{\\le}``) is the
  relation: a chain with one was a parse error. A trailing L'Hôpital note (``(L'H)``,
  ``(L'Hopital)``, ``[by L'Hôpital's rule]``) is an annotation: ``(L'H)`` was read as the
  derivative of a function L.
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
        ("lim_{x->3} (x^2 - 9)/(x - 3) = 6", ["proved"]),
        ("lim_{x->3} (x^2 - 9)/(x - 3) = 9", ["refuted"]),
        ("lim_(x->2) (x^3 - 8)/(x - 2) = 12", ["proved"]),
        ("lim_(x->2) (x^3 - 8)/(x - 2) = 4", ["refuted"]),
        ("lim_{n→∞} (2n^2 - n)/(n^2 + 1) = 2", ["proved"]),
        ("lim_{x→-∞} (4x^3 - x)/(2x^2 + 7) = -∞", ["proved"]),
        ("lim_{x→-∞} (4x^3 - x)/(2x^2 + 7) = ∞", ["refuted"]),
        ("lim_{x→0+} 1/x = ∞", ["proved"]),
        ("lim_{x→0-} 1/x = ∞", ["refuted"]),
        ("lim_{x->0^+} ln(x) = -oo", ["proved"]),
        ("lim_{x->1-} 1/(x - 1) = -oo", ["proved"]),
        ("lim_{x->1-} 1/(x - 1) = oo", ["refuted"]),
        # a sum ending the point is not a side
        (r"\lim_{x \to a+1} (x - a) = 1", ["proved"]),
    ],
)
def test_typed_limit_subscripts(text: str, expected: list[str]) -> None:
    assert _statuses(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (r"\lim_{x \downarrow 0} x \ln x = 0", ["proved"]),
        (r"\lim_{x \searrow 0} \frac{|x|}{x} = 1", ["proved"]),
        (r"\lim_{x \downarrow 0} \frac{|x|}{x} = -1", ["refuted"]),
        (r"\lim_{x \uparrow 1} \frac{1}{1 - x} = \infty", ["proved"]),
        (r"\lim_{x \uparrow 1} \frac{1}{1 - x} = -\infty", ["refuted"]),
        (r"\lim_{x \nearrow 0} \frac{|x|}{x} = -1", ["proved"]),
    ],
)
def test_one_sided_arrows(text: str, expected: list[str]) -> None:
    assert _statuses(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("\\lim_{x \\to 0} \\frac{1 - \\cos x}{x^2}\n"
         "  \\overset{L'H}{=} \\lim_{x \\to 0} \\frac{\\sin x}{2x}\n"
         "  \\overset{L'H}{=} \\lim_{x \\to 0} \\frac{\\cos x}{2}\n  = \\frac{1}{2}",
         ["proved", "proved", "proved"]),
        # L'Hopital where the form is 1/2, not 0/0: the values differ
        ("\\lim_{x \\to 0} \\frac{x + 1}{x + 2}\n"
         "  \\overset{L'H}{=} \\lim_{x \\to 0} \\frac{1}{1}\n  = 1", ["refuted", "proved"]),
        ("\\lim_{x \\to 1} \\frac{\\ln x}{x - 1} \\stackrel{\\text{L'H}}{=} "
         "\\lim_{x \\to 1} \\frac{1/x}{1} = 0", ["proved", "refuted"]),
        (r"x^2 + 1 \stackrel{(1)}{\ge} 2x", ["proved"]),
        (r"x^2 + 1 \stackrel{(1)}{\ge} 3x", ["refuted"]),
    ],
)
def test_notes_over_relations(text: str, expected: list[str]) -> None:
    assert _statuses(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("\\lim_{x \\to 0} \\frac{e^x - 1 - x}{x^2}\n"
         "  = \\lim_{x \\to 0} \\frac{e^x - 1}{2x} \\quad (L'H)\n"
         "  = \\lim_{x \\to 0} \\frac{e^x}{2} \\quad (L'H)\n  = \\frac{1}{2}",
         ["proved", "proved", "proved"]),
        # differentiated only the numerator: refuted, not an error about a function L
        ("\\lim_{x \\to 0} \\frac{e^x - 1 - x}{x^2}\n"
         "  = \\lim_{x \\to 0} \\frac{e^x - 1}{x^2} \\quad (L'H)", ["refuted"]),
        ("lim_{x->0} (e^(3x) - 1)/x\n  = lim_{x->0} 3e^(3x)/1   (L'Hopital)\n  = 3",
         ["proved", "proved"]),
        ("lim_{x->0} (e^(3x) - 1)/x\n  = lim_{x->0} 3e^(3x)/1   (L'Hopital)\n  = 1",
         ["proved", "refuted"]),
        ("\\lim_{x \\to 0} \\frac{\\sin 2x}{x} = \\lim_{x \\to 0} 2\\cos 2x "
         "\\quad [\\text{by L'Hôpital's rule}]\n  = 2", ["proved", "proved"]),
    ],
)
def test_lhopital_notes(text: str, expected: list[str]) -> None:
    assert _statuses(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (r"\lim_{x \to 0} \frac{|x|}{x} = \text{DNE}", ["proved"]),
        (r"\lim_{x \to 0} \frac{|x|}{x} \text{ does not exist}", ["proved"]),
        ("lim_{x->0} |x|/x does not exist", ["proved"]),
        (r"\lim_{x \to 0} \frac{1}{x} = DNE", ["proved"]),
        # no finite limit: 1/x^2 tends to infinity
        (r"\lim_{x \to 0} \frac{1}{x^2} \text{ DNE}", ["proved"]),
        # the limit exists: refuted with its value
        (r"\lim_{x \to 0} \frac{x}{|x| + 1} \text{ does not exist}", ["refuted"]),
        (r"\lim_{x \to 2} \frac{x - 2}{x - 2} = \text{DNE}", ["refuted"]),
        (r"\lim_{x \to 0^+} \frac{|x|}{x} \text{ does not exist}", ["refuted"]),
        # said of something that is not a limit, or depends on a letter: never decided
        ("x + 1 = DNE", ["unknown"]),
        (r"\lim_{x \to 0} \frac{a}{x} = DNE", ["unknown"]),
    ],
)
def test_limit_does_not_exist(text: str, expected: list[str]) -> None:
    result = check_proof(text, CheckOptions())
    assert [s.status for s in result.steps] == expected
    for step in result.steps:
        if step.status == "refuted":  # the witness is the limit's value, checked here
            assert step.counterexample is not None and step.counterexample.lhs_value is not None
            limit = text.split("=")[0].split(r"\text")[0]
            value = check_proof(f"{limit} = {step.counterexample.lhs_value}", CheckOptions())
            assert value.steps[0].status == "proved"
        if step.status == "unknown":  # a message that says what is wrong, not letters
            assert "limit" in step.message


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # two false facts about limits were one step false <=> false, proved
        ("\\lim_{x \\to 1^-} (x^2 + 2) = 4\n\\lim_{x \\to 1^+} (4x - 1) = 4",
         ["refuted", "refuted"]),
        ("\\lim_{x \\to 1^-} (x^2 + 2) = 3\n\\lim_{x \\to 1^+} (4x - 1) = 3",
         ["proved", "proved"]),
        ("lim_{x->2^-} (3x - 1) = 5\nlim_{x->2^+} (x^2 - 1) = 5", ["proved", "refuted"]),
        ("limit(sin(x)/x, x, 0) = 0\nlimit((1 - cos(x))/x, x, 0) = 1", ["refuted", "refuted"]),
        ("\\lim_{x \\to 0} \\frac{|x|}{x} = 1\n\\lim_{x \\to 0} \\frac{|x|}{x} = \\text{DNE}",
         ["unknown", "proved"]),
        # a letter outside the limit keeps the lines one chain of equations in a
        ("\\lim_{x \\to 2} (ax + 1) = 5\n2a + 1 = 5\na = 2", ["proved", "proved"]),
    ],
)
def test_limit_facts_on_lines_of_their_own(text: str, expected: list[str]) -> None:
    assert _statuses(text) == expected
