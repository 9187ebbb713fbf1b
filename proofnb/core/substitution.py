"""Statement steps in one function of x: ``sin(x)^2 = 1/4 <=> sin(x) = 1/2 or sin(x) = -1/2``.

When every occurrence of x on both lines lies inside the same ``f(x)``, the solutions of a line
are ``{x in D : f(x) in S}`` with S its solutions in u = f(x); so the two lines compare as their
u-solution sets compare on the range f(D). Real domain, one unknown only.
"""

from __future__ import annotations

import time

import sympy as sp
from sympy import Basic, Expr, Symbol
from sympy.calculus.util import function_range

from .equations import _domain_only, solution_set
from .prove import ProofFound, assumption_interval
from .witness import Problem

_U = sp.Dummy("u", real=True)


def prove_by_substitution(problem: Problem, deadline: float) -> ProofFound | None:
    """Prove a univariate statement step through u = f(x), or None."""
    if not problem.real or len(problem.symbols) != 1 or problem.integer:
        return None
    x = problem.symbols[0]
    first, second = problem.lhs, problem.rhs
    for f in _candidates(first, x) | _candidates(second, x):
        if time.monotonic() > deadline:
            return None
        one, two = _in_u(first, f, x), _in_u(second, f, x)
        if one is None or two is None:
            continue
        try:
            region = assumption_interval(x, problem.conditions)
            domain = _domain_only(f, x, region, True)
            if domain is None:
                continue
            # A line without f(x) is solved over all of the region, not f's domain only.
            if not (first.has(f) and second.has(f)) and domain != region:
                continue
            image = function_range(f, x, domain)
            if image.has(sp.ConditionSet) or not image.is_subset(sp.S.Reals):
                continue
            s1 = solution_set(one, _U, image, True)
            s2 = solution_set(two, _U, image, True)
            if s1 is None or s2 is None:
                continue
            need = {"<=>": (sp.Complement(s1, s2), sp.Complement(s2, s1)),
                    "==>": (sp.Complement(s1, s2),),
                    "<==": (sp.Complement(s2, s1),)}[problem.relation]
        except (NotImplementedError, TypeError, ValueError, AttributeError):
            continue
        if all(part is sp.S.EmptySet for part in need):
            return ProofFound(f"substitution u = {sp.sstr(f)}")
    return None


def _candidates(stmt: Basic, x: Symbol) -> set[Expr]:
    """Subexpressions f(x) that could carry every occurrence of x."""
    out: set[Expr] = set()
    for node in sp.preorder_traversal(stmt):
        if isinstance(node, Expr) and node != x and node.has(x) and (
            isinstance(node, sp.Function) or (isinstance(node, sp.Pow) and node.exp.has(x))
        ):
            out.add(node)
    return out


def _in_u(stmt: Basic, f: Expr, x: Symbol) -> Basic | None:
    """``stmt`` with f(x) replaced by u; ``exp(k x)`` as ``u^k`` when f is ``exp(x)``."""
    try:  # rebuilding ln(z) > ln(-2) with u compares a non-real constant: SymPy's TypeError
        replaced = stmt.xreplace({f: _U})
    except (TypeError, ValueError):
        return None
    if isinstance(f, sp.exp):
        arg = f.args[0]
        powers = {}
        for node in sp.preorder_traversal(replaced):
            if isinstance(node, sp.exp) and node.has(x):
                k = sp.cancel(node.args[0] / arg)
                if k.is_Integer:
                    powers[node] = _U ** k
        replaced = replaced.xreplace(powers)
    if replaced.has(x):
        return None
    return replaced
