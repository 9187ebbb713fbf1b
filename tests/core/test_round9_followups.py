"""Regressions from the ninth round (follow-ups of the sixth and seventh probes): one property
or relation for several names in assumptions (``x, y > 0``), ``true``/``false`` as statements
(``x^2 + 1 = 0 <=> false``), and statement steps that were left undecided: monotone steps with a
parameter base, square roots of a parameter, dependent linear systems, sqrt of a square."""

from __future__ import annotations

import pytest

from proofnb.core.check import check_proof
from proofnb.core.errors import ParseError
from proofnb.core.model import CheckOptions
from proofnb.core.parser import build_env
from proofnb.runner.api import make_options


def _statuses(text: str, assume: tuple[str, ...] = (), domain: str = "real") -> list[str]:
    result = check_proof(text, CheckOptions(assume=assume, domain=domain))  # type: ignore[arg-type]
    return [step.status for step in result.steps]


# --- 1. one property or relation for several names -------------------------------------

@pytest.mark.parametrize(
    ("assume", "text", "expected"),
    [
        ("x, y > 0", "sqrt(x y) = sqrt(x) sqrt(y)", ["proved"]),
        ("x, y \\in \\mathbb{R}", "sqrt(x y) = sqrt(x) sqrt(y)", ["refuted"]),
        ("a, b, c > 0", "sqrt(a b c) = sqrt(a) sqrt(b c)", ["proved"]),
        ("a, b, c >= 0", "sqrt(a b c) = sqrt(a) sqrt(b c)", ["proved"]),
        ("x,y >= 1", "x y >= 1", ["proved"]),
        ("x,y >= 1", "x y >= 2", ["refuted"]),
        ("x_1, x_{2} > 0", "ln(x_1 x_2) = ln(x_1) + ln(x_2)", ["proved"]),
        ("a, b in (0, 1)", "sqrt(a^2 b^2) = a b", ["proved"]),
        ("a, b in (0, 1)", "sqrt(a^2 b^2) = -a b", ["refuted"]),
    ],
)
def test_shared_relation_in_assumptions(assume: str, text: str, expected: list[str]) -> None:
    assert _statuses(text, (assume,)) == expected
    # an assume line in the cell reads the same
    assert _statuses(f"assume {assume}\n{text}") == expected


@pytest.mark.parametrize(
    ("assume", "text", "expected"),
    [
        ("x, y > 0", "ln(x y) = ln(x) + ln(y)", ["proved"]),
        ("x, y ∈ ℝ", "ln(x y) = ln(x) + ln(y)", ["refuted"]),
        ("n, m integer", "cos(2 pi n m) = 1", ["proved"]),
        ("n, m real", "cos(2 pi n m) = 1", ["refuted"]),
    ],
)
def test_option_split_at_commas(assume: str, text: str, expected: list[str]) -> None:
    # --assume "x, y > 0" reaches the engine split at its commas: x, then y > 0
    options = make_options(assume=assume)
    assert len(options.assume) > 1
    result = check_proof(text, options)
    assert [step.status for step in result.steps] == expected


def test_shared_relation_sets_each_name() -> None:
    env = build_env(CheckOptions(assume=("x, y > 0",)))
    assert env.symbols["x"].is_positive and env.symbols["y"].is_positive
    assert len(env.conditions) == 2


@pytest.mark.parametrize("assume", ["x, y", "x, x + y > 0", "x, 0 < y", "x, y foo"])
def test_names_without_a_shared_relation_are_errors(assume: str) -> None:
    with pytest.raises(ParseError):
        build_env(CheckOptions(assume=(assume,)))


# --- 2. true and false as statements ---------------------------------------------------

