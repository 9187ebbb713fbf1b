"""Probe round 30: probability, counting and statistics in %%verify cells
(core/probability.py), as true/false pairs through the whole checker."""

from __future__ import annotations

import pytest
import sympy as sp

from proofnb.core.check import check_proof
from proofnb.core.model import CheckOptions


def _steps(cell: str, assume: tuple[str, ...] = ()) -> list[tuple[str, str]]:
    result = check_proof(cell, CheckOptions(assume=assume))
    return [(s.status, (s.counterexample.text if s.counterexample else s.message))
            for s in result.steps]


@pytest.mark.parametrize(("true_cell", "false_cell", "assume"), [
    ("C(5, 2) = 10", "C(5, 2) = 20", ()),
    ("nCr(6, 3) = 20", "nCr(6, 3) = 120", ()),
    ("nPr(5, 2) = 20", "nPr(5, 2) = 10", ()),
    ("P(5, 2) = 20", "P(5, 2) = 10", ()),
    ("^{5}C_{2} = 10", "^{5}C_{2} = 5", ()),
    ("{}^{6}P_{2} = 30", "{}^{6}P_{2} = 15", ()),
    ("{}_{5}C_{2} = 10", "_{6}P_{2} = 15", ()),
    (r"{5 \choose 2} = 10", r"{5 \choose 2} = 11", ()),
    ("C(n, 2) = n(n - 1)/2", "C(n, 2) = n(n - 1)/3", ("n integer, n >= 2",)),
    ("P(n, 2) = n(n - 1)", "P(n, 2) = n^2", ("n integer, n >= 2",)),
    (r"P(n, r) = C(n, r) \cdot r!", r"P(n, r) = C(n, r) \cdot (n - r)!",
     ("n, r integer, 0 <= r <= n",)),
    # value chains: the head names the number, the rest is checked
    (r"E(X) = 0 \cdot 0.2 + 1 \cdot 0.5 + 2 \cdot 0.3 = 1.1",
     r"E(X) = 0 \cdot 0.2 + 1 \cdot 0.5 + 2 \cdot 0.3 = 1.2", ()),
    ("Var(X) = 1.7 - 1.1^2 = 0.49", "Var(X) = 1.7 - 1.1^2 = 0.6", ()),
    (r"\operatorname{Var}(X) = 1.7 - 1.1^2 = 0.49", r"\mathrm{Var}(X) = 1.7 - 1.1^2 = 0.5", ()),
    (r"E[X] = 2 \cdot \frac{1}{4} + 3 \cdot \frac{3}{4} = \frac{11}{4}",
     r"\mathbb{E}[X] = 2 \cdot \frac{1}{4} + 3 \cdot \frac{3}{4} = \frac{9}{4}", ()),
    (r"P(X = 2) = \binom{4}{2} (0.5)^4 = 0.375", r"P(X = 2) = \binom{4}{2} (0.5)^4 = 0.25", ()),
    (r"P(X \ge 1) = 1 - (0.9)^{5} ≈ 0.410", r"P(X \ge 1) = 1 - (0.9)^{5} ≈ 0.590", ()),
    (r"P(A | B) = \frac{0.2}{0.5} = 0.4", r"P(A \mid B) = \frac{0.2}{0.5} = 0.25", ()),
    (r"\bar{x} = \frac{2 + 4 + 9}{3} = 5", r"\bar{x} = \frac{2 + 4 + 9}{3} = 6", ()),
    (r"\sigma = \sqrt{2.5} ≈ 1.58", r"\sigma = \sqrt{2.5} ≈ 1.25", ()),
    # given values, then the definitions of the quantities
    ("E(X) = 1.1\nE(X^2) = 1.7\nVar(X) = E(X^2) - E(X)^2 = 1.7 - 1.21 = 0.49",
     "E(X) = 1.1\nE(X^2) = 1.7\nVar(X) = E(X^2) - E(X)^2 = 1.7 - 1.21 = 0.59", ()),
    ("E(X) = 3\nE(2X + 1) = 2 E(X) + 1 = 7", "E(X) = 3\nE(2X + 1) = 2 E(X) = 6", ()),
    ("Var(X) = 4\nVar(3X - 2) = 9 Var(X) = 36", "Var(X) = 4\nVar(3X - 2) = 3 Var(X) = 12", ()),
    ("P(A) = 0.3\nP(B) = 0.5\nP(A \\cap B) = 0.1\n"
     "P(A \\cup B) = P(A) + P(B) - P(A \\cap B) = 0.7",
     "P(A) = 0.3\nP(B) = 0.5\nP(A \\cap B) = 0.1\n"
     "P(A \\cup B) = P(A) + P(B) - P(A \\cap B) = 0.8", ()),
    ("P(A) = 0.3\nP(B) = 0.5\nP(A \\cap B) = 0.1\nP(A | B) = \\frac{P(A \\cap B)}{P(B)} = 0.2",
     "P(A) = 0.3\nP(B) = 0.5\nP(A \\cap B) = 0.1\nP(A | B) = \\frac{P(A \\cap B)}{P(A)} = 0.2",
     ()),
    ("E(aX + b) = a E(X) + b", "E(aX + b) = a E(X)", ()),
])
def test_true_and_false(true_cell: str, false_cell: str, assume: tuple[str, ...]) -> None:
    good = _steps(true_cell, assume)
    assert good and all(status == "proved" for status, _ in good), good
    bad = _steps(false_cell, assume)
    assert any(status == "refuted" for status, _ in bad), bad
    assert not any(status == "error" for status, _ in bad), bad


