"""Fixtures for ``proofnb check``: a generated course, a CLI runner, a real Dask cluster."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from proofnb.batch.corpus import Labelled, write_course

CLI = [sys.executable, "-m", "proofnb.cli"]


def run_cli(*args: str, timeout: float = 240, env: dict[str, str] | None = None) -> Any:
    """Run ``proofnb`` in a fresh process and return the completed process (text mode)."""
    return subprocess.run(
        [*CLI, *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        env={**os.environ, "PYTHONHASHSEED": "0", **(env or {})},
        stdin=subprocess.DEVNULL,
    )


def verdicts(report: dict[str, Any]) -> dict[tuple[str, int], tuple[Any, ...]]:
    """What must match between two runs: verdict, flags, each step's status and witness."""
    out = {}
    for proof in report["proofs"]:
        result = proof["result"]
        steps = tuple(
            (s["status"], (s["counterexample"] or {}).get("text")) for s in result["steps"]
        )
        out[(proof["file"], proof["cell"])] = (proof["verdict"], tuple(result["flags"]), steps)
    return out


@dataclass
class Course:
    folder: Path
    labels: list[Labelled]

    def by_place(self) -> dict[tuple[str, int], Labelled]:
        return {(label.path, label.cell): label for label in self.labels}


@pytest.fixture(scope="session")
def course(tmp_path_factory: pytest.TempPathFactory) -> Course:
    """200 generated notebooks (300 proofs) with known verdicts and a few wrong expectations."""
    folder = tmp_path_factory.mktemp("course")
    return Course(folder, write_course(folder, notebooks=200, seed=8))


@pytest.fixture(scope="session")
def small_course(tmp_path_factory: pytest.TempPathFactory) -> Course:
    folder = tmp_path_factory.mktemp("small-course")
    return Course(folder, write_course(folder, notebooks=40, seed=3))


@pytest.fixture(scope="session")
def local_run(course: Course, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """One local ``proofnb check --json --junit`` over the whole course, shared by tests."""
    junit = tmp_path_factory.mktemp("junit") / "report.xml"
    done = run_cli("check", str(course.folder), "--json", "--junit", str(junit), "--workers", "2")
    return {"done": done, "report": json.loads(done.stdout), "junit": junit}


@dataclass
class Cluster:
    """A Dask scheduler and workers started as separate processes on 127.0.0.1."""

    folder: Path
    scheduler: subprocess.Popen[bytes] | None = None
    workers: list[subprocess.Popen[bytes]] = field(default_factory=list)
    logs: list[Any] = field(default_factory=list)
    address: str = ""

    @property
    def scheduler_file(self) -> Path:
        return self.folder / "scheduler.json"

    def _spawn(self, *args: str, name: str) -> subprocess.Popen[bytes]:
        log = open(self.folder / f"{name}.log", "wb")  # noqa: SIM115 - closed in stop()
        self.logs.append(log)
        env = {**os.environ, "PYTHONHASHSEED": "0", "PYTHONWARNINGS": "ignore"}
        # A new session per process so teardown can kill each one with its children.
        return subprocess.Popen(
            [sys.executable, "-m", *args],
            stdout=log,
            stderr=subprocess.STDOUT,
            env=env,
            cwd=self.folder,
            start_new_session=True,
        )

    def start_scheduler(self) -> None:
        self.scheduler = self._spawn(
            "distributed.cli.dask_scheduler",
            "--host", "127.0.0.1", "--port", "0", "--no-dashboard",
            "--dashboard-address", "127.0.0.1:0",
            "--scheduler-file", str(self.scheduler_file),
            name="scheduler",
        )  # fmt: skip
        deadline = time.monotonic() + 60
        while not self.scheduler_file.exists() or not self.scheduler_file.read_text().strip():
            if time.monotonic() > deadline or self.scheduler.poll() is not None:
                raise RuntimeError("the Dask scheduler did not start")
            time.sleep(0.1)
        self.address = json.loads(self.scheduler_file.read_text())["address"]

    def start_worker(self, name: str, nanny: bool = True) -> subprocess.Popen[bytes]:
        args = [
            "distributed.cli.dask_worker", "--scheduler-file", str(self.scheduler_file),
            "--nthreads", "1", "--no-dashboard", "--name", name, "--host", "127.0.0.1",
            "--dashboard-address", "127.0.0.1:0", "--local-directory", str(self.folder),
            "--nworkers" if nanny else "--no-nanny", *(["1"] if nanny else []),
        ]  # fmt: skip
        worker = self._spawn(*args, name=name)
        self.workers.append(worker)
        return worker

    def wait_for_workers(self, count: int, timeout: float = 90) -> None:
        """Block until ``count`` workers have registered (read from the scheduler's logs)."""
        log = self.folder / "scheduler.log"
        deadline = time.monotonic() + timeout
        while log.read_text(errors="replace").count("Register worker") < count:
            if time.monotonic() > deadline:
                raise RuntimeError(
                    f"fewer than {count} Dask workers registered:\n"
                    + log.read_text(errors="replace")[-3000:]
                )
            time.sleep(0.2)

    def stop(self) -> None:
        for proc in [*self.workers, self.scheduler]:
            if proc is None:
                continue
            try:
                os.killpg(proc.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            proc.wait(timeout=30)
        for log in self.logs:
            log.close()


@pytest.fixture
def cluster(tmp_path: Path) -> Iterator[Cluster]:
    """A scheduler only; tests start the workers they need."""
    pytest.importorskip("distributed")
    c = Cluster(tmp_path)
    try:
        c.start_scheduler()
        yield c
    finally:
        c.stop()
