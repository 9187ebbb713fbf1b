"""Round 34: today's notation end to end in a real kernel (widget rows, notes, history).

Each cell runs through ``%%verify`` in a kernel started by jupyter_client; the test follows
the widget's state messages until its verdict is shown, then reads the history database the
kernel wrote. MathCheck's ``/\\`` and ``\\/`` typeset as a slash and a space or vanished,
numbered solutions and solution sets showed the engine's rewrite (``x = 2 or x = 3``) instead
of the student's line, ⟨1, 2⟩, ``^{6}C_{2}`` and ``12 : 3`` were ``\\text`` of the source, and a
tangent's witness was labelled "lost root".
"""

from __future__ import annotations

import pytest
from kernel_client import LiveKernel, run_to_verdict

from proofnb.store.history import ProofStore

pytestmark = pytest.mark.slow

#: (cell body, verdict, LaTeX and text the widget's rows must show, last step's lhs/rhs)
CELLS = [
    ("x^2 < 1 <-> x > -1 /\\ x < 1", "accepted", [r"x &gt; -1 \land x &lt; 1"],
     "x > -1 /\\ x < 1"),
    ("x^2 = 4 <-> x = 2 \\/ x = 3", "rejected", [r"x = 2 \lor x = 3", "lost root: "],
     "x = 2 \\/ x = 3"),
    ("x^2 - 5x + 6 = 0\nx_1 = 2, x_2 = 3", "accepted",
     [r"x_{1} = 2,\ x_{2} = 3", "note: <span class=\"tex2jax_ignore\">x_1 = 2, x_2 = 3 is read as "
      "x = 2 or x = 3"], "x_1 = 2, x_2 = 3"),
    ("x^2 - 5x + 6 = 0\nL = {2; 4}", "rejected", [r"L = \left\{2; 4\right\}", "x = 3 satisfies"],
     "L = {2; 4}"),
    ("x^2 - 4x + 3 < 0\n<=> x ∈ ]1, 3[", "accepted", [r"x \in \left]1, 3\right["], "x ∈ ]1, 3["),
    ("0,5 · 4 = 2,5", "rejected", [r"0{,}5 \cdot 4", "2{,}5"], "2,5"),
    ("⟨1, 2⟩ · ⟨3, 4⟩ = 11", "accepted", [r"\left\langle 1, 2 \right\rangle"], "11"),
    ("^{6}C_{2} = 15\n12 : 3 = 4", "accepted", [r"{}^{6} C_{2}", r"12 \mathbin{:} 3"], "4"),
    ("f(x) = x^2\nf'(3) = 6\ny = 6x - 8", "rejected",
     ["counterexample: <span class=\"tex2jax_ignore\">x = 1, y = -2 is on this line"], "6x - 8"),
    ("dy/dx = xy\ndy/y = x dx", "rejected", [r"\frac{dy}{y} = x dx", "that solution is lost"],
     "dy/y = x dx"),
]  # fmt: skip


def test_todays_cells_show_as_written_and_reach_the_history(kernel: LiveKernel) -> None:
    for seed, (body, expected, shown, _) in enumerate(CELLS, start=340):
        rows, verdict = run_to_verdict(kernel, body, seed)
        assert verdict == expected, (body, rows)
        markup = "".join(rows)
        for piece in shown:
            assert piece in markup, (body, piece, markup)
        assert r"\text{" not in markup, (body, markup)
        assert "lost root" not in markup or "solution lost" in markup, markup
        assert " or x = 3$" not in markup  # the rewrite is a note, never the row's maths
    kernel.ok("import proofnb\nawait proofnb.last().wait()")  # the history write is over
    with ProofStore(kernel.db) as store:
        page = store.page(limit=len(CELLS))
        saved = list(reversed(page.items))[-len(CELLS):]
        for (body, expected, _, last_side), item in zip(CELLS, saved, strict=True):
            proof = store.get(item["id"])
            assert proof is not None
            assert proof["text"].strip() == body.strip()
            assert proof["verdict"] == expected
            assert proof["steps"][-1]["rhs"] == last_side
            assert all(s["lhs_latex"] and s["rhs_latex"] for s in proof["steps"])
