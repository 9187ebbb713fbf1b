"""Check one step (``check_step``) or a whole cell inline (``check_proof``).

``check_step`` is pure and deterministic for (spec, options) and never raises on bad user
input: parse problems become an ``error`` step. The tiers of DESIGN §3 run in
:func:`proofnb.core.decide.decide` under a soft deadline derived from ``options.timeout``.
"""

from __future__ import annotations

import dataclasses
import re
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Literal

import sympy as sp

from .assume import declarations, function_names, with_cell_assumptions
from .decide import Outcome, decide
from .errors import ParseError, ProofnbError, UnsupportedError
from .eulernote import euler_coefficient_note
from .excluded import excluded_notes
from .existence import has_no_value
from .functions import lone_constant_letters
from .instances import decide_functions, has_undefined
from .landau import has_landau
from .model import CheckOptions, ProofResult, StepResult, StepSpec
from .probability import quantity_text
from .quick import quick_check
from .render import render_latex
from .whole import sum_bound_reading, whole_number_reading

if TYPE_CHECKING:
    from .parser import MathEnv

#: Share of the step's time limit the tiers may use before they stop on their own.
SOFT_SHARE = 0.6


Sides = tuple[sp.Basic, sp.Basic, sp.Basic]

#: Parsed sides kept per process: a chain's right side is the next step's left side, and
#: the assumption re-check parses every side again. Only successful parses are kept; a
#: result depends on the text and the environment only (line and column only place errors).
PARSE_CACHE_SIZE = 2048
_PARSED: dict[tuple[object, ...], tuple[sp.Basic, sp.Basic]] = {}


def _env_key(env: MathEnv) -> tuple[object, ...]:
    return (
        env.domain,
        tuple(sorted(env.symbols.items(), key=lambda kv: kv[0])),
        tuple(sorted(env.functions.items(), key=lambda kv: kv[0])),
        # a parse reads assumptions (x = cos t makes d/dt x the chain rule): a cell's parse
        # must not be reused in a cell with other assumptions
        env.conditions,
    )


def _parse_sides(spec: StepSpec, env: MathEnv) -> tuple[Sides, Sides]:
    """(evaluated, as-written) forms of lhs, rhs, origin.

    The as-written form (SymPy's evaluation switched off) keeps what evaluation cancels,
    e.g. the domain of ``sqrt(x)*sqrt(x)``; it falls back to the evaluated form.
    """
    from .parser import parse_math

    lhs_line = spec.lhs_line or spec.line

    def both(text: str, line: int, col: int) -> tuple[sp.Basic, sp.Basic]:
        key = (text.strip(), _env_key(env))
        cached = _PARSED.get(key)
        if cached is not None:
            return cached
        value = parse_math(text, env, line=line, col=col)
        try:
            raw = parse_math(text, env, line=line, col=col, evaluate=False)
        except Exception:  # noqa: BLE001 - the as-written form is optional
            raw = value
        if len(_PARSED) >= PARSE_CACHE_SIZE:
            _PARSED.clear()
        _PARSED[key] = (value, raw)
        return value, raw

    lhs, raw_lhs = both(spec.lhs, lhs_line, spec.lhs_col or 1)
    rhs, raw_rhs = both(spec.rhs, spec.line, spec.col)
    if spec.origin.strip() == spec.lhs.strip():
        origin, raw_origin = lhs, raw_lhs
    else:
        origin, raw_origin = both(spec.origin, lhs_line, 1)
    return (lhs, rhs, origin), (raw_lhs, raw_rhs, raw_origin)


def _error(spec: StepSpec, message: str, started: float) -> StepResult:
    return StepResult(
        index=spec.index,
        relation=spec.relation,
        lhs=spec.lhs,
        rhs=spec.rhs,
        status="error",
        method="parse",
        seconds=time.perf_counter() - started,
        message=message,
        line=spec.line,
    )


