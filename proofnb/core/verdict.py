"""The proof verdict, its flags and the chain's conclusion (DESIGN §2)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, cast

from .errors import ParseError, UnsupportedError
from .model import FLAGS, CheckOptions, ProofResult, StepResult, StepSpec, Verdict

if TYPE_CHECKING:
    from .cell import ChainLine, ParsedCell

def verdict_of(steps: Sequence[StepResult]) -> Verdict:
    """accepted: every step proved; rejected: some refuted/error; otherwise review."""
    if any(s.status in ("refuted", "error") for s in steps):
        return "rejected"
    if steps and all(s.status == "proved" for s in steps):
        return "accepted"
    return "review"


def compose(relations: Sequence[str]) -> str | None:
    """The relation a chain states between its first and last line (None if incompatible)."""
    rels = [r for r in relations if r]
    if not rels:
        return None
    if all(r in ("<=>", "==>", "<==") for r in rels):
        kinds = {r for r in rels if r != "<=>"}
        if not kinds:
            return "<=>"
        return kinds.pop() if len(kinds) == 1 else None
    if any(r in ("<=>", "==>", "<==") for r in rels):
        return None
    if "≈" in rels:  # = and ≈ only: the chain rounds its first line
        return "≈" if all(r in ("=", "≈") for r in rels) else None
    if "≡" in rels:  # = and ≡ only: a congruence (its modulus ends the last line)
        return "≡" if all(r in ("=", "≡") for r in rels) else None
    order = [r for r in rels if r != "="]
    if not order:
        return "="
    directions = {r[0] for r in order}
    if len(directions) != 1:
        return None
    strict = any(len(r) == 1 for r in order)
    return order[0][0] if strict else order[0][0] + "="


def conflict(relations: Sequence[str]) -> tuple[str, str] | None:
    """The first two relations of a chain that point in opposite directions (``<`` then
    ``>``, ``==>`` then ``<==``), or None when the chain has a single direction."""
    first: str | None = None
    for rel in relations:
        if rel in ("", "=", "<=>", "≈"):
            continue
        if first is None:
            first = rel
        elif _direction(rel) != _direction(first):
            return first, rel
    return None


def _direction(rel: str) -> str:
    return {"==>": "<", "<==": ">"}.get(rel, rel[0])


def _norm(text: str) -> str:
    return re.sub(r"\s+", "", text)


def chains(specs: Sequence[StepSpec], lines: Sequence[ChainLine] | None = None) -> list[list[int]]:
    """Indices of ``specs`` grouped by chain.

    With the cell's ``lines`` the chains are the parser's (each line after a chain's first
    closes one step); without them a new chain starts where a new origin does or where a
    step does not start at the previous step's right side.
    """
    if lines is not None:
        owners = [line.chain for line in lines if line.relation is not None]
        if len(owners) == len(specs):
            groups: dict[int, list[int]] = {}
            for i, chain in enumerate(owners):
                groups.setdefault(chain, []).append(i)
            return list(groups.values())
    found: list[list[int]] = []
    prev: StepSpec | None = None
    for i, spec in enumerate(specs):
        joined = (
            prev is not None
            and spec.origin == prev.origin
            and _norm(spec.lhs) == _norm(prev.rhs)
        )
        if joined:
            found[-1].append(i)
        else:
            found.append([i])
        prev = spec
    return found


def conclusion_of(specs: Sequence[StepSpec], lines: Sequence[ChainLine] | None = None) -> str:
    """``first rel last`` for every chain, joined by ``; ``.

    A chain whose steps point both ways (``a < b > c``) has no single conclusion: its part
    says so and names the two relations instead of relating its ends.
    """
    parts: list[str] = []
    groups = chains(specs, lines)
    for n, group in enumerate(groups):
        continued = _continued(specs, groups[n - 1], group) if n else None
        if continued is not None:  # x = 3 ==> x^2 = 3x, then = 9: x = 3 ==> x^2 = 9
            parts[-1] = continued
            continue
        relations = [specs[i].relation for i in group]
        first, last = specs[group[0]].lhs.strip(), specs[group[-1]].rhs.strip()
        rel = compose(relations)
        conditions = ", ".join(dict.fromkeys(specs[i].condition for i in group
                                             if specs[i].condition))
        if rel is not None:  # sqrt(x^2) = x for x >= 0: the chain says where it holds
            parts.append(f"{first} {rel} {last}" + (f" for {conditions}" if conditions else ""))
            continue
        clash = conflict(relations)
        mixed = f": the chain mixes {clash[0]} and {clash[1]}" if clash else ""
        parts.append(f"no single conclusion from {first} to {last}{mixed}")
    return "; ".join(parts)


#: The relation that ends a statement before its right side (``x^2 = 3x``: ``=``).
_LAST_RELATION = re.compile(
    r"(?P<rel><=|>=|=|<|>|≤|≥|\\(?:leq?|geq?|leqslant|geqslant|lt|gt)(?![A-Za-z]))\s*\Z")
_RELATION_NAMES = {"≤": "<=", "≥": ">=", "\\le": "<=", "\\leq": "<=", "\\leqslant": "<=",
                   "\\ge": ">=", "\\geq": ">=", "\\geqslant": ">=", "\\lt": "<", "\\gt": ">"}


def _continued(specs: Sequence[StepSpec], before: list[int], group: list[int]) -> str | None:
    """The conclusion of a statement chain (``before``) whose last line's right side the
    expression chain ``group`` continues under the chain's first line: ``x = 3 ==> x^2 = 3x``,
    then ``= 9``, concludes ``x = 3 ==> x^2 = 9``, not the identity ``3x = 9`` (which holds
    only where x = 3). None when ``group`` is no such continuation."""
    head, tail = [specs[i] for i in before], [specs[i] for i in group]
    premise = tail[0].premise.strip()
    statement = head[-1].rhs.strip()
    if not premise or head[-1].kind != "statement" or any(s.kind != "statement" for s in head) \
            or _norm(head[0].lhs) != _norm(premise):
        return None
    right = tail[0].lhs.strip()
    if not right or not statement.endswith(right):
        return None
    found = _LAST_RELATION.search(statement[: len(statement) - len(right)])
    if found is None:
        return None
    rel = found.group("rel")
    left = statement[: found.start()].rstrip(" &")  # x^2 &= 3x in align*: no '&' shown
    outer = compose([s.relation for s in head])
    inner = compose([_RELATION_NAMES.get(rel, rel), *(s.relation for s in tail)])
    if not left or outer not in ("<=>", "==>") or inner is None:
        return None
    conditions = ", ".join(dict.fromkeys(s.condition for s in (*head, *tail) if s.condition))
    return (f"{head[0].lhs.strip()} ==> {left} {inner} {tail[-1].rhs.strip()}"
            + (f" for {conditions}" if conditions else ""))


def circular(specs: Sequence[StepSpec], lines: Sequence[ChainLine] | None = None) -> bool:
    """A line restates an earlier line of its chain, or the chain ends where it began."""
    for group in chains(specs, lines):
        if len(group) < 2:
            continue
        texts = [_norm(specs[group[0]].lhs)] + [_norm(specs[i].rhs) for i in group]
        if len(set(texts)) < len(texts):
            return True
    return False


def summarize(
    text: str,
    cell: ParsedCell,
    steps: Sequence[StepResult],
    options: CheckOptions,
    *,
    title: str = "",
    expect: str | None = None,
    seconds: float = 0.0,
) -> ProofResult:
    """Combine checked steps into the proof's verdict, flags and conclusion."""
    specs = tuple(cell.steps)
    lines: Sequence[ChainLine] | None = getattr(cell, "lines", None)
    ordered = sorted(steps, key=lambda s: s.index)
    found = {f for s in ordered for f in s.flags}
    if circular(specs, lines):
        found.add("circular")
    flags = tuple(f for f in FLAGS if f in found)
    message = "" if specs else "nothing to check: the cell has no relation between two lines"
    return ProofResult(
        text=text,
        steps=tuple(ordered),
        verdict=verdict_of(ordered),
        flags=flags,
        conclusion=conclusion_of(specs, lines),
        title=title,
        assume=tuple(options.assume),
        domain=options.domain,
        seed=options.seed,
        seconds=seconds,
        expect=cast("Verdict | None", expect),
        message=message,
    )


def error_proof(
    text: str,
    exc: ParseError | UnsupportedError,
    options: CheckOptions,
    *,
    title: str = "",
    expect: str | None = None,
    seconds: float = 0.0,
) -> ProofResult:
    """A proof whose cell could not be parsed: one ``error`` step carrying the message."""
    line = exc.line
    step = StepResult(
        index=0, relation="", lhs="", rhs="", status="error", method="parse",
        message=str(exc), line=line, seconds=seconds,
    )
    return ProofResult(
        text=text, steps=(step,), verdict="rejected", title=title,
        assume=tuple(options.assume), domain=options.domain, seed=options.seed,
        seconds=seconds, expect=cast("Verdict | None", expect), message=str(exc),
    )
