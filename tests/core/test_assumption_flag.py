"""The ``assumption`` flag: set when a step needs a declared assumption, not for declarations
that only say what a name is (a function, a "for some integer k" parameter)."""

from __future__ import annotations

import pytest

from proofnb.core.assume import declarations
from proofnb.core.check import check_proof
from proofnb.core.model import CheckOptions


@pytest.mark.parametrize(("text", "assume", "flagged"), [
    ("log(x^2) = 2 log(x)", ("x > 0, f function",), True),
    ("cos(pi n) = (-1)^n", ("n integer",), True),
    ("2^n > n", ("n positive integer",), True),
    ("x + 1 = 1 + x", ("x > 0",), False),
    ("d/dx (f(x) g(x)) = f'(x) g(x) + f(x) g'(x)", ("f, g function",), False),
    ("cos(2x) = 0\n<=> x = pi/4 + k pi/2, k ∈ ℤ", (), False),
])
def test_the_flag_marks_steps_that_need_an_assumption(
    text: str, assume: tuple[str, ...], flagged: bool
) -> None:
    result = check_proof(text, CheckOptions(assume=assume))
    assert result.verdict == "accepted"
    assert ("assumption" in result.flags) is flagged


def test_declarations_keep_functions_and_the_named_parameters_only() -> None:
    kept, dropped = declarations(("x > 0, f function", "k integer", "n integer"),
                                 frozenset({"k"}))
    assert kept == ("f function", "k integer") and dropped == 2