def _run(
    spec: StepSpec, options: CheckOptions, deadline: float
) -> tuple[Outcome, str, str, frozenset[str]]:
    """The decision, both sides' LaTeX, and the step's "for some" integer parameters."""
    from .existential import existential_symbols
    from .parser import build_env
    from .vectors import has_vectors

    if spec.premise:  # the first line of the statement chain this expression continues
        options = dataclasses.replace(options, assume=(*options.assume, spec.premise))
    if spec.condition:  # sqrt(x^2) = x for x >= 0: the line's own condition
        options = dataclasses.replace(options, assume=(*options.assume, spec.condition))
    own = None
    if quantity_text(spec.lhs):  # P(X > 3) = 1 - 0.8 = ...: its first link, checked without
        from .probability import own_definition  # the value it gives P(X > 3)
        own = own_definition(spec.lhs, spec.rhs, options.assume)
        if own is not None:
            options = dataclasses.replace(options, assume=tuple(
                a for a in options.assume if a != own))
    matrices: tuple[str, ...] = ()
    if any(":=" in text for text in options.assume):  # A := \begin{pmatrix} ... (a matrix)
        from .matrices import split_definitions
        rest, matrices = split_definitions(options.assume)
        options = dataclasses.replace(options, assume=rest) if matrices else options
    env = build_env(options)
    called = frozenset(name for name in env.functions if len(name) == 1)  # y(x) is one factor
    if matrices or _MATRIX_HINT.search(spec.lhs) or _MATRIX_HINT.search(spec.rhs) \
            or _MATRIX_HINT.search(spec.origin) \
            or any(map(has_vectors, (spec.lhs, spec.rhs, spec.origin))):  # (1, 2), \langle
        from .matrices import decide_matrix_step
        decided = decide_matrix_step(spec, env, matrices, seed=options.seed, deadline=deadline)
        if decided is not None:
            return decided, *_latex(spec, called), frozenset()
    if spec.kind == "statement" and _ROUNDED.search(f"{spec.lhs} {spec.rhs}"):
        # 2^x = 7 <=> x ≈ 2.81: the solutions rounded (core/solvedround.py)
        from .parser import parse_math
        from .solvedround import decide_rounded_solutions

        if _ROUNDED.search(spec.lhs):
            raise ParseError(spec.lhs, "a rounded answer (x ≈ 2.81) ends its chain: start a "
                             "new chain below it", spec.lhs_line or spec.line, 1)
        solved = decide_rounded_solutions(spec.lhs, spec.rhs, lambda text: parse_math(
            text, env, line=spec.line, col=spec.col), tuple(env.conditions), env.domain)
        if solved.status == "error":
            raise ParseError(spec.rhs, solved.message, spec.line, spec.col)
        return solved, *_latex(spec, called), frozenset()
    if spec.relation == "≈" or spec.relation == "=" and "…" in _truncation_marks(spec):
        # sqrt(2) ≈ 1.414, sqrt(2) = 1.4142...: a rounding claim about a number
        from .parser import parse_math
        from .rounding import decide_rounding

        places = ((spec.lhs_line or spec.line, spec.lhs_col or 1), (spec.line, spec.col))
        rounding = decide_rounding(spec.lhs, spec.rhs, lambda text, side: _given_values(
            parse_math(text, env, line=places[side][0], col=places[side][1]), env),
            carried=spec.origin if spec.relation == "≈" else "")
        if rounding.status == "error":
            raise ParseError(f"{spec.lhs} ≈ {spec.rhs}", rounding.message, spec.line, spec.col)
        return rounding, *_latex(spec, called), frozenset()
    (lhs, rhs, origin), raw = _parse_sides(spec, env)
    sums = any(side.has(sp.Sum, sp.Product) for side in (lhs, rhs, origin))
    factorials = any(side.has(sp.factorial, sp.binomial) for side in (lhs, rhs, origin))
    if env.domain == "real" and (factorials or sums):
        whole, notes = whole_number_reading(lhs, rhs, origin) if factorials \
            else ((), ())  # n! >= 2^(n-1): n in N
        if sums:  # sum_{k=0}^{n} binom(n, k) = 2^n: n in N, not -1 (an empty sum)
            read = frozenset(a.split()[0] for a in whole if a.endswith(" integer"))
            bounded, more = sum_bound_reading(lhs, rhs, origin, read)
            whole, notes = (*whole, *bounded), (*notes, *more)
        whole = tuple(a for a in dict.fromkeys(whole) if a not in options.assume)
        if whole:
            widened = dataclasses.replace(options, assume=(*options.assume, *whole))
            outcome, *shown = _run(spec, widened, deadline)
            if outcome.status != "error":
                outcome = dataclasses.replace(outcome, notes=(*notes, *outcome.notes))
            return (outcome, *shown)  # type: ignore[return-value]
    quantities = quantity_text(f"{spec.lhs} {spec.rhs} {spec.origin}")
    if quantities:  # E(2X + 1) is 2 E(X) + 1, P(A') is 1 - P(A) (core/probability.py)
        from .probability import expanded, independent
        apart = independent(options.assume)  # assume A, B independent
        (lhs, rhs, origin), raw = expanded((lhs, rhs, origin), raw, env.conditions, apart)
    if has_landau(lhs, rhs):  # e^x = 1 + x + O(x^2): decided by series, never at a point
        from .asymptotic import decide_asymptotic
        landau = decide_asymptotic(spec.relation, (lhs, rhs, origin), raw)
        if isinstance(landau, Outcome):
            return landau, *_latex(spec, called), frozenset()
        (lhs, rhs, origin), raw = landau  # lim (x^2/2 + O(x^3))/x^2 evaluated: 1/2
    if has_no_value(lhs, rhs):  # lim |x|/x = DNE: decided by one-sided limits (existence.py)
        from .existence import decide_no_limit
        return decide_no_limit(spec.relation, lhs, rhs, env.domain == "real"), \
            *_latex(spec, called), frozenset()
    if spec.relation == "=" and env.conditions:  # assume u = x^2: ∫ cos u du in x
        from .antiderivative import substituted
        moved = substituted((lhs, rhs, origin), raw, tuple(env.conditions))
        if moved is not None:
            (lhs, rhs, origin), raw = moved
    parameters = frozenset(s.name for names in existential_symbols(lhs, rhs, env.conditions)
                           for s in names) if spec.kind == "statement" else frozenset()
    # A step about unknown functions (assume f function) is also tried on sample functions.
    decider = decide_functions if has_undefined(lhs, rhs, origin) else decide
    outcome = decider(
        spec.relation,
        lhs,
        rhs,
        origin,
        conditions=tuple(env.conditions),
        real=env.domain == "real",
        seed=options.seed,
        texts=(spec.origin, spec.lhs, spec.rhs, spec.relation),
        deadline=deadline,
        written=raw,
    )
    if env.domain == "real" and outcome.status in ("refuted", "unknown") and any(
        getattr(s, "name", "") in _IMAGINARY_NAMES
        for side in (lhs, rhs) for s in side.free_symbols
    ):
        hint = "in real mode i is a variable; for the imaginary unit use --domain complex"
        if any(getattr(s, "name", "") in ("j", "k") for side in (lhs, rhs)
               for s in side.free_symbols):  # 3i + 4j: unit vectors are written marked
            hint += "; for unit vectors write \\mathbf{i}, \\mathbf{j}, \\mathbf{k}"
        message = f"{outcome.message}; {hint}" if outcome.message else hint
        outcome = dataclasses.replace(outcome, message=message)
    if spec.kind == "statement" and outcome.status in ("refuted", "unknown"):
        outcome = _period_hint(outcome, lhs, rhs)
    if spec.kind == "statement" and outcome.status in ("proved", "likely") \
            and env.conditions and env.domain == "real":  # (x > 0) ... <=> x = 2 or x = -2
        excluded = excluded_notes(rhs, env.conditions)
        if excluded:
            outcome = dataclasses.replace(outcome, notes=(*outcome.notes, *excluded))
    if quantities:  # a quantity without a value is no witness: E(X^2) >= E(X)^2
        from .probability import guarded
        outcome = guarded(outcome, (lhs, rhs), env.conditions, spec.relation, apart)
        if own is not None and outcome.method == "quantities":  # nothing above fixes it
            outcome = Outcome("proved", "definition", notes=(
                f"{spec.lhs.strip()} is given its value here",))
        from .probability import clash
        from .probability import quantities as quantities_in
        if outcome.status in ("proved", "likely") and quantities_in(lhs, rhs):
            # P(A) = 0.3 and P(A^c) = 0.5 given: a step that uses them proves nothing
            contradiction = clash(env.conditions, apart)
            if contradiction:
                outcome = Outcome("unknown", "quantities", message=contradiction)
    if outcome.status == "refuted" and any(":=" in text for text in options.assume):
        outcome = _constant_of_a_solution(outcome, spec, options.assume)
    read_as = _constant_letters(spec, lhs, rhs)
    if read_as:
        outcome = dataclasses.replace(outcome, notes=(*outcome.notes, *read_as))
    return outcome, *_latex(spec, called), parameters


