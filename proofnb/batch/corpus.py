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


def write_course(folder: str | Path, notebooks: int = 200, seed: int = 0) -> list[Labelled]:
    """Write ``notebooks`` notebooks under ``folder`` (in a few sub-folders) and return labels.

    About half the proofs are correct (``accepted``), one in sixteen holds only numerically
    (``review``, marked ``--expect review``), a third are deliberately wrong and marked
    ``--expect rejected``, and about one in twelve carries a wrong expectation (marked
    ``--expect rejected`` when it is accepted, else marked nothing).
    """
    import nbformat

    rng = random.Random(seed)
    root = Path(folder)
    labels: list[Labelled] = []
    for number in range(notebooks):
        nb = nbformat.v4.new_notebook()
        nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3"}
        nb.cells.append(nbformat.v4.new_markdown_cell(f"# Exercise sheet {number}"))
        nb.cells.append(nbformat.v4.new_code_cell("%load_ext proofnb"))
        sub = root / f"week{number % 5}"
        sub.mkdir(parents=True, exist_ok=True)
        path = sub / f"sheet{number:03d}.ipynb"
        for _ in range(1 + number % 2):
            roll = rng.random()
            verdict, templates = next((v, t) for edge, v, t in _KINDS if roll < edge)
            title, body = rng.choice(templates)(rng)
            expect: Verdict | None = None if verdict == "accepted" else verdict
            if rng.random() < 0.08:  # a wrong expectation, on purpose
                expect = "rejected" if verdict == "accepted" else None
            line = f'%%verify --title "{title}"'
            if expect:
                line += f" --expect {expect}"
            nb.cells.append(nbformat.v4.new_code_cell(f"{line}\n{body}"))
            labels.append(Labelled(str(path), len(nb.cells), verdict, expect))
            nb.cells.append(nbformat.v4.new_markdown_cell("Why does this step hold?"))
        nbformat.write(nb, str(path))
    return labels
