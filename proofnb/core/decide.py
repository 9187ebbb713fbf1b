"""The tiered decision on parsed SymPy objects (DESIGN §3), shared by every entry point.

Order: fast exact refutation at a few points, cheap normal forms, targeted rewrites, heavy
simplify, then more points for ``likely``. A proof of ``A = B`` also needs B defined
wherever A is (up to isolated points), which :func:`domain_covered` establishes.
"""

from __future__ import annotations

import dataclasses
import time
from collections.abc import Sequence
from dataclasses import dataclass

import sympy as sp
from sympy import Basic, Expr, Symbol
from sympy.functions.elementary.trigonometric import TrigonometricFunction

from .antiderivative import as_antiderivative, decide_antiderivative
from .branches import prove_by_branches
from .complexparts import prove_order_by_parts
from .constants import decide_constant
from .degenerate import degenerate_points
from .domain import Condition, conditions, excluded_points, note_for, notes_for
from .equalities import (
    Branch,
    branch_witness,
    complete_witness,
    eliminate,
    proved_in_ideal,
    root_branches,
    square_branches,
)
from .equations import StatementAnalysis, same_polynomial, same_up_to_factor
from .existential import existential_symbols
from .families import ParameterLines, prove_one_period
from .guarded import decide_guarded, guarded, unguard
from .induction import prove_by_induction
from .inequality import prove_nonnegative, touch_points
from .infinite import decide_infinite_side
from .kinks import undefined_kinks
from .model import Counterexample, Status
from .numeric import (
    UNDEFINED,
    Point,
    anchors_from,
    evaluate,
    is_integer_symbol,
    neighbours,
    specials_from,
    step_seed,
)
from .orders import Reparam, bounds_of, prove_by_bounds, reparametrize
from .parametric import prove_parametric
from .prove import (
    ProofFound,
    assumption_interval,
    is_rational_function,
    prove_by_derivative,
    prove_cheap,
    prove_heavy,
    prove_inequality,
    prove_targeted,
    rescale_angles,
    shifted,
    unwrap_inverses,
)
from .residues import prove_by_residues
from .screen import screen_for
from .series import from_minus_infinity, is_infinite_sum, settle_piecewise
from .solvedform import prove_from_solved_premise
from .squaring import prove_by_elimination, prove_by_squaring, prove_by_squaring_premise
from .subject import prove_by_subject
from .substitution import prove_by_substitution
from .systems import eliminate_parameters, prove_by_systems
from .usertext import user_text
from .witness import (
    Problem,
    in_setting,
    probe_boundaries,
    probe_expressions,
    probe_off_axis,
    probe_statements,
    probe_tiny,
    signed_infinity,
)

#: Points tried before the symbolic tiers, and in total.
QUICK_POINTS = 6
MORE_POINTS = 28
#: In-domain points that must agree before a step is called ``likely``.
MIN_AGREEING = 8
#: Seconds the sample-point search may run after provers used up the soft deadline.
PROBE_GRACE = 0.25
#: The same for the complex-mode points off the real axis (about 50, mostly cheap).
OFF_AXIS_GRACE = 1.0

_CALC = (sp.Derivative, sp.Integral, sp.Limit, sp.Sum, sp.Product)


@dataclass(frozen=True)
class Outcome:
    """The decision on one step (the parts of a StepResult that the checker decides)."""

    status: Status
    method: str = ""
    counterexample: Counterexample | None = None
    notes: tuple[str, ...] = ()
    flags: tuple[str, ...] = ()
    message: str = ""
    seed: int | None = None


def _doit(
    expr: Basic, deadline: float, conds: tuple[Basic, ...] = (), real: bool = True
) -> Basic:
    """Evaluate derivatives, integrals, limits and sums where SymPy can (a closed form
    with conditions only where the declared region settles them)."""
    if not expr.has(*_CALC) or time.monotonic() > deadline:
        return expr
    try:
        done = from_minus_infinity(expr)
        if done.has(sp.Limit):
            done = done.replace(lambda n: isinstance(n, sp.Limit),
                                lambda n: _limit_value(n, real))
        done = done.doit(deep=True)
        done = settle_piecewise(done, conds, real)
    except (NotImplementedError, TypeError, ValueError, RecursionError, AttributeError):
        return expr
    if isinstance(done, Basic) and done.has(sp.AccumBounds):
        # int_0^oo sin x dx is AccumBounds(0, 2) to SymPy: it does not exist, as an
        # oscillating limit does not (it was proved '< oo' and refuted '= 1' at no point)
        return sp.nan
    if isinstance(done, Basic) and not done.has(sp.Piecewise):
        return _kinks_undefined(expr, done)
    return expr


def _doit_all(
    exprs: tuple[Basic, ...], deadline: float, conds: tuple[Basic, ...], real: bool
) -> tuple[Basic, ...]:
    """:func:`_doit` once per distinct object: the origin is often the left side, and the
    as-written form of a derivative or integral is often the evaluated one."""
    done: dict[Basic, Basic] = {}
    for e in exprs:
        if e not in done:
            done[e] = _doit(e, deadline, conds, real)
    return tuple(done[e] for e in exprs)


def _limit_value(limit: sp.Limit, real: bool = True) -> Basic:
    """The limit, or nan (undefined) when it does not exist: the one-sided limits differ
    (SymPy raises), the values oscillate (SymPy answers with bounds, ``sin(1/x)`` at 0), or,
    in real mode, a one-sided limit approaches from a side where the expression has no real
    values (SymPy's limit of sqrt(x) as x -> 0^- is 0, through complex values)."""
    if real and no_real_side(limit) is not None:
        return sp.nan
    body = limit.args[0]
    if body.has(sp.factorial, sp.gamma, sp.binomial):  # ratio tests: (n + 1)!/n! is n + 1
        limit = sp.Limit(sp.gammasimp(body), limit.args[1], limit.args[2],
                         dir=str(limit.args[3]))
    try:
        value = limit.doit(deep=True)
    except ValueError as exc:
        if "does not exist" in str(exc):
            return sp.nan
        raise
    if isinstance(value, Basic) and (value.has(sp.AccumBounds) or value is sp.zoo):
        return sp.nan  # oscillates, or +oo on one side and -oo on the other
    return value


def no_real_side(limit: sp.Limit) -> str | None:
    """``"left"`` or ``"right"`` when a one-sided limit at a real point approaches from a
    side where its expression has no real values (undefined at a - 10^-3, a - 10^-6 and
    a - 10^-9 from the left: ``sqrt(x)`` and ``ln(x)`` left of 0, ``arcsin(x)`` right of 1);
    else None."""
    body, var, point, direction = limit.args
    if str(direction) not in ("+", "-") or not isinstance(point, Expr) \
            or not point.is_number or point.is_real is not True or point.is_finite is not True \
            or not isinstance(var, Symbol) or body.free_symbols - {var}:
        return None
    sign = 1 if str(direction) == "+" else -1
    for k in (3, 6, 9):
        near = point + sign * sp.Rational(1, 10 ** k)
        if evaluate(body, {var: near}, real=True) is not UNDEFINED:
            return None
    return "right" if sign > 0 else "left"


def _kinks_undefined(before: Basic, done: Basic) -> Basic:
    """``sign(u)`` that differentiation produced (d|u|/du) becomes ``u/|u|`` where the
    derivative does not exist at ``u = 0`` (no point there may serve as a witness), and stays
    where it does (``d/dx (x |x|)`` is 0 at 0): :func:`proofnb.core.kinks.undefined_kinks`."""
    if not before.has(sp.Derivative):
        return done
    return undefined_kinks(done, {s for s in done.atoms(sp.sign) if not before.has(s)})


