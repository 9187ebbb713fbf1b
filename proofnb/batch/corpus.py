"""Generate a folder of course notebooks whose verdicts are known, for tests and benchmarks.

Every proof comes from a template whose truth is settled by hand (an expansion that holds,
a square that drops its cross term...), with numbers varied per notebook so that no two
proofs share a text. Labels say which verdict each proof must get and whether it meets the
expectation written on its ``%%verify`` line.
"""

from __future__ import annotations

import random
import string
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


Values = dict[str, object]


@dataclass(frozen=True, slots=True)
class Template:
    """A proof whose truth is settled by hand for every value ``draw`` can give: ``title``
    and ``body`` with ``${name}`` filled in from the draw, and the ``--assume`` text it needs."""

    title: str
    body: str
    draw: Callable[[random.Random], Values]
    assume: str = ""

    def __call__(self, rng: random.Random) -> tuple[str, str, str]:
        values = self.draw(rng)
        return (string.Template(self.title).substitute(values),
                string.Template(self.body).substitute(values), self.assume)


def _k(low: int, high: int) -> Callable[[random.Random], Values]:
    """One whole number k from low to high, with the values the bodies compute from it."""
    def draw(rng: random.Random) -> Values:
        k = rng.randint(low, high)
        return {"k": k, "k2": 2 * k, "kk": k * k, "k1": k - 1}
    return draw


def _pq(p: int, q: int) -> Values:
    return {"p": p, "q": q, "pq": p * q, "s": p + q}


def _roots(rng: random.Random) -> Values:
    p = rng.randint(1, 15)
    return _pq(p, p + rng.randint(1, 12))


def _angle(rng: random.Random) -> Values:
    k, v = rng.randint(2, 6), rng.choice("xtu")
    return {"a": f"{k}{v}", "b": f"{2 * k}{v}"}


def _cubes(k: int, c: int) -> Values:
    return {"k": k, "c": c, "c3": 3 * c, "ck3": c * k**3}


def _interval(k: int, r: int) -> Values:
    return {"k": k, "r": r, "low": k - r, "high": k + r}


def _power(b: int, k: int) -> Values:
    return {"b": b, "k": k, "bk": b**k}


def _odd(c: int) -> Values:
    return {"c": c, "c2": 2 * c}


ACCEPTED: tuple[Template, ...] = (
    Template("(x + ${k})^2", "(x + ${k})^2\n  = (x + ${k})(x + ${k})\n  = x^2 + ${k2}x + ${kk}\n",
             _k(2, 40)),
    Template("(a - ${k})(a + ${k})",
             "(a - ${k})(a + ${k})\n  = a^2 + ${k}a - ${k}a - ${kk}\n  = a^2 - ${kk}\n", _k(2, 40)),
    Template("(x^2 - ${kk})/(x - ${k})",
             "(x^2 - ${kk})/(x - ${k})\n  = (x - ${k})(x + ${k})/(x - ${k})\n  = x + ${k}\n",
             _k(2, 30)),
    Template("${p}(y + ${q})", "${p}(y + ${q}) - ${p}y\n  = ${p}y + ${pq} - ${p}y\n  = ${pq}\n",
             lambda rng: _pq(rng.randint(2, 20), rng.randint(2, 20))),
)
# True, but with no symbolic argument in the checker's tiers: only numeric evidence (likely).
# (Floor steps and an exp tangent line used to be here; the engine now proves them. If it
# learns these too, the batch tests say so: pick another true step it leaves "likely".)
REVIEW: tuple[Template, ...] = (
    Template("floor(x + y + ${k})", "floor(x + y + ${k}) >= floor(x) + floor(y) + ${k}\n",
             _k(2, 9)),
    Template("ceiling(x + y)", "ceiling(x + y) <= ceiling(x) + ceiling(y) + ${k}\n", _k(2, 9)),
)
REJECTED: tuple[Template, ...] = (
    Template("(x + ${k})^2", "(x + ${k})^2\n  = x^2 + ${kk}\n", _k(2, 40)),
    Template("(b - ${k})^2", "(b - ${k})^2\n  = b^2 - ${k2}b - ${kk}\n", _k(2, 40)),
    Template("(x + ${k})/${k}", "(x + ${k})/${k}\n  = x + 1\n", _k(2, 30)),
)
_KINDS: tuple[tuple[float, Verdict, tuple[Template, ...]], ...] = (
    (0.55, "accepted", ACCEPTED),
    (0.61, "review", REVIEW),
    (1.0, "rejected", REJECTED),
)

