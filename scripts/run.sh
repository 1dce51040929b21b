#!/usr/bin/env bash
# Set everything up and run andtsgraph's main job on the bundled plans.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
# The report is this script's own output, so it is rewritten on every run.
.venv/bin/andtsgraph report --html report.html --force
