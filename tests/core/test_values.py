"""A chain that starts by naming a number computes it: ``P = 1000(1.05)^{10} ≈ 1628.89``
checks the computation, and P keeps the value in later lines. A line ``x = 3`` on its own,
or a name followed by a statement, stays a claim."""

from __future__ import annotations

from proofnb.core.check import check_proof
from proofnb.core.model import CheckOptions


def _steps(cell: str) -> list[tuple[str, str, str]]:
    return [(s.relation, s.lhs, s.status) for s in check_proof(cell, CheckOptions()).steps]


def test_a_named_computation_is_checked_from_its_value() -> None:
    assert _steps("P = 1000(1.05)^{10} \\approx 1628.89") == [
        ("≈", "1000(1.05)^{10}", "proved")]
    assert _steps("P = 1000(1.05)^{10} \\approx 1628.90")[0][2] == "refuted"
    assert _steps("x = \\frac{-3 + \\sqrt{3^2 - 4 \\cdot 2 \\cdot (-5)}}{2 \\cdot 2} = 1") == [
        ("=", "\\frac{-3 + \\sqrt{3^2 - 4 \\cdot 2 \\cdot (-5)}}{2 \\cdot 2}", "proved")]
    assert _steps("v_0 = 3 \\cdot 4 = 13")[0][2] == "refuted"


def test_the_name_keeps_its_value_in_later_lines() -> None:
    good = _steps("P = 1000(1.05)^{10} \\approx 1628.89\nR = P - 1000 \\approx 628.89")
    assert [status for *_, status in good] == ["proved", "proved"]
    bad = _steps("P = 1000(1.05)^{10} \\approx 1628.89\nR = P - 1000 \\approx 628.90")
    assert [status for *_, status in bad] == ["proved", "refuted"]


def test_claims_about_a_letter_keep_their_meaning() -> None:
    assert _steps("x = 3")[0][2] == "refuted"  # x = 3 for every x
    assert _steps("x = 2\nx^2 = 4") == [("<=>", "x = 2", "refuted")]  # x = -2 gained
    assert _steps("x = 2 + 1 = 3\n<=> x - 3 = 0")[0][0] == "<=>"  # a statement chain
    # a name no other line uses, computed on with =, labels the computation (round 44: as
    # S = 2 pi r^2 + 2 pi r h = ... in an optimisation); the computation is still checked
    assert _steps("y = x^2 = x \\cdot x") == [("=", "x^2", "proved")]
    assert _steps("y = x^2 = x + x") == [("=", "x^2", "refuted")]


def test_values_given_one_a_line_feed_a_computation() -> None:
    good = _steps("m = 2\nv = 3\nE_k = \\frac{1}{2} m v^2 = 9")
    assert good == [("=", "\\frac{1}{2} m v^2", "proved")]
    assert _steps("m = 2\nv = 3\nE_k = \\frac{1}{2} m v^2 = 18")[0][2] == "refuted"
    suvat = _steps("u = 5\na = 2\nt = 3\nv = u + a t = 11\ns = u t + \\frac{1}{2} a t^2 = 24")
    assert [status for *_, status in suvat] == ["proved", "proved"]


def test_a_lone_value_stays_a_claim_unless_it_feeds_a_computation() -> None:
    assert _steps("x = 2\ny = 3")[0][2] == "refuted"  # nothing below uses x: x = 2 <=> y = 3
    assert _steps("x = 2\ny = x + 1") == [("=", "y", "refuted")]  # y = x + 1 is about y


def test_a_named_computation_may_go_on_on_lines_of_its_own() -> None:
    # The same chain as A = \pi \times 5^2 = 25\pi on one line: A names what it computes.
    for cell in ("A = pi*5^2\n  = 25pi", "\\begin{aligned}\nA &= \\pi\\times5^2 \\\\\n"
                 "&= 25\\pi\n\\end{aligned}", "$$A = \\pi \\times 5^2$$\n$$= 25\\pi$$",
                 "r = 3\nA = pi r^2\n  = 9 pi"):
        assert [s[2] for s in _steps(cell)] == ["proved"], cell
    wrong = check_proof("A = pi*5^2\n  = 24pi", CheckOptions()).steps
    assert [s.status for s in wrong] == ["refuted"]
    # A name no other line uses labels a chain of expressions in other letters, too.
    assert _steps("S = 2 pi r^2 + 2 pi r h\n  = 2 pi r (r + h)") == [
        ("=", "2 pi r^2 + 2 pi r h", "proved")]
    assert [s[2] for s in _steps("f = x^2 + 2x + 1\n  = (x + 2)^2")] == ["refuted"]
    # A name the cell uses again stays a letter with claims about it.
    assert [s[2] for s in _steps("y = x^2\ny = 4")] == ["refuted"]
