"""Round 14: whole proofs (DESIGN §2 last paragraphs, §6): verdict, flags and conclusion of
teachers' multi-line derivations, checked inline and through the worker pool."""

from __future__ import annotations

import pytest

import proofnb
from proofnb.batch.discover import split_cell
from proofnb.core.check import check_proof
from proofnb.core.model import CheckOptions, ProofResult
from proofnb.runner.service import ProofChecker


def _check(text: str, *assume: str, domain: str = "real") -> ProofResult:
    return check_proof(text, CheckOptions(assume=assume, domain=domain))  # type: ignore[arg-type]


MIXED = "x^2 + 1\n  > x^2\n  < x^2 + 2"


def test_mixed_directions_say_there_is_no_single_conclusion() -> None:
    proof = _check(MIXED)
    assert proof.verdict == "accepted"
    assert proof.conclusion == (
        "no single conclusion from x^2 + 1 to x^2 + 2: the chain mixes > and <"
    )
    # one direction: the chain concludes a strict inequality between its ends
    proof = _check("x^2 + 1\n  > x^2\n  > x^2 - 1")
    assert proof.conclusion == "x^2 + 1 > x^2 - 1"


def test_implication_then_converse_has_no_conclusion() -> None:
    proof = _check("x = 2\n  ==> x^2 = 4\n  <== x = -2")
    assert [s.status for s in proof.steps] == ["proved", "proved"]
    assert proof.conclusion == (
        "no single conclusion from x = 2 to x = -2: the chain mixes ==> and <=="
    )
    proof = _check("x = 2\n<=> 2x = 4\n==> 4x^2 = 16")
    assert proof.conclusion == "x = 2 ==> 4x^2 = 16"


def test_composed_relation_of_an_equality_order_chain() -> None:
    proof = _check("x^2 = x*x < x*x + 1 = x^2 + 1")
    assert proof.conclusion == "x^2 < x^2 + 1"
    wrong = _check("x^2 = x*x < x*x - 1 = x^2 - 1")
    assert [s.status for s in wrong.steps] == ["proved", "refuted", "proved"]
    assert wrong.verdict == "rejected" and wrong.conclusion == "x^2 < x^2 - 1"


def test_second_chain_starting_where_a_circular_one_ended_stays_separate() -> None:
    text = "x + x\n  = 2x\n  = x + x\n\nx + x\n  = 2x"
    proof = _check(text)
    assert proof.conclusion == "x + x = x + x; x + x = 2x"
    assert "circular" in proof.flags
    # without the first chain's return there is nothing circular
    proof = _check("x + x\n  = 2x\n\nx + x\n  = x^2")
    assert proof.conclusion == "x + x = 2x; x + x = x^2"
    assert "circular" not in proof.flags and proof.verdict == "rejected"


def test_aligned_latex_conclusion_has_no_alignment_marks() -> None:
    text = "\\begin{aligned}\n(x + 1)^2 &= x^2 + 2x + 1 \\\\\n&\\ge 2x\n\\end{aligned}"
    proof = _check(text)
    assert proof.verdict == "accepted"
    assert proof.conclusion == "(x + 1)^2 >= 2x"
    assert proof.steps[0].lhs == "(x + 1)^2"


def test_annotations_are_not_part_of_a_side() -> None:
    text = ("x^2 - 1 = (x - 1)(x + 1) \\quad \\text{(difference of squares)}\n"
            "  = x^2 + x - x - 1 \\quad \\text{(expand)}")
    proof = _check(text)
    assert proof.conclusion == "x^2 - 1 = x^2 + x - x - 1"
    assert proof.steps[0].rhs == "(x - 1)(x + 1)"
    # \text{d} is maths (a differential), not prose: it stays
    wrong = _check("2x = x + x = 2 \\text{d}")
    assert wrong.steps[1].rhs == "2 \\text{d}"


