"""Round 55: identities of the kind computer-algebra test suites publish (Wester's review,
SymPy's simplify tests, Rubi-style antiderivatives), with mutated false versions. Every
witness is re-checked here with mpmath, independently of proofnb's evaluation."""

from __future__ import annotations

import mpmath as mp
import pytest

from proofnb.core.check import check_proof
from proofnb.core.model import CheckOptions
from proofnb.runner.tasks import _assumptions_in_order

_assumptions_in_order()


def _step(text: str, *assume: str):  # type: ignore[no-untyped-def]
    [step] = check_proof(text, CheckOptions(assume=assume, timeout=20)).steps
    return step


def _real(value: complex) -> bool:
    return abs(complex(value).imag) < 1e-30


@pytest.mark.parametrize(("text", "anti"), [
    # F is undefined where the integrand is defined (x = 0 or x < -1): no antiderivative
    ("integrate(1/sqrt(x^2 + 1), x) = ln(x + sqrt(x^2 - 1)) + C",
     lambda x: mp.log(x + mp.sqrt(x**2 - 1))),
    ("integrate(1/sqrt(x^2 - 1), x) = acosh(x) + C", lambda x: mp.acosh(x)),
])
def test_an_antiderivative_undefined_on_a_region_is_refuted_there(text, anti) -> None:  # type: ignore[no-untyped-def]
    step = _step(text)
    assert step.status == "refuted"
    x = mp.mpf(mp.mpmathify(dict(step.counterexample.point)["x"]))
    mp.mp.dps = 50
    integrand = 1 / mp.sqrt(x**2 + 1) if "x^2 + 1" in text else 1 / mp.sqrt(x**2 - 1)
    assert _real(integrand)
    assert not _real(anti(mp.mpc(x)))  # undefined over the reals


def test_a_differential_in_the_numerator_ends_the_integral() -> None:
    assert _step(r"\int \frac{dx}{x\sqrt{x^2-1}} = \operatorname{arcsec}|x| + C").status \
        == "proved"
    assert _step(r"\int_{-\infty}^{\infty} \frac{dx}{1 + x^2} = \pi").status == "proved"
    assert _step(r"\int \frac{x \, dx}{x^2 + 1} = \frac{1}{2}\ln(x^2+1) + C").status \
        == "proved"
    wrong = _step(r"\int \frac{dx}{x\sqrt{x^2-1}} = \operatorname{arcsec} x + C")
    assert wrong.status == "refuted"  # the branch for x < -1
    x = mp.mpf(mp.mpmathify(dict(wrong.counterexample.point)["x"]))
    mp.mp.dps = 50
    derivative = mp.diff(lambda t: mp.asec(t), x)
    assert abs(derivative - 1 / (x * mp.sqrt(x**2 - 1))) > 1e-10
    # a derivative \frac{dy}{dx} is not an integral's differential
    assert _step(r"\int \frac{dy}{dx} dx = y + C").status == "error"


def test_a_thin_space_ends_a_function_argument_before_e_power() -> None:
    assert _step(r"\frac{d}{dx} e^{\sin x} = \cos x \, e^{\sin x}").status == "proved"
    assert _step(r"\frac{d}{dx} e^{\sin x} = \cos x \; e^{\cos x}").status == "refuted"
    # without the space it stays ambiguous
    assert _step(r"\frac{d}{dx} e^{\sin x} = \cos x e^{\sin x}").status == "error"


@pytest.mark.parametrize(("text", "integrand", "low", "high"), [
    ("integrate(x^3/(e^x - 1), (x, 0, oo)) = pi^4/90", lambda x: x**3 / (mp.exp(x) - 1),
     0, mp.inf),
    ("integrate(log(sin(x)), (x, 0, pi/2)) = pi log(2)/2", lambda x: mp.log(mp.sin(x)),
     0, mp.pi / 2),
])
def test_a_definite_integral_without_closed_form_is_refuted_by_quadrature(
        text, integrand, low, high) -> None:  # type: ignore[no-untyped-def]
    step = _step(text)
    assert step.status == "refuted"
    mp.mp.dps = 50
    value = mp.quad(integrand, [low, high])
    assert abs(mp.mpf(step.counterexample.lhs_value) - value) < 1e-15


def test_a_true_definite_integral_by_quadrature_is_only_likely() -> None:
    step = _step("integrate(x^3/(e^x - 1), (x, 0, oo)) = pi^4/15")
    assert step.status == "likely"
    assert "numeric-only" in step.flags
    # a value within 10^-60 of the integral is not refuted on quadrature noise
    near = _step("integrate(x^3/(e^x - 1), (x, 0, oo)) = pi^4/15 + 10^-60")
    assert near.status != "proved"
    if near.status == "refuted":
        assert near.counterexample is not None


def test_a_geometric_sum_is_proved_past_its_removable_point() -> None:
    assert _step("sum(x^k, (k, 0, n)) = (x^(n + 1) - 1)/(x - 1)", "n integer",
                 "n >= 0").status == "proved"
    wrong = _step("sum(x^k, (k, 0, n)) = (x^n - 1)/(x - 1)", "n integer", "n >= 0")
    assert wrong.status == "refuted"
    point = dict(wrong.counterexample.point)
    n, x = int(point["n"]), mp.mpf(mp.mpmathify(point["x"]))
    assert sum(x**k for k in range(n + 1)) != (x**n - 1) / (x - 1)
