"""Round 54: whole proofs (chains): what a chain concludes, its flags, and the texts of its
statements in aligned LaTeX (found by a differential fuzz of derivations)."""

from __future__ import annotations

import sympy as sp

from proofnb.core.check import check_proof
from proofnb.core.model import CheckOptions
from proofnb.core.verdict import compose

OPTIONS = CheckOptions(assume=(), domain="real")
x = sp.Symbol("x")


def _all_proved(text: str):  # noqa: ANN202 - a ProofResult
    proof = check_proof(text, OPTIONS)
    assert [s.status for s in proof.steps] == ["proved"] * len(proof.steps), proof.steps
    assert proof.verdict == "accepted"
    return proof


def test_an_aligned_statement_ends_before_its_alignment_mark() -> None:
    # 5x - 1 = -9 &\iff ...: the step's left side was '5 x - 1 = -9 &', so the chain's
    # return to its first line was not seen (no 'circular') and the conclusion showed '&'
    text = ("\\begin{align*}\n5 x - 1 = -9 &\\iff 5 x = -8 \\\\\n&\\iff x = -\\frac{8}{5} \\\\\n"
            "&\\iff 5 x - 1 = -9\n\\end{align*}")
    proof = _all_proved(text)
    assert proof.steps[0].lhs == "5 x - 1 = -9"
    assert "circular" in proof.flags
    assert "&" not in proof.conclusion
    # the same chain written with leading relations says the same
    plain = _all_proved("5x - 1 = -9\n<=> 5x = -8\n<=> x = -8/5\n<=> 5x - 1 = -9")
    assert "circular" in plain.flags


def test_an_aligned_statement_chain_without_a_return_is_not_circular() -> None:
    text = ("\\begin{align*}\nx^2 - 5x + 6 = 0 &\\iff (x - 2)(x - 3) = 0 \\\\\n"
            "&\\iff x = 2 \\lor x = 3\n\\end{align*}")
    proof = _all_proved(text)
    assert "circular" not in proof.flags
    assert proof.conclusion == "x^2 - 5x + 6 = 0 <=> x = 2 \\lor x = 3"


def _holds_at_premise(conclusion: str, point: int) -> bool:
    """The conclusion 'P ==> L rel R' read back: at the premise's solution, L rel R holds."""
    _, _, claim = conclusion.partition(" ==> ")
    for rel, op in (("<=", sp.Le), (">=", sp.Ge), ("<", sp.Lt), (">", sp.Gt), ("=", sp.Eq)):
        left, found, right = claim.partition(f" {rel} ")
        if found:
            lhs = sp.sympify(left.replace("^", "**"))
            rhs = sp.sympify(right.replace("^", "**"))
            return bool(op(lhs.subs(x, point), rhs.subs(x, point)))
    raise AssertionError(conclusion)


def test_a_statement_chain_continued_by_expressions_concludes_under_its_first_line() -> None:
    # x = 3 ==> x^2 = 3x, then = 9: the chain concludes x = 3 ==> x^2 = 9; it said
    # 'x = 3 ==> x^2 = 3x; 3x = 9', a claim 3x = 9 that holds only where x = 3
    proof = _all_proved("x = 3\n==> x^2 = 3x\n  = 9")
    assert proof.conclusion == "x = 3 ==> x^2 = 9"
    assert _holds_at_premise(proof.conclusion, 3)
    proof = _all_proved("x = 3 ==> x^2 = 3x\n  = 9\n  < 10")
    assert proof.conclusion == "x = 3 ==> x^2 < 10"
    assert _holds_at_premise(proof.conclusion, 3)


def test_the_continuation_composes_with_the_statement_s_relation() -> None:
    proof = _all_proved("x > 3\n==> x^2 > 3x\n  > 9")
    assert proof.conclusion == "x > 3 ==> x^2 > 9"
    assert compose([">", ">"]) == ">"
    for point in (sp.Rational(7, 2), 4, 10):  # every solution of x > 3 has x^2 > 9
        assert point ** 2 > 9


def test_the_documented_odd_square_concludes_its_last_line() -> None:
    proof = _all_proved("assume k integer\nn = 2k + 1\n==> n^2 = (2k + 1)^2\n"
                        "      = 4k^2 + 4k + 1\n      = 2(2k^2 + 2k) + 1")
    assert proof.conclusion == "n = 2k + 1 ==> n^2 = 2(2k^2 + 2k) + 1"
    k = sp.Symbol("k")
    assert sp.expand((2 * k + 1) ** 2 - (2 * (2 * k ** 2 + 2 * k) + 1)) == 0


def test_an_aligned_continuation_shows_no_alignment_mark() -> None:
    proof = _all_proved("\\begin{align*}\nx = 3 &\\implies x^2 = 3x \\\\\n&= 9 \\\\\n&\\le 10\n"
                        "\\end{align*}")
    assert proof.conclusion == "x = 3 ==> x^2 <= 10"


def test_a_continuation_in_both_directions_still_says_it_concludes_nothing_single() -> None:
    proof = check_proof("x = 3\n==> x^2 = 3x\n  < 10\n  > 1", OPTIONS)
    assert proof.verdict == "accepted"
    assert "no single conclusion" in proof.conclusion
    assert "x^2 < 10" not in proof.conclusion and "x^2 > 1" not in proof.conclusion
