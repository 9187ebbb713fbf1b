"""Statement steps proved by exact finite solution sets (sums of squares, polynomial systems)
and by substitution u = f(x); their near-misses are refuted with a witness re-checked exactly.

The provers run after the numeric tier, so the direct calls below also make sure they never
claim a false step on their own.
"""

from __future__ import annotations

import time

import pytest
import sympy as sp
from test_gaps import run

from proofnb.core.substitution import prove_by_substitution
from proofnb.core.systems import prove_by_systems
from proofnb.core.witness import Problem

#: (cell, assume, domain, method prefix) — true steps, proved.
PROVED = [
    ("x^2 + y^2 = 0 <=> x = 0 and y = 0", (), "real", "finite-solutions"),
    ("(x-1)^2 + (y+2)^2 = 0 <=> x = 1 and y = -2", (), "real", "finite-solutions"),
    ("x^2 + y^2 = 0 ==> x = 0", (), "real", "finite-solutions"),
    ("sqrt(x) + y^2 = 0 <=> x = 0 and y = 0", (), "real", "finite-solutions"),
    ("|x - 3| + (y-1)^4 = 0 <=> x = 3 and y = 1", (), "real", "finite-solutions"),
    ("y = x^2 and y = 2x <=> (x = 0 and y = 0) or (x = 2 and y = 4)", (), "real", ""),
    ("x + y = 3 and x y = 2 <=> (x = 1 and y = 2) or (x = 2 and y = 1)", (), "real", ""),
    ("x + y = 3 and x y = 2 <=> x = 2 and y = 1", ("x > 3/2",), "real", ""),
    ("x^2 + y^2 = 2 and x = y <=> (x = 1 and y = 1) or (x = -1 and y = -1)", (), "real", ""),
    ("x/y = 2 and x + y = 3 <=> x = 2 and y = 1", (), "real", ""),
    ("x^2 = -1 and y = x <=> (x = i and y = i) or (x = -i and y = -i)", (), "complex", ""),
    ("x^2 + 1 = 0 and y = x <=> x = 1 and x = 2", (), "real", ""),
    ("sin(x)^2 = 1/4 <=> sin(x) = 1/2 or sin(x) = -1/2", (), "real", "substitution"),
    ("sin(x) = 1/2 ==> sin(x)^2 = 1/4", (), "real", ""),
    ("sin(x) = 2 or sin(x) = 0 <=> sin(x) = 0", (), "real", "substitution"),
    ("1/sin(x) = 2 <=> sin(x) = 1/2", (), "real", ""),
    ("sqrt(sin(x)) = 1/2 <=> sin(x) = 1/4", (), "real", ""),
    ("e^(2x) - 3e^x + 2 = 0 <=> e^x = 1 or e^x = 2", (), "real", ""),
    ("e^x = -1 or e^x = 1 <=> e^x = 1", (), "real", ""),
    ("log(x)^2 = 1 <=> log(x) = 1 or log(x) = -1", (), "real", ""),
    ("a x = b <=> x = b/a", ("a != 0",), "real", "linear"),
    ("a x + c = b <=> x = (b - c)/a", ("a != 0",), "real", "linear"),
    ("(a-1) x = b <=> x = b/(a-1)", ("a > 1",), "real", "linear"),
]


@pytest.mark.parametrize(("cell", "assume", "domain", "method"), PROVED,
                         ids=[c[0] for c in PROVED])
def test_true_statement_is_proved(cell: str, assume: tuple[str, ...], domain: str,
                                  method: str) -> None:
    result = run(cell, assume, domain)
    assert result.status == "proved", f"{result.status}/{result.method}: {result.message}"
    assert result.method.startswith(method)


