#!/usr/bin/env bash
# Set everything up, then open JupyterLab on notebooks/ with proofnb enabled.
# Extra arguments go to `jupyter lab` (e.g. --port 8890 --no-browser).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
# shellcheck disable=SC1091
. .venv/bin/activate
extra=()
# A fresh machine or container often runs as root; Jupyter refuses that without the flag.
[ "$(id -u)" = 0 ] && extra+=(--allow-root)
exec jupyter lab --ServerApp.root_dir=notebooks --ServerApp.ip=127.0.0.1 "${extra[@]}" "$@"
