"""Steps about unknown functions (``assume f function``): proofs for every f, refutations by one.

A step that mentions an unknown function ``f`` claims something for EVERY function f
(differentiable wherever it is differentiated). Three tiers, in order:

1. a proof of the *generalized* step: after derivatives are written out (product and chain
   rules), every value ``f(x)``, ``f'(x)``, ``f'(x^2)`` becomes an independent variable (real
   in real mode). A proof for all values of those variables is a proof for every f, since
   each function only picks some of the values (``f(x)^2 >= 0``, the product rule);
2. when f sits under an integral or a limit (its values there are not independent), the
   ordinary decision with f uninterpreted (equalities and statements only);
3. refutation by instances: ``f`` is replaced by concrete functions (``t``, ``t^2 + 1``,
   ``e^t``..., or the constant that refutes the generalized step), derivatives and integrals
   are then computed by the ordinary engine, and the ordinary refutation search runs. A
   witness names the function: ``f(t) = t^2 + 1, x = 0: left side 1, right side 2``.
   Instances never prove a step; when all of them agree the step is only ``likely``, with a
   message that says it was checked on sample functions.
"""

from __future__ import annotations

import dataclasses
import time
from collections.abc import Callable, Sequence

import sympy as sp
from sympy import Basic, Symbol
from sympy.core.function import AppliedUndef, UndefinedFunction

from .decide import Outcome, decide, no_real_part
from .implicit import decide_implicit
from .model import Counterexample
from .numeric import step_seed
from .usertext import user_text

#: Share of the remaining time the generalized proof and the uninterpreted decision may use.
GENERAL_SHARE = 0.35
FIRST_SHARE = 0.35
#: Instances that must agree (each proved or likely) before the step is called ``likely``.
MIN_INSTANCES = 4

_T = sp.Symbol("t", real=True)
_S = sp.Symbol("s", real=True)
_R = sp.Symbol("r", real=True)
#: One-variable sample functions, cheapest first: polynomials of several shapes and
#: transcendental ones, so that no common functional equation (additive, even, odd,
#: multiplicative) holds for all of them.
_UNARY: tuple[Basic, ...] = (
    _T, _T**2 + 1, _T**3 - _T, sp.exp(_T), 2 * _T - 1, sp.sin(_T), 1 / (_T**2 + 1),
    _T**2 - 2 * _T,
)
#: Bodies that are reals only in the real domain (all of the above are entire or smooth on R).
_ORDER = ("<", "<=", ">", ">=")
_CALC = (sp.Integral, sp.Sum, sp.Product, sp.Limit)


def undefined_functions(*exprs: Basic) -> tuple[UndefinedFunction, ...]:
    """The declared unknown functions applied in ``exprs``, sorted by name."""
    found: dict[str, UndefinedFunction] = {}
    for e in exprs:
        if isinstance(e, Basic):
            for call in e.atoms(AppliedUndef):
                found.setdefault(str(call.func), call.func)
    return tuple(found[k] for k in sorted(found))


def has_undefined(*exprs: Basic) -> bool:
    """True when a step applies an unknown function (only then does this module run)."""
    return any(isinstance(e, Basic) and bool(e.atoms(AppliedUndef)) for e in exprs)


