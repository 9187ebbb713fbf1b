"""Value types that cross every boundary: worker processes, HTTP, SQLite, widgets.

Every type here is a frozen, slotted dataclass of plain fields (str, int, float, bool,
tuples of those). They pickle into and out of worker processes and round-trip through
JSON via ``to_dict`` / ``from_dict``. No SymPy object is ever stored in them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal, cast, get_args

Status = Literal["pending", "proved", "likely", "refuted", "unknown", "error"]
Verdict = Literal["accepted", "review", "rejected"]
Domain = Literal["real", "complex"]
Flag = Literal["domain", "assumption", "numeric-only", "circular", "big-step"]

#: Relations between expressions.
EXPRESSION_RELATIONS: tuple[str, ...] = ("=", "<", "<=", ">", ">=", "≈", "≡")
#: Relations between statements (equations, inequalities, and/or combinations).
STATEMENT_RELATIONS: tuple[str, ...] = ("<=>", "==>", "<==")
RELATIONS: tuple[str, ...] = EXPRESSION_RELATIONS + STATEMENT_RELATIONS

STATUSES: tuple[str, ...] = get_args(Status)
VERDICTS: tuple[str, ...] = get_args(Verdict)
FLAGS: tuple[str, ...] = get_args(Flag)

#: Counterexample kinds.
#: ``value``: both sides defined, relation fails.
#: ``undefined``: previous line defined, this one not (off any measure-zero exception).
#: ``lost-root``: a solution of the previous line that this line lacks.
#: ``gained-root``: a solution of this line that the previous line lacks.
CounterexampleKind = Literal["value", "undefined", "lost-root", "gained-root"]


@dataclass(frozen=True, slots=True)
class Counterexample:
    """A concrete witness that a step fails, with exact values a student can check.

    ``point`` maps each free symbol to an exact value in SymPy's string form,
    e.g. ``(("x", "-1"),)``. ``lhs_value`` / ``rhs_value`` are the exact values of the
    two sides there (``None`` when that side is undefined or not applicable).
    ``text`` is a ready-to-show sentence such as ``"x = -1: left side 1, right side -1"``.
    """

    kind: CounterexampleKind
    point: tuple[tuple[str, str], ...]
    lhs_value: str | None
    rhs_value: str | None
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "point": {name: value for name, value in self.point},
            "lhs_value": self.lhs_value,
            "rhs_value": self.rhs_value,
            "text": self.text,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Counterexample:
        point = data.get("point") or {}
        return cls(
            kind=cast(CounterexampleKind, data["kind"]),
            point=tuple((str(k), str(v)) for k, v in point.items()),
            lhs_value=data.get("lhs_value"),
            rhs_value=data.get("rhs_value"),
            text=str(data.get("text", "")),
        )


@dataclass(frozen=True, slots=True)
class SymbolDecl:
    """A name the user's kernel binds to a SymPy object, passed to workers as data.

    ``kind`` is ``"symbol"`` or ``"function"``; ``assumptions`` holds SymPy assumption
    keywords that are true, e.g. ``("positive",)`` or ``("integer",)``.
    """

    name: str
    kind: Literal["symbol", "function"] = "symbol"
    assumptions: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class CheckOptions:
    """Everything that decides a verdict besides the text. Same options, same verdict."""

    assume: tuple[str, ...] = ()
    domain: Domain = "real"
    timeout: float = 10.0
    seed: int = 0
    symbols: tuple[SymbolDecl, ...] = ()

    def __post_init__(self) -> None:
        if isinstance(self.assume, str):  # CheckOptions(assume="x > 0"): one assumption
            object.__setattr__(self, "assume", (self.assume,))


@dataclass(frozen=True, slots=True)
class Reading:
    """How a line is checked when its text, taken literally, is not what it claims.

    ``y = 6x - 9`` right after ``f'(3) = 6`` names the tangent, not "y = 6x - 9 for every x
    and y"; ``f^{-1}(x) = (x - 3)/2`` claims that the right side undoes f. The step shows the
    line as written, and the checker decides the statement step ``lhs relation rhs`` (its
    origin is ``lhs``) instead. ``note`` says on the step how the line was read;
    ``witness`` is the refutation's sentence, with ``{point}`` where the point goes.
    """

    relation: str
    lhs: str
    rhs: str
    note: str
    witness: str


@dataclass(frozen=True, slots=True)
class StepSpec:
    """One link between two consecutive lines of a chain, ready to be checked in a worker.

    ``lhs``/``rhs`` are the source texts of the two sides (already stripped of the
    relation); ``origin`` is the chain's first expression (it fixes the domain D).
    ``line``/``col`` are 1-based positions of the right-hand side in the cell.
    ``kind`` is ``"expression"`` for ``= < <= > >=`` and ``"statement"`` for
    ``<=> ==> <==``. ``premise`` is a relation the step is checked under: the first line of
    a statement chain whose last lines continue an expression (``x = 3 ==> x^2 = 3x``, then
    ``= 9``); empty for every other step. ``reading``, when set, is what the line written
    as ``lhs relation rhs`` is checked as (:class:`Reading`). ``condition`` is where the
    line itself says it holds (``sqrt(x^2) = x for x >= 0``): the step is checked there.
    """

    index: int
    relation: str
    lhs: str
    rhs: str
    origin: str
    line: int
    col: int = 1
    kind: Literal["expression", "statement"] = "expression"
    lhs_line: int = 0
    premise: str = ""
    #: 1-based column of the left-hand side on ``lhs_line`` (0: the line's first column).
    lhs_col: int = 0
    reading: Reading | None = None
    condition: str = ""


@dataclass(frozen=True, slots=True)
class StepResult:
    """The verdict on one step. ``status`` is one of :data:`STATUSES`.

    ``method`` names the tier that decided (e.g. ``"expand"``, ``"trigsimp"``,
    ``"counterexample"``, ``"numeric"``, ``"timeout"``); ``notes`` are human-readable
    domain notes such as ``"x ≠ 1"``; ``message`` explains errors and unknowns;
    ``flags`` are this step's contributions to the proof's flags.
    """

    index: int
    relation: str
    lhs: str
    rhs: str
    status: Status
    method: str = ""
    seconds: float = 0.0
    counterexample: Counterexample | None = None
    notes: tuple[str, ...] = ()
    message: str = ""
    lhs_latex: str = ""
    rhs_latex: str = ""
    line: int = 0
    flags: tuple[str, ...] = ()
    seed: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "index": self.index,
            "relation": self.relation,
            "lhs": self.lhs,
            "rhs": self.rhs,
            "status": self.status,
            "method": self.method,
            "seconds": self.seconds,
            "counterexample": self.counterexample.to_dict() if self.counterexample else None,
            "notes": list(self.notes),
            "message": self.message,
            "lhs_latex": self.lhs_latex,
            "rhs_latex": self.rhs_latex,
            "line": self.line,
            "flags": list(self.flags),
            "seed": self.seed,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> StepResult:
        ce = data.get("counterexample")
        return cls(
            index=int(data["index"]),
            relation=str(data["relation"]),
            lhs=str(data["lhs"]),
            rhs=str(data["rhs"]),
            status=cast(Status, data["status"]),
            method=str(data.get("method", "")),
            seconds=float(data.get("seconds", 0.0)),
            counterexample=Counterexample.from_dict(ce) if ce else None,
            notes=tuple(data.get("notes", ())),
            message=str(data.get("message", "")),
            lhs_latex=str(data.get("lhs_latex", "")),
            rhs_latex=str(data.get("rhs_latex", "")),
            line=int(data.get("line", 0)),
            flags=tuple(data.get("flags", ())),
            seed=data.get("seed"),
        )


@dataclass(frozen=True, slots=True)
class ProofResult:
    """A whole checked proof: its steps in order, the verdict, flags and conclusion."""

    text: str
    steps: tuple[StepResult, ...]
    verdict: Verdict
    flags: tuple[str, ...] = ()
    conclusion: str = ""
    title: str = ""
    assume: tuple[str, ...] = ()
    domain: Domain = "real"
    seed: int = 0
    seconds: float = 0.0
    expect: Verdict | None = None
    message: str = ""

    @property
    def meets_expectation(self) -> bool:
        """True when the verdict is the expected one (``accepted`` when none is set)."""
        return self.verdict == (self.expect or "accepted")

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "title": self.title,
            "verdict": self.verdict,
            "flags": list(self.flags),
            "conclusion": self.conclusion,
            "assume": list(self.assume),
            "domain": self.domain,
            "seed": self.seed,
            "seconds": self.seconds,
            "expect": self.expect,
            "message": self.message,
            "steps": [s.to_dict() for s in self.steps],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ProofResult:
        return cls(
            text=str(data["text"]),
            steps=tuple(StepResult.from_dict(s) for s in data.get("steps", ())),
            verdict=cast(Verdict, data["verdict"]),
            flags=tuple(data.get("flags", ())),
            conclusion=str(data.get("conclusion", "")),
            title=str(data.get("title", "")),
            assume=tuple(data.get("assume", ())),
            domain=cast(Domain, data.get("domain", "real")),
            seed=int(data.get("seed", 0)),
            seconds=float(data.get("seconds", 0.0)),
            expect=cast("Verdict | None", data.get("expect")),
            message=str(data.get("message", "")),
        )
