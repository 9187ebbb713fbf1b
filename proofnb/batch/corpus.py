"""Generate a folder of course notebooks whose verdicts are known, for tests and benchmarks.

Every proof comes from a template whose truth is settled by hand (an expansion that holds,
a square that drops its cross term...), with numbers varied per notebook so that no two
proofs share a text. Labels say which verdict each proof must get and whether it meets the
expectation written on its ``%%verify`` line.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ..core.model import Verdict


@dataclass(frozen=True, slots=True)
class Labelled:
    """A generated proof: where it is, the verdict it must get, and its ``--expect``."""

    path: str
    cell: int
    verdict: Verdict
    expect: Verdict | None

    @property
    def ok(self) -> bool:
        return self.verdict == (self.expect or "accepted")


Template = Callable[[random.Random], tuple[str, str]]
#: A template whose proof needs assumptions: title, body and the ``--assume`` text.
Assumed = Callable[[random.Random], tuple[str, str, str]]


def _square(rng: random.Random) -> tuple[str, str]:
    k = rng.randint(2, 40)
    return f"(x + {k})^2", f"(x + {k})^2\n  = (x + {k})(x + {k})\n  = x^2 + {2 * k}x + {k * k}\n"


def _difference(rng: random.Random) -> tuple[str, str]:
    k = rng.randint(2, 40)
    body = f"(a - {k})(a + {k})\n  = a^2 + {k}a - {k}a - {k * k}\n  = a^2 - {k * k}\n"
    return f"(a - {k})(a + {k})", body


def _fraction(rng: random.Random) -> tuple[str, str]:
    k = rng.randint(2, 30)
    return (
        f"(x^2 - {k * k})/(x - {k})",
        f"(x^2 - {k * k})/(x - {k})\n  = (x - {k})(x + {k})/(x - {k})\n  = x + {k}\n",
    )


def _distribute(rng: random.Random) -> tuple[str, str]:
    p, q = rng.randint(2, 20), rng.randint(2, 20)
    return f"{p}(y + {q})", f"{p}(y + {q}) - {p}y\n  = {p}y + {p * q} - {p}y\n  = {p * q}\n"


def _wrong_square(rng: random.Random) -> tuple[str, str]:
    k = rng.randint(2, 40)
    return f"(x + {k})^2", f"(x + {k})^2\n  = x^2 + {k * k}\n"


def _wrong_sign(rng: random.Random) -> tuple[str, str]:
    k = rng.randint(2, 40)
    return f"(b - {k})^2", f"(b - {k})^2\n  = b^2 - {2 * k}b - {k * k}\n"


def _wrong_cancel(rng: random.Random) -> tuple[str, str]:
    k = rng.randint(2, 30)
    return f"(x + {k})/{k}", f"(x + {k})/{k}\n  = x + 1\n"


# True, but with no symbolic argument in the checker's tiers: only numeric evidence (likely).
# (Floor steps and an exp tangent line used to be here; the engine now proves them. If it
# learns these too, the batch tests say so: pick another true step it leaves "likely".)
def _floor_sum(rng: random.Random) -> tuple[str, str]:
    k = rng.randint(2, 9)
    return f"floor(x + y + {k})", f"floor(x + y + {k}) >= floor(x) + floor(y) + {k}\n"


def _ceiling_sum(rng: random.Random) -> tuple[str, str]:
    k = rng.randint(2, 9)
    return "ceiling(x + y)", f"ceiling(x + y) <= ceiling(x) + ceiling(y) + {k}\n"


ACCEPTED: tuple[Template, ...] = (_square, _difference, _fraction, _distribute)
REVIEW: tuple[Template, ...] = (_floor_sum, _ceiling_sum)
REJECTED: tuple[Template, ...] = (_wrong_square, _wrong_sign, _wrong_cancel)
_KINDS: tuple[tuple[float, Verdict, tuple[Template, ...]], ...] = (
    (0.55, "accepted", ACCEPTED),
    (0.61, "review", REVIEW),
    (1.0, "rejected", REJECTED),
)



# Exercise sheets: what a course hands out beyond drill, in the notation teachers write
# (LaTeX, chains of <=>, assumptions, calculus), with the mistakes students make. Each
# template's truth is settled by hand for every number it can draw.
def _log_laws(rng: random.Random) -> tuple[str, str, str]:
    k = rng.randint(2, 40)
    body = f"\\ln(a^{{{k}}} b)\n  = \\ln(a^{{{k}}}) + \\ln b\n  = {k}\\ln a + \\ln b\n"
    return f"ln(a^{k} b)", body, "a > 0, b > 0"


def _trig_square(rng: random.Random) -> tuple[str, str]:
    k, v = rng.randint(2, 6), rng.choice("xtu")
    a = f"{k}{v}"
    body = (
        f"(\\sin {a} + \\cos {a})^2\n"
        f"  = \\sin^2 {a} + 2\\sin {a} \\cos {a} + \\cos^2 {a}\n"
        f"  = 1 + \\sin {2 * k}{v}\n"
    )
    return f"(sin {a} + cos {a})^2", body


def _square_bound(rng: random.Random) -> tuple[str, str]:
    k = rng.randint(2, 60)
    body = (
        f"x^2 + {k * k} \\ge {2 * k}x\n"
        f"  \\iff x^2 - {2 * k}x + {k * k} \\ge 0\n"
        f"  \\iff (x - {k})^2 \\ge 0\n"
    )
    return f"x^2 + {k * k} >= {2 * k}x", body


def _solve_quadratic(rng: random.Random) -> tuple[str, str]:
    p = rng.randint(1, 15)
    q = p + rng.randint(1, 12)
    body = (
        f"x^2 - {p + q}x + {p * q} = 0\n"
        f"  \\iff (x - {p})(x - {q}) = 0\n"
        f"  \\iff x = {p} \\text{{ or }} x = {q}\n"
    )
    return f"x^2 - {p + q}x + {p * q} = 0", body


def _partial_fractions(rng: random.Random) -> tuple[str, str]:
    k = rng.randint(2, 40)
    body = (
        f"\\frac{{1}}{{x - {k}}} - \\frac{{1}}{{x + {k}}}\n"
        f"  = \\frac{{(x + {k}) - (x - {k})}}{{(x - {k})(x + {k})}}\n"
        f"  = \\frac{{{2 * k}}}{{x^2 - {k * k}}}\n"
    )
    return f"1/(x - {k}) - 1/(x + {k})", body


def _product_rule(rng: random.Random) -> tuple[str, str]:
    k = rng.randint(2, 30)
    body = (
        f"\\frac{{d}}{{dx}} \\left(x^{{{k}}} \\sin x\\right)\n"
        f"  = {k}x^{{{k - 1}}} \\sin x + x^{{{k}}} \\cos x\n"
    )
    return f"d/dx x^{k} sin x", body


def _integral(rng: random.Random) -> tuple[str, str]:
    k, c = rng.randint(1, 12), rng.randint(1, 9)
    body = f"\\int_0^{{{k}}} {3 * c}x^2 \\, dx\n  = {c} \\cdot {k}^3 - 0\n  = {c * k ** 3}\n"
    return f"integral of {3 * c}x^2 from 0 to {k}", body


def _abs_interval(rng: random.Random) -> tuple[str, str]:
    k, r = rng.randint(1, 20), rng.randint(1, 9)
    body = (
        f"|x - {k}| < {r}\n"
        f"  \\iff -{r} < x - {k} < {r}\n"
        f"  \\iff {k - r} < x < {k + r}\n"
    )
    return f"|x - {k}| < {r}", body


def _powers(rng: random.Random) -> tuple[str, str]:
    b, k = rng.randint(2, 7), rng.randint(2, 9)
    body = f"{b}^{{x + {k}}}\n  = {b}^{{{k}}} \\cdot {b}^x\n  = {b ** k} \\cdot {b}^x\n"
    return f"{b}^(x + {k})", body


def _odd_sum(rng: random.Random) -> tuple[str, str]:
    c = rng.randint(1, 20)
    body = (
        f"\\sum_{{j=1}}^{{n}} ({2 * c}j - {c})\n"
        f"  = {c}n(n + 1) - {c}n\n"
        f"  = {c}n^2\n"
    )
    return f"sum of {2 * c}j - {c}", body


def _wrong_log(rng: random.Random) -> tuple[str, str, str]:
    k = rng.randint(2, 40)
    return f"ln(a + {k})", f"\\ln(a + {k})\n  = \\ln a + \\ln {k}\n", "a > 0"


def _wrong_root(rng: random.Random) -> tuple[str, str]:
    k = rng.randint(2, 40)
    return f"sqrt(x^2 + {k * k})", f"\\sqrt{{x^2 + {k * k}}}\n  = x + {k}\n"


def _lost_solution(rng: random.Random) -> tuple[str, str]:
    k = rng.randint(2, 40)
    return f"x^2 = {k * k}", f"x^2 = {k * k}\n  \\iff x = {k}\n"


def _wrong_chain_rule(rng: random.Random) -> tuple[str, str]:
    k = rng.randint(2, 40)
    return f"d/dx sin({k}x)", f"\\frac{{d}}{{dx}} \\sin({k}x)\n  = \\cos({k}x)\n"


def _wrong_bound(rng: random.Random) -> tuple[str, str]:
    k = rng.randint(3, 40)
    return f"x^2 + 1 >= {k}x", f"x^2 + 1 \\ge {k}x\n  \\iff (x - 1)^2 \\ge 0\n"


EXERCISE_ACCEPTED: tuple[Template | Assumed, ...] = (
    *ACCEPTED, _log_laws, _trig_square, _square_bound, _solve_quadratic, _partial_fractions,
    _product_rule, _integral, _abs_interval, _powers, _odd_sum,
)
EXERCISE_REJECTED: tuple[Template | Assumed, ...] = (
    *REJECTED, _wrong_log, _wrong_root, _lost_solution, _wrong_chain_rule, _wrong_bound,
)
_EXERCISE_KINDS: tuple[tuple[float, Verdict, tuple[Template | Assumed, ...]], ...] = (
    (0.55, "accepted", EXERCISE_ACCEPTED),
    (0.61, "review", REVIEW),
    (1.0, "rejected", EXERCISE_REJECTED),
)


def write_course(
    folder: str | Path, notebooks: int = 200, seed: int = 0, *, exercises: bool = False
) -> list[Labelled]:
    """Write ``notebooks`` notebooks under ``folder`` (in a few sub-folders) and return labels.

    About half the proofs are correct (``accepted``), one in sixteen holds only numerically
    (``review``, marked ``--expect review``), a third are deliberately wrong and marked
    ``--expect rejected``, and about one in twelve carries a wrong expectation (marked
    ``--expect rejected`` when it is accepted, else marked nothing).

    By default a notebook holds one or two short drill proofs. With ``exercises`` it is an
    exercise sheet of two to six proofs drawn from every template, drill and exercise alike:
    LaTeX chains, assumptions (``--assume``), inequalities, equations, calculus.
    """
    import nbformat

    rng = random.Random(seed)
    root = Path(folder)
    labels: list[Labelled] = []
    kinds = _EXERCISE_KINDS if exercises else _KINDS
    for number in range(notebooks):
        nb = nbformat.v4.new_notebook()
        nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3"}
        nb.cells.append(nbformat.v4.new_markdown_cell(f"# Exercise sheet {number}"))
        nb.cells.append(nbformat.v4.new_code_cell("%load_ext proofnb"))
        sub = root / f"week{number % 5}"
        sub.mkdir(parents=True, exist_ok=True)
        path = sub / f"sheet{number:03d}.ipynb"
        for _ in range(rng.randint(2, 6) if exercises else 1 + number % 2):
            roll = rng.random()
            verdict, templates = next((v, t) for edge, v, t in kinds if roll < edge)
            title, body, *assume = rng.choice(templates)(rng)
            expect: Verdict | None = None if verdict == "accepted" else verdict
            if rng.random() < 0.08:  # a wrong expectation, on purpose
                expect = "rejected" if verdict == "accepted" else None
            line = f'%%verify --title "{title}"'
            if assume:
                line += f' --assume "{assume[0]}"'
            if expect:
                line += f" --expect {expect}"
            nb.cells.append(nbformat.v4.new_code_cell(f"{line}\n{body}"))
            labels.append(Labelled(str(path), len(nb.cells), verdict, expect))
            nb.cells.append(nbformat.v4.new_markdown_cell("Why does this step hold?"))
        nbformat.write(nb, str(path))
    return labels