def decide_functions(
    relation: str,
    lhs: Basic,
    rhs: Basic,
    origin: Basic,
    *,
    conditions: tuple[Basic, ...] = (),
    real: bool = True,
    seed: int = 0,
    texts: Sequence[str] = (),
    deadline: float | None = None,
    written: tuple[Basic, Basic, Basic] | None = None,
) -> Outcome:
    """Decide a step that applies unknown functions (same contract as :func:`decide`)."""
    if deadline is None:
        deadline = time.monotonic() + 6.0
    call = dict(conditions=conditions, real=real, seed=seed, texts=texts)
    sides = (lhs, rhs, origin)
    raw = written or sides
    if real and (no_real_part(raw[0]) is not None or no_real_part(raw[1]) is not None):
        # f(x) sqrt(-2) = sqrt(-2) f(x): a side undefined everywhere, whatever f is
        return decide(relation, *sides, deadline=deadline, written=raw,
                      **call)  # type: ignore[arg-type]
    implicit = decide_implicit(relation, lhs, rhs, origin, conditions=conditions, real=real,
                               deadline=deadline, written=written)
    if implicit is not None:
        return implicit
    general, constants, applicable = _generalized(
        relation, sides, raw, conditions, real, seed, texts, _share(deadline, GENERAL_SHARE))
    if general is not None:
        return general
    first: Outcome | None = None
    if not applicable and relation not in _ORDER:
        # f under an integral or a limit: SymPy may still prove the step with f uninterpreted
        # (an inequality is left out: SymPy's solvers loop on the sign of exp(f(x))).
        first = decide(relation, *sides, deadline=_share(deadline, FIRST_SHARE), written=raw,
                       **call)  # type: ignore[arg-type]
        if first.status in ("proved", "refuted", "error"):
            return first
    used_seed = step_seed(seed, *texts) if texts else seed
    found = _instances(relation, sides, raw, conditions, real, seed, texts, deadline, used_seed,
                       constants)
    if found is not None:
        return found
    return first or Outcome("unknown", "none", seed=used_seed, message=(
        "no proof for every function f found, and no sample function refutes the step"))


def _share(deadline: float, share: float) -> float:
    now = time.monotonic()
    return now + max(0.0, deadline - now) * share


# --- tier 2: every value of f an independent variable -------------------------------------


Bodies = dict[UndefinedFunction, Basic]


def _generalized(
    relation: str, sides: tuple[Basic, Basic, Basic], raw: tuple[Basic, Basic, Basic],
    conditions: tuple[Basic, ...], real: bool, seed: int, texts: Sequence[str],
    deadline: float,
) -> tuple[Outcome | None, Bodies | None, bool]:
    """The step proved with each value of an unknown function a free variable; else None
    and, when the generalized step is refuted by values that one constant function per f
    can take, those constant functions (to be confirmed as an instance). The flag says
    whether the step could be generalized (every f applied outside integrals and limits)."""
    exprs = [_evaluated(e) for e in (*sides, *raw, *conditions)]
    values: dict[Basic, Symbol] = {}
    for e in exprs:
        _collect_values(e, values, real)
    if not values or any(_bound_inside(e) for e in exprs):
        return None, None, False  # f under an integral: its values are not independent
    general = [e.xreplace(values) for e in exprs]
    if any(has_undefined(e) for e in general):
        return None, None, False
    outcome = decide(relation, *general[:3], conditions=tuple(general[6:]), real=real,
                     seed=seed, texts=texts, deadline=deadline,
                     written=(general[3], general[4], general[5]))
    if outcome.status == "proved":
        names = ", ".join(sorted(s.name for s in values.values()))
        return dataclasses.replace(outcome, message=f"proved for every value of {names}"), \
            None, True
    if outcome.status == "refuted" and outcome.counterexample is not None:
        return None, _constants(values, dict(outcome.counterexample.point)), True
    return None, None, True


def _constants(values: dict[Basic, Symbol], point: dict[str, str]) -> Bodies | None:
    """Constant functions taking the witness's values of f: only when each f has one value
    in the step (f(x) but not also f(2x)), no derivative, and the value is rational."""
    found: Bodies = {}
    for atom, symbol in values.items():
        if not isinstance(atom, AppliedUndef):
            return None  # a derivative: a constant function would only make it 0
        if atom.func in found or symbol.name not in point:
            return None
        try:
            found[atom.func] = sp.Rational(point[symbol.name])
        except (TypeError, ValueError):
            return None
    return found or None


