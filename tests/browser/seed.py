"""Seed data for the browser tests: proofs with known verdicts, titles and LaTeX."""

from __future__ import annotations

import time
from pathlib import Path

from proofnb.core.model import Counterexample, ProofResult, StepResult
from proofnb.store.history import ProofStore

HOSTILE_TITLE = "<img src=x onerror=alert(1)>"
TOTAL = 57
#: Every seeded proof whose title contains this word (case-insensitive search).
SEARCH_WORD = "telescoping"
SEARCH_HITS = 7


def verdict_of(index: int) -> str:
    """The verdict of the index-th seeded proof (oldest is 0)."""
    return ("accepted", "review", "rejected")[index % 3]


def title_of(index: int) -> str:
    if index == TOTAL - 1:
        return HOSTILE_TITLE
    if index % 8 == 0:
        return f"Telescoping sum {index}"
    return f"Seeded proof {index}"


def _steps(verdict: str) -> tuple[StepResult, ...]:
    square = StepResult(
        index=0,
        relation="=",
        lhs="(a + b)^2",
        rhs="a^2 + 2ab + b^2",
        status="proved",
        method="expand",
        seconds=0.0012,
        lhs_latex=r"\left(a + b\right)^{2}",
        rhs_latex=r"a^{2} + 2 a b + b^{2}",
        line=2,
    )
    quotient = StepResult(
        index=1,
        relation="=",
        lhs="(x^2 - 1)/(x - 1)",
        rhs="x + 1",
        status="likely" if verdict == "review" else "proved",
        method="numeric" if verdict == "review" else "cancel",
        seconds=0.004,
        notes=("x ≠ 1",),
        lhs_latex=r"\frac{x^{2} - 1}{x - 1}",
        rhs_latex=r"x + 1",
        line=3,
        flags=("domain",),
    )
    if verdict != "rejected":
        return (square, quotient)
    wrong = StepResult(
        index=2,
        relation="=",
        lhs="log(x^2)",
        rhs="2 log(x)",
        status="refuted",
        method="counterexample",
        seconds=0.002,
        counterexample=Counterexample(
            kind="undefined",
            point=(("x", "-1"),),
            lhs_value="0",
            rhs_value=None,
            text="x = -1: left side 0, right side undefined",
        ),
        lhs_latex=r"\log{\left(x^{2} \right)}",
        rhs_latex=r"2 \log{\left(x \right)}",
        line=4,
    )
    return (square, quotient, wrong)


def proof(index: int, title: str | None = None) -> ProofResult:
    """The index-th seeded proof."""
    verdict = verdict_of(index)
    steps = _steps(verdict)
    return ProofResult(
        text="(a + b)^2\n  = a^2 + 2ab + b^2\n",
        steps=steps,
        verdict=verdict,  # type: ignore[arg-type]
        flags=("domain",),
        conclusion="(a + b)^2 = a^2 + 2ab + b^2",
        title=title if title is not None else title_of(index),
    )


def seed(db: Path, notebook: str) -> None:
    """Write TOTAL proofs, one a minute, oldest first, all from ``notebook``."""
    start = time.time() - TOTAL * 60
    with ProofStore(db) as store:
        store.add_many((proof(i), notebook, start + i * 60) for i in range(TOTAL))
