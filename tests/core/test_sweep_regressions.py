"""Regressions found by the sweep of probe rounds 1-12 (each harness rerun at one HEAD and
compared cell by cell with its round's last after-run). Each fix is a true/false pair."""

from __future__ import annotations

import sympy as sp

from proofnb.core.check import check_proof
from proofnb.core.checked import CheckedSum
from proofnb.runner.api import make_options


def statuses(cell: str, *, assume: str = "", domain: str = "real") -> list[str]:
    options = make_options(assume=[assume] if assume else [], domain=domain, timeout=10, seed=0)
    return [step.status for step in check_proof(cell, options).steps]


def test_closed_form_whose_fallback_is_the_sum_needs_no_guard() -> None:
    # SymPy's closed form is Piecewise((C(n), n > 1), (the sum, True)); at n = 1 its fallback
    # branch was compared numerically with the terms, failed, and a needless guard
    # Ne(n, 1) nested a second Piecewise (probe 5 #475 went from 1.6 s to 3.9 s).
    n, k = sp.symbols("n k")
    closed = CheckedSum(k**2 * sp.binomial(n, k), (k, 0, n)).doit()
    assert not closed.has(sp.Ne)
    assert closed.subs(n, 4).doit() == 4 * 5 * 2**2


def test_closed_form_that_misses_a_value_keeps_its_guard() -> None:
    n, k = sp.symbols("n k")
    guarded = CheckedSum((-1)**k * sp.binomial(n, k), (k, 0, n)).doit()
    assert guarded.has(sp.Ne)
    assert guarded.subs(n, 0).doit() == 1


def test_binomial_moment_sums_true_and_false() -> None:
    assume = "n integer, n >= 0"
    true = "sum(k^2 binomial(n, k), (k, 0, n)) = n (n + 1) 2^(n - 2)"
    false = "sum(k^2 binomial(n, k), (k, 0, n)) = n (n + 1) 2^(n - 1)"
    assert statuses(true, assume=assume) == ["proved"]
    assert statuses(false, assume=assume) == ["refuted"]


def test_boundary_search_skips_assumptions_that_are_not_polynomial() -> None:
    # Sweep 2, probe 11 #242: an assumption 2^n > n^2 made the boundary search's Poly(.., n)
    # raise (2**n holds the generator), so a true step sampled at 9 points was "the checker
    # failed on this step" instead of likely; its false twin, wrong only at n = 13, likewise.
    assume = "n integer, n >= 5, 2^n > n^2"
    assert statuses(r"2 \cdot 2^n > 2 n^2", assume=assume) in (["likely"], ["proved"])
    assert statuses("(n - 13)^2 2^n > 0", assume=assume) == ["refuted"]
