"""Round 44: optimisation and curve-sketching worksheets (classification words after a
second-derivative test, Newton's method with a defined function). True/false pairs."""

from __future__ import annotations

import pytest

from proofnb.core.check import check_proof
from proofnb.core.model import CheckOptions, StepResult

F = "f(x) = x^3 - 3x + 2\n"


def _steps(cell: str) -> list[StepResult]:
    return list(check_proof(cell, CheckOptions(timeout=10.0)).steps)


def _statuses(cell: str) -> list[str]:
    return [s.status for s in _steps(cell)]


@pytest.mark.parametrize("tail", [
    ", so a minimum", " (min)", r" \Rightarrow \text{minimum}", r" \therefore \text{minimum}",
    r" \implies \text{min at } x = 1", r" \quad \text{min}", r" \text{ so a minimum}", " → min",
])
def test_classification_words_are_prose_not_letters(tail: str) -> None:
    # were parse errors ("expected '(' after min", "nothing to check here") or letters
    assert _statuses(F + "f''(1) = 6 > 0" + tail) == ["proved", "proved"]


@pytest.mark.parametrize("tail", [", so a maximum", " (max)", r" \Rightarrow \text{local maximum}"])
def test_wrong_classification_is_refuted_by_the_test(tail: str) -> None:
    steps = _steps(F + "f''(1) = 6 > 0" + tail)
    assert [s.status for s in steps] == ["proved", "proved", "refuted"]
    last = steps[-1]
    assert last.lhs == "f''(1)" and last.relation == "<"
    assert last.counterexample is not None and last.counterexample.lhs_value == "6"


def test_a_point_named_by_the_words_is_checked() -> None:
    # (1, 0) claims f(1) = 0 as well; a point the line does not evaluate is not prose
    assert _statuses(F + "f''(1) = 6 > 0, so (1, 0) is a local minimum") == ["proved"] * 3
    assert _statuses(F + "f''(1) = 6 > 0, so (1, 5) is a local minimum") == [
        "proved", "proved", "refuted"]
    assert _statuses(F + "f''(-1) = -6 < 0, so (1, 0) is a local maximum")[-1] != "proved"
    assert _statuses(F + r"f''(1) = 6 > 0 \Rightarrow \text{TP}(1 | 3)")[-1] == "refuted"


def test_classification_without_a_stated_sign_is_checked() -> None:
    assert _statuses(F + "f''(-1) = -6, so a maximum") == ["proved", "proved"]
    assert _statuses(F + "f''(-1) = -6, so a minimum") == ["proved", "refuted"]


def test_classification_of_another_kind_is_only_prose() -> None:
    assert _statuses(F + r"f''(0) = 0 \Rightarrow \text{point of inflection}") == ["proved"]
    assert _statuses(F + "f''(x) = 6x > 0 for x > 0 (concave up)") == ["proved"] * 2
    assert _statuses(F + "f''(x) = 6x < 0 for x > 0 (concave down)") == ["proved", "refuted"]


def test_remarks_inside_a_statement() -> None:
    assert _statuses(F + "f'(x) = 0 <=> x = 1 (min) or x = -1 (max)") == ["proved"]
    assert _statuses(F + "f'(x) = 0 <=> x = 1 (min) or x = 2 (max)") == ["refuted"]


def test_min_and_max_functions_stay_functions() -> None:
    assert _statuses("max(1, 2) = 2") == ["proved"]
    assert _statuses("max(1, 2) = 1") == ["refuted"]


@pytest.mark.parametrize(("cell", "expected"), [
    ("f(x) = x^2 - 2\nx_1 = 1.5 - \\frac{f(1.5)}{f'(1.5)} = \\frac{17}{12}", ["proved"]),
    ("f(x) = x^2 - 2\nx_1 = 1 - \\frac{f(1)}{f'(1)} = 0.5", ["refuted"]),
    ("f(x) = x^3 - 2x - 5\nx_2 = 2.1 - \\frac{f(2.1)}{f'(2.1)} ≈ 2.0946", ["proved"]),
    ("f(x) = x^3 - 2x - 5\nx_2 = 2.1 - \\frac{f(2.1)}{f'(2.1)} ≈ 2.0956", ["refuted"]),
])
def test_newton_step_names_its_number(cell: str, expected: list[str]) -> None:
    # x_1 was a claim about every x_1 (refuted at x_1 = 0) when the line used f(1.5)
    assert _statuses(cell) == expected


