"""Binder's environment, built the way repo2docker builds it (without Docker), runs the notebooks.

repo2docker, for a repository with ``binder/runtime.txt`` and ``binder/requirements.txt``,
creates a Python environment of that version, runs ``pip install -r binder/requirements.txt``
in it, then runs ``binder/postBuild`` from the repository root. This test does the same in a
fresh virtual environment, from a copy of the working tree's files (``git ls-files``: tracked
and untracked-but-not-ignored, as a push would publish them), then checks that the server and
lab extensions are enabled, that Jupyter opens the first notebook by default, and executes
every notebook with nbclient in that environment's kernel.

Two departures from repo2docker keep it within a few minutes on a small CI machine: pip
keeps its wheel cache (repo2docker uses ``--no-cache-dir``), and the JupyterLab extension
already built by ``scripts/setup.sh`` (``proofnb/labextension``, ignored by git) is copied in,
so the build hook skips ``jlpm build`` (on Binder it runs; it is the same build setup.sh runs).
Jupyter's user-level paths are redirected into the temporary folder, so nothing installed
for the user on this machine leaks in.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest
from notebook_outputs import verify_outputs

ROOT = Path(__file__).resolve().parents[2]
FIRST_NOTEBOOK = "/lab/tree/notebooks/01-getting-started.ipynb"
ANSI = re.compile(r"\x1b\[[0-9;]*m")

pytestmark = [pytest.mark.binder, pytest.mark.slow, pytest.mark.timeout(1200)]


def _runtime_python() -> str:
    wanted = (ROOT / "binder" / "runtime.txt").read_text().strip()
    match = re.fullmatch(r"python-(\d+)\.(\d+)", wanted)
    assert match, f"binder/runtime.txt should read python-X.Y, not {wanted!r}"
    version = (int(match.group(1)), int(match.group(2)))
    if sys.version_info[:2] == version:
        return sys.executable
    found = shutil.which(f"python{version[0]}.{version[1]}")
    if found is None:
        pytest.skip(f"binder/runtime.txt asks for {wanted}, not installed here")
    return found


def _repository_files() -> list[str]:
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT, capture_output=True, check=True,
    ).stdout.decode()
    return [name for name in listed.split("\0") if name and (ROOT / name).is_file()]


def _copy_repository(dest: Path) -> None:
    for name in _repository_files():
        target = dest / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / name, target)
    built = ROOT / "proofnb" / "labextension"
    if (built / "static" / "style.js").is_file():
        shutil.copytree(built, dest / "proofnb" / "labextension")


def _environment(venv: Path, scratch: Path) -> dict[str, str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("JUPYTER", "PYTHON", "JPY_", "VIRTUAL_ENV", "PROOFNB_"))
    }
    env.update(
        PATH=f"{venv / 'bin'}{os.pathsep}{os.environ.get('PATH', '')}",
        VIRTUAL_ENV=str(venv),
        PYTHONNOUSERSITE="1",
        PYTHONHASHSEED="0",
        JUPYTER_CONFIG_DIR=str(scratch / "jupyter-config"),
        JUPYTER_DATA_DIR=str(scratch / "jupyter-data"),
        JUPYTER_RUNTIME_DIR=str(scratch / "jupyter-runtime"),
        PROOFNB_DB=str(scratch / "history.sqlite"),
        PIP_DISABLE_PIP_VERSION_CHECK="1",
    )
    return env


def _run(args: list[str], cwd: Path, env: dict[str, str]) -> str:
    done = subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True)
    output = done.stdout + done.stderr
    assert done.returncode == 0, f"{' '.join(args)} failed ({done.returncode}):\n{output[-6000:]}"
    return ANSI.sub("", output)


class BinderEnv:
    def __init__(self, repo: Path, venv: Path, env: dict[str, str]) -> None:
        self.repo, self.venv, self.env = repo, venv, env
        self.python = str(venv / "bin" / "python")

    def run(self, *args: str, cwd: Path | None = None) -> str:
        return _run(list(args), cwd or self.repo, self.env)


@pytest.fixture(scope="module")
def binder(tmp_path_factory: pytest.TempPathFactory) -> BinderEnv:
    scratch = tmp_path_factory.mktemp("binder")
    repo, venv = scratch / "repo", scratch / "venv"
    _copy_repository(repo)
    subprocess.run([_runtime_python(), "-m", "venv", str(venv)], check=True)
    built = BinderEnv(repo, venv, _environment(venv, scratch))
    built.run(built.python, "-m", "pip", "install", "-q", "-r", "binder/requirements.txt")
    built.run(str(repo / "binder" / "postBuild"))
    return built


def test_the_kernel_imports_the_installed_proofnb(binder: BinderEnv) -> None:
    # Kernels start in the notebook's folder, so the checkout's proofnb/ is not on sys.path.
    code = "import proofnb; print(proofnb.__file__)"
    where = binder.run(binder.python, "-c", code, cwd=binder.repo / "notebooks").strip()
    assert Path(where).is_relative_to(binder.venv / "lib")


def test_server_and_lab_extensions_are_enabled(binder: BinderEnv) -> None:
    lab = binder.run("jupyter", "labextension", "list")
    assert re.search(r"^\s*proofnb v\S+ enabled OK", lab, re.M), lab
    server = binder.run("jupyter", "server", "extension", "list")
    assert re.search(r"^\s*proofnb enabled", server, re.M), server
    assert re.search(r"^\s*proofnb \S+ OK", server, re.M), server


def test_jupyter_opens_the_first_notebook(binder: BinderEnv) -> None:
    code = (
        "from jupyter_server.serverapp import ServerApp\n"
        "app = ServerApp()\n"
        "app.load_config_file()\n"
        "print(app.default_url)\n"
    )
    assert binder.run(binder.python, "-c", code).strip() == FIRST_NOTEBOOK
    assert (binder.repo / FIRST_NOTEBOOK.removeprefix("/lab/tree/")).is_file()


def test_every_notebook_runs_and_meets_its_expectations(binder: BinderEnv) -> None:
    notebooks = sorted((binder.repo / "notebooks").glob("*.ipynb"))
    assert len(notebooks) >= 4
    out = binder.repo.parent / "executed"
    out.mkdir()
    script = Path(__file__).with_name("execute_notebooks.py")
    binder.run(binder.python, str(script), str(out), *map(str, notebooks))
    for path in notebooks:
        executed = nbformat.read(out / path.name, as_version=4)
        outputs = verify_outputs(executed, path.name)
        finished = [o for o in outputs if o.wait]
        assert finished, f"{path.name}: no finished proofs"
        assert [(o.cell, o.verdict) for o in finished] == [(o.cell, o.expect) for o in finished]