@pytest.mark.parametrize(("true_cell", "false_cell"), [
    (r"P(A \cup B) = P(A) + P(B) - P(A \cap B)", r"P(A \cup B) = P(A) + P(B) + P(A \cap B)"),
    ("Var(aX + b) = a^2 Var(X)", "Var(aX + b) = a Var(X)"),
    ("Var(X) = E(X^2) - E(X)^2", "Var(X) = E(X)^2 - E(X^2)"),
    ("Cov(X, Y) = E(XY) - E(X)E(Y)", "Cov(X, Y) = E(XY) + E(X)E(Y)"),
    ("P(A') = 1 - P(A)", "P(A^c) = P(A) - 1"),
])
def test_identities_proved_and_false_ones_left_open(true_cell: str, false_cell: str) -> None:
    """A definition proves the identity; a false one is not refuted at made-up values of
    related quantities (E(X) = 1, E(X^2) = 0 is no random variable): unknown, saying why."""
    assert [s for s, _ in _steps(true_cell)] == ["proved"]
    ((status, message),) = _steps(false_cell)
    assert status == "unknown" and "no value in this cell" in message, message


@pytest.mark.parametrize("cell", [
    "Var(X + Y) = Var(X) + Var(Y)",  # was proved as V*a*r*(X + Y) = V*a*r*X + V*a*r*Y
    "E(XY) = E(X) E(Y)",  # independence is not assumed
])
def test_no_independence_assumed(cell: str) -> None:
    assert [s for s, _ in _steps(cell)] == ["unknown"]


def test_capitalised_word_is_no_product() -> None:
    ((status, message),) = _steps("Abc = 3")
    assert status == "error" and "A b c" in message
    ((status, message),) = _steps("Var = 3")
    assert status == "error" and "Var(X)" in message
    assert [s for s, _ in _steps("abc = 3")] == ["refuted"]  # a product, as before
    assert [s for s, _ in _steps("Ax + By = By + Ax")] == ["proved"]


def test_expectation_is_never_e() -> None:
    (head, (status, witness)) = _steps("E(X) = 2 + 3 = 6")
    assert head[0] == "proved" and status == "refuted" and "e ≈" not in witness
    assert [s for s, _ in _steps("E(x + 1) = E x + E")] == ["proved"]  # lowercase: e(x + 1)


def test_refutation_witness_rechecks() -> None:
    """The refutation of a value chain's last link holds at 60 digits."""
    ((status, witness),) = _steps(r"\binom{10}{3} (0.2)^3 (0.8)^7 ≈ 0.2031")
    assert status == "refuted"
    value = sp.binomial(10, 3) * sp.Rational(2, 10) ** 3 * sp.Rational(8, 10) ** 7
    assert abs(value.evalf(60) - sp.Float("0.2031", 60)) > sp.Rational(5, 10**5)


def test_p_of_arithmetic_stays_a_product() -> None:
    """P(1 + R) after P = 1000 is P times 1 + R (finance), not a probability."""
    assert [s for s, _ in _steps("P(1 + R) = P + PR")] == ["proved"]
    assert [s for s, _ in _steps("P(1 + R) = P + R")] == ["refuted"]


