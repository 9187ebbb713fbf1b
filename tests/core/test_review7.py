"""Review of the implicit-differentiation, induction, tangent/inverse and complex-parts
changes: regression tests for what the review found (true/false pairs for verdicts)."""

from __future__ import annotations

from proofnb.core.check import check_proof
from proofnb.core.model import CheckOptions


def _cell(text: str, *assume: str) -> list[tuple[str, str]]:
    return [(s.relation, s.status)
            for s in check_proof(text, CheckOptions(assume=assume, timeout=20)).steps]


def test_a_second_derivative_in_leibniz_or_prime_form_is_not_read_twice() -> None:
    # d^2y/dx^2 became y''(x), whose y' was read again as y'(x): y'(x)'(x), so the true
    # y'' = -25/y^3 on the circle was refuted.
    assert _cell("x^2 + y^2 = 25\nd^2y/dx^2 = -25/y^3") == [("==>", "proved")]
    assert _cell("x^2 + y^2 = 25\nd^2y/dx^2 = 25/y^3") == [("==>", "refuted")]
    assert _cell("x^2 + y^2 = 25\n2x + 2y y' = 0\ny'' = -25/y^3") \
        == [("==>", "proved"), ("<=>", "proved")]
    assert _cell("x^2 + y^2 = 25\n2x + 2y y' = 0\ny'' = 25/y^3")[1] == ("<=>", "refuted")


def test_a_letter_next_to_the_derivative_is_split_off() -> None:
    # 2yy' was 2y(x) y' (a parse error: y' without its argument)
    assert _cell("x^2 + y^2 = 25\n2x + 2y y' = 0\n2x + 2yy' = 0") \
        == [("==>", "proved"), ("<=>", "proved")]
    assert _cell("x^2 + y^2 = 25\n2x + 2y y' = 0\n2x + yy' = 0")[1] == ("<=>", "refuted")


def test_the_slope_at_a_number_is_no_product() -> None:
    # y'(3) was read as y'(x) times 3 (a refutation of 3 y' = -3/4 on the circle)
    steps = check_proof("x^2 + y^2 = 25\n2x + 2y y' = 0\ny'(3) = -3/4", CheckOptions()).steps
    assert steps[1].method != "implicit differentiation"
    assert _cell("x^3 + y^3 = 6xy\n3x^2 + 3y^2 y' = 6y + 6x y'\ny'(3y^2 - 6x) = 6y - 3x^2") \
        == [("==>", "proved"), ("<=>", "proved")]
