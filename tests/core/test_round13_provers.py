"""Round 13 provers: residue cases for integers in periodic places, fractional-part pieces for
one real variable inside floor/ceiling, and complex statements split into real and imaginary
parts. Each prover is pinned by true/false pairs run through the real checker; a true step
must now be proved (it was 'likely' or 'unknown'), its near-miss refuted or at least not
proved."""

from __future__ import annotations

import time

import pytest
import sympy as sp

from proofnb.core.check import check_proof
from proofnb.core.residues import prove_by_residues
from proofnb.runner.api import make_options


def steps(cell: str, *, assume: str = "", domain: str = "real") -> list[tuple[str, str]]:
    options = make_options(assume=[assume] if assume else [], domain=domain, timeout=10, seed=0)
    return [(step.status, step.method) for step in check_proof(cell, options).steps]


def statuses(cell: str, *, assume: str = "", domain: str = "real") -> list[str]:
    return [status for status, _ in steps(cell, assume=assume, domain=domain)]


@pytest.mark.parametrize(("cell", "assume", "expected"), [
    ("(-1)^(n^2) = (-1)^n", "n integer", "proved"),
    ("(-1)^(n^2) = 1", "n integer", "refuted"),
    ("floor(n/2) + ceiling(n/2) = n", "n integer", "proved"),
    ("floor(n/2) + floor(n/2) = n", "n integer", "refuted"),
    ("Mod(n^2, 4) = 1", "n odd", "proved"),
    ("Mod(n^2, 4) = 1", "n integer", "refuted"),
    ("Mod(n^2, 8) = 1", "n odd", "proved"),
    ("Mod(n^2, 8) = 1", "n even", "refuted"),
    ("(-1)^(n + 1) = -(-1)^n", "n integer", "proved"),
    ("(-1)^(n(n - 1)/2) = (-1)^(n(n + 1)/2)", "n even", "proved"),
    ("(-1)^(n(n - 1)/2) = (-1)^(n(n + 1)/2)", "n integer", "refuted"),
    ("floor(n/2) = (n - 1)/2", "n odd", "proved"),
    ("ceiling(n/2) = (n - 1)/2", "n odd", "refuted"),
    ("floor(n/3) + floor((n + 1)/3) + floor((n + 2)/3) = n", "n integer", "proved"),
    ("sin(n pi/2)^2 = (1 - (-1)^n)/2", "n integer", "proved"),
    ("cos(n pi/2)^2 = (1 - (-1)^n)/2", "n integer", "refuted"),
])
def test_integer_residue_cases(cell: str, assume: str, expected: str) -> None:
    assert statuses(cell, assume=assume) == [expected]


@pytest.mark.parametrize(("cell", "expected"), [
    ("i^(n^2) = (1 + i)/2 + (1 - i)/2 (-1)^n", "proved"),
    ("i^(n^2) = (-1)^n", "refuted"),
    ("i^(n(n + 1)) = (-1)^(n(n + 1)/2)", "proved"),
    ("i^(n(n + 1)) = 1", "refuted"),
])
def test_powers_of_i_by_residues(cell: str, expected: str) -> None:
    assert statuses(cell, assume="n integer", domain="complex") == [expected]


def test_residue_proof_names_the_split() -> None:
    [(status, method)] = steps("(-1)^(n^2) = (-1)^n", assume="n integer")
    assert status == "proved" and "n = 2m + r" in method


@pytest.mark.parametrize(("cell", "expected"), [
    ("floor(x) <= x", "proved"),
    ("floor(x) < x", "refuted"),
    ("x < floor(x) + 1", "proved"),
    ("x <= floor(x) + 1/2", "refuted"),
    ("\\lceil x \\rceil < x + 1", "proved"),
    ("\\lceil x \\rceil <= x", "refuted"),
    ("ceiling(x) = -floor(-x)", "proved"),
    ("floor(-x) = -floor(x)", "refuted"),
    ("floor(x) + floor(x + 1/2) = floor(2x)", "proved"),
    ("floor(x) + floor(x + 1/3) = floor(2x)", "refuted"),
    ("floor(x) + floor(x + 1/3) + floor(x + 2/3) = floor(3x)", "proved"),
    ("floor(x/2) + floor((x + 1)/2) = floor(x)", "proved"),
    ("ceiling(x) - floor(x) <= 1", "proved"),
    ("ceiling(x) - floor(x) = 1", "refuted"),
])
def test_fractional_part_pieces(cell: str, expected: str) -> None:
    assert statuses(cell) == [expected]


@pytest.mark.parametrize(("cell", "expected"), [
    ("floor(x + n) = floor(x) + n", "proved"),
    ("floor(x + n/2) = floor(x) + floor(n/2)", "refuted"),
    ("floor(2x + n) - 2 floor(x) - n <= 1", "proved"),
    ("Mod(x + 3n, 3) = Mod(x, 3)", "proved"),
])
def test_real_and_integer_together(cell: str, expected: str) -> None:
    assert statuses(cell, assume="n integer") == [expected]