# Exercise sheets: what a course hands out beyond drill, in the notation teachers write
# (LaTeX, chains of <=>, assumptions, calculus), with the mistakes students make.
EXERCISE_ACCEPTED: tuple[Template, ...] = (
    *ACCEPTED,
    Template("ln(a^${k} b)",
             "\\ln(a^{${k}} b)\n  = \\ln(a^{${k}}) + \\ln b\n  = ${k}\\ln a + \\ln b\n",
             _k(2, 40), assume="a > 0, b > 0"),
    Template("(sin ${a} + cos ${a})^2",
             "(\\sin ${a} + \\cos ${a})^2\n"
             "  = \\sin^2 ${a} + 2\\sin ${a} \\cos ${a} + \\cos^2 ${a}\n"
             "  = 1 + \\sin ${b}\n", _angle),
    Template("x^2 + ${kk} >= ${k2}x",
             "x^2 + ${kk} \\ge ${k2}x\n  \\iff x^2 - ${k2}x + ${kk} \\ge 0\n"
             "  \\iff (x - ${k})^2 \\ge 0\n",
             _k(2, 60)),
    Template("x^2 - ${s}x + ${pq} = 0",
             "x^2 - ${s}x + ${pq} = 0\n  \\iff (x - ${p})(x - ${q}) = 0\n"
             "  \\iff x = ${p} \\text{ or } x = ${q}\n", _roots),
    Template("1/(x - ${k}) - 1/(x + ${k})",
             "\\frac{1}{x - ${k}} - \\frac{1}{x + ${k}}\n"
             "  = \\frac{(x + ${k}) - (x - ${k})}{(x - ${k})(x + ${k})}\n"
             "  = \\frac{${k2}}{x^2 - ${kk}}\n", _k(2, 40)),
    Template("d/dx x^${k} sin x",
             "\\frac{d}{dx} \\left(x^{${k}} \\sin x\\right)\n"
             "  = ${k}x^{${k1}} \\sin x + x^{${k}} \\cos x\n", _k(2, 30)),
    Template("integral of ${c3}x^2 from 0 to ${k}",
             "\\int_0^{${k}} ${c3}x^2 \\, dx\n  = ${c} \\cdot ${k}^3 - 0\n  = ${ck3}\n",
             lambda rng: _cubes(rng.randint(1, 12), rng.randint(1, 9))),
    Template("|x - ${k}| < ${r}",
             "|x - ${k}| < ${r}\n  \\iff -${r} < x - ${k} < ${r}\n  \\iff ${low} < x < ${high}\n",
             lambda rng: _interval(rng.randint(1, 20), rng.randint(1, 9))),
    Template("${b}^(x + ${k})",
             "${b}^{x + ${k}}\n  = ${b}^{${k}} \\cdot ${b}^x\n  = ${bk} \\cdot ${b}^x\n",
             lambda rng: _power(rng.randint(2, 7), rng.randint(2, 9))),
    Template("sum of ${c2}j - ${c}",
             "\\sum_{j=1}^{n} (${c2}j - ${c})\n  = ${c}n(n + 1) - ${c}n\n  = ${c}n^2\n",
             lambda rng: _odd(rng.randint(1, 20))),
)
EXERCISE_REJECTED: tuple[Template, ...] = (
    *REJECTED,
    Template("ln(a + ${k})", "\\ln(a + ${k})\n  = \\ln a + \\ln ${k}\n", _k(2, 40), assume="a > 0"),
    Template("sqrt(x^2 + ${kk})", "\\sqrt{x^2 + ${kk}}\n  = x + ${k}\n", _k(2, 40)),
    Template("x^2 = ${kk}", "x^2 = ${kk}\n  \\iff x = ${k}\n", _k(2, 40)),
    Template("d/dx sin(${k}x)", "\\frac{d}{dx} \\sin(${k}x)\n  = \\cos(${k}x)\n", _k(2, 40)),
    Template("x^2 + 1 >= ${k}x", "x^2 + 1 \\ge ${k}x\n  \\iff (x - 1)^2 \\ge 0\n", _k(3, 40)),
)
_EXERCISE_KINDS: tuple[tuple[float, Verdict, tuple[Template, ...]], ...] = (
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
            title, body, assume = rng.choice(templates)(rng)
            expect: Verdict | None = None if verdict == "accepted" else verdict
            if rng.random() < 0.08:  # a wrong expectation, on purpose
                expect = "rejected" if verdict == "accepted" else None
            line = f'%%verify --title "{title}"'
            if assume:
                line += f' --assume "{assume}"'
            if expect:
                line += f" --expect {expect}"
            nb.cells.append(nbformat.v4.new_code_cell(f"{line}\n{body}"))
            labels.append(Labelled(str(path), len(nb.cells), verdict, expect))
            nb.cells.append(nbformat.v4.new_markdown_cell("Why does this step hold?"))
        nbformat.write(nb, str(path))
    return labels
