#!/usr/bin/env bash
# Set up andtsgraph on a fresh machine: the system tools it needs, a virtual environment in
# .venv, and the package installed into it (editable). Safe to run again: it only installs
# what is missing.
#
#   bash scripts/setup.sh          # for running andtsgraph (Graphviz for the pictures)
#   bash scripts/setup.sh --test   # also what the tests need (Java for the OWL reasoner, ...)
set -euo pipefail
cd "$(dirname "$0")/.."

want_test=0
[ "${1:-}" = "--test" ] && want_test=1

say() { printf 'setup: %s\n' "$*" >&2; }

# ---- system packages (Debian/Ubuntu) --------------------------------------------------------
missing=()
command -v dot >/dev/null 2>&1 || missing+=(graphviz)
fc-list 2>/dev/null | grep -qi dejavu || missing+=(fonts-dejavu-core)
if [ "$want_test" = 1 ]; then
  command -v java >/dev/null 2>&1 || missing+=(default-jre-headless)
  command -v chromium >/dev/null 2>&1 || missing+=(chromium)
  # A second real SPARQL server for the tests (tests/virtuoso_server.py runs its own instance).
  command -v virtuoso-t >/dev/null 2>&1 || missing+=(virtuoso-opensource)
fi
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then sudo=""; elif command -v sudo >/dev/null 2>&1; then sudo="sudo"; else sudo="none"; fi
  if ! command -v apt-get >/dev/null 2>&1 || [ "$sudo" = none ]; then
    say "please install these system packages, then run this again: ${missing[*]}"
    exit 1
  fi
  say "installing system packages: ${missing[*]}"
  $sudo apt-get update -qq
  # env, not a prefix: sudo would drop the variable, and virtuoso-opensource would then ask for
  # a password on the terminal.
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# ---- Python environment ---------------------------------------------------------------------
python=""
for candidate in python3.13 python3.12 python3.11 python3; do
  if command -v "$candidate" >/dev/null 2>&1 &&
     "$candidate" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else 1)' 2>/dev/null; then
    python="$candidate"; break
  fi
done
if [ -z "$python" ]; then
  say "andtsgraph needs Python 3.11 or newer; none was found on PATH"
  exit 1
fi
if [ ! -x .venv/bin/python ]; then
  say "creating .venv with $($python --version)"
  "$python" -m venv .venv
fi
extras=""
[ "$want_test" = 1 ] && extras="[test]"
say "installing andtsgraph${extras} into .venv"
.venv/bin/python -m pip install --quiet --disable-pip-version-check --upgrade pip >/dev/null
.venv/bin/python -m pip install --quiet --disable-pip-version-check -e ".${extras}"
