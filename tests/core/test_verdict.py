"""Proof verdict, flags, composed relation and conclusion (proofnb.core.verdict)."""

from __future__ import annotations

import pytest

from proofnb.core.model import CheckOptions, StepResult, StepSpec
from proofnb.core.verdict import circular, compose, conclusion_of, summarize, verdict_of


def _spec(i: int, rel: str, lhs: str, rhs: str, origin: str) -> StepSpec:
    kind = "statement" if rel in ("<=>", "==>", "<==") else "expression"
    return StepSpec(index=i, relation=rel, lhs=lhs, rhs=rhs, origin=origin, line=i + 2, kind=kind)


def _result(spec: StepSpec, status: str, flags: tuple[str, ...] = ()) -> StepResult:
    return StepResult(index=spec.index, relation=spec.relation, lhs=spec.lhs, rhs=spec.rhs,
                      status=status, flags=flags)  # type: ignore[arg-type]


class _Cell:
    def __init__(self, steps: tuple[StepSpec, ...]) -> None:
        self.steps = steps
        self.assume: tuple[str, ...] = ()


@pytest.mark.parametrize(
    ("rels", "expected"),
    [
        (["=", "=", "="], "="),
        (["=", "<"], "<"),
        (["<=", "=", "<="], "<="),
        (["<=", "<"], "<"),
        ([">", "=", ">="], ">"),
        (["<", ">"], None),
        (["<=>", "==>"], "==>"),
        (["<=>", "<=>"], "<=>"),
        (["<==", "<=>"], "<=="),
        (["==>", "<=="], None),
    ],
)
def test_compose(rels: list[str], expected: str | None) -> None:
    assert compose(rels) == expected


def test_verdicts() -> None:
    s = _spec(0, "=", "a", "b", "a")
    assert verdict_of([_result(s, "proved")]) == "accepted"
    assert verdict_of([_result(s, "proved"), _result(s, "likely")]) == "review"
    assert verdict_of([_result(s, "unknown")]) == "review"
    assert verdict_of([_result(s, "likely"), _result(s, "refuted")]) == "rejected"
    assert verdict_of([_result(s, "error")]) == "rejected"
    assert verdict_of([]) == "review"


def test_conclusion_and_flags() -> None:
    origin = "(a + b)^2"
    specs = (
        _spec(0, "=", origin, "(a + b)(a + b)", origin),
        _spec(1, "=", "(a + b)(a + b)", "a^2 + ab + ba + b^2", origin),
        _spec(2, "=", "a^2 + ab + ba + b^2", "a^2 + 2ab + b^2", origin),
    )
    results = [_result(specs[0], "proved"), _result(specs[1], "proved", ("domain",)),
               _result(specs[2], "likely", ("numeric-only",))]
    proof = summarize("text", _Cell(specs), results, CheckOptions())  # type: ignore[arg-type]
    assert proof.conclusion == "(a + b)^2 = a^2 + 2ab + b^2"
    assert proof.verdict == "review"
    assert proof.flags == ("domain", "numeric-only")


def test_circular_chain_flagged() -> None:
    specs = (_spec(0, "=", "x + x", "2x", "x + x"), _spec(1, "=", "2x", "x + x", "x + x"))
    assert circular(specs)
    proof = summarize("t", _Cell(specs), [_result(s, "proved") for s in specs],
                      CheckOptions())  # type: ignore[arg-type]
    assert "circular" in proof.flags and proof.verdict == "accepted"
    assert not circular(specs[:1])


def test_incompatible_directions_give_no_conclusion() -> None:
    specs = (_spec(0, "<", "a", "b", "a"), _spec(1, ">", "b", "c", "a"))
    assert conclusion_of(specs) == "no single conclusion from a to c: the chain mixes < and >"
    specs = (
        _spec(0, "<=>", "x = 1", "2x = 2", "x = 1"),
        _spec(1, "==>", "2x = 2", "4x^2 = 4", "x = 1"),
    )
    assert conclusion_of(specs) == "x = 1 ==> 4x^2 = 4"
