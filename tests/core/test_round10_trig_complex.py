"""Round 10 probe regressions: trig/hyperbolic identities as assigned and --domain complex
steps. Each fix is pinned by a true/false pair run through the real checker."""

from __future__ import annotations

import pytest

from proofnb.core.check import check_proof
from proofnb.runner.api import make_options


def statuses(cell: str, *, assume: str = "", domain: str = "real") -> list[str]:
    options = make_options(assume=[assume] if assume else [], domain=domain, timeout=10, seed=0)
    return [step.status for step in check_proof(cell, options).steps]


@pytest.mark.parametrize(("cell", "expected"), [
    (r"Re(z) = (z + conjugate(z))/2", "proved"),
    (r"\operatorname{Re}(z) = \frac{z + \bar z}{2}", "proved"),
    (r"\Re(z) = \frac{z + \bar z}{2}", "proved"),
    (r"\mathrm{Im}\, z = \frac{z - \bar z}{2i}", "proved"),
    (r"Re(z w) = Re(z) Re(w) + Im(z) Im(w)", "refuted"),
    (r"\Re(z) = z", "refuted"),
    (r"\mathrm{Im}(z) = \frac{z - \bar z}{2}", "refuted"),
])
def test_re_and_im_are_the_parts_not_products(cell: str, expected: str) -> None:
    # Re(z) was R*e*(z): the true identity Re(z) = (z + conj z)/2 was refuted at R = 0.
    assert statuses(cell, domain="complex") == [expected]


def test_re_without_brackets_is_still_a_product_of_names() -> None:
    assert statuses("R e(x + 1) = R e x + R e") == ["proved"]


@pytest.mark.parametrize(("cell", "expected"), [
    ("i^2023 = -i", "proved"),
    ("i^2023 = i", "refuted"),
    ("i^2023 + i^2024 = 1 - i", "proved"),
])
def test_large_powers_of_i(cell: str, expected: str) -> None:
    # i^2023 was an error (exponent limit 1000) and i^999 = i only 'unknown'.
    assert statuses(cell, domain="complex") == [expected]


@pytest.mark.parametrize(("cell", "assume", "expected"), [
    (r"\sin\frac{x}{2} = -\sqrt{\frac{1 - \cos x}{2}}", "-2 pi <= x <= 0", "proved"),
    (r"\sin\frac{x}{2} = -\sqrt{\frac{1 - \cos x}{2}}", "0 <= x <= 2 pi", "refuted"),
    (r"\cos\frac{x}{2} = -\sqrt{\frac{1 + \cos x}{2}}", "pi <= x <= 3 pi", "proved"),
    (r"\cos\frac{x}{2} = -\sqrt{\frac{1 + \cos x}{2}}", "0 <= x <= pi", "refuted"),
])
def test_half_angle_with_the_negative_root(cell: str, assume: str, expected: str) -> None:
    assert statuses(cell, assume=assume) == [expected]