def _constant_of_a_solution(outcome: Outcome, spec: StepSpec,
                            assume: tuple[str, ...]) -> Outcome:
    """A refutation that picks a value of a solution's constant the step does not write is no
    witness: ``y = x^2 + C``, ``y(0) = 1 ==> C = 1``, then ``y = x^2 + 1`` was refuted at
    C = 0, the constant the cell had fixed. The step is left unknown, saying what to write."""
    witness = outcome.counterexample
    if witness is None:
        return outcome
    written = f"{spec.lhs} {spec.rhs} {spec.origin}"
    bodies = " ".join(text.partition(":=")[2] for text in assume if ":=" in text)
    letter = r"(?<![A-Za-z\\]){}"  # Ae^{x}: the letter may be glued to what follows
    hidden = [name for name, _ in witness.point if _CONSTANT.fullmatch(name)
              and not re.search(letter.format(re.escape(name)), written)
              and re.search(letter.format(re.escape(name)), bodies)]
    if not hidden:
        return outcome
    name = hidden[0]
    return dataclasses.replace(outcome, status="unknown", counterexample=None, message=(
        f"{name} is a constant of a solution above, and this line does not say which: the step "
        f"holds for one value of {name} only; write it on the line ({name} = ...) or the "
        f"solution with {name} in it"))


