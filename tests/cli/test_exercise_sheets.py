"""The exercise-sheet course (the batch benchmark's workload): every template's hand-settled
verdict is the checker's, through ``proofnb check`` in a real process."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from proofnb.batch import corpus
from proofnb.batch.corpus import write_course

from .conftest import run_cli


def test_exercise_sheets_get_their_labelled_verdicts(tmp_path: Path) -> None:
    labels = write_course(tmp_path, notebooks=40, seed=21, exercises=True)
    done = run_cli("check", str(tmp_path), "--json", "--workers", "2")
    assert done.returncode == 1, done.stderr  # some expectations are wrong on purpose
    report = json.loads(done.stdout)
    got = {(p["file"], p["cell"]): p for p in report["proofs"]}
    by_place = {(label.path, label.cell): label for label in labels}
    assert got.keys() == by_place.keys()
    wrong = {
        place: (p["verdict"], by_place[place].verdict, p["result"]["text"])
        for place, p in got.items()
        if p["verdict"] != by_place[place].verdict
    }
    assert wrong == {}
    assert all(p["ok"] == by_place[place].ok for place, p in got.items())
    for proof in got.values():
        if proof["verdict"] == "rejected":  # refuted with a witness, never on a guess
            assert any(s["counterexample"] for s in proof["result"]["steps"])
    # Sheets of two to six proofs, and every kind of verdict on them.
    per_sheet = Counter(label.path for label in labels)
    assert set(per_sheet.values()) <= set(range(2, 7)) and len(set(per_sheet.values())) > 2
    assert {label.verdict for label in labels} == {"accepted", "review", "rejected"}


def test_every_exercise_template_is_drawn_with_varied_numbers(tmp_path: Path) -> None:
    import random

    templates = (*corpus.EXERCISE_ACCEPTED, *corpus.EXERCISE_REJECTED)
    for template in templates:
        bodies = {template(random.Random(seed))[1] for seed in range(40)}
        assert len(bodies) >= 5, template.title
    assumed = [t for t in templates if t.assume]
    assert assumed, "some sheet proofs carry --assume"
    write_course(tmp_path, notebooks=12, seed=2, exercises=True)
    text = "".join(p.read_text() for p in tmp_path.rglob("*.ipynb"))
    assert "--assume" in text and "\\\\iff" in text
