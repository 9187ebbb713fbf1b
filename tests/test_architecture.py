"""Fences around the architecture: the core stays pure, importing starts nothing."""

from __future__ import annotations

import json
import pickle
import subprocess
import sys

from proofnb.core.errors import OptionsError, ParseError, UnsupportedError
from proofnb.core.model import Counterexample, ProofResult, StepResult


def _run(code: str) -> str:
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=True
    )
    return done.stdout.strip()


def test_core_imports_no_jupyter_module() -> None:
    out = _run(
        "import sys, proofnb.core.model, proofnb.core.errors\n"
        "import importlib, pkgutil, proofnb.core as c\n"
        "for m in pkgutil.iter_modules(c.__path__):\n"
        "    importlib.import_module('proofnb.core.' + m.name)\n"
        "bad = ('IPython', 'ipykernel', 'ipywidgets', 'jupyter', 'tornado', 'zmq', 'traitlets',"
        " 'pandas', 'anyio')\n"
        "print(sorted({n.split('.')[0] for n in sys.modules if n.split('.')[0].startswith(bad)}))"
    )
    assert out == "[]"


def test_import_proofnb_starts_no_thread_or_process() -> None:
    out = _run(
        "import threading, multiprocessing, proofnb\n"
        "print(threading.active_count(), len(multiprocessing.active_children()))"
    )
    assert out == "1 0"


def test_errors_survive_pickling() -> None:
    for error in (
        ParseError("x +* 2", "expected an expression after '+'", 3, 4),
        UnsupportedError("exponent too large", 2),
        OptionsError("--domain", "expected 'real' or 'complex'"),
    ):
        again = pickle.loads(pickle.dumps(error))
        assert type(again) is type(error)
        assert again.args == error.args
        assert str(again) == str(error)


def test_results_round_trip_through_pickle_and_json() -> None:
    step = StepResult(
        index=0,
        relation="=",
        lhs="sqrt(x^2)",
        rhs="x",
        status="refuted",
        method="counterexample",
        counterexample=Counterexample(
            "value", (("x", "-1"),), "1", "-1", "x = -1: left 1, right -1"
        ),
        notes=("x ≠ 1",),
    )
    proof = ProofResult(text="sqrt(x^2) = x", steps=(step,), verdict="rejected", flags=("domain",))
    assert pickle.loads(pickle.dumps(proof)) == proof
    assert ProofResult.from_dict(json.loads(json.dumps(proof.to_dict()))) == proof