#: A constant of integration as a solution writes it (C, K, A, B, D, C_1, c_2).
_CONSTANT = re.compile(r"[CcKABD](?:_\{?\d\}?|_?\d)?")


#: Text that may write a matrix, a determinant or a trace (core/matrices.py decides it).
_MATRIX_HINT = re.compile(r"\\begin\s*\{[pbBvV]?matrix|\\begin\s*\{smallmatrix|Matrix\s*\("
                          r"|\[\s*\[|\\det|(?<![A-Za-z\\])(?:det|tr|trace|adj|adjugate|rank|rref)\s*\("
                          r"|\\(?:operatorname|mathrm|text|mathop)\s*\{\s*(?:tr|det|adj|rank|rref)")

def _latex(spec: StepSpec, called: frozenset[str]) -> tuple[str, str]:
    """Both sides as LaTeX, with the cell's function letters' calls as single factors."""
    return render_latex(spec.lhs, called), render_latex(spec.rhs, called)


#: ≈ in a statement step's text: a rounded answer (x ≈ 2.81).
_ROUNDED = re.compile(r"≈|\\approx(?![A-Za-z])|~=")


def _truncation_marks(spec: StepSpec) -> str:
    """``…`` when a side of the step is a truncated decimal (``1.4142...``), else ``""``."""
    from .rounding import truncated_side

    return "…" if truncated_side(spec.rhs) or truncated_side(spec.lhs) else ""


