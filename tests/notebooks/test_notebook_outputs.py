"""The saved outputs of notebooks/ cover every status, verdict and flag, and meet expectations.

nbval (in the test command) proves that the saved outputs are what a fresh kernel produces
now; these tests check that those outputs teach what the notebooks promise. When the
checker's verdicts change, run ``scripts/refresh_notebooks.py`` and fix what fails here.
"""

from __future__ import annotations

import nbformat
import pytest
from notebook_outputs import notebook_paths, verify_outputs

from proofnb.core.model import FLAGS, STATUSES, VERDICTS

EXPECTED = {
    "01-getting-started.ipynb",
    "02-algebra-and-equations.ipynb",
    "03-calculus-and-trig.ipynb",
    "04-teacher-history.ipynb",
    "05-worksheet-answers.ipynb",
}


def _all_outputs() -> list:
    outputs = []
    for path in notebook_paths():
        outputs += verify_outputs(nbformat.read(path, as_version=4), path.name)
    return outputs


def test_the_teaching_notebooks_exist() -> None:
    assert EXPECTED <= {p.name for p in notebook_paths()}


@pytest.mark.parametrize("path", notebook_paths(), ids=lambda p: p.name)
def test_saved_outputs_come_from_one_run_top_to_bottom(path) -> None:
    notebook = nbformat.read(path, as_version=4)
    nbformat.validate(notebook)
    code = [c for c in notebook.cells if c.cell_type == "code"]
    assert [c.execution_count for c in code] == list(range(1, len(code) + 1)), (
        "run scripts/refresh_notebooks.py: the saved outputs are not from one fresh run"
    )
    errors = [o for c in code for o in c.outputs if o.output_type == "error"]
    assert errors == []


def test_every_finished_proof_meets_its_expectation() -> None:
    waited = [o for o in _all_outputs() if o.wait]
    assert waited
    wrong = [o for o in waited if o.verdict != o.expect]
    assert wrong == [], "verdicts differ from --expect; refresh and review the notebooks"


def test_a_proof_without_wait_is_saved_finished_by_a_headless_run() -> None:
    # In JupyterLab such a cell streams (the widget fills in as steps finish); a run with
    # no one watching (the refresh, nbconvert --execute, nbval) checks it in the foreground
    # (VerifyMagics.wait = "auto"), so the saved copy shows the finished proof.
    background = [o for o in _all_outputs() if not o.wait]
    assert background, "some notebook must show a %%verify cell without --wait"
    for output in background:
        assert "pending" not in output.statuses
        assert output.verdict == output.expect


def test_the_notebooks_cover_every_status_verdict_and_flag() -> None:
    outputs = [o for o in _all_outputs() if o.wait]
    statuses = {s for o in outputs for s in o.statuses}
    verdicts = {o.verdict for o in outputs}
    flags = {f for o in outputs for f in o.flags}
    assert set(STATUSES) - {"pending"} <= statuses
    assert set(VERDICTS) <= verdicts
    assert set(FLAGS) <= flags
