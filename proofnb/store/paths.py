"""Where the history database lives; kernels and the server resolve it the same way."""

from __future__ import annotations

import os

#: Environment variable that overrides the database location (for kernel and server alike).
DATABASE_ENV = "PROOFNB_DB"


def default_database_path() -> str:
    """The history database path.

    ``$PROOFNB_DB`` if set, else ``<jupyter data dir>/proofnb/history.sqlite``.

    A relative ``PROOFNB_DB`` is made absolute against the current directory; the server
    exports the absolute path so that the kernels it starts (whose working directory is
    the notebook's) find the same file.
    """
    configured = os.environ.get(DATABASE_ENV, "").strip()
    if configured:
        return os.path.abspath(os.path.expanduser(configured))
    # Imported lazily: jupyter_core is cheap, but the store must not import it up front.
    from jupyter_core.paths import jupyter_data_dir

    return os.path.join(jupyter_data_dir(), "proofnb", "history.sqlite")