def test_newton_name_used_later_is_not_dropped() -> None:
    # x_1 used by a later line keeps the old reading (a claim about x_1): nothing hidden
    steps = _steps("f(x) = x^2 - 2\nx_1 = 1 - \\frac{f(1)}{f'(1)} = 1.5\nx_2 = x_1 + 1")
    assert steps and steps[0].status != "proved"


def test_a_name_only_given_to_a_computation_is_dropped() -> None:
    # S = 2πr^2 + 2πrh = ...: S was a claim about every S (refuted at S = 0)
    given = "assume r > 0, h = 1000/(pi r^2)\n"
    assert _statuses(given + r"S = 2\pi r^2 + 2\pi r h = 2\pi r^2 + \frac{2000}{r}") == ["proved"]
    assert _statuses(given + r"S = 2\pi r^2 + 2\pi r h = 2\pi r^2 + \frac{1000}{r}") == ["refuted"]


def test_a_name_used_elsewhere_stays_a_letter() -> None:
    steps = _steps("A = x(50 - x) = 50x - x^2\nA = 0 <=> x = 0 or x = 50")
    assert steps[0].lhs.startswith("A = x(50 - x)")  # an equation in A and x, not a label


@pytest.mark.parametrize(("line", "expected"), [
    (r"f'(x) > 0 \text{ on } (1, \infty), \text{ so } f \text{ is increasing}", ["proved"]),
    ("f'(x) < 0 on (-1, 1), so f is decreasing there", ["proved"]),
    ("f'(x) < 0 on (-1, 2), so f is decreasing there", ["refuted"]),  # f'(1) = 0
    ("f'(x) > 0 on (0, \\infty)", ["refuted"]),
])
def test_on_an_interval_is_where_the_line_holds(line: str, expected: list[str]) -> None:
    # "on (1, \infty)" was read as a tuple (an error)
    assert _statuses(F + line) == expected


def test_asymptote_and_value_remarks() -> None:
    q = "f(x) = \\frac{2x + 1}{x - 3}\n"
    assert _statuses(q + r"\lim_{x \to \infty} f(x) = 2, so y = 2 is a horizontal asymptote") \
        == ["proved", "proved"]
    # \text{HA} was letters H and A: the step was refuted at A = 0, H = 0, y = 0
    assert _statuses(q + r"\lim_{x \to \infty} f(x) = 2 \Rightarrow \text{HA } y = 2") \
        == ["proved", "proved"]
    assert _statuses(q + r"\lim_{x \to \infty} f(x) = 1/2 \Rightarrow \text{HA } y = 1/2") \
        == ["refuted", "refuted"]
    # the asymptote the words name is checked against the limit
    assert _statuses(q + r"\lim_{x \to \infty} f(x) = 2 \Rightarrow \text{HA } y = 3") \
        == ["proved", "refuted"]
    assert _statuses(q + r"\lim_{x \to 3^+} f(x) = \infty \text{, so } x = 3 "
                     r"\text{ is a vertical asymptote}") == ["proved"]
    assert _statuses(q + r"\lim_{x \to 3^+} f(x) = \infty \text{, so } x = 2 "
                     r"\text{ is a vertical asymptote}") != ["proved"]
    assert _statuses("1 = 1 ==> \\text{HA } y = 2") != ["proved"]
    assert _statuses(F + "f(1) = 0 is a local minimum") == ["proved"]
    assert _statuses(F + "f(1) = 2 is a local minimum") == ["refuted"]


def test_german_point_names() -> None:
    assert _statuses(F + r"f''(1) = 6 > 0 \Rightarrow \text{TP}(1 | 0)") == ["proved"] * 3
    assert _statuses(F + r"f''(1) = 6 > 0 \Rightarrow \text{HP}(1 | 0)") == [
        "proved", "proved", "refuted", "proved"]
    assert _statuses(F + r"f''(1) = 6 > 0 \Rightarrow \text{Tiefpunkt}") == ["proved"] * 2


def test_extremum_over_a_set_says_how_to_write_it() -> None:
    steps = _steps("assume 0 <= x <= 3\n" + F + "\\max_{0 \\le x \\le 3} f(x) = 20\nf(3) = 20")
    assert [s.status for s in steps] == ["error", "proved"]
    assert "maximum over a set" in steps[0].message and "f(x) <= 20" in steps[0].message


def test_a_claim_with_min_or_max_after_a_comma_is_not_prose() -> None:
    # ", max(1, 2) = 3" must not be dropped as a remark
    assert "proved" != _statuses(F + "f(1) = 0, max(1, 2) = 3")[-1]
