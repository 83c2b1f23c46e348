#!/usr/bin/env bash
# 幸福号 · 运行程序。参数原样传给程序，例如：bash scripts/run-app.sh --demo
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

bash scripts/setup.sh

if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  echo "[run-app] 需要图形桌面会话（没有 DISPLAY）。" >&2
  echo "[run-app] 在没有桌面的机器上可用虚拟显示器运行：" >&2
  echo "          xvfb-run -a -s '-screen 0 1600x1000x24' bash scripts/run-app.sh $*" >&2
  exit 2
fi

exec "$ROOT/.venv/bin/fulian-desktop" "$@"