def test_error_step_in_the_middle_the_rest_still_checked() -> None:
    text = ("(x + 1)^3\n  = (x + 1)(x + 1)^2\n  = lnx\n  = x^3 + 3x^2 + 3x + 1\n"
            "  = x^3 + 3x^2 + 3x + 2")
    proof = _check(text)
    assert [s.status for s in proof.steps] == ["proved", "error", "error", "refuted"]
    assert proof.verdict == "rejected"
    assert proof.conclusion == "(x + 1)^3 = x^3 + 3x^2 + 3x + 2"


def test_assumption_flag_only_when_the_step_needs_it() -> None:
    needed = _check("x/|x|\nassume x < 0\n  = x/(-x)\n  = -1")
    assert needed.verdict == "accepted" and needed.flags == ("assumption",)
    # the chain's own domain (x > 0 for log(8x^3)) makes the assumption unnecessary
    not_needed = _check("log(8x^3)\n  = log(8) + 3 log(x)", "x > 0")
    assert not_needed.verdict == "accepted" and "assumption" not in not_needed.flags
    assert _check("log(8x^3)\n  = log(8) + 3 log(x)").verdict == "accepted"


def test_domain_flag_needs_a_note_and_no_note_for_reciprocals() -> None:
    text = "(1/x - 1/y)/(1/x + 1/y)\n  = ((y - x)/(x y))/((y + x)/(x y))\n  = (y - x)/(y + x)"
    proof = _check(text)
    assert proof.verdict == "accepted" and proof.flags == ("domain",)
    # both sides are undefined on the same set (x = 0, y = 0, x = -y): no exception
    assert proof.steps[0].notes == ()
    assert proof.steps[1].notes == ("x ≠ 0", "y ≠ 0")
    for step in proof.steps:
        assert ("domain" in step.flags) == bool(step.notes)


def test_expect_meets_and_misses() -> None:
    cell = '%%verify --expect rejected --title "slip"\n(a + b)^2\n  = a^2 + b^2'
    options, body = split_cell(cell)
    proof = check_proof(body, CheckOptions(), title=options.title, expect=options.expect)
    assert proof.verdict == "rejected" and proof.meets_expectation
    options, body = split_cell("%%verify --expect rejected\n(a + b)^2\n  = a^2 + 2ab + b^2")
    proof = check_proof(body, CheckOptions(), expect=options.expect)
    assert proof.verdict == "accepted" and not proof.meets_expectation


CELLS = [
    ("x^2 - 4x + 7\n  = (x - 2)^2 + 3\n  >= 3\n  > 0", ()),
    ("x^2 - 4x + 7\n  = (x - 2)^2 + 3\n  > 3", ()),
    (MIXED, ()),
    ("x + x\n  = 2x\n  = x + x\n\nx + x\n  = 2x", ()),
    ("sqrt(x^2)\n# positive x\nassume x > 0\n  = x\n  = |x|", ()),
    ("x^2 = 5x\n<=> x^2 - 5x = 0\n<=> x(x - 5) = 0\n==> x = 5", ()),
    ("(x^2 - 5x + 6)/(x - 2)\n  = ((x - 2)(x - 3))/(x - 2)\n  = x - 3", ()),
    ("(a + b)(1/a + 1/b)\n  = 2 + a/b + b/a\n  >= 2 + 2\n  = 4", ("a > 0, b > 0",)),
]


@pytest.mark.timeout(300)
def test_worker_pool_agrees_with_inline() -> None:
    checker = ProofChecker(workers=2)
    try:
        for text, assume in CELLS:
            inline = _check(text, *assume)
            pooled = proofnb.verify(text, assume=list(assume), checker=checker)
            assert (pooled.verdict, pooled.flags, pooled.conclusion) == (
                inline.verdict, inline.flags, inline.conclusion), text
            assert [s.status for s in pooled.steps] == [s.status for s in inline.steps], text
    finally:
        checker.close()