def _natural_guards(written: tuple[Basic, ...], real: bool) -> tuple[Basic, ...]:
    """Where each side as written is defined, for sides with a derivative, integral, limit
    or sum that evaluation replaces: ``d/dx ln x`` becomes ``1/x``, defined at -1, but the
    step speaks only of x > 0, and a witness must lie there. Bound variables (the ``t`` of
    an integral from 1 to x) are left out."""
    out: list[Basic] = []
    for side in written:
        if not side.has(*_CALC):
            continue
        free = side.free_symbols
        for cond in conditions(side, real=real):
            if not cond.expr.free_symbols or not cond.expr.free_symbols <= free:
                continue
            guard = sp.Ge(cond.expr, 0) if cond.kind == "ge" else sp.Ne(cond.expr, 0)
            if isinstance(guard, sp.core.relational.Relational) and guard not in out:
                out.append(guard)
        if real:
            for guard in _range_guards(side, free):
                if guard not in out:
                    out.append(guard)
    return tuple(out)


def _range_guards(side: Basic, free: set[Basic]) -> list[Basic]:
    """``\\sum_{k=a}^{n}`` speaks of n >= a - 1 (an empty sum at n = a - 1): below that
    SymPy's convention (the sum from 3 to 0 is minus the term at 1 and 2) is no value a
    reader gives it, so no witness lies there (``\\sum_{k=3}^{n} k = 0`` was refuted at
    n = 0 with 'left side -3')."""
    out: list[Basic] = []
    for node in side.atoms(sp.Sum, sp.Product):
        for limit in node.limits:
            if len(limit) != 3:
                continue
            _, low, high = limit
            gap = sp.expand(high - low + 1)
            if gap.is_number or not gap.free_symbols <= free or gap.has(sp.oo, -sp.oo, sp.zoo):
                continue
            guard = sp.Ge(gap, 0)
            if isinstance(guard, sp.core.relational.Relational) and guard not in out:
                out.append(guard)
    return out


def _symbols(*exprs: Basic) -> tuple[Symbol, ...]:
    found: set[Symbol] = set()
    for e in exprs:
        found |= {s for s in e.free_symbols if isinstance(s, Symbol)}
    return tuple(sorted(found, key=lambda s: s.name))


def _problem(
    relation: str, lhs: Basic, rhs: Basic, origin: Basic, conds: Sequence[Basic], real: bool,
    seed: int,
) -> Problem:
    symbols = _symbols(origin, lhs, rhs, *conds)
    context = (origin, lhs, rhs)
    ge = [c.expr for e in context for c in conditions(e, real=real) if c.kind == "ge"]
    anchor_src: list[Basic] = [*conds, *ge]
    anchors = anchors_from(anchor_src, symbols)
    integer = frozenset(s for s in symbols if is_integer_symbol(s, context))
    bounds = bounds_of(conds) if real else []
    return Problem(
        relation=relation, lhs=lhs, rhs=rhs, origin=origin, symbols=symbols, real=real,
        conditions=tuple(conds), integer=integer,
        anchors=tuple((s, tuple(v)) for s, v in anchors.items()), seed=seed,
        reparam=reparametrize(bounds, [s for s in symbols if s not in integer]) if bounds
        else None,
        specials=tuple(specials_from(context, [s for s in symbols if s not in integer]).items())
        if real else (),
    )


