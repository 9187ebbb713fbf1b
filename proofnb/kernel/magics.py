"""``%%verify`` and ``%proofnb``: the IPython adapter, thin over the runner.

The cell magic parses its options and the cell (errors become ``UsageError`` that name the
line), submits the proof to the process-wide checker, displays a :class:`ProofWidget` and
returns at once. The kernel's :class:`ProofService` streams verdicts into the widget.
"""

from __future__ import annotations

import argparse
import asyncio
import shlex
from typing import TYPE_CHECKING, Any, NoReturn

from IPython.core.error import UsageError
from IPython.core.magic import Magics, cell_magic, line_magic, magics_class
from traitlets import Bool, Enum, Float, Int, TraitError

from proofnb.core.errors import OptionsError, ParseError, ProofnbError
from proofnb.core.namespace import symbol_decls

from .service import KernelRun, ProofService, write_history

if TYPE_CHECKING:
    from proofnb.core.model import ProofResult

_STATE: dict[str, Any] = {"service": None, "last": None, "magics": None, "checker": None}

class _ArgumentParser(argparse.ArgumentParser):
    """argparse that reports mistakes as ``UsageError`` instead of exiting."""

    def error(self, message: str) -> NoReturn:
        raise UsageError(f"%%verify: {message}\n{self.format_usage().strip()}")

    def exit(self, status: int = 0, message: str | None = None) -> NoReturn:
        raise UsageError(message or self.format_usage())


def _verify_parser() -> _ArgumentParser:
    parser = _ArgumentParser(prog="%%verify", add_help=False, allow_abbrev=False)
    parser.add_argument("--assume", action="append", default=[], metavar="CONDITION")
    parser.add_argument("--domain", choices=("real", "complex"))
    parser.add_argument("--timeout", type=float, metavar="SECONDS")
    parser.add_argument("--title", default="")
    parser.add_argument("--expect", choices=("accepted", "review", "rejected"))
    parser.add_argument("--seed", type=int)
    parser.add_argument("--wait", action="store_true")
    parser.add_argument("--no-save", dest="no_save", action="store_true")
    return parser


def _split(line: str) -> list[str]:
    try:
        return shlex.split(line)
    except ValueError as exc:  # an unbalanced quote
        raise UsageError(f"%%verify: line 1 (the options): {exc}") from exc


def _shift_lines(error: ParseError) -> ParseError:
    """Line numbers as the notebook shows them: the ``%%verify`` line is line 1."""
    return ParseError(error.text, error.reason, error.line + 1 if error.line else 0, error.col)


@magics_class
class VerifyMagics(Magics):
    """``%%verify`` checks a derivation in worker processes; ``%proofnb`` shows or sets defaults.

    Defaults come from configuration, e.g. ``c.VerifyMagics.timeout = 5`` in
    ``ipython_config.py``, or from ``%proofnb timeout=5`` in a notebook.
    """

    timeout = Float(10.0, help="Time limit of one step, in seconds.").tag(config=True)
    domain = Enum(("real", "complex"), "real", help="Domain of the variables.").tag(config=True)
    seed = Int(0, help="Seed of the numeric tier (same seed, same verdict).").tag(config=True)
    workers = Int(
        0, help="Worker processes of the checker (0: the runner's default)."
    ).tag(config=True)
    save = Bool(True, help="Write every finished proof to the history.").tag(config=True)
    wait = Enum(
        ("auto", "always", "never"),
        "auto",
        help="Check in the foreground, as --wait does: 'always', 'never', or 'auto' (when"
        " the notebook is executed with no one to watch it stream: nbconvert --execute,"
        " papermill, nbval).",
    ).tag(config=True)

    # -- %%verify ----------------------------------------------------------------------

    @cell_magic
    def verify(self, line: str, cell: str) -> Any:
        """Check the derivation in the cell; verdicts stream into a widget.

        Usage: ``%%verify [--assume COND] [--domain real|complex] [--timeout S]
        [--title T] [--expect accepted|review|rejected] [--seed N] [--wait] [--no-save]``
        """
        from IPython.display import display

        from proofnb.core.assume import function_names
        from proofnb.core.cell import parse_cell
        from proofnb.runner.api import make_options

        from .widget import ProofWidget

        args = _verify_parser().parse_args(_split(line))
        try:
            parse_cell(cell, function_names(args.assume))
        except ParseError as exc:
            raise UsageError(f"%%verify: {_shift_lines(exc)}") from exc
        except ProofnbError as exc:
            raise UsageError(f"%%verify: {exc}") from exc
        namespace = self.shell.user_ns if self.shell is not None else {}
        try:
            options = make_options(
                assume=tuple(args.assume),
                domain=args.domain or self.domain,
                timeout=args.timeout if args.timeout is not None else self.timeout,
                seed=args.seed if args.seed is not None else self.seed,
                symbols=symbol_decls(cell + " " + " ".join(args.assume), namespace),
            )
        except (OptionsError, ParseError) as exc:
            raise UsageError(f"%%verify: line 1 (the options): {exc}") from exc

        checker = _checker(self.workers)
        run = checker.submit(cell, options, title=args.title, expect=args.expect)
        widget = ProofWidget(
            run.specs, title=args.title, domain=run.options.domain, assume=run.options.assume
        )
        krun = KernelRun(run, widget, save=self.save and not args.no_save)
        widget.on_cancel(run.cancel)
        _STATE["last"] = krun

        service = _service()
        if args.wait or service is None or self._foreground():
            _finish_in_foreground(krun)
        else:
            service.attach(krun)
        display(widget)
        return None

    def _foreground(self) -> bool:
        """Should this cell be checked before it returns, without ``--wait``?"""
        if self.wait != "auto":
            return self.wait == "always"
        return _headless(self.shell)

    # -- %proofnb ----------------------------------------------------------------------

    @line_magic
    def proofnb(self, line: str) -> None:
        """Show the settings (``%proofnb``) or change them (``%proofnb timeout=5 workers=2``)."""
        names = sorted(self.trait_names(config=True))
        words = _split(line)
        if not words:
            for name in names:
                print(f"{name} = {getattr(self, name)!r}")
            return
        changes: dict[str, Any] = {}
        for word in words:
            name, sep, value = word.partition("=")
            if not sep or name not in names:
                raise UsageError(
                    f"%proofnb: expected NAME=VALUE with NAME one of {', '.join(names)};"
                    f" got {word!r}"
                )
            changes[name] = _convert(self.traits()[name], name, value)
        for name, value in changes.items():
            try:
                setattr(self, name, value)
            except TraitError as exc:
                raise UsageError(f"%proofnb: {name}: {exc}") from exc
        if "workers" in changes:
            _checker(self.workers, restart=True)


