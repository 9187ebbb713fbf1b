"""True identities whose proof is genuinely CPU-heavy SymPy work (no sleeps anywhere).

The Lagrange identity: for distinct x_1..x_n,
``sum_i x_i^k / prod_{j != i} (x_i - x_j) = h_{k-n+1}(x_1..x_n)`` (the complete homogeneous
symmetric polynomial). Proving it means bringing n fractions with degree n-1 denominators
to a common denominator and cancelling. Even on the SymEngine fast path the numerator is a
polynomial in n variables of degree about n^2: n = 6, k = 10 takes a couple of seconds per step
on one core, n = 7 takes over a minute (the parser's length limit keeps bigger cells out).
"""

from __future__ import annotations

import itertools

NAMES = ("a", "b", "c", "d", "p", "q", "r")


def lagrange_sum(names: tuple[str, ...], k: int, flip: bool = False) -> str:
    """``sum_i x_i^k / prod_{j != i}(x_i - x_j)``; ``flip`` writes each factor as x_j - x_i."""
    terms = []
    for xi in names:
        factors = [f"({xj} - {xi})" if flip else f"({xi} - {xj})" for xj in names if xj != xi]
        sign = "-" if flip and len(factors) % 2 else ""
        terms.append(f"{sign}{xi}^{k}/({''.join(factors)})")
    return " + ".join(terms).replace("+ -", "- ")


def complete_homogeneous(names: tuple[str, ...], m: int) -> str:
    """h_m(names) as a sum of monomials, e.g. ``a^2 + a*b + b^2``."""
    monomials = []
    for combo in itertools.combinations_with_replacement(names, m):
        powers = [(n, combo.count(n)) for n in dict.fromkeys(combo)]
        monomials.append("*".join(n if p == 1 else f"{n}^{p}" for n, p in powers))
    return " + ".join(monomials)


def nested_homogeneous(names: tuple[str, ...], m: int) -> str:
    """h_m written as ``x_1 * h_{m-1}(all) + h_m(rest)``, unexpanded."""
    first, rest = names[0], names[1:]
    return f"{first}*({complete_homogeneous(names, m - 1)}) + {complete_homogeneous(rest, m)}"


def four_heavy_steps(n: int = 6, k: int = 10) -> str:
    """A chain of five equal lines: four steps, each a Lagrange identity to cancel."""
    names = NAMES[:n]
    m = k - n + 1
    lines = [
        lagrange_sum(names, k),
        complete_homogeneous(names, m),
        lagrange_sum(names, k, flip=True),
        nested_homogeneous(names, m),
        lagrange_sum(tuple(reversed(names)), k),
    ]
    return "\n".join([lines[0], *(f"  = {line}" for line in lines[1:])])


def heavy_steps(count: int, n: int = 6, k: int = 10) -> str:
    """``count`` heavy steps in one chain, alternating the sum and polynomial forms."""
    names = NAMES[:n]
    m = k - n + 1
    forms = [
        lagrange_sum(names, k),
        complete_homogeneous(names, m),
        lagrange_sum(names, k, flip=True),
        nested_homogeneous(names, m),
    ]
    lines = [forms[0]]
    for i in range(1, count + 1):
        lines.append(forms[i % 4] if i % 4 else lagrange_sum(names[i // 4 % n:] +
                                                              names[:i // 4 % n], k))
    return "\n".join([lines[0], *(f"  = {line}" for line in lines[1:])])


def endless_steps() -> str:
    """Four true steps of over a minute each: for tests that cancel, time out or interrupt."""
    return four_heavy_steps(7, 7)