def test_residue_prover_declines_what_it_cannot_split() -> None:
    x, y = sp.symbols("x y", real=True)
    n = sp.Symbol("n", integer=True)
    deadline = time.monotonic() + 5
    # Two real variables under floor, x inside (-1)^x, a period over the limit.
    assert prove_by_residues(">=", sp.floor(x + y), sp.floor(x) + sp.floor(y), frozenset(),
                             True, deadline) is None
    assert prove_by_residues("=", (-1) ** x, sp.cos(sp.pi * x), frozenset(), True,
                             deadline) is None
    assert prove_by_residues("=", sp.Mod(n, 13), sp.Mod(n + 13, 13), frozenset(), True,
                             deadline) is None
    # A true identity the split proves directly.
    found = prove_by_residues("=", sp.floor(x) + sp.floor(x + sp.S.Half), sp.floor(2 * x),
                              frozenset(), True, deadline)
    assert found is not None and "0 <= t < 1" in found.method


@pytest.mark.parametrize(("cell", "expected"), [
    ("z + 2 conjugate(z) = 3 - i\n<=> z = 1 + i", "proved"),
    ("z + 2 conjugate(z) = 3 - i\n<=> z = 1 - i", "refuted"),
    ("z + 2 \\bar z = 3 - i\n<=> 3 Re(z) - i Im(z) = 3 - i", "proved"),
    ("|z - 1| = |z + 1|\n<=> Re(z) = 0", "proved"),
    ("|z - 1| = |z + 1|\n<=> Im(z) = 0", "refuted"),
    ("z conjugate(z) = 4\n<=> |z| = 2", "proved"),
    ("z conjugate(z) = 4\n<=> |z| = 4", "refuted"),
    ("z = conjugate(z)\n<=> Im(z) = 0", "proved"),
    ("z = -conjugate(z)\n<=> Im(z) = 0", "refuted"),
    ("|z| < 1\n<=> z conjugate(z) < 1", "proved"),
    ("|z| <= 1\n<=> z conjugate(z) < 1", "refuted"),
    ("|z - i| = 1\n<=> Re(z)^2 + Im(z)^2 = 2 Im(z)", "proved"),
    ("|z - i| = 1\n<=> Re(z)^2 + Im(z)^2 = 2 Re(z)", "refuted"),
    ("|z| = Re(z)\n<=> Im(z) = 0 and Re(z) >= 0", "proved"),
    ("|z| = Re(z)\n<=> Im(z) = 0", "refuted"),
])
def test_complex_statements_by_real_and_imaginary_parts(cell: str, expected: str) -> None:
    assert statuses(cell, domain="complex") == [expected]


def test_complex_witness_is_a_complex_point() -> None:
    options = make_options(domain="complex", timeout=10, seed=0)
    [step] = check_proof("|z - 1| = |z + 1|\n<=> Im(z) = 0", options).steps
    assert step.status == "refuted" and step.counterexample is not None
    [(name, value)] = step.counterexample.point
    assert name == "z"
    point = sp.sympify(value, locals={"i": sp.I})
    # On the second line's set (Im z = 0) but not on the first's (Re z = 0).
    assert sp.im(point) == 0 and sp.re(point) != 0


@pytest.mark.parametrize(("cell", "domain", "expected"), [
    ("|z| = 1 and z != 0\n==> 1/z = conjugate(z)", "complex", "proved"),
    ("|z| = 2 and z != 0\n==> 1/z = conjugate(z)", "complex", "refuted"),
    ("x^2 + y^2 = 1\n==> x/(x^2 + y^2) = x", "real", "proved"),
    ("x^2 + y^2 = 1\n==> x/(x^2 + y^2 - 1) = x", "real", "refuted"),
    ("b^2 = 0 and a >= 0\n<=> b = 0 and a >= 0", "real", "proved"),
    ("b^2 = 0 and a >= 0\n<=> b = 0 and a > 0", "real", "refuted"),
])
def test_ideal_implication_and_conjuncts(cell: str, domain: str, expected: str) -> None:
    assert statuses(cell, domain=domain) == [expected]


@pytest.mark.parametrize(("cell", "assume", "expected"), [
    ("gcd(n, n + 1) = 1", "n integer, n >= 1", "proved"),
    ("gcd(n, n + 2) = 1", "n integer, n >= 1", "refuted"),
    ("gcd(2n + 1, 2n + 3) = 1", "n integer", "proved"),
    ("gcd(2n, 2n + 2) = 2", "n integer, n >= 1", "proved"),
    ("gcd(2n, 2n + 2) = 1", "n integer, n >= 1", "refuted"),
    ("gcd(n, 2n) = n", "n integer, n >= 1", "proved"),
    ("gcd(n, 2n) = n", "n integer", "refuted"),
    ("gcd(n^2 + 1, n) = 1", "n integer", "proved"),
    ("gcd(n + 1, n^2 + 1) = 1", "n integer", "refuted"),
    ("lcm(n, n + 1) = n(n + 1)", "n integer, n >= 1", "proved"),
    ("lcm(n, n + 2) = n(n + 2)", "n integer, n >= 1", "refuted"),
    ("lcm(n, 2n) = 2n", "n integer, n >= 1", "proved"),
])
def test_gcd_by_euclid_and_residues(cell: str, assume: str, expected: str) -> None:
    assert statuses(cell, assume=assume) == [expected]
