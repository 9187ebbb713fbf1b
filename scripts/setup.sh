#!/usr/bin/env bash
# Set up everything proofnb needs in ./.venv: the package (editable), its test tools,
# the built JupyterLab extension, the enabled server extension and, with --test,
# Debian's Chromium for the browser tests. Safe to run again: it only does what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

want_test=0
[ "${1:-}" = "--test" ] && want_test=1

python_bin=${PYTHON:-}
if [ -z "$python_bin" ]; then
  for candidate in python3.11 python3; do
    if command -v "$candidate" >/dev/null 2>&1; then python_bin=$candidate; break; fi
  done
fi
if ! command -v node >/dev/null 2>&1; then
  echo "setup: Node.js (>= 18) is needed to build the JupyterLab extension; install it first." >&2
  exit 1
fi
if [ ! -x .venv/bin/python ]; then
  echo "== creating .venv with $python_bin"
  "$python_bin" -m venv .venv
fi
# shellcheck disable=SC1091
. .venv/bin/activate

stamp=.venv/.proofnb-installed
if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ] || [ labextension/package.json -nt "$stamp" ] \
   || [ labextension/yarn.lock -nt "$stamp" ] || [ ! -f proofnb/labextension/package.json ]; then
  echo "== installing proofnb and its dependencies (builds the JupyterLab extension)"
  # --no-build-isolation: the build backend and its hooks come from the venv, so jlpm (shipped
  # with jupyterlab) builds the extension from labextension/ with the committed yarn.lock.
  python -m pip install --quiet --disable-pip-version-check \
    "hatchling>=1.5" "hatch-jupyter-builder>=0.5" "hatch-nodejs-version>=0.3.2" "editables>=0.3" \
    "jupyterlab>=4.2,<5"
  python -m pip install --quiet --disable-pip-version-check --no-build-isolation -e ".[test]"
  jupyter labextension develop --overwrite . >/dev/null
  jupyter server extension enable --sys-prefix proofnb >/dev/null
  touch "$stamp"
elif [ -n "$(find labextension/src labextension/style -newer proofnb/labextension/package.json -type f -print -quit)" ]; then
  echo "== rebuilding the JupyterLab extension (labextension/ changed)"
  (cd labextension && jlpm install >/dev/null && jlpm build >/dev/null)
fi

if [ "$want_test" = 1 ] && [ ! -x /usr/bin/chromium ]; then
  echo "== installing Debian's chromium for the browser tests"
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  fi
fi
