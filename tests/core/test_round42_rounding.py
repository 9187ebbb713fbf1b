"""Probe round 42: numerical answers in worked solutions. A stated rounding ((2 d.p.), (3 s.f.),
to 3 significant figures, (nearest integer)), units (%, degrees, money), standard form,
truncated decimals (1.4142...), ±, ~= and a rounding carried through a chain, as true/false
pairs through the whole checker; every refutation's value is re-checked with mpmath."""

from __future__ import annotations

import mpmath
import pytest

from proofnb.core.check import check_proof
from proofnb.core.model import CheckOptions
from proofnb.core.rounding import written_decimal


def _statuses(cell: str) -> list[str]:
    return [s.status for s in check_proof(cell, CheckOptions()).steps]


@pytest.mark.parametrize(("true_cell", "false_cell"), [
    # ~= is ≈ (it was read as =, and sqrt(2) ~= 1.414 was refuted)
    ("sqrt(2) ~= 1.414", "sqrt(2) ~= 1.415"),
    # stated decimal places: exactly that many shown
    ("\\sqrt{2} \\approx 1.41 (2 d.p.)", "\\sqrt{2} \\approx 1.414 (2 d.p.)"),
    ("\\frac{\\ln 5}{2} \\approx 0.80 (2 d.p.)", "\\frac{\\ln 5}{2} \\approx 0.8 (2 d.p.)"),
    ("e^{-0.5} ≈ 0.61 correct to 2 decimal places", "e^{-0.5} ≈ 0.60 correct to 2 decimal places"),
    ("e^{-0.5} \\approx 0.607 \\text{ to 3 decimal places}",
     "e^{-0.5} \\approx 0.606 \\text{ to 3 decimal places}"),
    # stated significant figures: that many shown, the last at A's s-th digit
    ("\\frac{\\ln 5}{2} \\approx 0.805 (3 s.f.)", "\\frac{\\ln 5}{2} \\approx 0.8047 (3 s.f.)"),
    ("e^{-3} \\approx 0.0498 (3 s.f.)", "e^{-3} \\approx 0.050 (3 s.f.)"),
    ("1000(1.05)^{10} \\approx 1630 (3 s.f.)", "1000(1.05)^{10} \\approx 1630 (2 s.f.)"),
    ("9.996 ≈ 10.0 (3 s.f.)", "0.996 ≈ 1.00 (3 s.f.)"),
    ("e^{-3} ≈ 0.04979 to 4 significant figures", "e^{-3} ≈ 0.04978 to 4 significant figures"),
    ("\\frac{\\ln 0.5}{\\ln 0.9} \\approx 7 (nearest integer)",
     "\\frac{\\ln 0.5}{\\ln 0.9} \\approx 6 (nearest integer)"),
    # units: percent, degrees, money
    ("\\frac{17}{23} \\approx 73.9\\%", "\\frac{17}{23} \\approx 73.8\\%"),
    ("1 - 0.95^{20} \\approx 64.2\\%", "1 - 0.95^{20} \\approx 0.642\\%"),
    ("\\theta = \\arctan(3/4) \\approx 36.87°", "\\theta = \\arctan(3/4) \\approx 36.86°"),
    ("\\cos^{-1}(2/7) \\approx 73.4^\\circ", "\\cos^{-1}(2/7) \\approx 73.3^\\circ"),
    ("1000(1.05)^{10} \\approx £1628.89", "1000(1.05)^{10} \\approx £1628.90"),
    ("500(1.03)^8 \\approx \\$633.39", "500(1.03)^8 \\approx \\$633.38"),
    # standard form
    ("e^{-3} \\approx 4.98 \\times 10^{-2}", "e^{-3} \\approx 4.98 \\times 10^{-3}"),
    ("e^{-3} ≈ 4.98e-2", "e^{-3} ≈ 4.97e-2"),
    ("2^{100} \\approx 1.268 \\times 10^{30}", "2^{100} \\approx 1.267 \\times 10^{30}"),
    # truncated decimals
    ("\\sqrt{2} = 1.4142\\ldots", "\\sqrt{2} = 1.4143\\ldots"),
    ("cos(2) = -0.4161...", "cos(2) = -0.4162..."),
    ("\\int_0^1 e^{-x^2} dx = 0.7468\\ldots", "\\int_0^1 e^{-x^2} dx = 0.7469\\ldots"),
    # a finite sum is added up
    ("\\sum_{k=1}^{10} \\frac{1}{k^2} \\approx 1.550",
     "\\sum_{k=1}^{10} \\frac{1}{k^2} \\approx 1.549"),
])
def test_rounding_pairs(true_cell: str, false_cell: str) -> None:
    assert _statuses(true_cell) == ["proved"]
    assert _statuses(false_cell) == ["refuted"]


