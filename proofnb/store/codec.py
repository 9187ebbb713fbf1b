"""Rows to and from the shared value types. The only place that knows the column order."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any, NamedTuple, cast

from ..core.model import Counterexample, Domain, ProofResult, Status, StepResult, Verdict

#: Columns of ``proofs`` after ``id, created_us, notebook``, in insert order.
PROOF_COLUMNS = (
    "title",
    "text",
    "first_line",
    "conclusion",
    "verdict",
    "flags",
    "assume",
    "domain",
    "seed",
    "seconds",
    "expect",
    "message",
    "step_count",
    "refuted_count",
)
#: Columns of ``steps`` after ``proof_id``, in insert order.
STEP_COLUMNS = (
    "idx",
    "relation",
    "lhs",
    "rhs",
    "status",
    "method",
    "seconds",
    "counterexample",
    "notes",
    "message",
    "lhs_latex",
    "rhs_latex",
    "line",
    "flags",
    "seed",
)
#: Columns a page item (summary) is read from, in order.
SUMMARY_COLUMNS = (
    "id",
    "created_us",
    "title",
    "first_line",
    "conclusion",
    "notebook",
    "verdict",
    "flags",
    "step_count",
    "refuted_count",
)

INSERT_PROOF = (
    f"INSERT INTO proofs (id, created_us, notebook, {', '.join(PROOF_COLUMNS)}) "
    f"VALUES ({', '.join('?' * (3 + len(PROOF_COLUMNS)))})"
)
INSERT_STEP = (
    f"INSERT INTO steps (proof_id, {', '.join(STEP_COLUMNS)}) "
    f"VALUES ({', '.join('?' * (1 + len(STEP_COLUMNS)))})"
)


class EncodedProof(NamedTuple):
    """A proof as row values, without its id, creation time and notebook."""

    proof: tuple[Any, ...]
    steps: tuple[tuple[Any, ...], ...]


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def first_line(text: str) -> str:
    """The first non-blank line of a proof's text, stripped (the list view shows it)."""
    for line in text.splitlines():
        if line.strip():
            return line.strip()
    return ""


def encode(result: ProofResult) -> EncodedProof:
    """Turn a result into row values for :data:`INSERT_PROOF` and :data:`INSERT_STEP`."""
    steps = tuple(
        (
            s.index,
            s.relation,
            s.lhs,
            s.rhs,
            s.status,
            s.method,
            float(s.seconds),
            _json(s.counterexample.to_dict()) if s.counterexample else None,
            _json(list(s.notes)),
            s.message,
            s.lhs_latex,
            s.rhs_latex,
            s.line,
            _json(list(s.flags)),
            s.seed,
        )
        for s in result.steps
    )
    proof = (
        result.title,
        result.text,
        first_line(result.text),
        result.conclusion,
        result.verdict,
        _json(list(result.flags)),
        _json(list(result.assume)),
        result.domain,
        result.seed,
        float(result.seconds),
        result.expect,
        result.message,
        len(result.steps),
        sum(1 for s in result.steps if s.status == "refuted"),
    )
    return EncodedProof(proof, steps)


def decode_step(row: tuple[Any, ...]) -> StepResult:
    """Rebuild a step from a ``steps`` row read in :data:`STEP_COLUMNS` order."""
    values = dict(zip(STEP_COLUMNS, row, strict=True))
    ce = values["counterexample"]
    return StepResult(
        index=int(values["idx"]),
        relation=str(values["relation"]),
        lhs=str(values["lhs"]),
        rhs=str(values["rhs"]),
        status=cast(Status, values["status"]),
        method=str(values["method"]),
        seconds=float(values["seconds"]),
        counterexample=Counterexample.from_dict(json.loads(ce)) if ce else None,
        notes=tuple(json.loads(values["notes"])),
        message=str(values["message"]),
        lhs_latex=str(values["lhs_latex"]),
        rhs_latex=str(values["rhs_latex"]),
        line=int(values["line"]),
        flags=tuple(json.loads(values["flags"])),
        seed=values["seed"],
    )


def decode_proof(row: tuple[Any, ...], steps: tuple[StepResult, ...]) -> ProofResult:
    """Rebuild a result from a ``proofs`` row read in :data:`PROOF_COLUMNS` order."""
    values = dict(zip(PROOF_COLUMNS, row, strict=True))
    return ProofResult(
        text=str(values["text"]),
        steps=steps,
        verdict=cast(Verdict, values["verdict"]),
        flags=tuple(json.loads(values["flags"])),
        conclusion=str(values["conclusion"]),
        title=str(values["title"]),
        assume=tuple(json.loads(values["assume"])),
        domain=cast(Domain, values["domain"]),
        seed=int(values["seed"]),
        seconds=float(values["seconds"]),
        expect=cast("Verdict | None", values["expect"]),
        message=str(values["message"]),
    )


def to_us(epoch_seconds: float) -> int:
    """Epoch seconds to the integer microseconds stored in ``created_us``."""
    return round(epoch_seconds * 1_000_000)


def iso(created_us: int) -> str:
    """Stored microseconds as ISO 8601 UTC, e.g. ``2025-01-31T12:00:00.000000Z``."""
    moment = datetime.fromtimestamp(created_us // 1_000_000, tz=UTC).replace(
        microsecond=created_us % 1_000_000
    )
    return moment.strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def summary(row: tuple[Any, ...]) -> dict[str, Any]:
    """A page item from a row read in :data:`SUMMARY_COLUMNS` order (JSON-safe)."""
    values = dict(zip(SUMMARY_COLUMNS, row, strict=True))
    created_us = int(values["created_us"])
    return {
        "id": int(values["id"]),
        "created": iso(created_us),
        "created_epoch": created_us / 1_000_000,
        "title": values["title"],
        "first_line": values["first_line"],
        "conclusion": values["conclusion"],
        "notebook": values["notebook"],
        "verdict": values["verdict"],
        "flags": json.loads(values["flags"]),
        "step_count": int(values["step_count"]),
        "refuted_count": int(values["refuted_count"]),
    }