@pytest.mark.parametrize(
    ("text", "domain", "expected"),
    [
        ("x^2 + 1 = 0 <=> false", "real", ["proved"]),
        ("x^2 + 1 = 0 <=> false", "complex", ["refuted"]),  # x = i
        ("x^2 - 1 = 0 <=> false", "real", ["refuted"]),
        ("x + 1 = x + 1 <=> true", "real", ["proved"]),
        ("x + 2 = x + 1 <=> true", "real", ["refuted"]),
        ("x + 2 = x + 1 ⇔ False", "real", ["proved"]),
        ("x^2 + 1 = 0\n<=> x^2 = -1\n<=> \\text{false}", "real", ["proved", "proved"]),
        ("x^2 + 1 = 0 \\iff \\mathrm{false}", "real", ["proved"]),
        ("x^2 + 1 = 0 \\iff \\bot", "real", ["proved"]),
        ("x^2 + 4 = 0 ⇔ ⊥", "real", ["proved"]),
        ("x^2 - 4 = 0 ⇔ ⊥", "real", ["refuted"]),
        ("\\text{true} \\iff x^2 + 2x + 1 >= 0", "real", ["proved"]),
        ("\\text{true} \\iff x^2 + 2x + 1 > 0", "real", ["refuted"]),  # x = -1
        ("x^2 + x + 1 > 0 <=> true", "real", ["proved"]),
        ("x^2 - x - 1 > 0 <=> true", "real", ["refuted"]),
        # true is the whole setting: a line undefined somewhere does not hold there
        ("1/x = 1/x <=> true", "real", ["refuted"]),
        ("sqrt(x) = -1 <=> false", "real", ["proved"]),
        ("x^2 + 1 = 0\nfalse", "real", ["proved"]),
        ("x^2 + 1 = 0 ==> false", "real", ["proved"]),
        ("x^2 = 1 ==> false", "real", ["refuted"]),
        ("x^2 = 1 <== false", "real", ["proved"]),
        ("x^2 + 1 = 0 ==> x = 5", "real", ["proved"]),  # nothing to lose
        ("x = x + 1 <=> false <=> x^2 = -4", "real", ["proved", "proved"]),
        # without variables each line is true or false
        ("1 = 2 <=> false", "real", ["proved"]),
        ("1 = 2 <=> true", "real", ["refuted"]),
        ("sqrt(2) > 1.4 <=> true", "real", ["proved"]),
        ("sqrt(2) < 1.4 <=> true", "real", ["refuted"]),
    ],
)
def test_true_and_false_statements(text: str, domain: str, expected: list[str]) -> None:
    assert _statuses(text, domain=domain) == expected


def test_true_false_with_assumptions() -> None:
    assert _statuses("sqrt(x) >= 0 <=> true") == ["refuted"]  # x = -1: the left is undefined
    assert _statuses("sqrt(x) >= 0 <=> true", ("x >= 0",)) == ["proved"]


def test_truth_without_variables_says_so() -> None:
    result = check_proof("2 > 1 <=> false", CheckOptions())
    witness = result.steps[0].counterexample
    assert witness is not None and witness.text == "the previous line holds but this one does not"


@pytest.mark.parametrize("text", ["x = false", "x + true = 1 <=> x = 1", "false^2 = 0 <=> x = 1"])
def test_true_false_are_not_expressions(text: str) -> None:
    result = check_proof(text, CheckOptions())
    assert [step.status for step in result.steps] == ["error"]


# --- 3. statement steps that were left undecided ----------------------------------------

