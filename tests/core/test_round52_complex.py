"""Round 52: a differential fuzz of complex-mode steps (--domain complex).

The simple sample values hold eight non-real numbers, all within |Im| <= 4 of the real axis
and none beside a branch cut other than the negative real axis itself, so laws that fail
only off a strip or beside a cut of a product were called 'likely'. Each refutation's
witness is checked here again with mpmath's principal branches, from the point's text.
"""

from __future__ import annotations

from collections.abc import Callable

import mpmath
import pytest
import sympy as sp

from proofnb.core.check import check_proof
from proofnb.core.model import CheckOptions

Side = Callable[..., mpmath.mpc]


def _step(cell: str):  # type: ignore[no-untyped-def]
    return check_proof(cell, CheckOptions(domain="complex", seed=0)).steps[0]


def _point(step, names: tuple[str, ...]) -> list[mpmath.mpc]:  # type: ignore[no-untyped-def]
    given = dict(step.counterexample.point)
    out = []
    with mpmath.workdps(60):
        for name in names:
            value = complex(sp.N(sp.sympify(given[name]), 60))  # parsed by SymPy, not proofnb
            exact = sp.sympify(given[name])
            re_part, im_part = (sp.N(p, 60) for p in exact.as_real_imag())
            out.append(mpmath.mpc(mpmath.mpf(str(re_part)), mpmath.mpf(str(im_part))))
            assert abs(complex(out[-1]) - value) < 1e-9
    return out


@pytest.mark.parametrize(("cell", "names", "lhs", "rhs", "condition"), [
    # fails where |Im z^2| > pi: none of the simple points is there
    ("exp(z^2/2) = (exp(z^2))^(1/2)", ("z",),
     lambda z: mpmath.exp(z**2 / 2), lambda z: mpmath.sqrt(mpmath.exp(z**2)), None),
    # fails only where |Im z| > 100 pi
    ("log(e^(z/100)) = z/100", ("z",),
     lambda z: mpmath.log(mpmath.exp(z / 100)), lambda z: z / 100, None),
    # re z > 0: fails only beside the cut of sqrt(z w) (arg z + arg w beyond pi)
    ("sqrt(z w) = sqrt(z) sqrt(w) for re(z) > 0", ("z", "w"),
     lambda z, w: mpmath.sqrt(z * w), lambda z, w: mpmath.sqrt(z) * mpmath.sqrt(w),
     lambda z, w: z.real > 0),
    ("log(z w) = log(z) + log(w) for re(z) > 0", ("z", "w"),
     lambda z, w: mpmath.log(z * w), lambda z, w: mpmath.log(z) + mpmath.log(w),
     lambda z, w: z.real > 0),
    ("sqrt(z) sqrt(z + 1) = sqrt(z^2 + z) for im(z) > 0", ("z",),
     lambda z: mpmath.sqrt(z) * mpmath.sqrt(z + 1), lambda z: mpmath.sqrt(z**2 + z),
     lambda z: z.imag > 0),
])
def test_laws_false_off_the_axis_are_refuted_with_a_checked_witness(
    cell: str, names: tuple[str, ...], lhs: Side, rhs: Side,
    condition: Callable[..., bool] | None,
) -> None:
    step = _step(cell)
    assert step.status == "refuted" and step.counterexample is not None, (step.status,
                                                                          step.message)
    values = _point(step, names)
    with mpmath.workdps(60):
        if condition is not None:
            assert condition(*values)
        gap = lhs(*values) - rhs(*values)
        assert abs(gap) > mpmath.mpf("1e-6")


@pytest.mark.parametrize("cell", [
    "exp(z/2)^2 = exp(z)",
    "|z|/z = conj(z)/|z|",
    "sqrt(z w) = sqrt(z) sqrt(w) for re(z) > 0 and re(w) > 0",
    "log(z w) = log(z) + log(w) for re(z) > 0 and re(w) > 0",
    "exp(log(z)/3)^3 = z",
    "arg(z) = im(log(z))",
])
def test_true_laws_are_not_refuted(cell: str) -> None:
    step = _step(cell)
    assert step.status in ("proved", "likely", "unknown"), (step.status, step.message)
