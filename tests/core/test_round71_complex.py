"""Round 71: school complex-number cells (declared complex letters, loci |z - c| = r in x, y).

Witnesses are re-checked here with SymPy, independently of the engine."""

from __future__ import annotations

import pytest
import sympy as sp

from proofnb.core.check import check_proof
from proofnb.core.model import CheckOptions
from proofnb.runner.tasks import _assumptions_in_order

_assumptions_in_order()


def _check(cell: str, domain: str = "complex"):  # type: ignore[no-untyped-def]
    return check_proof(cell, CheckOptions(assume=(), domain=domain))


def _point(step) -> dict[str, sp.Expr]:  # type: ignore[no-untyped-def]
    assert step.counterexample is not None
    return {name: sp.sympify(value, locals={"I": sp.I})
            for name, value in step.counterexample.point}


@pytest.mark.parametrize("cell", [
    "assume z complex\nz \\bar{z} = |z|^2",
    "assume z, w \\in \\mathbb{C}\n\\overline{zw} = \\bar{z}\\bar{w}",
    "Let z \\in \\mathbb{C}.\n|z|^2 = z \\bar{z}",
    "assume z \\in ℂ\nz^2 + 1 = 0 <=> z = i or z = -i",
])
def test_a_declared_complex_letter_makes_the_cell_complex(cell: str) -> None:
    """In a cell without --domain complex, `assume z complex` (z ∈ ℂ) means complex numbers:
    i is the unit and \\bar z the conjugate (these were parse errors or refuted at i = 0)."""
    result = _check(cell, domain="real")
    assert [s.status for s in result.steps] == ["proved"]


def test_a_declared_complex_letter_still_refutes_a_lost_root() -> None:
    result = _check("assume z \\in ℂ\nz^2 + 1 = 0 <=> z = i", domain="real")
    (step,) = result.steps
    assert step.status == "refuted"
    z = _point(step)["z"]
    assert sp.expand(z**2 + 1) == 0 and z != sp.I  # a root the second line lost


def test_a_declared_complex_letter_refutes_a_wrong_conjugate_law() -> None:
    result = _check("assume z complex\nz \\bar{z} = z^2", domain="real")
    (step,) = result.steps
    assert step.status == "refuted"
    z = _point(step)["z"]
    assert sp.simplify(z * sp.conjugate(z) - z**2) != 0


@pytest.mark.parametrize("cell", [
    "assume x, y real\n|x + iy - 1| = 2\n<=> (x - 1)^2 + y^2 = 4",
    "assume x, y real\n|x + iy| = |x + iy - 2| <=> x = 1",
    "assume x, y real\n|x + iy + 1| = |x + iy - i| <=> y = -x",
    "assume x, y real\n|x + iy - 3| < 2 <=> (x - 3)^2 + y^2 < 4",
    "assume z = x + iy, x, y real\n|z - 1| = 2 <=> (x - 1)^2 + y^2 = 4",
    "Let z = x + iy with x, y real.\n|z + 1 - i| = 3 <=> (x + 1)^2 + (y - 1)^2 = 9",
])
def test_loci_in_real_coordinates_are_proved(cell: str) -> None:
    """|z - c| = r with z = x + iy (x, y declared real) is a circle: proved through the real
    and imaginary parts (was only 'likely'; the assumption `x real` blocked the split)."""
    assert [s.status for s in _check(cell).steps] == ["proved"]


@pytest.mark.parametrize("cell, first, second", [
    ("assume x, y real\n|x + iy - 1| = 2 <=> (x + 1)^2 + y^2 = 4",
     lambda x, y: sp.Abs(x + sp.I * y - 1) - 2, lambda x, y: (x + 1)**2 + y**2 - 4),
    ("assume z = x + iy, x, y real\n|z - 1| = 2 <=> (x + 1)^2 + y^2 = 4",
     lambda x, y: sp.Abs(x + sp.I * y - 1) - 2, lambda x, y: (x + 1)**2 + y**2 - 4),
    ("Let z = x + iy with x, y real.\n|z + 1 - i| = 3 <=> (x - 1)^2 + (y + 1)^2 = 9",
     lambda x, y: sp.Abs(x + sp.I * y + 1 - sp.I) - 3, lambda x, y: (x - 1)**2 + (y + 1)**2 - 9),
])
def test_wrong_circles_are_refuted_with_real_witnesses(  # type: ignore[no-untyped-def]
        cell, first, second) -> None:
    (step,) = _check(cell).steps
    assert step.status == "refuted"
    point = _point(step)
    x, y = point["x"], point["y"]
    assert x.is_real and y.is_real
    assert (sp.simplify(first(x, y)) == 0) != (sp.simplify(second(x, y)) == 0)
    if "z" in point:  # the point names z as x + iy too
        assert sp.expand(point["z"] - (x + sp.I * y)) == 0


def test_a_cell_made_complex_by_its_assumptions_says_so_in_its_result() -> None:
    # The result's domain is the one the steps were checked in, on every path.
    from proofnb.runner.tasks import check_proofs

    cell = "assume z complex\nz \\bar{z} = |z|^2"
    inline = check_proof(cell, CheckOptions())
    assert (inline.verdict, inline.domain) == ("accepted", "complex")
    (pooled,) = check_proofs([(cell, CheckOptions(), "", None)])
    assert pooled is not None and (pooled.verdict, pooled.domain) == ("accepted", "complex")
    assert check_proof("x^2 = 4 <=> x = 2 or x = -2", CheckOptions()).domain == "real"