@pytest.mark.parametrize(
    ("text", "assume", "expected"),
    [
        # monotone in x for every parameter value
        ("a^x > a^2 <=> x > 2", ("a > 1",), ["proved"]),
        ("a^x > a^2 <=> x < 2", ("a > 1",), ["refuted"]),
        ("a^x > a^2 <=> x < 2", ("0 < a < 1",), ["proved"]),
        ("a^x > a^2 <=> x > 2", ("0 < a < 1",), ["refuted"]),
        ("a^x > a^2 <=> x > 2", ("a > 0",), ["refuted"]),  # a = 1/2
        ("a^x = a^3 <=> x = 3", ("a > 1",), ["proved"]),
        ("a^x = a^3 <=> x = 3", ("a > 0",), ["refuted"]),  # a = 1
        ("log(x, a) > 0 <=> x > 1", ("a > 1",), ["proved"]),
        ("log(x, a) > 0 <=> x > 0", ("a > 1",), ["refuted"]),
        ("log(x, a) > 0 <=> 0 < x < 1", ("0 < a < 1",), ["proved"]),
        ("log(x, a) > 0 <=> x > 1", ("0 < a < 1",), ["refuted"]),
        ("log(x, a) < 0 <=> 0 < x < 1", ("a > 1",), ["proved"]),
        ("log(x, a) < 0 <=> x < 1", ("a > 1",), ["refuted"]),  # x = 0 is outside the log
        ("e^(a x) = e^a <=> x = 1", ("a != 0",), ["proved"]),
        ("e^(a x) = e^a <=> x = 1", (), ["refuted"]),  # a = 0
        ("e^(a x) > e^a <=> x > 1", ("a > 0",), ["proved"]),
        ("e^(a x) > e^a <=> x > 1", ("a < 0",), ["refuted"]),
        # solution sets in x with the parameters as signed variables
        ("x^2 < a <=> -sqrt(a) < x and x < sqrt(a)", ("a > 0",), ["proved"]),
        ("x^2 < a <=> -sqrt(a) < x and x <= sqrt(a)", ("a > 0",), ["refuted"]),
        ("x^2 < a <=> -a < x and x < a", ("a > 0",), ["refuted"]),
        ("x^2 > a <=> x < -sqrt(a) or x > sqrt(a)", ("a > 0",), ["proved"]),
        ("x^2 > a <=> x < -sqrt(a) or x >= sqrt(a)", ("a > 0",), ["refuted"]),
        ("sqrt(x) = a <=> x = a^2", ("a >= 0",), ["proved"]),
        ("sqrt(x) = a <=> x = a^2", (), ["refuted"]),  # a = -1
        ("x^2 + 2x + c = 0 <=> x = -1 + sqrt(1 - c) or x = -1 - sqrt(1 - c)", ("c <= 1",),
         ["proved"]),
        ("x^2 + 2x + c = 0 <=> x = -1 + sqrt(1 - c)", ("c <= 1",), ["refuted"]),
        # dependent systems: the same ideal
        ("x + y = 2 and 2x + 2y = 4 <=> x + y = 2", (), ["proved"]),
        ("x + y = 2 and 2x + 2y = 4 <=> x + y = 3", (), ["refuted"]),
        ("x + y = 2 and 2x + 2y = 5 <=> x + y = 2", (), ["refuted"]),
        ("x + y + z = 1 and x - y = 0 <=> x = y and 2y + z = 1", (), ["proved"]),
        ("x + y + z = 1 and x - y = 0 <=> x = y and 2y + z = 2", (), ["refuted"]),
        ("x = 0 ==> x y = 0", (), ["proved"]),
        ("x y = 0 ==> x = 0", (), ["refuted"]),
        # the root of a square is an absolute value
        ("sqrt(x^2 - 4x + 4) = x - 2 <=> x >= 2", (), ["proved"]),
        ("sqrt(x^2 - 4x + 4) = x - 2 <=> x > 2", (), ["refuted"]),
        ("sqrt(x^2 - 4x + 4) = 2 - x <=> x <= 2", (), ["proved"]),
        ("sqrt(4x^2 + 4x + 1) = 3 <=> x = 1 or x = -2", (), ["proved"]),
        ("sqrt(4x^2 + 4x + 1) = 3 <=> x = 1", (), ["refuted"]),
        ("sqrt(x^2 (x - 1)) = 0 <=> x = 1", (), ["refuted"]),  # x = 0: not a square
    ],
)
def test_undecided_steps_now_decided(text: str, assume: tuple[str, ...],
                                     expected: list[str]) -> None:
    assert _statuses(text, assume) == expected
