"""Round 40: a folder of student submissions, some damaged, through ``proofnb check``.

* A cell whose ``source`` is not text (a damaged file) was skipped silently: the notebook
  counted as read and its proofs vanished from the report. It is now a problem (exit 2).
* A notebook without cell ids (written before nbformat 4.5) printed nbformat's
  MissingIDFieldWarning into the CI log; JupyterLab opens such notebooks silently.
"""

from __future__ import annotations

import json
from pathlib import Path

from .notebook_cli import run_cli, write_notebook

NO_IDS = {
    "nbformat": 4, "nbformat_minor": 5, "metadata": {},
    "cells": [{"cell_type": "code", "metadata": {}, "outputs": [], "execution_count": None,
               "source": ["%%verify\n", "(x-1)^2 = x^2 - 2x + 1"]}],
}


def test_submissions_with_damaged_cells(tmp_path: Path) -> None:
    folder = tmp_path / "submissions"
    folder.mkdir()
    write_notebook(folder / "student_01.ipynb", [("Task 1", "", "(x + 2)^2 = x^2 + 4x + 4")])
    (folder / "student_02.ipynb").write_text(json.dumps(NO_IDS))
    damaged = dict(NO_IDS, cells=[dict(NO_IDS["cells"][0], source=42)])  # type: ignore[arg-type]
    (folder / "student_03.ipynb").write_text(json.dumps(damaged))

    done = run_cli("check", str(folder), "--workers", "1")
    assert done.returncode == 2, done.stdout + done.stderr
    assert "Warning" not in done.stderr, done.stderr
    assert "student_03.ipynb cell 1: ERROR cannot read this cell" in done.stdout, done.stdout

    done = run_cli("check", str(folder), "--workers", "1", "--json")
    report = json.loads(done.stdout)
    assert sorted((Path(p["file"]).name, p["verdict"]) for p in report["proofs"]) == [
        ("student_01.ipynb", "accepted"), ("student_02.ipynb", "accepted")]
    assert [(Path(p["file"]).name, p["cell"]) for p in report["problems"]] == [
        ("student_03.ipynb", 1)]
    assert "Warning" not in done.stderr, done.stderr
