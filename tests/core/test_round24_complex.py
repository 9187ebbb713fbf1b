"""Round 24 probe regressions: complex-number worksheets (--domain complex). Each fix is
pinned by a true/false pair run through the real checker."""

from __future__ import annotations

import pytest

from proofnb.core.check import check_proof
from proofnb.runner.api import make_options


def statuses(cell: str, *, assume: str = "", domain: str = "complex") -> list[str]:
    options = make_options(assume=[assume] if assume else [], domain=domain, timeout=10, seed=0)
    return [step.status for step in check_proof(cell, options).steps]


@pytest.mark.parametrize(("cell", "expected"), [
    ("cis(pi/2) = i", "proved"),
    ("cis(pi/2) = 1", "refuted"),
    (r"2\,\text{cis}(\pi/6) = \sqrt{3} + i", "proved"),
    (r"2\,\text{cis}(\pi/6) = 1 + \sqrt{3}\,i", "refuted"),
    (r"\text{cis}\,\theta = \cos\theta + i\sin\theta", "proved"),
    (r"\text{cis}\,\theta = \cos\theta - i\sin\theta", "refuted"),
])
def test_cis_is_cos_plus_i_sin(cell: str, expected: str) -> None:
    # cis(pi/2) was the product c i s (pi/2): the true step was refuted at c = s = 0.
    assert statuses(cell) == [expected]


@pytest.mark.parametrize(("cell", "expected"), [
    ("cis(a) cis(b) = cis(a + b)", "proved"),
    ("cis(a) cis(b) = cis(a b)", "refuted"),
])
def test_cis_products(cell: str, expected: str) -> None:
    assert statuses(cell, assume="a, b real") == [expected]


def test_cis_in_the_real_domain_is_an_error_not_a_product() -> None:
    assert statuses("cis(x) = cos(x) + i sin(x)", domain="real") == ["error"]


@pytest.mark.parametrize(("cell", "expected"), [
    (r"\arg(-1 - \sqrt{3}\,i) = -\frac{2\pi}{3}", "proved"),
    (r"\arg(-1 - \sqrt{3}\,i) = \frac{4\pi}{3}", "refuted"),
    (r"\arg(\mathrm{i}) = \frac{\pi}{2}", "proved"),
    (r"\arg(-\mathrm{i}) = \frac{3\pi}{2}", "refuted"),
])
def test_latex_arg(cell: str, expected: str) -> None:
    # \arg was an unsupported LaTeX command.
    assert statuses(cell) == [expected]


@pytest.mark.parametrize(("cell", "expected"), [
    ("|z| >= re(z)", "proved"),
    ("|z| <= re(z) + im(z)", "refuted"),
    ("|z| <= |re(z)| + |im(z)|", "proved"),
    (r"\operatorname{Re}(z) \le \left|z\right|", "proved"),
    (r"\operatorname{Im}(z) \ge \left|z\right|", "refuted"),
    ("|z|^2 >= 2 re(z) - 1", "proved"),
    ("|z|^2 >= 2 re(z)", "refuted"),
    ("|re(z w)| <= |z| |w|", "proved"),
])
def test_orders_between_real_quantities_by_parts(cell: str, expected: str) -> None:
    # |z| >= re(z) was only 'likely': orders were not split into z = a + b i.
    assert statuses(cell) == [expected]


@pytest.mark.parametrize(("cell", "expected"), [
    (r"\operatorname{Arg}(-1) = \pi", "proved"),
    (r"\operatorname{Arg}(-\mathrm{i}) = \frac{\pi}{2}", "refuted"),
    ("Arg(1 - i) = -pi/4", "proved"),
    ("Arg(1 - i) = 7pi/4", "refuted"),
])
def test_principal_argument_written_arg(cell: str, expected: str) -> None:
    # Arg(1 - i) was the product A r g (1 - i): the true step was refuted at A = 0.
    assert statuses(cell) == [expected]


@pytest.mark.parametrize(("cell", "expected"), [
    ("sqrt(x^2 + (y - 2)^2) = 3\n<=> x^2 + (y - 2)^2 = 9", ["proved"]),
    ("sqrt(x^2 + (y - 2)^2) = 3\n<=> x^2 + (y - 2)^2 = 3", ["refuted"]),
    ("sqrt((x - 3)^2 + y^2) = 2 sqrt(x^2 + y^2)\n<=> (x - 3)^2 + y^2 = 4(x^2 + y^2)",
     ["proved"]),
    ("sqrt(x^2 + y^2) = -2\n<=> x^2 + y^2 = 4", ["refuted"]),
])
def test_locus_equations_squared_without_a_setting(cell: str, expected: list[str]) -> None:
    # |z - 2i| = 3 as sqrt(x^2 + (y - 2)^2) = 3 <=> x^2 + (y - 2)^2 = 9 was only 'likely':
    # sides were squared only when an assumption showed them nonnegative.
    assert statuses(cell, domain="real") == expected


@pytest.mark.parametrize(("cell", "expected"), [
    ("w = e^{2 pi i/3}\n==> 1 + w + w^2 = 0", ["proved"]),
    ("w = e^{2 pi i/3}\n==> 1 + w + w^2 = 1", ["refuted"]),
    ("w = e^{2 pi i/3}\n==> (1 + w^2)^3 = -1", ["proved"]),
])
def test_statements_about_a_root_of_unity(cell: str, expected: list[str]) -> None:
    # 1 + w + w^2 = 0 at w = e^(2 pi i/3) was not decided exactly (simplify only): unknown.
    assert statuses(cell) == expected


@pytest.mark.parametrize(("cell", "expected"), [
    ("z^2 = conj(z)\n<=> z = 0 or z = 1 or z = -1/2 + sqrt(3)/2 i or z = -1/2 - sqrt(3)/2 i",
     ["proved"]),
    ("z^2 = conj(z)\n<=> z = 0 or z = 1 or z = -1/2 + sqrt(3)/2 i or z = 1/2 - sqrt(3)/2 i",
     ["refuted"]),
    ("|z| = sqrt(2)\n<=> z conj(z) = 2", ["proved"]),
    ("|z| = sqrt(2)\n<=> z conj(z) = 4", ["refuted"]),
])
def test_parts_with_radical_constants(cell: str, expected: list[str]) -> None:
    # A line with sqrt(3) was not split into real and imaginary parts: unknown.
    assert statuses(cell) == expected


@pytest.mark.parametrize(("cell", "expected"), [
    ("arg(z) = pi/4\n==> re(z) = im(z)", ["proved"]),
    ("arg(z) = pi/4\n<=> re(z) = im(z)", ["refuted"]),
    ("arg(z) = pi\n<=> im(z) = 0 and re(z) < 0", ["proved"]),
    ("arg(z) = pi\n<=> im(z) = 0 and re(z) <= 0", ["refuted"]),
    ("arg(z - i) = pi/2\n<=> re(z) = 0 and im(z) > 1", ["proved"]),
    ("arg(z - i) = pi/2\n<=> re(z) = 0 and im(z) > -1", ["refuted"]),
    ("arg(z) = -pi\n<=> false", ["proved"]),
])
def test_argument_equations_by_parts(cell: str, expected: list[str]) -> None:
    # arg(z) = pi/4 ==> re(z) = im(z) was unknown: arg(u) = c is now "u e^(-i c) > 0".
    assert statuses(cell) == expected