def _given_values(expr: sp.Basic, env: MathEnv) -> sp.Basic:
    """``expr`` with each name the cell gave a number (``P = 1000(1.05)^{10} ≈ ...``, an
    equality assumption) replaced by that number, names given through names included."""
    given = {c.lhs: c.rhs for c in env.conditions
             if isinstance(c, sp.Equality) and isinstance(c.lhs, sp.Symbol)}
    from .probability import expanded, quantities
    if quantities(expr):  # Var(X) ≈ 0.49 with E(X) and E(X^2) given
        expr = expanded((expr,), (expr,), env.conditions)[0][0]
    for _ in range(len(given)):
        if not expr.free_symbols & set(given):
            break
        expr = expr.xreplace(given)
    return expr


#: What a step that uses a lone E or I is told.
_CONSTANT_NOTES = {
    "E": (sp.E, "E is Euler's number e here; for a quantity named E (an energy) write "
                "assume E real, or use E_k"),
    "I": (sp.I, "I is the imaginary unit here; for a quantity named I (a current) write "
                "assume I real, or use I_1"),
}


def _constant_letters(spec: StepSpec, lhs: sp.Basic, rhs: sp.Basic) -> tuple[str, ...]:
    """Notes for a lone ``E`` or ``I`` in a step that also has variables: a physics teacher's
    ``E = 1/2 m v^2`` or ``V = I R`` would otherwise quietly mean e or i."""
    if not (lhs.free_symbols or rhs.free_symbols):
        return ()
    notes = tuple(_CONSTANT_NOTES[name][1]
                  for name in lone_constant_letters(f"{spec.lhs} {spec.rhs}")
                  if lhs.has(_CONSTANT_NOTES[name][0]) or rhs.has(_CONSTANT_NOTES[name][0]))
    euler = euler_coefficient_note(f"{spec.lhs} {spec.rhs}", {
        str(s) for side in (lhs, rhs) for s in side.free_symbols}) \
        if lhs.has(sp.E) or rhs.has(sp.E) else None
    return (*notes, euler) if euler else notes


#: Letters that usually count periods (x = pi/3 + 2k pi): whole numbers only when declared.
_PERIOD_LETTERS = frozenset({"k", "n", "m"})


def _period_hint(outcome: Outcome, lhs: sp.Basic, rhs: sp.Basic) -> Outcome:
    """A statement step refuted with a letter k, n or m times pi that is not declared an
    integer: say how to declare it (``x = pi/3 + 2k pi`` means every real k otherwise)."""
    loose = sorted({s.name for side in (lhs, rhs) for term in side.atoms(sp.Mul)
                    if term.has(sp.pi) for s in term.free_symbols
                    if s.name in _PERIOD_LETTERS and s.is_integer is not True})
    if not loose:
        return outcome
    name = loose[0]
    hint = (f"{name} is read as any number here; if it counts periods, end the line with "
            f", {name} ∈ ℤ")
    return dataclasses.replace(
        outcome, message=f"{outcome.message}; {hint}" if outcome.message else hint)


#: Names a student may mean as the imaginary unit.
_IMAGINARY_NAMES = frozenset({"i"})


def check_step(spec: StepSpec, options: CheckOptions) -> StepResult:
    """Check one step under ``options``: proved / likely / refuted / unknown / error.

    Plain steps are first tried by the quick pass (:mod:`proofnb.core.quick`), which decides
    them without SymPy or leaves them to :func:`full_check_step`."""
    if spec.reading is not None:
        return _check_reading(spec, options)
    quick = quick_check(spec, options)
    if quick is not None and not (quick.status == "refuted"
                                  and _may_hold_otherwise(spec, options)):
        return quick
    return full_check_step(spec, options)


