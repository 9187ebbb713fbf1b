"""The labelled corpus (benchmarks/corpus) through the checker, inline.

Soundness: no false step is ever ``proved`` or ``likely``, and every ``refuted`` step carries
a witness that is re-checked here independently of the checker: the point is substituted into
the parsed sides with plain SymPy, evaluated exactly and at two precisions, and the claimed
failure confirmed. Accuracy: at least 98% of steps decided correctly. The cases the issue
names must come out exactly as it says.
"""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("proofnb.core.check", reason="the checker is not there yet")
pytest.importorskip("proofnb.core.cell", reason="the cell parser is not there yet")

import sympy as sp  # noqa: E402
from sympy.parsing.sympy_parser import parse_expr  # noqa: E402

from proofnb.core.cell import parse_cell  # noqa: E402
from proofnb.core.check import check_step  # noqa: E402
from proofnb.core.errors import ProofnbError  # noqa: E402
from proofnb.core.model import CheckOptions, Counterexample, StepResult, StepSpec  # noqa: E402
from proofnb.core.parser import build_env, parse_math, symbol_for  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:  # plain `pytest` does not put the repository root on sys.path
    sys.path.insert(0, str(ROOT))
from benchmarks.corpus import CorpusCell, CorpusStep, load_corpus, steps_of  # noqa: E402

pytestmark = pytest.mark.slow

CELLS = load_corpus()
STEPS = steps_of(CELLS)
ACCURACY_FLOOR = 0.98
#: Digits of the two evaluations that must agree before a difference counts.
PRECISIONS = (30, 60)


def options_for(cell: CorpusCell, extra: tuple[str, ...] = ()) -> CheckOptions:
    return CheckOptions(assume=cell.assume + extra, domain=cell.domain,  # type: ignore[arg-type]
                        timeout=10.0, seed=0)


@cache
def spec_of(step_id: str) -> tuple[StepSpec, CheckOptions] | str:
    """The parsed step and its options, or the parse error message."""
    step = _by_id[step_id]
    try:
        parsed = parse_cell(step.cell.cell)
    except ProofnbError as exc:
        return f"cell does not parse: {exc}"
    if len(parsed.steps) != len(step.cell.holds):
        return f"cell parses into {len(parsed.steps)} steps, corpus labels {len(step.cell.holds)}"
    return parsed.steps[step.index], options_for(step.cell, parsed.assume)


@cache
def result_of(step_id: str) -> StepResult | str:
    spec = spec_of(step_id)
    if isinstance(spec, str):
        return spec
    return check_step(*spec)


_by_id: dict[str, CorpusStep] = {s.id: s for s in STEPS}


# -- independent witness re-check --------------------------------------------------------


class Undefined(Exception):
    """The expression has no (real) value at the point."""


def _point(ce: Counterexample, options: CheckOptions) -> tuple[Any, dict[Any, Any]]:
    env = build_env(options)
    point = {}
    for name, value in ce.point:
        assert len(value) < 200, f"witness value is too long to check by hand: {value}"
        names = {"I": sp.I, "pi": sp.pi, "E": sp.E}
        point[symbol_for(name, env)] = parse_expr(value, local_dict=names)
    return env, point


def _inner(expr: Any) -> list[Any]:
    """Subexpressions with a value at the point: not inside a sum, integral or limit, whose
    bound variable has none."""
    if isinstance(expr, (sp.Sum, sp.Product, sp.Integral, sp.Limit)):
        return []
    out = []
    for arg in expr.args:
        if arg.free_symbols:
            out += [arg, *_inner(arg)]
    return out


def _value(expr: Any, point: dict[Any, Any], real: bool) -> Any:
    """Exact value of ``expr`` at ``point``; raises Undefined. In the real domain every
    power and function application inside must be real too (its natural domain)."""
    nodes = [expr]
    if real:
        nodes += [n for n in _inner(expr) if isinstance(n, (sp.Pow, sp.Function))]
    value = None
    for node in reversed(nodes):  # innermost first; the whole expression last
        v = node.doit().xreplace(point).doit()  # doit first: d/dx needs x to stay a symbol
        if v.has(sp.zoo, sp.nan) or not v.is_number:
            raise Undefined(str(node))
        if real and v.is_finite is not False:
            im = [abs(sp.N(sp.im(v), p)) for p in PRECISIONS]
            if all(i > sp.Float(10) ** -25 for i in im):
                raise Undefined(str(node))
        value = v
    return value