def _headless(shell: Any) -> bool:
    """Is this cell executed by a client that shows no live output (round 57)?

    nbclient (``jupyter nbconvert --execute``, ``jupyter execute``, papermill) and nbval
    send their execute requests with ``allow_stdin`` false; JupyterLab, Notebook and VS Code
    allow input. Streamed into a widget, such a run ends with every step "pending" in the
    saved notebook and, when the kernel is shut down right after, no proof in the history.
    """
    kernel = getattr(shell, "kernel", None)
    get_parent = getattr(kernel, "get_parent", None)
    if get_parent is None:
        return False
    try:
        parent = get_parent()
    except Exception:  # an older or unusual kernel: keep streaming
        return False
    content = parent.get("content") if isinstance(parent, dict) else None
    return isinstance(content, dict) and content.get("allow_stdin") is False


def _convert(trait: Any, name: str, value: str) -> Any:
    try:
        if isinstance(trait, Bool):
            lowered = value.strip().lower()
            if lowered in ("1", "true", "yes", "on"):
                return True
            if lowered in ("0", "false", "no", "off"):
                return False
            raise ValueError(value)
        if isinstance(trait, Int):
            return int(value)
        if isinstance(trait, Float):
            return float(value)
    except ValueError as exc:
        raise UsageError(f"%proofnb: {name}: cannot use {value!r}") from exc
    return value


def _checker(workers: int, restart: bool = False) -> Any:
    """The checker for this kernel: the process-wide one, or our own for ``workers=N``."""
    from proofnb.runner.service import ProofChecker, default_checker

    own: Any = _STATE.get("checker")
    if restart and own is not None:
        own.close()
        own = _STATE["checker"] = None
    if workers <= 0:
        return default_checker()
    if own is None or own.closed or own.workers != workers:
        if own is not None:
            own.close()
        own = _STATE["checker"] = ProofChecker(workers)
        own.start()
    return own


def _finish_in_foreground(krun: KernelRun) -> None:
    """``--wait``: check in the foreground, then show the final widget."""
    try:
        result: ProofResult = krun.run.result()
    except KeyboardInterrupt:
        krun.run.cancel()
        raise
    krun.widget.show_result(result)
    if krun.save:
        service = _service()
        if service is not None:
            service.save_result_blocking(krun, result)
        else:
            write_history(krun, result)
        if krun.history_error:
            krun.widget.show_history_error(krun.history_error)
    krun._finish(result)


def _service() -> ProofService | None:
    service: ProofService | None = _STATE["service"]
    if service is not None and service.running:
        return service
    try:
        loop = asyncio.get_running_loop()
    except RuntimeError:  # a terminal IPython: no loop to stream on
        return None
    service = ProofService(loop)
    service.start()
    _STATE["service"] = service
    return service


def last_run() -> KernelRun | None:
    """The latest ``%%verify`` run in this kernel (``None`` before the first)."""
    run: KernelRun | None = _STATE["last"]
    return run


def load_ipython_extension(ipython: Any) -> None:
    """Register the magics, start the service task and warm the worker pool."""
    # Import what the first %%verify needs now, so that cell replies at once.
    import proofnb.core.cell  # noqa: F401
    import proofnb.runner.api  # noqa: F401

    from . import widget  # noqa: F401

    magics = VerifyMagics(ipython)
    ipython.register_magics(magics)
    _STATE["magics"] = magics
    _service()
    _checker(magics.workers).start()


def unload_ipython_extension(ipython: Any) -> None:
    """Stop the service task and the worker pool."""
    service: ProofService | None = _STATE["service"]
    if service is not None:
        service.close()
    _STATE["service"] = None
    own = _STATE.get("checker")
    if own is not None:
        own.close()
        _STATE["checker"] = None
    from proofnb.runner.service import default_checker

    default_checker().close()
