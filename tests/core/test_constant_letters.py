"""E and I: constants as SymPy prints them, letters once declared or subscripted, and a note
when a step with variables uses them on their own (a physics teacher's E = m c^2)."""

from __future__ import annotations

import pytest

from proofnb.core.check import check_proof
from proofnb.core.functions import lone_constant_letters
from proofnb.core.model import CheckOptions


def _step(cell: str, assume: str = ""):  # type: ignore[no-untyped-def]
    return check_proof(cell, CheckOptions(assume=(assume,) if assume else ())).steps[0]


@pytest.mark.parametrize(
    ("text", "letters"),
    [("E = m c^2", ("E",)), ("V = I R", ("I",)), ("E_k + I_1", ()), ("Ex + IR", ()),
     (r"\E", ()), ("E^x I", ("E", "I"))],
)
def test_lone_letters(text: str, letters: tuple[str, ...]) -> None:
    assert lone_constant_letters(text) == letters


def test_subscripted_e_and_i_are_letters() -> None:
    step = _step("E_k = 1/2 m v^2\n<=> m = 2 E_k/v^2")
    assert step.status == "refuted" and step.counterexample is not None
    assert dict(step.counterexample.point)["E_k"] == "0"  # v = 0: the root lost
    proved = _step("I_1 R_1 = I_2 R_2\n<=> I_1 = I_2 R_2/R_1", "R_1 > 0")
    assert proved.status == "proved", proved.message


def test_a_lone_e_or_i_among_variables_gets_a_note() -> None:
    step = _step("V = I R\n<=> R = V/I")
    assert any("imaginary unit" in note for note in step.notes)
    step = _step("E = 1/2 m v^2\n<=> v^2 = 2E/m", "m > 0")
    assert any("Euler's number" in note for note in step.notes)
    assert not _step("E + 1 = e + 1").notes  # no variables: plainly the constant


def test_declared_in_an_assumption_e_and_i_are_quantities() -> None:
    step = _step("V = I R\n<=> R = V/I", "I > 0")
    assert step.status == "proved" and not step.notes
    step = _step("E = 1/2 m v^2\n<=> v = sqrt(2E/m)", "E > 0, m > 0")
    assert step.status == "refuted" and step.counterexample is not None
    assert "E" in dict(step.counterexample.point)  # E took a value: it is a variable
    assert _step("E = 1/2 m v^2\n<=> v = sqrt(2E/m)", "E > 0, m > 0, v > 0").status == "proved"