def test_given_probabilities_then_a_claim() -> None:
    """Probabilities listed one a line are given, whatever line follows them."""
    assert _steps("P(A_1) = 0.2\nP(A_2) = 0.3\nP(A_1) + P(A_2) = 0.5")[0][0] == "proved"
    assert _steps("P(A_1) = 0.2\nP(A_2) = 0.3\nP(A_1) + P(A_2) = 0.6")[0][0] == "refuted"


@pytest.mark.parametrize(("true_cell", "false_cell"), [
    # a given quantity fixes another through its definition (P(A ∩ B) = P(A) P(B | A))
    ("P(A) = 0.3\nP(B | A) = 0.5\nP(A \\cap B) = P(A) P(B | A) = 0.15",
     "P(A) = 0.3\nP(B | A) = 0.5\nP(A \\cap B) = P(A) P(B | A) = 0.2"),
    ("E(X) = 2\nVar(X) = 1\nE(X^2) = Var(X) + E(X)^2 = 5",
     "E(X) = 2\nVar(X) = 1\nE(X^2) = Var(X) + E(X)^2 = 6"),
    # a claim about a quantity after a computing chain is a claim of its own, not <=>
    ("E(X) = 2\nE(X^2) = 5\nVar(X) = 5 - 2^2 = 1\nSD(X) = \\sqrt{Var(X)} = 1",
     "E(X) = 2\nE(X^2) = 5\nVar(X) = 5 - 2^2 = 1\nSD(X) = \\sqrt{Var(X)} = 0.5"),
    ("\\mathbb{P}(A) = \\frac{3}{10} = 0.3", "\\mathrm{P}(A \\cap B) = 0.2 \\cdot 0.5 = 0.01"),
    ("\\mu_X = 2 \\cdot 0.5 = 1", "\\mu_X = 2 \\cdot 0.5 = 2"),
    ("E(X) = \\sum_{k=1}^{6} \\frac{k}{6} = 3.5", "E(X) = \\sum_{k=1}^{6} \\frac{k}{6} = 3"),
])
def test_given_values_and_heads(true_cell: str, false_cell: str) -> None:
    good = _steps(true_cell)
    assert good and all(status == "proved" for status, _ in good), good
    bad = _steps(false_cell)
    assert [s for s, _ in bad].count("refuted") == 1 and all(
        s == "proved" for s, _ in bad if s != "refuted"), bad


def test_an_open_square_is_not_derived() -> None:
    """E(X^2) = 5 and Var(X) = 1 leave E(X) = ±2: E(X) = 2 is not proved."""
    assert _steps("E(X^2) = 5\nVar(X) = 1\nE(X) = 2")[0][0] == "unknown"


@pytest.mark.parametrize(("true_cell", "false_cell"), [
    (r"\Phi(1.96) ≈ 0.975", r"\Phi(1.96) ≈ 0.95"),
    ("Φ(1) - Φ(-1) ≈ 0.683", "Φ(1) - Φ(-1) ≈ 0.317"),
    (r"P(X < 80) = \Phi\left(\frac{80 - 72}{5}\right) = \Phi(1.6) ≈ 0.9452",
     r"P(X < 80) = \Phi\left(\frac{80 - 72}{5}\right) = \Phi(1.6) ≈ 0.0548"),
    ("P(X \\le 3) = 0.8\nP(X > 3) = 1 - P(X \\le 3) = 0.2",
     "P(X \\le 3) = 0.8\nP(X > 3) = 1 - P(X \\le 3) = 0.8"),
    ("P(X \\le 3) = 0.8\nP(X \\le 1) = 0.3\nP(1 < X \\le 3) = P(X \\le 3) - P(X \\le 1) = 0.5",
     "P(X \\le 3) = 0.8\nP(X \\le 1) = 0.3\nP(1 < X \\le 3) = P(X \\le 3) - P(X \\le 1) = 0.6"),
])
def test_normal_distribution_and_events_of_a_variable(true_cell: str, false_cell: str) -> None:
    good = _steps(true_cell)
    assert good and all(status == "proved" for status, _ in good), good
    assert "refuted" in [s for s, _ in _steps(false_cell)]


def test_phi_of_a_letter_is_unchanged() -> None:
    """Φ(x) with a letter is no distribution function (a flux Φ times x, as before)."""
    assert [s for s, _ in _steps("\\Phi(x) = \\Phi x")] == ["proved"]
    assert _steps("P(X \\ge 2) = 1 - P(X \\le 2)")[0][0] == "unknown"  # X = 2 counted twice


