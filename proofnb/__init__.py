"""proofnb: step-by-step mathematics checked inside Jupyter.

This module is a switchboard: the version, the public names (imported lazily), and the
discovery hooks for IPython, Jupyter Server and JupyterLab. Importing it starts no
process, thread or connection.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

try:
    from ._version import __version__
except ImportError:  # pragma: no cover - running from a source tree without a build
    __version__ = "0.0.0"

if TYPE_CHECKING:
    from .core.model import ProofResult, StepResult
    from .runner.api import averify, stream, verify
    from .store.history import ProofStore

__all__ = (
    "__version__",
    "verify",
    "averify",
    "stream",
    "history",
    "last",
    "ProofResult",
    "StepResult",
    "ParseError",
    "load_ipython_extension",
    "unload_ipython_extension",
)

_LAZY = {
    "verify": ("proofnb.runner.api", "verify"),
    "averify": ("proofnb.runner.api", "averify"),
    "stream": ("proofnb.runner.api", "stream"),
    "ProofResult": ("proofnb.core.model", "ProofResult"),
    "StepResult": ("proofnb.core.model", "StepResult"),
    "ParseError": ("proofnb.core.errors", "ParseError"),
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        module_name, attr = _LAZY[name]
        return getattr(importlib.import_module(module_name), attr)
    raise AttributeError(f"module 'proofnb' has no attribute {name!r}")


def history(path: str | None = None) -> ProofStore:
    """Open the proof history (SQLite) shared by kernels and the Jupyter server."""
    from .store.history import ProofStore

    return ProofStore(path)


def last() -> Any:
    """The latest ``%%verify`` run in this kernel; ``await proofnb.last().wait()`` finishes it."""
    from .kernel.magics import last_run

    return last_run()


def load_ipython_extension(ipython: Any) -> None:
    """``%load_ext proofnb``: register ``%%verify`` and ``%proofnb`` and warm the worker pool."""
    from .kernel.magics import load_ipython_extension as _load

    _load(ipython)


def unload_ipython_extension(ipython: Any) -> None:
    """``%unload_ext proofnb``: stop the worker pool."""
    from .kernel.magics import unload_ipython_extension as _unload

    _unload(ipython)


def _jupyter_server_extension_points() -> list[dict[str, Any]]:
    from .server.app import ProofnbApp

    return [{"module": "proofnb", "app": ProofnbApp}]


def _jupyter_labextension_paths() -> list[dict[str, str]]:
    return [{"src": "labextension", "dest": "proofnb"}]
