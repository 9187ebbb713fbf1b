"""``proofnb`` command line: ``proofnb check PATH...`` over notebooks, folders and text files.

Exit status: 0 when every proof meets its expectation, 1 when one does not, 2 on bad usage
(a missing path, a bad option, an unreadable notebook or ``%%verify`` line).
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Callable, Sequence

from . import __version__
from .batch.discover import ProofJob, SourceProblem, discover, positive_seconds
from .batch.progress import Progress
from .batch.report import BatchReport, Outcome, write_json, write_junit, write_text
from .batch.tasks import Defaults, ProofTask, make_task
from .core.errors import OptionsError, ParseError
from .core.model import ProofResult

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2

OnDone = Callable[[ProofTask, ProofResult], None]


class UsageError(Exception):
    """Raised for bad usage; the CLI prints the message and exits with status 2."""


def _count(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"expected at least 1, got {value}")
    return value


def build_parser() -> argparse.ArgumentParser:
    """The ``proofnb`` argument parser (``proofnb --version``, ``proofnb check``)."""
    parser = argparse.ArgumentParser(
        prog="proofnb", description="Check step-by-step mathematics in %%verify cells."
    )
    parser.add_argument("--version", action="version", version=f"proofnb {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    check = commands.add_parser(
        "check",
        help="check every %%verify proof in notebooks, folders and text files",
        description=(
            "Check every %%verify cell of the given notebooks (folders are searched "
            "recursively for .ipynb, .proof and .verify files; a text file holds one proof, "
            "optionally after a '%%verify ...' line). Exit 0 when every proof meets its "
            "expectation (--expect on the cell, else accepted), 1 when one does not, 2 on bad "
            "usage or an unreadable file."
        ),
    )
    check.add_argument("paths", nargs="+", metavar="PATH", help="notebook, folder or text file")
    check.add_argument("--json", action="store_true", help="print a JSON report to stdout")
    check.add_argument("--junit", metavar="FILE", help="write a JUnit XML report to FILE")
    check.add_argument(
        "--timeout",
        type=positive_seconds,
        metavar="S",
        help="per-step time limit in seconds for cells that set none (default 10)",
    )
    check.add_argument(
        "--workers",
        type=_count,
        metavar="N",
        help="worker processes for the local pool (default: the number of CPUs)",
    )
    check.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        help="check on a Dask distributed cluster, e.g. tcp://127.0.0.1:8786",
    )
    check.add_argument("--save", action="store_true", help="add every result to the history")
    check.add_argument(
        "--seed", type=int, metavar="N", help="seed for cells that set none (default 0)"
    )
    return parser


def _plan(
    jobs: list[ProofJob], problems: list[SourceProblem], defaults: Defaults
) -> list[tuple[ProofJob, ProofTask]]:
    planned = []
    for job in jobs:
        try:
            planned.append((job, make_task(job, defaults)))
        except (OptionsError, ParseError) as exc:  # e.g. an --assume that does not parse
            problems.append(SourceProblem(job.path, job.cell, str(exc)))
    return planned


def _run_local(tasks: list[ProofTask], workers: int | None, on_done: OnDone) -> None:
    from .batch.tasks import check_tasks
    from .runner.service import ProofChecker

    if not tasks:
        return
    checker = ProofChecker(workers=workers or max(1, os.cpu_count() or 1))
    checker.start()
    try:
        check_tasks(checker, tasks, on_done)
    finally:
        checker.close()


def _run_dask(address: str, tasks: list[ProofTask], on_done: OnDone) -> None:
    from .batch.dask_backend import INSTALL_HINT, SchedulerError, run_on_dask

    try:
        import distributed  # noqa: F401
    except ImportError:
        raise UsageError(f"--scheduler needs Dask distributed. {INSTALL_HINT}") from None
    try:
        run_on_dask(address, tasks, on_done)
    except SchedulerError as exc:
        raise UsageError(str(exc)) from None


def _save(records: list[tuple[ProofResult, str | None, float | None]]) -> None:
    from .store.history import ProofStore

    with ProofStore() as store:  # PROOFNB_DB, else the Jupyter data dir (as the kernel does)
        store.add_many(records)


def check(args: argparse.Namespace) -> int:
    """Run ``proofnb check`` with parsed arguments; returns the exit status."""
    started = time.perf_counter()
    try:
        jobs, problems = discover(args.paths)
    except FileNotFoundError as exc:
        raise UsageError(f"no such file or folder: {exc.args[0]}") from None
    planned = _plan(jobs, problems, Defaults(timeout=args.timeout, seed=args.seed))
    by_key = {job.key: job for job, _ in planned}
    report = BatchReport(problems=problems, backend=args.scheduler or "local")
    progress = Progress(len(planned))
    saved: list[tuple[ProofResult, str | None, float | None]] = []

    def on_done(task: ProofTask, result: ProofResult) -> None:
        job = by_key[task.key]
        outcome = Outcome(job, result)
        report.outcomes.append(outcome)
        progress.advance(outcome.ok)
        if args.save and job.options.save:
            saved.append((result, job.path, None))

    tasks = [task for _, task in planned]
    try:
        if args.scheduler:
            _run_dask(args.scheduler, tasks, on_done)
        else:
            _run_local(tasks, args.workers, on_done)
    finally:
        progress.close()
    if saved:
        _save(saved)
    report.seconds = time.perf_counter() - started
    report.sort()
    if args.junit:
        try:
            write_junit(report, args.junit)
        except OSError as exc:
            raise UsageError(f"cannot write {args.junit}: {exc}") from None
    if args.json:
        write_json(report, sys.stdout)
    else:
        write_text(report, sys.stdout)
    return report.exit_code()


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``proofnb`` script; returns the exit status."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    try:
        return check(args)
    except UsageError as exc:
        print(f"proofnb check: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("proofnb check: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