def _differ(a: Any, b: Any) -> bool:
    """True when a != b, confirmed at two precisions (cancellation never produces a witness)."""
    if a.is_infinite or b.is_infinite:
        return bool(a != b)
    diffs = [sp.N(a - b, p) for p in PRECISIONS]
    scale = 1 + abs(sp.N(a, 30)) + abs(sp.N(b, 30))
    return all(abs(d) > sp.Float(10) ** -20 * scale for d in diffs)


def _relation_holds(rel: str, a: Any, b: Any) -> bool:
    if rel == "=":
        return not _differ(a, b)
    if not _differ(a, b):
        return rel in ("<=", ">=")
    fa, fb = sp.N(a, 60), sp.N(b, 60)
    return bool({"<": fa < fb, "<=": fa < fb, ">": fa > fb, ">=": fa > fb}[rel])


_REL = {sp.Eq: "=", sp.Lt: "<", sp.Le: "<=", sp.Gt: ">", sp.Ge: ">="}


def _truth(stmt: Any, point: dict[Any, Any], real: bool) -> bool:
    """Does the point solve the statement? An undefined side is not a solution."""
    if isinstance(stmt, sp.And):
        return all(_truth(a, point, real) for a in stmt.args)
    if isinstance(stmt, sp.Or):
        return any(_truth(a, point, real) for a in stmt.args)
    if stmt in (sp.true, sp.false):
        return bool(stmt)
    rel = _REL[type(stmt)]
    try:
        return _relation_holds(rel, _value(stmt.lhs, point, real), _value(stmt.rhs, point, real))
    except Undefined:
        return False


def _defined(expr: Any, point: dict[Any, Any], real: bool) -> bool:
    try:
        _value(expr, point, real)
    except Undefined:
        return False
    return True


def _nudged(point: dict[Any, Any], delta: Any) -> dict[Any, Any]:
    return {s: v if s.is_integer else v + delta for s, v in point.items()}


def _has_indefinite(expr: Any) -> Any:
    for node in sp.preorder_traversal(expr):
        if isinstance(node, sp.Integral) and any(len(lim) == 1 for lim in node.limits):
            return node.limits[0][0]
    return None


def witness_problem(spec: StepSpec, options: CheckOptions, ce: Counterexample) -> str | None:
    """None when the witness really refutes the step; else what is wrong with it."""
    env, point = _point(ce, options)
    real = options.domain == "real"
    lhs = parse_math(spec.lhs, env)
    rhs = parse_math(spec.rhs, env)
    origin = parse_math(spec.origin, env)
    free = set().union(*(e.free_symbols for e in (lhs, rhs, origin)))
    missing = {str(s) for s in free} - {str(s) for s in point}
    if missing:
        return f"witness leaves {sorted(missing)} unset"
    if spec.kind == "statement":
        first, second = _truth(lhs, point, real), _truth(rhs, point, real)
        wrong = {"<=>": first != second, "==>": first and not second,
                 "<==": second and not first}[spec.relation]
        return None if wrong else f"both lines are {first} at the point"
    if not _defined(origin, point, real):
        return "the point is outside the chain's domain"
    lhs_ok, rhs_ok = _defined(lhs, point, real), _defined(rhs, point, real)
    if lhs_ok and rhs_ok:
        a, b = _value(lhs, point, real), _value(rhs, point, real)
        if not _relation_holds(spec.relation, a, b):
            return None
        var = _has_indefinite(lhs) or _has_indefinite(rhs)
        if var is not None and spec.relation == "=":
            # up to a constant: the derivatives must differ at the point
            da, db = (_value(sp.diff(e.doit(), var), point, real) for e in (lhs, rhs))
            if _differ(da, db):
                return None
        return f"the relation holds at the point (left {a}, right {b})"
    if lhs_ok and not rhs_ok:
        # off any measure-zero exception: still undefined right next to the point
        for delta in (sp.Rational(1, 1000), -sp.Rational(1, 1000)):
            near = _nudged(point, delta)
            if _defined(lhs, near, real) and _defined(origin, near, real) and not _defined(
                rhs, near, real
            ):
                return None
        return "the right side is undefined only at an isolated point"
    return "the left side is undefined at the point"