@pytest.mark.parametrize(("cell", "expected"), [
    # ± on both sides: the signs are tied
    ("x^2 = 7 <=> x = ±\\sqrt{7} \\approx ±2.646", ["proved", "proved"]),
    ("x^2 = 7 <=> x = \\pm\\sqrt{7} \\approx \\pm 2.645", ["proved", "refuted"]),
    # a chain rounds the value its decimals stand for
    ("\\frac{\\ln 5}{2} = 0.8047\\ldots \\approx 0.805", ["proved", "proved"]),
    ("\\frac{\\ln 5}{2} = 0.8047\\ldots \\approx 0.804", ["proved", "refuted"]),
    ("\\sqrt{2} \\approx 1.414 \\approx 1.41", ["proved", "proved"]),
    ("0.2449 ≈ 0.245 ≈ 0.25", ["proved", "refuted"]),  # 0.2449 is 0.24 to 2 places
    ("x = \\frac{\\ln 5}{2} = 0.80471\\ldots \\approx 0.80", ["proved", "proved"]),
])
def test_rounding_chains(cell: str, expected: list[str]) -> None:
    assert _statuses(cell) == expected


def test_witness_values_recheck() -> None:
    """The value a refutation shows is the exact value's, checked here at 60 digits."""
    mpmath.mp.dps = 60
    step = check_proof("\\arctan(3/4) \\approx 36.86°", CheckOptions()).steps[0]
    assert step.counterexample is not None
    degrees = mpmath.degrees(mpmath.atan(mpmath.mpf(3) / 4))
    assert mpmath.nstr(degrees, 4) == "36.87"
    assert "36.869897" in step.counterexample.text and "36.87°" in step.counterexample.text
    step = check_proof("\\frac{\\ln 5}{2} \\approx 0.80 (3 s.f.)", CheckOptions()).steps[0]
    assert step.counterexample is not None and "2 significant figures" in step.counterexample.text
    step = check_proof("cos(2) = -0.4162...", CheckOptions()).steps[0]
    assert step.counterexample is not None
    assert str(mpmath.cos(2))[:8] == "-0.41614" and "-0.4161" in step.counterexample.text


def test_written_forms() -> None:
    assert written_decimal("$1,628.89") is not None
    assert written_decimal("1,628") is not None  # a decimal comma: 1.628
    assert written_decimal("1,62.8") is None  # commas not in groups of three
    assert written_decimal("1.414 x") is None  # letters are no unit
    assert written_decimal("1, 2, 3...") is None
    forms = written_decimal("1630 (3 s.f.)")
    assert forms is not None and forms.figures == (3, 4) and forms.stated == ("sf", 3)


def test_ellipsis_elsewhere_is_still_an_error() -> None:
    step = check_proof("1 + 2 + ... + n = n(n+1)/2", CheckOptions()).steps[0]
    assert step.status == "error" and "Sum" in (step.message or "")