def decide(
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
    """Decide one step on SymPy objects (sides, the chain's origin, declared conditions).

    ``written`` holds the same three objects unevaluated, as the user wrote them: domains
    and point values come from it (``sqrt(x)*sqrt(x)`` is undefined at -1), proofs from
    the evaluated forms.
    """
    lhs, rhs, origin = (sp.sympify(e) for e in (lhs, rhs, origin))
    if relation == "≡" or relation in ("<=>", "==>", "<==") and (
            lhs.has(sp.Mod) or rhs.has(sp.Mod)):
        # Congruences, divisibility, mod over the integers: an exact residue check.
        from .congruence import decide_congruence, decide_modular_statement
        if deadline is None:
            deadline = time.monotonic() + 6.0
        if relation == "≡":
            return decide_congruence(lhs, rhs, conditions, deadline)
        settled = decide_modular_statement(relation, lhs, rhs, conditions, deadline)
        if settled is not None:
            return settled
    raw_lhs, raw_rhs, raw_origin = written or (lhs, rhs, origin)
    conditions = _about_the_step(conditions, (lhs, rhs, origin, raw_lhs, raw_rhs, raw_origin))
    if deadline is None:
        deadline = time.monotonic() + 6.0
    elimination = eliminate(conditions, (lhs, rhs, origin, raw_lhs, raw_rhs, raw_origin)) \
        if real and conditions else None
    if elimination is not None:
        # assume a + b = 1: decide the step with b = 1 - a (sample points would miss the
        # constraint), then give the witness its value of b.
        put = {elimination.var: elimination.value}
        outcome = decide(
            relation, *(e.xreplace(put) for e in (lhs, rhs, origin)),
            conditions=elimination.conditions, real=real, seed=seed, texts=texts,
            deadline=deadline,
            written=tuple(e.xreplace(put) for e in (raw_lhs, raw_rhs, raw_origin)),
        )
        if outcome.counterexample is None:
            return outcome
        return dataclasses.replace(
            outcome, counterexample=complete_witness(outcome.counterexample, elimination))
    equalities = bool(conditions) and any(isinstance(c, sp.Eq) for c in conditions)
    branches = root_branches(conditions, (lhs, rhs, origin, raw_lhs, raw_rhs, raw_origin)) \
        if real and equalities else None
    if not branches and real and equalities and relation in (
            "=", "<", "<=", ">", ">=", "<=>", "==>", "<=="):
        # assume x^2 + y^2 = 2: decide on y = sqrt(2 - x^2) and on y = -sqrt(2 - x^2) (also
        # '=' and statements: x^4 + y^4 = 1 on the unit circle was 'unknown, only 4 points',
        # round 53)
        branches = square_branches(conditions, (lhs, rhs, origin, raw_lhs, raw_rhs, raw_origin))
    if branches:
        # assume r + s = 5, r s = 6 (r (5 - r) = 6 once s is gone): decide on each root.
        on_root = _on_branches(branches, relation, (lhs, rhs, origin),
                               (raw_lhs, raw_rhs, raw_origin), real, seed, texts, deadline)
        if on_root is not None:
            return on_root
    if real and relation in ("=", "<", "<=", ">", ">=") and any(
            c.has(sp.Abs) for c in conditions if isinstance(c, Basic)):
        # assume |c| <= |z|, |z| >= 3: decided on each sign of c and z (bounds there)
        from .abscases import decide_by_signs
        by_signs = decide_by_signs(
            (lhs, rhs, origin), (raw_lhs, raw_rhs, raw_origin), conditions,
            lambda step, raw, conds: decide(
                relation, *step, conditions=conds, real=real, seed=seed, texts=texts,
                deadline=deadline, written=(raw[0], raw[1], raw[2])))
        if by_signs is not None:
            return by_signs
    if equalities and relation == "=" and proved_in_ideal(raw_lhs, raw_rhs, conditions):
        return Outcome("proved", "equality-ideal")
    used_seed = step_seed(seed, *(texts or (sp.srepr(origin), sp.srepr(lhs), sp.srepr(rhs))))
    letters = frozenset(_symbols(lhs, rhs, origin, raw_lhs, raw_rhs, raw_origin))  # as written
    if relation in ("<=>", "==>", "<=="):
        # d/dx (x^2 - 4x) = 0 <=> x = 2: the statements' derivatives, integrals... evaluated.
        lhs, rhs, origin, raw_lhs, raw_rhs, raw_origin = _doit_all(
            (lhs, rhs, origin, raw_lhs, raw_rhs, raw_origin), deadline, conditions, real)
        projected = eliminate_parameters(lhs, rhs, raw_lhs, raw_rhs, conditions)
        if projected is not None:  # x + y = 1 <=> x = 1 - t and y = t: "for some t"
            lhs, rhs, raw_lhs, raw_rhs = projected
        return _decide_statement(relation, lhs, rhs, origin, conditions, real, used_seed,
                                 deadline, (raw_lhs, raw_rhs, raw_origin), letters)
    # x sqrt(-2) = sqrt(-2) x in real mode: a constant part with no real value leaves the
    # side undefined everywhere, so nothing holds about it (as for sqrt(-2) = 1 alone)
    gaps = (no_real_part(raw_lhs), no_real_part(raw_rhs)) if real else (None, None)
    if gaps[0] is not None:
        return _undefined_everywhere("left", raw_lhs, gaps[0], texts)
    anti = as_antiderivative(lhs, rhs, raw_lhs, raw_rhs) \
        if relation == "=" and gaps[1] is None else None
    if anti is not None:
        return decide_antiderivative(anti, conditions=conditions, real=real, seed=seed,
                                     texts=texts, deadline=deadline)
    unevaluated = (raw_lhs, raw_rhs)
    guards = _natural_guards((raw_lhs, raw_rhs, raw_origin), real)
    lhs, rhs, origin, raw_lhs, raw_rhs, raw_origin = _doit_all(
        (lhs, rhs, origin, raw_lhs, raw_rhs, raw_origin), deadline, conditions, real)
    if not all(isinstance(e, Expr) for e in (lhs, rhs, origin, raw_lhs, raw_rhs, raw_origin)):
        return Outcome("error", "parse", message=f"'{relation}' needs expressions on both sides")
    problem = dataclasses.replace(
        _problem(relation, raw_lhs, raw_rhs, raw_origin, conditions, real, used_seed),
        letters=letters, guards=guards)
    bounds = frozenset(s for s in problem.symbols if is_integer_symbol(s, unevaluated))
    if bounds - problem.integer:  # a sum's bound n, its sum evaluated: n is still a count
        problem = dataclasses.replace(problem, integer=problem.integer | bounds)
    if gaps[1] is not None:  # x = x + ln(-1) - ln(-1): refuted where the left is defined
        probe = probe_expressions(problem, QUICK_POINTS, deadline)
        if probe.counterexample:
            return Outcome("refuted", "counterexample", probe.counterexample, seed=used_seed)
        return _undefined_everywhere("right", raw_rhs, gaps[1], texts)
    if real and (signed_infinity(lhs) or signed_infinity(rhs)):  # sum 1/n^2 < oo: finite
        infinite = decide_infinite_side(problem, lhs, rhs, deadline)
        if infinite is not None:
            status, witness = infinite
            return Outcome(status, "extended-reals" if witness is None else "counterexample",
                           witness, seed=used_seed if witness else None)
    rational = all(is_rational_function(e) for e in (lhs, rhs, raw_lhs, raw_rhs))
    if relation == "=" and rational:
        # Rational functions: only isolated exceptions, so a normal form decides at once.
        quick = prove_cheap(lhs, rhs)
        if quick:
            notes = domain_notes(problem, ())
            return Outcome("proved", quick.method, notes=notes,
                           flags=("domain",) if notes else ())
    screen = screen_for(relation, raw_lhs, raw_rhs, raw_origin, conditions, real)
    probe = probe_expressions(problem, QUICK_POINTS, deadline, screen=screen)
    if probe.counterexample:
        return Outcome("refuted", "counterexample", probe.counterexample, seed=used_seed)
    if not problem.symbols and (raw_lhs.has(sp.Mod) or raw_rhs.has(sp.Mod)):
        from .congruence import decide_modular_expression  # 7^2023 mod 10 = 3, exactly
        settled = decide_modular_expression(relation, lhs, rhs, conditions, deadline)
        if settled is not None:
            return settled
    settled = decide_constant(problem, deadline) if not problem.symbols else None
    if settled is not None:
        return settled
    if not problem.symbols and real:
        undefined = _undefined_side(problem, texts)
        if undefined is not None:
            return undefined
    refined = _sign_refinement(problem)
    if real and (lhs.has(sp.Max, sp.Min) or rhs.has(sp.Max, sp.Min)):
        # max(a, b) = (a + b + |a - b|)/2 exactly: the |.| provers then split the cases.
        lhs, rhs = lhs.rewrite(sp.Abs), rhs.rewrite(sp.Abs)
    proof = _prove_expressions(dataclasses.replace(problem, lhs=lhs, rhs=rhs), deadline, refined)
    if proof is None and time.monotonic() < deadline:
        proof = prove_by_residues(relation, lhs, rhs, problem.integer, real, deadline)
    if proof is None and relation == "=" and any(side.has(sp.Sum, sp.Product)
                                                 for side in unevaluated) \
            and time.monotonic() < deadline:  # a closed form split at x = 1 (geometric sum)
        proof = prove_by_branches(*unevaluated, conditions, real, deadline, _proved)
    if proof is None and not real and relation != "=" and time.monotonic() < deadline:
        proof = prove_order_by_parts(dataclasses.replace(problem, lhs=lhs, rhs=rhs), deadline)
    if proof is None and real and relation != "=" and problem.integer \
            and time.monotonic() < deadline:
        sums = any(side.has(sp.Sum) for side in unevaluated)  # as written: S(n + 1) - S(n)
        proof = prove_by_induction(relation, *(unevaluated if sums else (lhs, rhs)),
                                   conditions, deadline, _proved)
    if proof is None and real and relation != "=" and problem.integer \
            and time.monotonic() < deadline:  # n < 3 ==> n <= 2; n^2 >= n fails on (0, 1)
        from .intbounds import prove_over_integers
        proof = prove_over_integers(relation, lhs, rhs, problem.conditions, problem.integer,
                                    deadline)
    covered = domain_covered(problem, refined) if proof else True
    if proof and covered:
        notes = domain_notes(problem, probe.isolated)
        flags = (["domain"] if notes else []) + (["big-step"] if proof.heavy else [])
        return Outcome("proved", proof.method, notes=notes, flags=tuple(flags))
    # An inequality left open: also try where the difference has a critical point.
    late = time.monotonic() > deadline
    touch = touch_points(lhs, rhs, problem.symbols) if relation != "=" and real and not late \
        else []
    # A prover may overrun the soft deadline (solveset cannot be interrupted): the exact
    # search at the sample points is cheap and still gets its moment, or a step false at
    # x = 3 stays 'unknown' with 0 points evaluated (round 46).
    more = probe_expressions(problem, MORE_POINTS,
                             max(deadline, time.monotonic() + PROBE_GRACE), extra=touch)
    if more.counterexample:
        return Outcome("refuted", "counterexample", more.counterexample, seed=used_seed)
    edge = probe_boundaries(problem, deadline) \
        if max(probe.agreeing, more.agreeing) >= MIN_AGREEING else None
    if edge:  # consistent so far: try the thin sets that sampling misses before 'likely'
        return Outcome("refuted", "counterexample", edge, seed=used_seed)
    # Complex mode: points off the real axis, near and far, and beside branch cuts (round 52).
    wide = probe_off_axis(problem, max(deadline, time.monotonic() + OFF_AXIS_GRACE))
    if wide:
        return Outcome("refuted", "counterexample", wide, seed=used_seed)
    if lhs.has(sp.Mod) or rhs.has(sp.Mod):  # n mod 4 over the integers: residue classes
        from .congruence import decide_modular_expression
        settled = decide_modular_expression(relation, lhs, rhs, conditions, deadline)
        if settled is not None:
            return settled
    # Before 'likely' or 'unknown': sides 1e-120 apart? Also after a prover overran (tan t
    # against tan((1 + 10^-100) t) was 'likely' when rewrite(exp) used up the time).
    tiny = probe_tiny(problem, max(deadline, time.monotonic() + PROBE_GRACE),
                      close=[*probe.close, *more.close])
    if tiny:
        return Outcome("refuted", "counterexample", tiny, seed=used_seed)
    return _numeric_outcome(max(probe.agreeing, more.agreeing), used_seed, timed_out=(
        time.monotonic() > deadline), extra="" if covered else
        "identity proved where both sides are defined; domain inclusion only checked numerically")


def _on_branches(
    branches: Sequence[Branch], relation: str, step: Sequence[Basic], written: Sequence[Basic],
    real: bool, seed: int, texts: Sequence[str], deadline: float,
) -> Outcome | None:
    """The step decided on each root of an equality assumption: refuted on one (its
    witness names the root), proved on all, or None (left to the other tiers)."""
    outcomes = []
    for branch in branches:
        put = {branch.var: branch.value}
        outcome = decide(relation, *(e.xreplace(put) for e in step),
                         conditions=branch.conditions, real=real, seed=seed, texts=texts,
                         deadline=deadline, written=tuple(e.xreplace(put) for e in written))
        if outcome.status == "refuted" and outcome.counterexample is not None:
            return dataclasses.replace(
                outcome, counterexample=branch_witness(outcome.counterexample, branch))
        outcomes.append(outcome)
    if all(o.status == "proved" for o in outcomes):
        notes = tuple(dict.fromkeys(n for o in outcomes for n in o.notes))
        return Outcome("proved", "equality-roots", notes=notes)
    return None


def _proved(relation: str, lhs: Expr, rhs: Expr, conditions: tuple[Basic, ...],
            deadline: float) -> bool:
    """Is ``lhs relation rhs`` proved under ``conditions`` (the induction's sub-claims)?"""
    return decide(relation, lhs, rhs, lhs, conditions=conditions, deadline=deadline).status \
        == "proved"


def _about_the_step(conditions: tuple[Basic, ...], exprs: Sequence[Basic]) -> tuple[Basic, ...]:
    """The conditions without "k integer" for a k the step does not use (a cell's
    ``x = pi/4 + k pi, k ∈ ℤ`` declares k for every step of the cell; a sequence's index n
    is natural in every step, also in ``a_10 = 32`` and ``limit(a_n, n, oo) = 0``)."""
    used: set[Basic] = set()
    for e in exprs:
        used |= e.free_symbols
    return tuple(c for c in conditions if not (
        isinstance(c, sp.Contains) and c.args[1] in (sp.S.Integers, sp.S.Naturals0)
        and c.args[0] not in used))


def _undefined_side(problem: Problem, texts: Sequence[str]) -> Outcome | None:
    """A step between constants where a side has no real value: say why, and what to write."""
    sides = (("left", problem.lhs, texts[1] if len(texts) > 2 else None),
             ("right", problem.rhs, texts[2] if len(texts) > 2 else None))
    for name, side, text in sides:
        if evaluate(side, {}, real=True) is not UNDEFINED:
            continue
        shown = (text or sp.sstr(side)).strip()
        message = f"the {name} side {shown} is undefined in real mode"
        if side is sp.nan and "lim" in shown:
            message = (f"the limit on the {name} ({shown}) does not exist: its one-sided "
                       "limits differ, it oscillates, or the expression has no real values on "
                       "the side it approaches from (write limit(..., x, a, '+') for one side)")
        elif side is sp.nan and ("int" in shown or "∫" in shown):
            message = (f"the integral on the {name} ({shown}) does not exist: its values "
                       "oscillate or grow without bound as the range grows")
        elif isinstance(side, sp.Sum) and is_infinite_sum(side):
            message = (f"the series on the {name} ({shown}) diverges: it has no value "
                       "(its partial sums have no limit)")
        elif any(_negative_fractional_power(p) for p in side.atoms(sp.Pow)):
            message += (": a fractional power of a negative number is its principal (complex) "
                        "root; for the real root write cbrt(-8) or root(-8, 3)")
        elif evaluate(side, {}, real=False) is not UNDEFINED:
            message += ": it is not a real number (complex values need --domain complex)"
        return Outcome("unknown", "undefined", message=message)
    return None


#: Constructs whose constant parts are not evaluated on their own: slow (an integral, a
#: limit) or chosen by a condition (a piecewise branch need not apply).
_NOT_PARTS = (sp.Integral, sp.Sum, sp.Product, sp.Limit, sp.Derivative, sp.Piecewise)


def no_real_part(side: Basic) -> Expr | None:
    """The innermost constant part of ``side`` with no real value (``sqrt(-2)`` in
    ``x sqrt(-2)``, ``ln(-1)``, ``1/0``), which leaves the whole side undefined in real mode;
    None when every constant power and function in it has a real value."""
    if not side.free_symbols:
        return None  # a constant side: decided as a whole (decide_constant, _undefined_side)
    found: list[Expr] = []

    def walk(node: Basic) -> None:
        if found or node.is_Atom or isinstance(node, _NOT_PARTS):
            return
        for arg in node.args:
            walk(arg)
        if not found and not node.free_symbols and isinstance(node, (sp.Pow, sp.Function)) \
                and not isinstance(node, sp.core.function.AppliedUndef) \
                and evaluate(node, {}, real=True) is UNDEFINED:
            found.append(node)

    walk(side)
    return found[0] if found else None


def _undefined_everywhere(name: str, side: Basic, part: Expr, texts: Sequence[str]) -> Outcome:
    """The step's outcome when a side is undefined at every point: ``part`` has no real value."""
    text = texts[1 if name == "left" else 2] if len(texts) > 2 else ""
    shown = (text or user_text(side)).strip()
    try:  # sqrt(-2), not sqrt(-1*2): the part's numbers as they evaluate
        tidy = part.func(*(a.doit() if a.is_number else a for a in part.args), evaluate=False)
    except (TypeError, ValueError, ArithmeticError, RecursionError):
        tidy = part
    message = f"the {name} side {shown} is undefined in real mode: {user_text(tidy)} "
    if isinstance(part, sp.Pow) and _negative_fractional_power(part):
        message += ("is the principal (complex) root of a negative number; for the real root "
                    "write cbrt(-8) or root(-8, 3)")
    elif evaluate(part, {}, real=False) is not UNDEFINED:
        message += "is not a real number (complex values need --domain complex)"
    else:
        message += "has no value"
    return Outcome("unknown", "undefined", message=message)


def _negative_fractional_power(power: sp.Pow) -> bool:
    """``(-8)^(1/3)``: an odd root of a negative number, which real mode does not take."""
    exp = evaluate(power.exp, {}, real=True)
    if not (isinstance(exp, sp.Rational) and exp.q % 2 == 1 and exp.q > 1):
        return False
    base = evaluate(power.base, {}, real=True)
    return isinstance(base, Expr) and base.is_negative is True


def _numeric_outcome(agreeing: int, seed: int, *, timed_out: bool, extra: str = "") -> Outcome:
    if agreeing >= MIN_AGREEING:
        message = extra or f"no proof found; consistent at {agreeing} exact points"
        return Outcome("likely", "numeric", flags=("numeric-only",), message=message, seed=seed)
    why = "timed out" if timed_out else "no proof found"
    return Outcome(
        "unknown", "timeout" if timed_out else "none", seed=seed,
        message=f"{why}, and only {agreeing} points could be evaluated",
    )


#: Functions increasing on their whole real domain.
_INCREASING = (sp.exp, sp.log, sp.atan, sp.asinh, sp.sinh, sp.tanh, sp.asin, sp.acosh,
               sp.atanh)


def _monotone(relation: str, lhs: Expr, rhs: Expr, deadline: float) -> ProofFound | None:
    """``f(X) rel f(Y)`` for an increasing ``f`` from ``X rel Y`` (``sqrt(a) > sqrt(b)``
    since ``a > b``): where both sides are defined, the order of the values is the order of
    the arguments. Roots and odd powers count as increasing (a root is defined only on
    nonnegative numbers, where it increases)."""
    inner = _same_increasing(lhs, rhs) or _powers_in_order(relation, lhs, rhs)
    if inner is None or time.monotonic() > deadline:
        return None
    found = prove_inequality(relation, *inner, None, deadline) or \
        _monotone(relation, *inner, deadline)
    return ProofFound(f"monotone ({found.method})") if found else None


def _same_increasing(lhs: Expr, rhs: Expr) -> tuple[Expr, Expr] | None:
    if type(lhs) is not type(rhs) or not lhs.args or len(lhs.args) != len(rhs.args):
        return None
    if isinstance(lhs, _INCREASING) and len(lhs.args) == 1:
        return lhs.args[0], rhs.args[0]
    if isinstance(lhs, sp.Pow) and isinstance(rhs, sp.Pow) and lhs.exp == rhs.exp:
        e = lhs.exp
        if e.is_Rational and e.is_positive and (e.q % 2 == 0 or e.p % 2 == 1):
            return lhs.base, rhs.base
    return None


def _powers_in_order(relation: str, lhs: Expr, rhs: Expr) -> tuple[Expr, Expr] | None:
    """Sides whose order is that of other expressions (round 38): ``b^u`` against ``b^v``
    for a base b > 1 (u against v; reversed for 0 < b < 1; b >= 1 or 0 < b <= 1 only for a
    non-strict relation), ``u^e`` against ``v^e`` for bases >= 0 and an exponent e >= 0
    (e > 0 when strict), and ``exp(u)`` or ``c^u`` against a positive number k (u against
    log k, log_c k)."""
    strict = relation in ("<", ">")
    lhs, rhs = (sp.exp(e.exp) if isinstance(e, sp.Pow) and e.base is sp.E else e
                for e in (lhs, rhs))
    for one, other, flip in ((lhs, rhs, False), (rhs, lhs, True)):
        if isinstance(one, sp.exp) and other.is_number and other.is_positive:
            pair = (one.args[0], sp.log(other))
            return pair[::-1] if flip else pair
        if isinstance(one, sp.Pow) and one.base.is_number and other.is_number \
                and other.is_positive and one.base.is_positive and one.base != 1 \
                and not one.exp.is_number:
            pair = (one.exp, sp.log(other) / sp.log(one.base))
            if (one.base < 1) != flip:
                pair = pair[::-1]
            return pair
    odd = _signed_power(lhs), _signed_power(rhs)  # cbrt(a) is sign(a) |a|^(1/3)
    if odd[0] is not None and odd[1] is not None and odd[0][1] == odd[1][1]:
        return odd[0][0], odd[1][0]
    if not (isinstance(lhs, sp.Pow) and isinstance(rhs, sp.Pow)):
        return None
    if lhs.base == rhs.base and lhs.exp != rhs.exp:
        above = sp.factor(lhs.base - 1)
        if above.is_positive or not strict and above.is_nonnegative:
            return lhs.exp, rhs.exp
        below = sp.factor(1 - lhs.base)
        if lhs.base.is_positive and (below.is_positive or not strict and below.is_nonnegative):
            return rhs.exp, lhs.exp
    if lhs.exp == rhs.exp and not lhs.exp.is_number and lhs.base != rhs.base:
        e = lhs.exp
        if (e.is_positive or not strict and e.is_nonnegative) and \
                lhs.base.is_nonnegative and rhs.base.is_nonnegative:
            return lhs.base, rhs.base
    return None


def _signed_power(expr: Expr) -> tuple[Expr, Expr] | None:
    """``(u, r)`` for ``sign(u) |u|^r`` with a rational r > 0, increasing in u."""
    if not isinstance(expr, sp.Mul) or len(expr.args) != 2:
        return None
    signs = [a for a in expr.args if isinstance(a, sp.sign)]
    powers = [a for a in expr.args if isinstance(a, sp.Pow) and isinstance(a.base, sp.Abs)]
    if len(signs) != 1 or len(powers) != 1 or signs[0].args[0] != powers[0].base.args[0]:
        return None
    r = powers[0].exp
    return (signs[0].args[0], r) if r.is_Rational and r.is_positive else None


def _root_of_square(
    lhs: Expr, rhs: Expr, problem: Problem, region: sp.Set | None, refined: Reparam | None,
    deadline: float,
) -> ProofFound | None:
    """``A = sqrt(R)`` (either way round) from ``A^2 = R`` and ``A >= 0`` in the setting:
    ``cos x = sqrt(1 - sin^2 x)`` on [-pi/2, pi/2]; ``A = -sqrt(R)`` likewise from ``-A >= 0``
    (``sin(x/2) = -sqrt((1 - cos x)/2)`` on [-2 pi, 0])."""
    for k, (root, other) in enumerate(((rhs, lhs), (lhs, rhs), (-rhs, -lhs), (-lhs, -rhs))):
        if not (isinstance(root, sp.Pow) and root.exp == sp.S.Half):
            continue
        square = prove_cheap(other**2, root.base) or prove_targeted(other**2, root.base, deadline)
        if not square or not _nonnegative_in_setting(other, problem, region, refined):
            continue
        sign = ">= 0" if k < 2 else "<= 0"
        return ProofFound(f"{square.method} (squared; the side is {sign} here)")
    return None


def _bars_of_known_sign(
    lhs: Expr, rhs: Expr, problem: Problem, region: sp.Set | None, refined: Reparam | None,
    deadline: float,
) -> ProofFound | None:
    """The step with each ``|u|`` whose sign is fixed in the setting opened to ``u`` or
    ``-u``: ``sqrt(sin^2 x) = sin x`` (SymPy's ``|sin x|``) on (0, pi/2), ``|cos x| = -cos x``
    on (pi/2, pi) (round 57). Exact: u's range on the setting's interval decides its sign."""
    bars = (lhs.atoms(sp.Abs) | rhs.atoms(sp.Abs)) if problem.real else set()
    if not bars or len(bars) > 4:
        return None
    put: dict[Basic, Expr] = {}
    for bar in bars:
        inside = bar.args[0]
        if _nonnegative_in_setting(inside, problem, region, refined):
            put[bar] = inside
        elif _nonnegative_in_setting(-inside, problem, region, refined):
            put[bar] = -inside
        if time.monotonic() > deadline:
            return None
    if not put:
        return None
    opened = lhs.xreplace(put), rhs.xreplace(put)
    found = prove_cheap(*opened) or prove_targeted(*opened, deadline)
    return ProofFound(f"{found.method} (|.| of known sign here)") if found else None


def _nonnegative_in_setting(
    expr: Expr, problem: Problem, region: sp.Set | None, refined: Reparam | None
) -> bool:
    if refined is not None and refined.apply(expr).is_nonnegative:
        return True
    if expr.is_nonnegative:
        return True
    if region is None or len(problem.symbols) != 1:
        return False
    from sympy.calculus.util import function_range

    try:
        values = function_range(expr, problem.symbols[0], region)
        return bool(values.is_subset(sp.Interval(0, sp.oo)) is True)
    except (NotImplementedError, TypeError, ValueError):
        return False


def _sign_refinement(problem: Problem, numbers_first: bool = False) -> Reparam | None:
    """The step in variables whose signs SymPy can use, valid wherever the step is checked.

    A variable under a square root (any root written as a power with a fractional exponent)
    or a logarithm of the chain's origin or of the left side (``sqrt(a) sqrt(b)``) is >= 0
    at every point where that side is defined; the assumptions add bounds such as ``a > 0``,
    ``x >= 2`` or ``a > b`` (:mod:`proofnb.core.orders`). Proving the step in the new
    variables proves it wherever it is checked, and SymPy then applies
    ``sqrt(ab) = sqrt(a) sqrt(b)``, sees ``1/b - 1/(b + t)`` is positive, and so on.
    (A symbolic exponent says nothing: ``x^a`` is defined at x = -1 when a = 2.)
    """
    if not problem.real:
        return None
    found: set[Symbol] = set()
    nonzero: set[Symbol] = set()
    for expr in (problem.origin, problem.lhs):
        _necessary_signs(expr, found, nonzero)
    zero = sp.Integer(0)
    signs = [(s, zero, s in nonzero) for s in sorted(found, key=lambda s: s.name)]
    return reparametrize(bounds_of(problem.conditions) + signs, problem.symbols, numbers_first)


def _root_symbol(expr: Basic) -> Symbol | None:
    """``x`` for ``x``, ``x^2``, ``sqrt(x)`` (zero exactly where x is); else None."""
    while isinstance(expr, sp.Pow) and expr.exp.is_Rational and expr.exp.is_positive:
        expr = expr.base
    return expr if isinstance(expr, Symbol) else None


def _necessary_signs(expr: Basic, nonnegative: set[Symbol], nonzero: set[Symbol]) -> None:
    """Signs of symbols that every point where ``expr`` is defined (real mode) satisfies."""
    for node in sp.preorder_traversal(expr):
        if isinstance(node, sp.Pow) and node.exp.is_Rational:
            base = _root_symbol(node.base)
            if base is None:
                continue
            if not node.exp.is_Integer and node.exp.q % 2 == 0:
                nonnegative.add(base)  # an even root: real only for base >= 0
            if node.exp.is_negative:
                nonzero.add(base)
        elif isinstance(node, sp.log):
            arg = node.args[0]
            if isinstance(arg, Symbol):
                nonnegative.add(arg)
                nonzero.add(arg)


def _prove_expressions(
    problem: Problem, deadline: float, refined: Reparam | None = None
) -> ProofFound | None:
    lhs, rhs = problem.lhs, problem.rhs
    assert isinstance(lhs, Expr) and isinstance(rhs, Expr)
    try:
        if problem.relation != "=":
            region = _region(problem)
            found = prove_inequality(problem.relation, lhs, rhs, region, deadline)
            moved = shifted(lhs, rhs, problem.symbols[0], region) if region is not None else None
            if found is None and moved is not None:
                found = prove_inequality(problem.relation, *moved, None, deadline)
            if found is None and refined is not None and time.monotonic() < deadline:
                sides = refined.apply(lhs), refined.apply(rhs)
                assert isinstance(sides[0], Expr) and isinstance(sides[1], Expr)
                found = prove_inequality(problem.relation, *sides, None, deadline) or \
                    _monotone(problem.relation, *sides, deadline)
                if found:
                    return ProofFound(f"{found.method} (for {refined.names()} in the setting)")
                other = _sign_refinement(problem, numbers_first=True)
                if other is not None and other != refined and time.monotonic() < deadline:
                    # z >= 3 and c <= z: a chain keeps one way of reading them, try the other
                    sides = other.apply(lhs), other.apply(rhs)
                    assert isinstance(sides[0], Expr) and isinstance(sides[1], Expr)
                    found = prove_inequality(problem.relation, *sides, None, deadline) or \
                        _monotone(problem.relation, *sides, deadline)
                    if found:
                        return ProofFound(
                            f"{found.method} (for {other.names()} in the setting)")
            return found or _monotone(problem.relation, lhs, rhs, deadline)
        found = prove_cheap(lhs, rhs)
        if found or time.monotonic() > deadline:
            return found
        found = prove_targeted(lhs, rhs, deadline, real=problem.real)
        if found or time.monotonic() > deadline:
            return found
        if refined is not None:
            sides = refined.apply(lhs), refined.apply(rhs)
            assert isinstance(sides[0], Expr) and isinstance(sides[1], Expr)
            found = prove_cheap(*sides) or prove_targeted(*sides, deadline)
            if found:
                return ProofFound(f"{found.method} (for {refined.names()} in the setting)")
            if time.monotonic() > deadline:
                return None
        region = _region(problem)
        moved = shifted(lhs, rhs, problem.symbols[0], region) if region is not None else None
        if moved is not None:
            found = prove_cheap(*moved) or prove_targeted(*moved, deadline)
            if found:
                return ProofFound(f"{found.method} (on {sp.sstr(region)})")
        if region is not None:
            x = problem.symbols[0]
            opened = unwrap_inverses(lhs, x, region), unwrap_inverses(rhs, x, region)
            if opened != (lhs, rhs):
                found = prove_cheap(*opened) or prove_targeted(*opened, deadline)
                if found:
                    return ProofFound(f"{found.method} (inverse on {sp.sstr(region)})")
        found = _root_of_square(lhs, rhs, problem, region, refined, deadline)
        if found or time.monotonic() > deadline:
            return found
        found = _bars_of_known_sign(lhs, rhs, problem, region, refined, deadline)
        if found or time.monotonic() > deadline:
            return found
        found = prove_by_derivative(lhs, rhs, region, deadline)
        if found or time.monotonic() > deadline:
            return found
        return prove_heavy(lhs, rhs)
    except (TypeError, ValueError, NotImplementedError, RecursionError, AttributeError):
        return None


def _region(problem: Problem) -> sp.Set | None:
    if len(problem.symbols) != 1 or not problem.real:
        return None
    x = problem.symbols[0]
    region = assumption_interval(x, problem.conditions)
    for cond in conditions(problem.origin, real=True):
        try:
            if cond.kind == "ge":
                region = sp.Intersection(region, sp.solveset(cond.expr >= 0, x, sp.S.Reals))
        except (NotImplementedError, TypeError, ValueError):
            return None
    return region


def domain_covered(problem: Problem, refined: Reparam | None = None) -> bool:
    """Is the right side defined wherever the left is (in D), up to isolated points?

    ``refined`` is the step in signed variables (:func:`_sign_refinement`), when it has one.
    """
    if not problem.real:
        return True
    known_conds = conditions(problem.origin) + conditions(problem.lhs)
    known = {c.expr for c in known_conds if c.kind == "ge"}
    for cond in problem.conditions:
        if isinstance(cond, (sp.Gt, sp.Ge)):
            known.add(sp.expand(cond.lhs - cond.rhs))
        elif isinstance(cond, (sp.Lt, sp.Le)):
            known.add(sp.expand(cond.rhs - cond.lhs))
    # k > 0 (k >= 0 and k != 0, as under a log) with k = g r, r >= 0: then r > 0, so g > 0
    # (log(a^2 b) = 2 log|a| + log b: a^2 b > 0 forces b > 0). |u| >= 0 wherever u is
    # defined (SymPy leaves |x/y| >= 0 open: y could be 0, which is a condition of its own).
    strict = known & {c.expr for c in known_conds if c.kind == "ne"}
    for cond in conditions(problem.rhs):
        if cond.kind != "ge" or _implied(cond, known, problem, refined) \
                or _strict_multiple(cond.expr, strict) or isinstance(cond.expr, sp.Abs):
            continue
        return False
    return True


#: Seconds for proving a radicand of the right side >= 0 everywhere (a polynomial).
_RADICAND_TIME = 0.5


def _strict_multiple(g: Expr, strict: set[Expr]) -> bool:
    for k in strict:
        try:
            ratio = sp.cancel(k / g)
        except (TypeError, ValueError, ZeroDivisionError):
            continue
        # r with no denominator: k = g r wherever k is defined (a denominator in r could
        # vanish where k > 0)
        if ratio.is_nonnegative and not ratio.is_number and sp.denom(ratio).is_number:
            return True
    return False


def _implied(
    cond: Condition, known: set[Expr], problem: Problem, refined: Reparam | None
) -> bool:
    g = cond.expr
    if g in known or g.is_nonnegative:
        return True
    if refined is not None and refined.apply(g).is_nonnegative:
        return True  # e.g. a*b >= 0 where sqrt(a) sqrt(b) is defined
    for k in known:
        try:
            ratio = sp.cancel(g / k)
        except (TypeError, ValueError, ZeroDivisionError):
            continue
        if ratio.is_number and ratio.is_positive:
            return True
        if ratio.is_nonnegative and (k * ratio).free_symbols:
            # g = k * r with r >= 0 everywhere: g >= 0 wherever k >= 0.
            return True
    if is_rational_function(g) and prove_nonnegative(
            g, False, None, time.monotonic() + _RADICAND_TIME) is not None:
        return True  # a radicand >= 0 everywhere: (a + c)^2 + (b + d)^2 expanded
    region = _region(problem)
    if region is None:
        return False
    x = problem.symbols[0]
    for k in known:
        if k.free_symbols <= {x}:
            try:
                region = sp.Intersection(region, sp.solveset(k >= 0, x, sp.S.Reals))
            except (NotImplementedError, TypeError, ValueError):
                return False
    try:
        bad = sp.solveset(g < 0, x, region)
    except (NotImplementedError, TypeError, ValueError):
        return False
    return bad is sp.S.EmptySet or isinstance(bad, sp.FiniteSet)


def domain_notes(problem: Problem, isolated: Sequence[Point]) -> tuple[str, ...]:
    """Notes such as ``x ≠ 1``: isolated points where exactly one side is undefined."""
    notes: list[str] = []
    lhs_ne = [c for c in conditions(problem.lhs, real=problem.real) if c.kind == "ne"]
    rhs_ne = [c for c in conditions(problem.rhs, real=problem.real) if c.kind == "ne"]
    # Zero sets with no exact points (several variables, transcendental): compared factor by
    # factor as texts, so that a b != 0 on one side and a != 0, b != 0 on the other cancel.
    unsolved: dict[bool, list[str]] = {True: [], False: []}
    unsolved_exprs: dict[bool, list[Expr]] = {True: [], False: []}
    sided = [(True, c) for c in lhs_ne] + [(False, c) for c in rhs_ne]
    for on_left, cond in sided:
        if cond.expr.is_nonzero:
            continue
        pts = excluded_points(cond) if len(problem.symbols) == 1 else None
        if pts is None and _none_in_setting(problem, cond.expr):
            continue  # tan x under 0 < x < pi/2: cos x never vanishes there
        if pts is None:
            unsolved[on_left].extend(notes_for(cond, real=problem.real))
            unsolved_exprs[on_left].append(cond.expr)
            continue
        for pt in pts:
            if not in_setting(problem, pt, origin=False):
                continue
            a = evaluate(problem.lhs, pt, real=problem.real)
            b = evaluate(problem.rhs, pt, real=problem.real)
            if (a is UNDEFINED) != (b is UNDEFINED) and _a_hole(
                    *((problem.lhs, problem.rhs) if a is UNDEFINED else (problem.rhs, problem.lhs)),
                    pt, problem.real):
                _push(notes, note_for(cond, pt))
    noted: list[Expr] = []
    if not _same_zero_set(unsolved_exprs[True], unsolved_exprs[False]):
        for note in [*unsolved[True], *unsolved[False]]:
            if (note in unsolved[True]) != (note in unsolved[False]):
                _push(notes, note)
        noted = [*unsolved_exprs[True], *unsolved_exprs[False]]
    if len(problem.symbols) == 1:
        for pt in isolated:
            if not any(evaluate(e, pt, real=problem.real) == 0 for e in noted):  # sin x ≠ 0
                _push(notes, note_for(Condition(sp.Integer(0), "ne"), pt))  # says x ≠ 0
    elif isolated:
        # In several variables the exceptions are curves, not points: name one of them.
        where = ", ".join(f"{k} = {user_text(v)}" for k, v in isolated[0].items())
        _push(notes, f"one side is undefined on a set of measure zero, e.g. at {where}")
    return tuple(notes)


def _none_in_setting(problem: Problem, expr: Expr) -> bool:
    """Does ``expr`` have no zero where the (one-variable) step is checked? Only when the
    assumptions bound the variable: over all reals a zero set is rarely empty."""
    if len(problem.symbols) != 1 or not problem.real or not problem.conditions:
        return False
    x = problem.symbols[0]
    region = assumption_interval(x, problem.conditions)
    if region == sp.S.Reals:
        return False
    try:
        return sp.solveset(expr, x, region) is sp.S.EmptySet
    except (NotImplementedError, TypeError, ValueError):
        return False


#: Above this many operations the zero-set comparison is not attempted (notes stay).
_ZERO_SET_OPS = 40


def _same_zero_set(left: Sequence[Expr], right: Sequence[Expr]) -> bool:
    """Do the products of both sides' excluded factors vanish at the same points? True when
    one is a nonzero constant times the other (``sin x cos x`` and ``sin 2x``), so that
    neither side has an exception the other lacks. False when unsure (the notes stay)."""
    if not left or not right:
        return False
    # cos 400x/cos 200x as cos 2x/cos x: simplify's angle expansions grow with the multiple
    ratio = rescale_angles(sp.Mul(*left) / sp.Mul(*right))
    if sp.count_ops(ratio) > _ZERO_SET_OPS:
        return False
    try:
        value = sp.simplify(ratio)
    except (TypeError, ValueError, NotImplementedError, RecursionError, AttributeError):
        return False
    return bool(value.is_number and value.is_finite and value.is_nonzero)


def _a_hole(side: Basic, other: Basic, point: Point, real: bool) -> bool:
    """Is ``point``, where ``side`` is undefined and ``other`` is not, an isolated exception
    worth a note: ``side`` defined all around it wherever ``other`` is? Not at the edge of
    ``side``'s own domain (``log(x)`` at 0 beside 0: the side itself rules out x < 0 too);
    but ``(x-1)/(x-1) sqrt(x-1)`` beside ``sqrt(x-1)`` at 1 is a hole, as neither side is
    defined left of it."""
    around = [near for near in neighbours(point)
              if evaluate(other, near, real=real) is not UNDEFINED]
    return bool(around) and all(
        evaluate(side, near, real=real) is not UNDEFINED for near in around)


def _push(notes: list[str], note: str) -> None:
    if note not in notes:
        notes.append(note)


def _cheap_size(*exprs: Basic) -> bool:
    """Are the lines small enough for the rescaling and same-zeros proofs to come before
    any sampling (no power above 12, a few hundred operations)?"""
    if any(p.exp.is_Integer and abs(p.exp) > 12 for e in exprs for p in e.atoms(sp.Pow)):
        return False
    return bool(sum(sp.count_ops(e) for e in exprs) <= 200)


def _decide_statement(
    relation: str, lhs: Basic, rhs: Basic, origin: Basic, conds: Sequence[Basic], real: bool,
    seed: int, deadline: float, written: tuple[Basic, Basic, Basic],
    letters: frozenset[Symbol] = frozenset(),
) -> Outcome:
    if any(isinstance(e, Expr) for e in (lhs, rhs, *written)):
        return Outcome("error", "parse",
                       message=f"'{relation}' joins equations or inequalities, not expressions")
    names = existential_symbols(lhs, rhs, conds)
    if not (names[0] or names[1]) and any(guarded(e, real) for e in (lhs, rhs, *written[:2])):
        # a = 0 or x = -b/(2a): clear the guarded denominators, else decide part by part
        lhs, rhs = unguard(lhs, real), unguard(rhs, real)
        written = (unguard(written[0], real), unguard(written[1], real), written[2])
        if any(guarded(e, real) for e in (lhs, rhs, *written[:2])):
            return decide_guarded(relation, lhs, rhs, origin, tuple(conds), real, seed,
                                  deadline, written, letters)
    problem = dataclasses.replace(_problem(relation, *written, conds, real, seed), letters=letters)
    lines = None
    if names[0] or names[1]:  # x = pi/4 + k pi, k ∈ ℤ: "for some integer k"
        problem = dataclasses.replace(problem, existential=names)
        lines = ParameterLines(lhs, rhs, problem.symbols, names, conds, real)
    # x sqrt(-2) = 0 holds nowhere in real mode (its left side is nowhere real), so it is not
    # x = 0 rescaled by sqrt(-2), nor the same zeros: no such proof for a line that has a
    # constant with no real value (its solution set, empty, is compared below)
    rescalable = not real or (no_real_part(written[0]) is None
                              and no_real_part(written[1]) is None)
    # one relation rescaled, or the same zeros: proofs, so nothing to refute; on large lines
    # ((x + y + z)^30) they are slow, and a point that refutes comes first, as before
    first = not lines and rescalable and _cheap_size(lhs, rhs)
    if first:
        cheap = same_up_to_factor(lhs, rhs, real) or same_polynomial(lhs, rhs, real)
        if lhs == rhs or cheap:
            return Outcome("proved", cheap.method if cheap else "identical")
    if not lines and (lhs.has(TrigonometricFunction) or rhs.has(TrigonometricFunction)):
        # Solving periodic lines for their boundary points can take seconds (sin 2x > sin x):
        # a point where the lines plainly differ comes first.
        plain = probe_statements(problem, 14, deadline)
        if plain.counterexample:
            return Outcome("refuted", "counterexample", plain.counterexample, seed=seed)
    analysis = StatementAnalysis(lhs, rhs, origin, problem.symbols, conds, real, deadline)
    points = analysis.points + (lines.points if lines else [])
    probe = probe_statements(problem, 14, deadline, extra=points)
    if probe.counterexample:
        return Outcome("refuted", "counterexample", probe.counterexample, seed=seed)
    proof: ProofFound | None = None
    if lhs == rhs:
        proof = ProofFound("identical")
    proof = proof or (lines.prove(relation) if lines else None)
    if not first and rescalable:
        proof = proof or same_up_to_factor(lhs, rhs, real) or same_polynomial(lhs, rhs, real)
    proof = proof or analysis.prove(relation)
    found: list[Point] = []
    if not proof and time.monotonic() < deadline:
        proof, found = prove_by_systems(problem, deadline)
    if not proof and time.monotonic() < deadline:
        proof = prove_by_substitution(problem, deadline)
    proof = proof or prove_parametric(problem)
    if not proof and time.monotonic() < deadline:
        proof = prove_from_solved_premise(problem, deadline)
    if not proof and time.monotonic() < deadline:
        proof = prove_by_subject(problem, deadline)
    if not proof and time.monotonic() < deadline:
        proof = prove_by_squaring(problem) or prove_by_elimination(problem) or \
            prove_by_squaring_premise(problem)
    if not proof and time.monotonic() < deadline:
        proof = prove_by_bounds(problem, deadline)
    if proof:
        return Outcome("proved", proof.method)
    # a denominator of one line that vanishes on the other (Cramer's a d - b c): a thin set
    thin = degenerate_points(relation, problem.lhs, problem.rhs, problem.symbols, deadline)
    early = probe_statements(problem, 0, deadline, extra=thin) if thin else None
    if early is not None and early.counterexample:
        return Outcome("refuted", "counterexample", early.counterexample, seed=seed)
    more = probe_statements(problem, 40, deadline, extra=points + found)
    if more.counterexample:
        return Outcome("refuted", "counterexample", more.counterexample, seed=seed)
    has_eq = bool(lhs.atoms(sp.Eq) | rhs.atoms(sp.Eq))
    unsolved = len(problem.symbols) == 1 and analysis.sets is None
    if has_eq and unsolved and not lines:  # periodic solution sets: compare one period
        proof = prove_one_period(relation, lhs, rhs, problem.symbols, conds, real)
        if proof:
            return Outcome("proved", proof.method)
    if has_eq and (more.both_true == 0 or unsolved):
        return Outcome("unknown", "none", seed=seed,
                       message="no proof found; the solution sets could not be computed exactly")
    if analysis.undecided(relation):
        return Outcome("unknown", "none", seed=seed,
                       message="no proof found; the exact solution sets were not shown to agree")
    edge = probe_boundaries(problem, deadline) if more.agreeing >= MIN_AGREEING else None
    if edge:  # consistent so far: try the thin sets that sampling misses before 'likely'
        return Outcome("refuted", "counterexample", edge, seed=seed)
    return _numeric_outcome(more.agreeing, seed, timed_out=time.monotonic() > deadline)
