"""Deterministic sample proofs for store and server tests (also run as a writer subprocess).

``python proofs.py DB START COUNT [--pause S]`` adds proofs START..START+COUNT-1, one
transaction each, printing each id as it commits; ``--bulk CHUNK`` uses ``add_many``.
"""

from __future__ import annotations

import sys
import time

from proofnb.core.model import Counterexample, ProofResult, StepResult

VERDICT_CYCLE = ("accepted", "review", "rejected")


def make_proof(i: int) -> ProofResult:
    """Proof number ``i``: verdict cycles accepted/review/rejected, 1 + i % 4 steps."""
    verdict = VERDICT_CYCLE[i % 3]
    steps = []
    for k in range(1 + i % 4):
        status = {"accepted": "proved", "review": "likely", "rejected": "refuted"}[verdict]
        if verdict == "rejected" and k > 0:
            status = "proved"
        ce = None
        if status == "refuted":
            ce = Counterexample("value", (("x", "-1"),), "1", "-1", "x = -1: left 1, right -1")
        steps.append(
            StepResult(
                index=k,
                relation="=",
                lhs=f"f{i}(x) + {k}",
                rhs=f"g{i}(x) + {k}" if status != "refuted" else "x",
                status=status,  # type: ignore[arg-type]
                method="expand",
                seconds=0.001 * k,
                counterexample=ce,
                notes=("x ≠ 1",) if k == 0 else (),
                line=k + 2,
                seed=i if status == "likely" else None,
            )
        )
    return ProofResult(
        text=f"\nf{i}(x)\n" + "".join(f"  = g{i}(x) + {k}\n" for k in range(len(steps))),
        steps=tuple(steps),
        verdict=verdict,  # type: ignore[arg-type]
        flags=("domain",) if i % 5 == 0 else (),
        conclusion=f"f{i}(x) = g{i}(x)",
        title=f"Proof number {i}",
        assume=("x > 0",) if i % 2 else (),
        seconds=0.01,
    )


def main(argv: list[str]) -> None:
    from proofnb.store.history import ProofStore

    path, start, count = argv[0], int(argv[1]), int(argv[2])
    option, value = (argv[3], float(argv[4])) if len(argv) > 4 else ("", 0.0)
    store = ProofStore(path)
    notebook = f"writer-{start}.ipynb"
    if option == "--bulk":
        # Repeated templates, committed every CHUNK proofs; prints a line per chunk.
        templates = [make_proof(i) for i in range(12)]
        records = ((templates[i % 12], notebook, None) for i in range(start, start + count))
        print("start", flush=True)
        store.add_many(records, chunk=int(value))
    else:
        for i in range(start, start + count):
            print(store.add(make_proof(i), notebook=notebook), flush=True)
            if option == "--pause":
                time.sleep(value)
    store.close()


if __name__ == "__main__":
    main(sys.argv[1:])
