#!/usr/bin/env bash
# Set everything up and run andtsgraph's main job on the bundled plans.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
.venv/bin/andtsgraph info