def _may_hold_otherwise(spec: StepSpec, options: CheckOptions) -> bool:
    """Whether a step refuted by the quick pass may hold in another reading the full checker
    tries (:func:`_other_readings`): only when the quick pass refutes each of them as well
    does its refutation stand without that hint."""
    for marker, rewrite, _ in _OTHER_READINGS:
        if marker.search(f"{spec.lhs} {spec.rhs}"):
            other = quick_check(dataclasses.replace(
                spec, lhs=rewrite(spec.lhs), rhs=rewrite(spec.rhs), origin=rewrite(spec.origin)),
                options)
            if other is None or other.status != "refuted":
                return True
    return False


def full_check_step(spec: StepSpec, options: CheckOptions) -> StepResult:
    """:func:`check_step` by the tiers of DESIGN §3 alone, without the quick pass."""
    if spec.reading is not None:
        return _check_reading(spec, options)
    started = time.perf_counter()
    budget = max(0.05, options.timeout * SOFT_SHARE)
    deadline = time.monotonic() + budget
    try:
        outcome, lhs_latex, rhs_latex, parameters = _run(spec, options, deadline)
        if outcome.status == "refuted":  # log(100) = 2, sin(30) = 1/2: meant otherwise?
            outcome = _other_readings(outcome, spec, options, deadline)
        flags = list(outcome.flags)
        kept, dropped = declarations(tuple(options.assume), parameters) \
            if outcome.status == "proved" and options.assume and not any(
                ":=" in text for text in options.assume) else ((), 0)
        if outcome.status == "proved" and any(":=" in text for text in options.assume):
            from .matrices import split_definitions
            rest, matrices = split_definitions(options.assume)
            kept, dropped = declarations(rest, parameters)
            kept = (*kept, *matrices)
        if dropped:
            remaining = deadline - time.monotonic()
            bare = dataclasses.replace(options, assume=kept)  # f function stays a function
            try:
                plain, _, _, _ = _run(spec, bare, time.monotonic() + max(0.05, remaining / 2))
                if plain.status != "proved":
                    flags.append("assumption")
            except ProofnbError:
                flags.append("assumption")
    except (ParseError, UnsupportedError) as exc:
        return _error(spec, str(exc), started)
    except ProofnbError as exc:
        return _error(spec, str(exc), started)
    except RecursionError:
        return _error(spec, f"line {spec.line}: expression too deeply nested", started)
    except MemoryError:
        return _error(spec, f"line {spec.line}: expression too large", started)
    except Exception as exc:  # noqa: BLE001 - a SymPy failure is "unknown", never a verdict
        return StepResult(
            index=spec.index, relation=spec.relation, lhs=spec.lhs, rhs=spec.rhs,
            status="unknown", method="internal", seconds=time.perf_counter() - started,
            message=f"the checker failed on this step ({type(exc).__name__}: {exc})"[:300],
            line=spec.line,
        )
    return StepResult(
        index=spec.index,
        relation=spec.relation,
        lhs=spec.lhs,
        rhs=spec.rhs,
        status=outcome.status,
        method=outcome.method,
        seconds=time.perf_counter() - started,
        counterexample=outcome.counterexample,
        notes=(f"for {spec.condition}", *outcome.notes) if spec.condition else outcome.notes,
        message=outcome.message,
        lhs_latex=lhs_latex,
        rhs_latex=rhs_latex,
        line=spec.line,
        flags=tuple(dict.fromkeys(flags)),
        seed=outcome.seed,
    )