#: (cell, assume, domain) — false near-misses, refuted with a re-checked witness.
REFUTED = [
    ("x^2 + y^2 = 0 <=> x = 0 and y = 0", (), "complex"),
    ("x^2 + y^2 = 0 <=> x = 0 and y = 1", (), "real"),
    ("x^2 + y^2 = 1 <=> x = 1 and y = 0", (), "real"),
    ("x^2 - y^2 = 0 <=> x = 0 and y = 0", (), "real"),
    ("|x - 3| + (y-1)^4 = 0 <=> x = 3 and y = -1", (), "real"),
    ("x + y = 3 and x y = 2 ==> x = 1 and y = 2", (), "real"),
    ("y = x^2 and y = 2x <=> x = 2 and y = 4", (), "real"),
    ("x^2 + y^2 = 2 and x = y <=> x = 1 and y = 1", (), "real"),
    ("sin(x)^2 = 1/4 <=> sin(x) = 1/2", (), "real"),
    ("sin(x)^2 = 1/4 ==> sin(x) = 1/2", (), "real"),
    ("sin(x)^2 = 1/4 <=> sin(x) = 1/2 or sin(x) = 1/3", (), "real"),
    ("cos(x)^2 = 1 <=> cos(x) = 1", (), "real"),
    ("log(x)^2 = 1 <=> log(x) = 1", (), "real"),
    ("a x = b <=> x = b/a", (), "real"),
    ("a x = b <=> x = a/b", ("a != 0",), "real"),
    ("(a-1) x = b <=> x = b/(a-1)", ("a > 0",), "real"),
]


@pytest.mark.parametrize(("cell", "assume", "domain"), REFUTED, ids=[c[0] for c in REFUTED])
def test_false_statement_is_refuted(cell: str, assume: tuple[str, ...], domain: str) -> None:
    result = run(cell, assume, domain)
    assert result.status == "refuted", f"{result.status}/{result.method}: {result.message}"


x, y = sp.symbols("x y", real=True)
z, w = sp.symbols("z w")

#: (first line, second line, relation, real) — all false, handed straight to the provers.
FALSE_STEPS = [
    (sp.Eq(z**2 + w**2, 0), sp.And(sp.Eq(z, 0), sp.Eq(w, 0)), "<=>", False),
    (sp.Eq(x**2 + y**2, 1), sp.And(sp.Eq(x, 1), sp.Eq(y, 0)), "<=>", True),
    (sp.Eq(x**2 * y**2 + 1, 1), sp.Eq(x, 0), "==>", True),
    (sp.Eq(x**2 * y**2, 0), sp.And(sp.Eq(x, 0), sp.Eq(y, 0)), "==>", True),
    (sp.And(sp.Eq(x**5 - x - 1, 0), sp.Eq(y, x)), sp.And(sp.Eq(x, 1), sp.Eq(y, 1)), "<=>", True),
    (sp.Eq(x**2 - 2 * x * y + y**2, 0), sp.And(sp.Eq(x, 0), sp.Eq(y, 0)), "==>", True),
    (sp.Eq(sp.sin(x) ** 2, 1), sp.Eq(sp.sin(x), 1), "<=>", True),
    (sp.Eq(sp.log(x) ** 2, 4), sp.Eq(sp.log(x), 2), "==>", True),
    (sp.Ge(sp.log(x) ** 2, 0), sp.true, "<=>", True),  # x = -1 solves only the second line
    (sp.Gt(sp.sqrt(sp.sin(x)), -1), sp.true, "<=>", True),
]


@pytest.mark.parametrize(("first", "second", "relation", "real"), FALSE_STEPS,
                         ids=[f"{a} {r} {b}" for a, b, r, _ in FALSE_STEPS])
def test_provers_never_claim_a_false_statement(first: sp.Basic, second: sp.Basic,
                                               relation: str, real: bool) -> None:
    symbols = tuple(sorted(first.free_symbols | second.free_symbols, key=str))
    problem = Problem(relation, first, second, first, symbols, real=real)  # type: ignore[arg-type]
    deadline = time.monotonic() + 10
    claimed = prove_by_systems(problem, deadline)[0] or prove_by_substitution(problem, deadline)
    assert claimed is None, claimed


def test_controls_are_proved_directly() -> None:
    deadline = time.monotonic() + 10
    true_steps = [
        (sp.Eq(sp.exp(2 * x), 4), sp.Eq(sp.exp(x), -2), "<=="),
        (sp.Eq(sp.sin(x) ** 2, sp.sin(x)), sp.Or(sp.Eq(sp.sin(x), 0), sp.Eq(sp.sin(x), 1)), "<=>"),
        (sp.Eq(x**2 + y**2, 0), sp.And(sp.Eq(x, 0), sp.Eq(y, 0)), "<=>"),
    ]
    for first, second, relation in true_steps:
        symbols = tuple(sorted(first.free_symbols | second.free_symbols, key=str))
        problem = Problem(relation, first, second, first, symbols)
        found = prove_by_systems(problem, deadline)[0] or prove_by_substitution(problem, deadline)
        assert found is not None, (first, relation, second)