@pytest.mark.parametrize(("true_cell", "false_cell"), [
    ("P(A \\cap B) = P(A) P(B)", "P(A \\cup B) = P(A) + P(B) - P(A)"),
    ("P(A | B) = P(A)", "P(A | B) = P(B)"),
    ("P(A) = 0.3\nP(B) = 0.5\nP(A \\cap B) = P(A) P(B) = 0.15",
     "P(A) = 0.3\nP(B) = 0.5\nP(A \\cap B) = P(A) P(B) = 0.8"),
    ("P(A) = 0.3\nP(B) = 0.5\nP(A \\cup B) = P(A) + P(B) - P(A) P(B) = 0.65",
     "P(A) = 0.3\nP(B) = 0.5\nP(A \\cup B) = P(A) + P(B) - P(A) P(B) = 0.8"),
])
def test_declared_independent_events(true_cell: str, false_cell: str) -> None:
    result = check_proof(true_cell, CheckOptions(assume=("A, B independent",)))
    assert result.verdict == "accepted" and "assumption" in result.flags, result.steps
    statuses = [s.status for s in check_proof(
        false_cell, CheckOptions(assume=("A, B independent",))).steps]
    assert "refuted" in statuses or statuses == ["unknown"], statuses
    assert "proved" not in statuses[-1:], statuses


def test_declared_independent_variables() -> None:
    options = CheckOptions(assume=("X, Y independent",))
    for cell in ("E(XY) = E(X) E(Y)", "Var(2X - 3Y) = 4 Var(X) + 9 Var(Y)"):
        assert [s.status for s in check_proof(cell, options).steps] == ["proved"]
    wrong = check_proof("Var(2X - 3Y) = 4 Var(X) - 9 Var(Y)", options).steps
    assert [s.status for s in wrong] == ["unknown"]


def test_a_computed_quantity_is_checked_against_given_values() -> None:
    """The first link of a value chain that starts with a quantity is a step: it names the
    number when nothing above fixes the quantity, and is checked when something does."""
    assert _steps("Var(X) = 1.7 - 1.1^2 = 0.49")[0][0] == "proved"
    assert [s for s, _ in _steps("P(X \\le 3) = 0.8\nP(X > 3) = 1 - 0.8 = 0.2")] == [
        "proved", "proved"]
    assert [s for s, _ in _steps("P(X \\le 3) = 0.8\nP(X > 3) = 1 - 0.3 = 0.7")] == [
        "refuted", "proved"]
    assert [s for s, _ in _steps("E(X) = 1.1\nE(X^2) = 1.7\nVar(X) = 1.7 - 1.1 = 0.6")] == [
        "refuted", "proved"]


def test_quantities_render_as_operators() -> None:
    from proofnb.core.render import render_latex

    assert render_latex("E[X]") == r"\operatorname{E}\left[X\right]"
    assert render_latex("Var(2X + 1)").startswith(r"\operatorname{Var}")
    assert render_latex("E(x + 1)").startswith("e")  # lowercase inside: Euler's e


def test_a_mean_is_named_by_its_value_chain() -> None:
    """\\bar{x} = ... gives the mean x̄ its value, and later lines use it; a \\bar{x} that no
    chain names stays the conjugate, an error in real mode (z \\bar{z} = |z|^2)."""
    assert [s for s, _ in _steps("\\bar{x} = \\frac{2 + 4 + 9}{3} = 5\n"
                                 "z = \\frac{9 - \\bar{x}}{2} = 2")] == ["proved", "proved"]
    assert [s for s, _ in _steps("\\bar{x} = \\frac{2 + 4 + 9}{3} = 5\n"
                                 "z = \\frac{9 - \\bar{x}}{2} = 3")] == ["proved", "refuted"]
    ((status, message),) = _steps("z \\bar{z} = |z|^2")
    assert status == "error" and "--domain complex" in message


def test_events_in_words() -> None:
    """P(A and B) is P(A ∩ B), P(A or B) is P(A ∪ B)."""
    assert [s for s, _ in _steps("P(A or B) = P(A) + P(B) - P(A and B)")] == ["proved"]
    assert [s for s, _ in _steps("P(A) = 0.3\nP(B) = 0.5\nP(A and B) = 0.1\n"
                                 "P(A or B) = 0.3 + 0.5 = 0.8")] == ["refuted", "proved"]