def _bound_inside(expr: Basic) -> bool:
    """True when an unknown function is applied under an integral, sum, limit or a
    derivative that is not a value of f (``f(x)`` in ``∫ f(x) dx`` is not one value)."""
    if _is_value(expr):
        return False
    if isinstance(expr, (*_CALC, sp.Derivative, sp.Subs, sp.Lambda)) and has_undefined(expr):
        return True
    return any(_bound_inside(a) for a in expr.args)


def _evaluated(expr: Basic) -> Basic:
    """Derivatives of unknown functions written out (product and chain rules applied)."""
    if not expr.has(sp.Derivative):
        return expr
    try:
        done = expr.doit(deep=True)
    except (NotImplementedError, TypeError, ValueError, AttributeError):
        return expr
    return done if isinstance(done, Basic) else expr


def _collect_values(expr: Basic, values: dict[Basic, Symbol], real: bool) -> None:
    """Map each value of an unknown function (``f(x)``, ``f'(x)``, ``f'(x^2)``) in ``expr``
    to a variable named as the student writes it."""
    if _is_value(expr):
        if expr not in values:
            name = _name(expr)
            taken = {s.name for s in values.values()}
            while name in taken:
                name += "_"
            values[expr] = sp.Symbol(name, real=True) if real else sp.Symbol(name)
        return
    for arg in expr.args:
        _collect_values(arg, values, real)


def _is_value(expr: Basic) -> bool:
    if isinstance(expr, AppliedUndef):
        return True
    if isinstance(expr, sp.Derivative):
        return isinstance(expr.expr, AppliedUndef)
    if isinstance(expr, sp.Subs):
        return _is_value(expr.expr) and not isinstance(expr.expr, AppliedUndef)
    return False


def _name(expr: Basic) -> str:
    if isinstance(expr, AppliedUndef):
        return user_text(expr)
    if isinstance(expr, sp.Derivative):
        call = expr.expr
        if len(call.args) == 1 and len(expr.variable_count) == 1 \
                and call.args[0] == expr.variable_count[0][0]:
            order = int(expr.variable_count[0][1])
            return f"{call.func}{chr(39) * order}({user_text(call.args[0])})"
        return f"diff({user_text(call)}, {', '.join(user_text(v) for v in expr.variables)})"
    if isinstance(expr, sp.Subs):
        derivative = expr.expr
        inner = derivative.expr.xreplace(dict(zip(expr.variables, expr.point, strict=True)))
        if isinstance(inner, AppliedUndef) and len(inner.args) == 1:  # f'(u) at u = x^2
            order = sum(int(c) for _, c in derivative.variable_count)
            return f"{inner.func}{chr(39) * order}({', '.join(user_text(a) for a in inner.args)})"
    return user_text(expr)


# --- tier 3: concrete functions -----------------------------------------------------------


def _instances(
    relation: str, sides: tuple[Basic, Basic, Basic], raw: tuple[Basic, Basic, Basic],
    conditions: tuple[Basic, ...], real: bool, seed: int, texts: Sequence[str],
    deadline: float, used_seed: int, constants: Bodies | None = None,
) -> Outcome | None:
    """A refutation by a concrete function (or functions), or ``likely`` when every sample
    function satisfies the step; None when too few instances could be checked."""
    functions = undefined_functions(*sides, *raw)
    arities = _arities(functions, (*sides, *raw))
    if arities is None:
        return None
    agreeing: list[str] = []
    candidates = [{f: _body(k + j, arities[f]) for j, f in enumerate(functions)}
                  for k in range(len(_UNARY))]
    if constants is not None:
        candidates.insert(0, {f: constants.get(f, sp.S.Zero) for f in functions})
    total = len(candidates)
    for k, bodies in enumerate(candidates):
        now = time.monotonic()
        if now >= deadline:
            break
        put = _substitution(bodies, arities)
        if not _conditions_hold(conditions, put):
            continue
        step_deadline = now + (deadline - now) / (total - k)
        try:
            outcome = decide(
                relation, *(put(e) for e in sides),
                conditions=tuple(put(c) for c in conditions), real=real, seed=seed,
                texts=texts, deadline=step_deadline, written=tuple(put(e) for e in raw),
            )
        except (NotImplementedError, TypeError, ValueError, AttributeError, RecursionError):
            continue
        if outcome.status == "refuted" and outcome.counterexample is not None:
            return dataclasses.replace(
                outcome, method="counterexample",
                counterexample=_named(outcome.counterexample, bodies, arities))
        if outcome.status in ("proved", "likely"):
            agreeing.append("; ".join(_shown(f, bodies[f], arities[f]) for f in functions))
    if len(agreeing) < MIN_INSTANCES:
        return None
    return Outcome(
        "likely", "numeric", flags=("numeric-only",), seed=used_seed,
        message=(f"no proof for every function; checked on {len(agreeing)} sample functions "
                 f"only ({', '.join(agreeing[:3])}, ...)"),
    )


