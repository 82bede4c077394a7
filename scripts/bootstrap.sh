#!/usr/bin/env bash
# Create (or refresh) Khabar's Python environment in .venv from uv.lock.
# Needs only python3 >= 3.11 and PyPI: uv itself is installed into .tools/ if it is not on PATH.
set -euo pipefail
cd "$(dirname "$0")/.."
UV_VERSION=0.13.8
if command -v uv >/dev/null 2>&1; then
  UV=$(command -v uv)
else
  UV=.tools/uv/bin/uv
  if [ ! -x "$UV" ]; then
    echo "khabar: installing uv $UV_VERSION into .tools/uv" >&2
    python3 -m venv .tools/uv
    .tools/uv/bin/pip install -q "uv==$UV_VERSION"
  fi
fi
# --frozen: install exactly the lock; never re-resolve on a user's machine.
"$UV" sync --frozen --quiet "$@"
"$UV" pip check --quiet --python .venv/bin/python >/dev/null
