"""Round 25: congruences, divisibility and mod over the integers (true/false pairs)."""

from __future__ import annotations

import pytest

from proofnb.core.check import check_proof
from proofnb.core.model import CheckOptions


def _statuses(cell: str, assume: str = "") -> list[str]:
    result = check_proof(cell, CheckOptions(assume=(assume,) if assume else ()))
    return [s.status for s in result.steps]


@pytest.mark.parametrize(("cell", "assume", "expected"), [
    ("17 \\equiv 2 \\pmod 5", "", ["proved"]),
    ("17 \\equiv 3 \\pmod 5", "", ["refuted"]),
    ("7^{100} ≡ (7^4)^{25} ≡ 1^{25} ≡ 1 (mod 5)", "", ["proved"] * 3),
    ("7^{101} ≡ (7^4)^{25} ≡ 1 (mod 5)", "", ["refuted", "proved"]),
    ("2^{100} = (2^{10})^{10}\n  ≡ 1^{10} (mod 13)\n  = 1", "", ["proved", "refuted", "proved"]),
    ("n^3 - n \\equiv 0 \\pmod{3}", "n integer", ["proved"]),
    ("n^3 - n ≡ 0 (mod 4)", "n integer", ["refuted"]),
    ("n(n+1)(2n+1) ≡ 0 (mod 6)", "n integer", ["proved"]),
    ("n(n+1)(2n+1) ≡ 0 (mod 12)", "n integer", ["refuted"]),
    ("3 | n^3 - n", "n integer", ["proved"]),
    ("3 | n^3 + n", "n integer", ["refuted"]),
    ("7 \\nmid 100", "", ["proved"]),
    ("7 ∤ 98", "", ["refuted"]),
    ("n^2 mod 4 = 0 or n^2 mod 4 = 1", "n integer", ["proved"]),
    ("n^2 mod 4 = 0 or n^2 mod 4 = 2", "n integer", ["refuted"]),
    ("n^2 ≡ 1 (mod 8)", "n odd", ["proved"]),
    ("n^2 ≡ 1 (mod 16)", "n odd", ["refuted"]),
    ("2^{3n} - 1 ≡ 0 (mod 7)", "n natural", ["proved"]),
    ("2^{3n} - 1 ≡ 0 (mod 9)", "n natural", ["refuted"]),
    ("17 | 3 \\cdot 5^{2n+1} + 2^{3n+1}", "n natural", ["proved"]),
    ("17 | 3 \\cdot 5^{2n} + 2^{3n+1}", "n natural", ["refuted"]),
    ("2^n ≡ 0 (mod 8)", "n >= 3, n integer", ["proved"]),
    ("2^n ≡ 0 (mod 8)", "n >= 2, n integer", ["refuted"]),
    ("3x ≡ 2 (mod 7) <=> x ≡ 3 (mod 7)", "x integer", ["proved"]),
    ("2x ≡ 4 (mod 6) <=> x ≡ 2 (mod 6)", "x integer", ["refuted"]),
    ("x ≡ 2 (mod 3) and x ≡ 3 (mod 5) <=> x ≡ 8 (mod 15)", "x integer", ["proved"]),
    ("x ≡ 2 (mod 3) and x ≡ 3 (mod 5) <=> x ≡ 13 (mod 15)", "x integer", ["refuted"]),
    ("a ≡ b (mod n) ==> a^2 ≡ b^2 (mod n)", "a, b, n integer", ["proved"]),
    ("a ≡ b (mod n) ==> a^2 ≡ b^2 (mod n^2)", "a, b, n integer", ["refuted"]),
    ("a | b and b | c ==> a | c", "a, b, c integer", ["proved"]),
    ("a | bc ==> a | b or a | c", "a, b, c integer", ["refuted"]),
    ("n + 1 | n^3 + 1", "n integer", ["proved"]),
    ("a + b | a^2 + b^2", "a, b integer", ["refuted"]),
    ("gcd(n, 10) = 1 ==> n^4 ≡ 1 (mod 10)", "n integer", ["proved"]),
    ("gcd(n, 10) = 1 ==> n^2 ≡ 1 (mod 10)", "n integer", ["refuted"]),
    ("7^{2023} mod 10 = 3", "", ["proved"]),
    ("7^{2023} mod 10 = 7", "", ["refuted"]),
    ("n^3 \\equiv n \\ (\\text{mod } 6)", "n integer", ["proved"]),
    ("n^3 ≡ n mod 4", "n integer", ["refuted"]),
])
def test_congruence_steps(cell: str, assume: str, expected: list[str]) -> None:
    assert _statuses(cell, assume) == expected


def test_witness_is_an_integer_point() -> None:
    step = check_proof("n^3 - n ≡ 0 (mod 4)",
                       CheckOptions(assume=("n integer",))).steps[0]
    assert step.counterexample is not None
    (name, value), = step.counterexample.point
    assert name == "n" and (int(value) ** 3 - int(value)) % 4 != 0
    assert "not divisible by 4" in step.counterexample.text


def test_letters_must_be_declared_integers() -> None:
    step = check_proof("n^2 ≡ 1 (mod 8)", CheckOptions()).steps[0]
    assert step.status == "error" and "assume n integer" in step.message


def test_exponent_needs_a_whole_number() -> None:
    step = check_proof("2^{3n} - 1 ≡ 0 (mod 7)", CheckOptions(assume=("n integer",))).steps[0]
    assert step.status == "unknown" and "n >= 0" in step.message


def test_too_many_residue_classes_is_refused() -> None:
    step = check_proof("a^2 + b^2 + c^2 ≡ a + b + c (mod 2)\n", CheckOptions(
        assume=("a, b, c integer",))).steps[0]
    assert step.status == "proved"
    big = check_proof("a^2 b^2 c^2 ≡ a b c (mod 997)", CheckOptions(
        assume=("a, b, c integer",))).steps[0]
    assert big.status != "proved"


def test_absolute_value_bars_stay_absolute_values() -> None:
    assert _statuses("|x - 1| + |x + 1| >= 2") == ["proved"]
    assert _statuses("|a| |b| = |ab|") == ["proved"]


def test_conclusion_keeps_the_modulus() -> None:
    result = check_proof("7^{100} ≡ (7^4)^{25} ≡ 1 (mod 5)", CheckOptions())
    assert result.conclusion == "7^{100} ≡ 1 (mod 5)"
