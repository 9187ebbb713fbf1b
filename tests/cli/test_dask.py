"""``proofnb check --scheduler`` on a real Dask cluster: scheduler and workers as processes."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import time
from typing import Any

import psutil
import pytest

from .conftest import CLI, Cluster, Course, run_cli, verdicts

pytestmark = pytest.mark.slow


def _zygotes(pid: int) -> list[psutil.Process]:
    """proofnb pool processes under ``pid`` (a Dask worker or its nanny)."""
    try:
        tree = psutil.Process(pid).children(recursive=True)
    except psutil.NoSuchProcess:
        return []
    found = []
    for proc in tree:
        try:
            if "proofnb.runner._zygote" in " ".join(proc.cmdline()):
                found.append(proc)
        except psutil.Error:
            continue
    return found


def _labels_match(course: Course, report: dict[str, Any]) -> None:
    labels = course.by_place()
    got = {(p["file"], p["cell"]): (p["verdict"], p["ok"]) for p in report["proofs"]}
    assert got == {place: (lab.verdict, lab.ok) for place, lab in labels.items()}


def test_dask_verdicts_identical_to_local(cluster: Cluster, small_course: Course) -> None:
    cluster.start_worker("w1")
    cluster.start_worker("w2")
    cluster.wait_for_workers(2)
    folder = str(small_course.folder)
    remote = run_cli("check", folder, "--json", "--seed", "3", "--scheduler", cluster.address)
    local = run_cli("check", folder, "--json", "--seed", "3", "--workers", "2")
    assert remote.returncode == local.returncode == 1, remote.stderr + local.stderr
    remote_report, local_report = json.loads(remote.stdout), json.loads(local.stdout)
    assert remote_report["summary"]["backend"] == cluster.address
    assert verdicts(remote_report) == verdicts(local_report)
    assert all(p["result"]["seed"] == 3 for p in remote_report["proofs"])
    _labels_match(small_course, remote_report)
    # Whole proofs went to both workers, each checking on its own proofnb pool.
    assert all(_zygotes(worker.pid) for worker in cluster.workers)


def test_worker_killed_mid_run_still_gets_every_verdict(
    cluster: Cluster, small_course: Course
) -> None:
    victim = cluster.start_worker("victim")
    cluster.start_worker("survivor")
    cluster.wait_for_workers(2)
    env = {**os.environ, "PYTHONHASHSEED": "0"}
    run = subprocess.Popen(
        [*CLI, "check", str(small_course.folder), "--json", "--scheduler", cluster.address],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    try:
        deadline = time.monotonic() + 120
        while not _zygotes(victim.pid):  # the victim has started checking proofs
            assert run.poll() is None, "the run ended before the victim got any work"
            assert time.monotonic() < deadline, "the victim never got any work"
            time.sleep(0.05)
        # The Dask worker process is the nanny's child that owns the proofnb pool.
        worker = _zygotes(victim.pid)[0].parent()
        assert worker is not None and worker.pid != victim.pid
        assert run.poll() is None
        os.kill(worker.pid, signal.SIGKILL)
        out, err = run.communicate(timeout=180)
    finally:
        if run.poll() is None:
            run.kill()
            run.communicate()
    assert run.returncode == 1, err
    report = json.loads(out)
    assert not [p for p in report["proofs"] if "not checked" in p["result"]["message"]]
    _labels_match(small_course, report)
