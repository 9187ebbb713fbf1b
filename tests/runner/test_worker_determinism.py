"""Workers ask SymPy's assumption system in one fixed order (SymPy shuffles it with an
unseeded generator), so a verdict cannot depend on which worker checked the step."""

from __future__ import annotations

from proofnb.runner.pool import WorkerPool
from proofnb.runner.service import WARM

HANG_GUARD = 120.0
FACTS = ["zero", "positive", "integer", "finite", "real", "negative", "rational", "odd"]


def test_every_warm_worker_checks_facts_in_sorted_order() -> None:
    with WorkerPool(2, memory_mb=1024, warm=(WARM,)) as pool:
        orders = {tuple(pool.submit("proofnb.runner._selftest:assumption_order", FACTS,
                                    timeout=HANG_GUARD).result(HANG_GUARD))
                  for _ in range(6)}
    assert orders == {tuple(sorted(FACTS))}
