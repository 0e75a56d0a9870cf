#!/usr/bin/env bash
# Print the path of a Python 3.10 interpreter, or explain what to install and fail.
# Why 3.10: Rasa Open Source 3.6 (our pinned rasa==3.6.21) supports nothing newer.
set -euo pipefail

is_310() { [ -n "$1" ] && "$1" -c 'import sys, venv; sys.exit(sys.version_info[:2] != (3, 10))' 2>/dev/null; }

candidates=("${PYTHON:-}" "$(command -v python3.10 2>/dev/null || true)")
if command -v pyenv >/dev/null 2>&1; then
  for v in $(pyenv versions --bare 2>/dev/null | grep -E '^3\.10(\.|$)' | sort -V -r); do
    candidates+=("$(pyenv root)/versions/$v/bin/python3.10")
  done
fi
for dir in /usr/bin /usr/local/bin "$HOME"/.pyenv/versions/3.10*/bin; do
  candidates+=("$dir/python3.10")
done

for candidate in "${candidates[@]}"; do
  if is_310 "$candidate"; then
    echo "$candidate"
    exit 0
  fi
done

cat >&2 <<'MSG'
ERROR: Python 3.10 was not found (Rasa 3.6, which this assistant runs on, needs exactly 3.10).
Install it, then run the command again:
  - Debian/Ubuntu:  sudo apt-get install python3.10 python3.10-venv
                    (on releases without it: the deadsnakes PPA, or pyenv)
  - pyenv:          pyenv install 3.10
  - macOS:          brew install python@3.10
Or point to an existing interpreter:  PYTHON=/path/to/python3.10 make run
MSG
exit 1