#: ``log`` with no base, as plain text or LaTeX (``log 100``, ``\\log x``; not ``log_2``).
_BARE_LOG = re.compile(r"(?<![A-Za-z])log(?![A-Za-z0-9_])")
#: A whole number of degrees meant as a trigonometric function's argument (``sin(30)``).
_DEGREES = re.compile(r"(?<![A-Za-z])(?:sin|cos|tan|cot|sec|csc|cosec)(?:\^\{?-?\d\}?)?"
                      r"\s*\(?\s*\d+(?![\d.°A-Za-z(\\]|\s*\^)")


def _base_ten(text: str) -> str:
    return _BARE_LOG.sub(lambda m: "log_{10}" if m.string[m.start() - 1:m.start()] == "\\"
                         else "log10", text)


def _in_degrees(text: str) -> str:
    return _DEGREES.sub(lambda m: m.group() + "°", text)


#: A plain-text division whose divisor is an implicit product: ``1/2x``, ``x / 2 y``.
_SLASH_PRODUCT = re.compile(r"(?<![/\\])/\s*(?:\d+(?:\.\d+)?\s*[A-Za-z(]|[A-Za-z]\s*\()")
_DIVISOR_END = frozenset("+-=<>*/,;|")


def _divisor_grouped(text: str) -> str:
    """``text`` with each divisor that is an implicit product bracketed: ``1/2x`` becomes
    ``1/(2x)``, ``x / 2 y + 1`` becomes ``x /(2 y) + 1``."""
    out, start = [], 0
    for found in _SLASH_PRODUCT.finditer(text):
        if found.start() < start:
            continue
        end, depth = found.start() + 1, 0
        while end < len(text):
            char = text[end]
            if char in "([{":
                depth += 1
            elif char in ")]}":
                if depth == 0:
                    break
                depth -= 1
            elif depth == 0 and char in _DIVISOR_END:
                break
            end += 1
        divisor = text[found.start() + 1: end]
        out.append(f"{text[start: found.start()]}/({divisor.strip()})"
                   + " " * (len(divisor) - len(divisor.rstrip())))
        start = end
    return "".join(out) + text[start:]


#: A bracketless function whose argument is a number before a bracket: ``\\cos 2(a + b)``
#: is cos(2)·(a + b) as written; the student may have meant cos(2(a + b)).
_COEFFICIENT_BRACKET = re.compile(
    r"(?<![A-Za-z])\\?(?:sin|cos|tan|cot|sec|csc|cosec|sinh|cosh|tanh|ln|log)"
    r"(?:\^\{?-?\d+\}?)?\s*(\d+(?:\.\d+)?\s*)(?=\(|\\left\s*\()")


def _argument_grouped(text: str) -> str:
    """``text`` with each number-and-bracket after a bracketless function taken in as the
    argument: ``\\cos 2(a + b)`` becomes ``\\cos(2(a + b))``."""
    out, start = [], 0
    for found in _COEFFICIENT_BRACKET.finditer(text):
        if found.start() < start:
            continue
        end, depth = found.end(), 0
        while end < len(text):
            if text[end] in "([{":
                depth += 1
            elif text[end] in ")]}":
                depth -= 1
                if depth == 0:
                    end += 1
                    break
            end += 1
        if depth:  # unbalanced: leave the rest as written, the grammar reports it
            break
        argument = text[found.start(1):end]
        out.append(f"{text[start:found.start(1)].rstrip()}({argument})")
        start = end
    return "".join(out) + text[start:]


#: Readings a student may have meant when a step is refuted as written: the pattern that
#: marks the line, how to rewrite it, and what the step then says (its verdict stays).
_OTHER_READINGS: tuple[tuple[re.Pattern[str], Callable[[str], str], str], ...] = (
    (_BARE_LOG, _base_ten, "log is the natural logarithm here (ln); with log in base 10, as "
                           "calculators write it, the step holds: write log_10(...) or lg(...)"),
    (_DEGREES, _in_degrees, "angles are in radians here; with the angle in degrees the step "
                            "holds: write 30° or 30^\\circ"),
    (_SLASH_PRODUCT, _divisor_grouped, "a product after '/' is not the whole divisor here "
                                       "(1/2x is (1/2)·x, as calculators read it); with the "
                                       "product as the divisor the step holds: write brackets, "
                                       "1/(2x)"),
    (_COEFFICIENT_BRACKET, _argument_grouped,
     "a function's argument ends before a bracket here (\\cos 2(a+b) is cos(2)·(a+b)); "
     "with the bracket in the argument the step holds: write \\cos(2(a+b))"),
)