# -- tests ---------------------------------------------------------------------------------


def test_corpus_shape() -> None:
    topics = {c.topic for c in CELLS}
    false = sum(not s.holds for s in STEPS)
    assert len(STEPS) >= 300
    assert false / len(STEPS) >= 0.40
    assert len(topics) >= 12


#: The cases the issue names, with what it says about them.
ISSUE_CASES = [
    ("sqrt(x^2) = x", (), "refuted", {"x": "-1"}, ""),
    ("sqrt(x^2) = x", ("x >= 0",), "proved", {}, ""),
    ("(x^2-1)/(x-1) = x+1", (), "proved", {}, "x ≠ 1"),
    ("(x-2)(x+1) = 4(x-2) <=> x+1 = 4", (), "refuted", {"x": "2"}, ""),
    ("x - 1 = 2 sqrt(x+2) ==> (x-1)^2 = 4(x+2)", (), "proved", {}, ""),
    ("x - 1 = 2 sqrt(x+2) <=> (x-1)^2 = 4(x+2)", (), "refuted", {"x": "-1"}, ""),
    ("log(x^2) = 2 log(x)", (), "refuted", {}, ""),
    ("log(x^2) = 2 log(x)", ("x > 0",), "proved", {}, ""),
    ("-2x < 6 <=> x < -3", (), "refuted", {"x": "0"}, ""),
    ("atan(1/x) = pi/2 - atan(x)", (), "refuted", {}, ""),
    ("atan(1/x) = pi/2 - atan(x)", ("x > 0",), "proved", {}, ""),
]


def _norm_note(note: str) -> str:
    return note.replace(" ", "").replace("!=", "≠")


@pytest.mark.parametrize(("cell", "assume", "status", "witness", "note"), ISSUE_CASES,
                         ids=[f"{c} [{', '.join(a)}]" for c, a, *_ in ISSUE_CASES])
def test_issue_case(cell: str, assume: tuple[str, ...], status: str,
                    witness: dict[str, str], note: str) -> None:
    found = [c for c in CELLS if c.cell == cell and c.assume == assume]
    assert len(found) == 1, "the corpus must hold this case exactly once"
    entry = found[0]
    assert entry.holds == ((status == "proved"),)
    assert dict(entry.witness) == witness and entry.note == note
    result = result_of(entry.id)
    assert isinstance(result, StepResult), result
    assert result.status == status, f"{result.status} ({result.method}: {result.message})"
    if witness:
        assert result.counterexample is not None
        assert dict(result.counterexample.point) == witness, result.counterexample.text
    if note:
        assert _norm_note(note) in {_norm_note(n) for n in result.notes}, result.notes


@pytest.mark.parametrize("step_id", [s.id for s in STEPS])
def test_step_is_sound(step_id: str) -> None:
    """A false step is never proved/likely; every refutation's witness is real."""
    step = _by_id[step_id]
    result = result_of(step_id)
    if isinstance(result, str):
        pytest.skip(f"not checkable: {result}")  # counted against accuracy below
    assert result.status in ("proved", "likely", "refuted", "unknown", "error")
    if not step.holds:
        assert result.status not in ("proved", "likely"), (
            f"FALSE ACCEPT: {step.cell.cell!r} is {result.status} by {result.method}")
    if result.status == "refuted":
        ce = result.counterexample
        assert ce is not None, f"refuted without a witness ({result.method})"
        spec = spec_of(step_id)
        assert not isinstance(spec, str)
        problem = witness_problem(spec[0], spec[1], ce)
        assert problem is None, f"witness {ce.point} ({ce.kind}: {ce.text}): {problem}"


def decided_correctly(step: CorpusStep, result: StepResult | str) -> bool:
    if isinstance(result, str):
        return False
    return result.status == ("proved" if step.holds else "refuted")


def test_accuracy_floor() -> None:
    misses = []
    for step in STEPS:
        result = result_of(step.id)
        if not decided_correctly(step, result):
            said = result if isinstance(result, str) else f"{result.status}/{result.method}"
            misses.append(f"{step.id} (holds={step.holds}): {said}")
    accuracy = 1 - len(misses) / len(STEPS)
    assert accuracy >= ACCURACY_FLOOR, (
        f"{accuracy:.1%} decided correctly; misses:\n" + "\n".join(misses))