def _arities(functions: Sequence[UndefinedFunction], exprs: Sequence[Basic]) -> \
        dict[UndefinedFunction, int] | None:
    arity: dict[UndefinedFunction, int] = {}
    for e in exprs:
        for call in e.atoms(AppliedUndef):
            if arity.setdefault(call.func, len(call.args)) != len(call.args) \
                    or len(call.args) > 3:
                return None
    return {f: arity[f] for f in functions}


def _variables(arity: int) -> tuple[Symbol, ...]:
    return ((_T,), (_S, _T), (_R, _S, _T))[arity - 1]


def _body(k: int, arity: int) -> Basic:
    """The k-th sample function of ``arity`` variables: for several variables a sum of
    different one-variable samples plus their product (so no variable is ignored)."""
    if arity == 1:
        return _UNARY[k % len(_UNARY)]
    names = _variables(arity)
    parts = [_UNARY[(k + i) % len(_UNARY)].xreplace({_T: v}) for i, v in enumerate(names)]
    return sp.Add(*parts) + sp.Mul(*names)


def _substitution(bodies: dict[UndefinedFunction, Basic], arities: dict[UndefinedFunction, int]
                  ) -> Callable[[Basic], Basic]:
    lambdas = {f: sp.Lambda(_variables(arities[f]), b) for f, b in bodies.items()}

    def put(expr: Basic) -> Basic:
        if not has_undefined(expr):
            return expr
        return expr.replace(
            lambda n: isinstance(n, AppliedUndef) and n.func in lambdas,
            lambda n: lambdas[n.func](*n.args),
        )

    return put


def _conditions_hold(conditions: Sequence[Basic], put: Callable[[Basic], Basic]) -> bool:
    """An assumption about f (``f(0) = 1``) must hold for the instance, for sure: a closed
    one evaluates to true; one with free variables (read as 'for every x') is not checked,
    so the instance is not used."""
    for c in conditions:
        if not has_undefined(c):
            continue
        value = put(c)
        if value.free_symbols:
            return False
        try:
            value = value.doit() if value.has(*_CALC, sp.Derivative) else value
        except (NotImplementedError, TypeError, ValueError, AttributeError):
            return False
        if value is not sp.true:
            return False
    return True


def _shown(function: UndefinedFunction, body: Basic, arity: int) -> str:
    names = ", ".join(v.name for v in _variables(arity))
    return f"{function}({names}) = {user_text(body)}"


def _named(found: Counterexample, bodies: dict[UndefinedFunction, Basic],
           arities: dict[UndefinedFunction, int]) -> Counterexample:
    """The witness with the functions it uses first: ``f(t) = t^2 + 1, x = 1: ...``."""
    entries = tuple(
        (f"{f}({', '.join(v.name for v in _variables(arities[f]))})", sp.sstr(body))
        for f, body in bodies.items()
    )
    shown = ", ".join(_shown(f, b, arities[f]) for f, b in bodies.items())
    text = f"{shown}, {found.text}" if found.point else f"{shown}: {found.text}"
    return dataclasses.replace(found, point=entries + found.point, text=text)
