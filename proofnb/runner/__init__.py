"""Running checks: a pool of warm, killable worker processes and the public entry points.

* :mod:`proofnb.runner.pool` — :class:`WorkerPool`, generic: pre-warmed workers forked from a
  zygote interpreter, a time limit per task (kill and replace), a memory cap per worker.
* :mod:`proofnb.runner.service` — :class:`ProofChecker` and :class:`ProofRun`: parse, check the
  steps in the pool, cache and stream the results; :func:`default_checker`.
* :mod:`proofnb.runner.api` — ``verify``, ``averify``, ``stream``, ``iter_steps``,
  ``make_options`` (re-exported as ``proofnb.verify`` ...).

Importing this package starts nothing; the pool starts on first use.
"""
