"""Regressions from the fourth held-out probe (STACK-style answer tests): equivalence between
equations in several variables whose solution sets are different curves, Maxima's flat
``sum(f, k, a, b)`` / ``product(f, k, a, b)``, ``cosech`` and the two-argument ``lg(x, b)``."""

from __future__ import annotations

import pytest

from proofnb.core.check import check_proof
from proofnb.core.model import CheckOptions


def _steps(text: str, domain: str = "real") -> list[tuple[str, str]]:
    result = check_proof(text, CheckOptions(domain=domain))
    return [(step.status, step.counterexample.text if step.counterexample else "")
            for step in result.steps]


@pytest.mark.parametrize(
    ("text", "domain"),
    [
        # Two lines through the origin with different slopes: random points satisfy neither.
        ("p (3 + i) = q\n<=> p = q (3 - i)/8", "complex"),
        ("u (2 + sqrt(3)) = v\n<=> u = v (2 - sqrt(3))/2", "real"),
        # The other two cube roots of unity are lost (complex numbers only).
        ("(u - v)(u^2 + u v + v^2) = 0\n<=> u - v = 0", "complex"),
        # Taking logs: y < 0 is lost, and |3x - 1| gains y > 0 where 3x < 1.
        ("y = e^(2x)/(3x - 1)\n<=> ln(y) = 2x - ln(abs(3x - 1))", "real"),
        ("3s + 2t = 1\n<=> t = (1 - 3s)/3", "real"),
    ],
)
def test_a_lost_curve_is_refuted_with_a_point_on_it(text: str, domain: str) -> None:
    ((status, witness),) = _steps(text, domain)
    assert status == "refuted"
    assert "satisfies" in witness and "line" in witness


@pytest.mark.parametrize(
    ("text", "domain"),
    [
        ("u (2 + sqrt(3)) = v\n<=> u = v (2 - sqrt(3))", "real"),
        ("(u - v)(u^2 + u v + v^2) = 0\n<=> u - v = 0", "real"),
        ("p (3 + i) = q\n<=> p = q (3 - i)/10", "complex"),
        ("3s + 2t = 1\n<=> t = (1 - 3s)/2", "real"),
    ],
)
def test_the_same_curve_is_not_refuted(text: str, domain: str) -> None:
    ((status, _),) = _steps(text, domain)
    assert status in ("proved", "likely")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("sum(j^2, j, 1, 4) = 30", "proved"),
        ("sum(j^2, j, 1, 4) = 29", "refuted"),
        ("product(j, j, 1, 5) = 120", "proved"),
        ("sum(t^j, j, 0, 2) = 1 + t + t^2", "proved"),
        ("sum(t^j, j, 0, 2) = 1 + t", "refuted"),
        ("m (m + 1)/2 = sum(j, j, 1, m)", "proved"),
        ("cosech(x) = 1/sinh(x)", "proved"),
        ("cosech(x) = 1/cosh(x)", "refuted"),
        ("lg(81, 3) = 4", "proved"),
        ("lg(81, 3) = 3", "refuted"),
        ("lg(100) = 2", "proved"),
    ],
)
def test_maxima_spellings(text: str, expected: str) -> None:
    ((status, _),) = _steps(text)
    assert status == expected