def _other_readings(outcome: Outcome, spec: StepSpec, options: CheckOptions,
                    deadline: float) -> Outcome:
    """A refuted step that holds read as the student may have meant it (``log(100) = 2``
    with log in base 10, ``sin(30) = 1/2`` in degrees) keeps its verdict and says so."""
    for marker, rewrite, hint in _OTHER_READINGS:
        remaining = deadline - time.monotonic()
        if remaining < 0.05 or not marker.search(f"{spec.lhs} {spec.rhs}"):
            continue
        other = dataclasses.replace(spec, lhs=rewrite(spec.lhs), rhs=rewrite(spec.rhs),
                                    origin=rewrite(spec.origin))
        try:
            read = _run(other, options, time.monotonic() + remaining / 2)[0]
        except (ProofnbError, ValueError, TypeError, RecursionError):
            continue
        if read.status == "proved":
            message = f"{outcome.message}; {hint}" if outcome.message else hint
            return dataclasses.replace(outcome, message=message)
    return outcome


def _check_reading(spec: StepSpec, options: CheckOptions) -> StepResult:
    """A line checked as its reading (a tangent's equation): the statement step decides, and
    the result shows the line as written, how it was read, and the witness in its terms."""
    reading = spec.reading
    assert reading is not None
    kind: Literal["expression", "statement"] = (
        "statement" if reading.relation in ("<=>", "==>", "<==") else "expression")
    # A tangent's line is checked as a statement of its own; a rewritten line (x_1 = 2,
    # x_2 = 3; 0,5 · 4) keeps its chain's origin.
    statement = dataclasses.replace(
        spec, relation=reading.relation, lhs=reading.lhs, rhs=reading.rhs,
        origin=reading.lhs if spec.kind != kind else spec.origin, kind=kind, reading=None)
    result = check_step(statement, options)
    witness = result.counterexample
    if witness is not None and witness.point and reading.witness:
        point = ", ".join(f"{name} = {value}" for name, value in witness.point)
        # The reading's sentence says what fails ("on this line but not on the tangent"):
        # not the statement's lost or gained root, which the widget would label so.
        witness = dataclasses.replace(witness, kind="value",
                                      text=reading.witness.replace("{point}", point))
    return dataclasses.replace(
        result, relation=spec.relation, lhs=spec.lhs, rhs=spec.rhs,
        lhs_latex=render_latex(spec.lhs) if result.lhs_latex else "",
        rhs_latex=render_latex(spec.rhs) if result.rhs_latex else "",
        counterexample=witness,
        notes=(reading.note, *result.notes) if result.status != "error" and reading.note
        else result.notes)


def check_proof(
    text: str, options: CheckOptions, *, title: str = "", expect: str | None = None
) -> ProofResult:
    """Check a whole cell inline (no worker processes), step after step."""
    from .cell import parse_cell
    from .verdict import error_proof, summarize

    started = time.perf_counter()
    try:
        cell = parse_cell(text, function_names(options.assume, options.symbols))
    except (ParseError, UnsupportedError) as exc:
        return error_proof(text, exc, options, title=title, expect=expect,
                           seconds=time.perf_counter() - started)
    merged = with_cell_assumptions(options, cell.assume)
    steps = [check_step(spec, merged) for spec in cell.steps]
    return summarize(text, cell, steps, merged, title=title, expect=expect,
                     seconds=time.perf_counter() - started)
