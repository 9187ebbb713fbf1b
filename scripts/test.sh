#!/usr/bin/env bash
# Set everything up, then run the whole suite: lint, types, front-end checks, the short
# benchmarks, and pytest (unit, kernel, server, browser, Binder and nbval on notebooks/).
# Extra arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --test
# shellcheck disable=SC1091
. .venv/bin/activate
export PYTHONHASHSEED=0
# Kernels, notebooks and benchmarks write their proofs here, never into the user's own history.
export PROOFNB_DB="$(mktemp -d)/proofnb-test-history.sqlite"

echo "== ruff"
ruff check proofnb tests benchmarks
echo "== mypy --strict (core, runner, store, server)"
mypy
if [ -f labextension/src/index.ts ]; then
  echo "== labextension: eslint, prettier, tsc"
  (cd labextension && jlpm install --immutable >/dev/null && jlpm run lint:check && jlpm run tsc --noEmit)
fi
echo "== benchmarks (short mode)"
python -m benchmarks --short
echo "== pytest"
status=0
python -m pytest tests notebooks --nbval --nbval-sanitize-with notebooks/sanitize.cfg "$@" || status=$?
if [ "$status" = 5 ]; then
  echo "pytest collected no tests" >&2
fi
exit "$status"