@pytest.mark.parametrize(("cell", "expected"), [
    # a side already in the unit (17/23 × 100, 180/pi ...) is not refuted, nor proved
    ("\\frac{17}{23} \\times 100 \\approx 73.9\\%", "unknown"),
    ("\\frac{180}{\\pi} \\arctan(3/4) \\approx 36.87°", "unknown"),
    ("\\frac{17}{23} \\times 100 \\approx 73.8\\%", "refuted"),
    # a unit slip is refuted when nothing converts to the unit
    ("1 - 0.95^{20} \\approx 0.642\\%", "refuted"),
    ("\\arctan(3/4) \\approx 0.64°", "refuted"),
    # thousands separators before a point, or in several groups
    ("1000(1.05)^{10} \\approx 1,628.89", "proved"),
    ("1000(1.05)^{10} ≈ $1,628.88", "refuted"),
    ("10^6 = 1,000,000", "proved"),
    ("999.4 \\approx 1000 (4 s.f.)", "refuted"),
    ("999.7 \\approx 1000 (3 s.f.)", "proved"),
])
def test_units_and_separators(cell: str, expected: str) -> None:
    assert _statuses(cell) == [expected]


def test_truncation_inside_a_statement_says_how() -> None:
    step = check_proof("x^2 = 2 <=> x = ±\\sqrt{2} = ±1.4142\\ldots", CheckOptions()).steps[-1]
    assert step.status == "error" and "line of its own" in (step.message or "")


@pytest.mark.parametrize(("true_cell", "false_cell"), [
    # a statement chain ending in its solutions rounded
    ("2^x = 7 <=> x \\approx 2.81", "2^x = 7 <=> x \\approx 2.80"),
    ("x^2 = 7 <=> x \\approx ±2.646", "x^2 = 7 <=> x \\approx 2.646"),  # a lost root
    ("x^2 + 3x - 2 = 0 <=> x \\approx 0.56 or x \\approx -3.56",
     "x^2 + 3x - 2 = 0 <=> x \\approx 0.56 or x \\approx -3.57"),
    ("x^3 = 10 <=> x \\approx 2.154", "x^3 = 10 <=> x \\approx ±2.154"),  # a gained root
    ("e^{2x} = 5 <=> x \\approx 0.805 (3 s.f.)", "e^{2x} = 5 <=> x \\approx 0.80 (3 s.f.)"),
])
def test_rounded_solutions(true_cell: str, false_cell: str) -> None:
    assert _statuses(true_cell) == ["proved"]
    assert _statuses(false_cell) == ["refuted"]


def test_rounded_solutions_edges() -> None:
    assert _statuses("\\sin x = 1 <=> x \\approx 1.571") == ["unknown"]  # infinitely many
    steps = check_proof("x^2 = 7 <=> x ≈ ±2.646 <=> x^2 = 7", CheckOptions()).steps
    assert [s.status for s in steps] == ["proved", "error"]
    assert "ends its chain" in (steps[1].message or "")
    kept = check_proof("x^2 = 7 <=> x ≈ 2.646", CheckOptions(assume=("x > 0",))).steps[0]
    assert kept.status == "proved"


def test_spacing_tilde_and_carrying() -> None:
    # LaTeX spacing ~=~ stays =; ' ~= ' is ≈
    assert _statuses("\\sqrt{5}~=~2") == ["refuted"]
    assert _statuses("\\sqrt{5} ~= 2") == ["proved"]
    # a decimal after = is its own value: the rounding after it is of that decimal
    assert _statuses("\\sqrt{2} = 1.5 \\approx 1.5") == ["refuted", "proved"]
    # over C the real solutions are not all of them
    complex_mode = check_proof("x^3 = 8 <=> x ≈ 2.0", CheckOptions(domain="complex"))
    assert [s.status for s in complex_mode.steps] == ["unknown"]


def test_numbered_solutions_and_continued_values() -> None:
    assert _statuses("x^2 + 3x - 2 = 0\n<=> x_1 ≈ 0.56, x_2 ≈ -3.56") == ["proved"]
    assert _statuses("x^2 + 3x - 2 = 0 <=> x ≈ 0.56, x ≈ -3.57") == ["refuted"]
    # P named on its own line, computed on the lines below
    assert _statuses("P = 1000(1.05)^{10}\n= 1628.894...\n≈ 1628.89") == ["proved", "proved"]
    assert _statuses("P = 1000(1.05)^{10}\n≈ 1628.90") == ["refuted"]
