#!/usr/bin/env bash
# 幸福号 · 本机准备：系统软件包（仅 root 且有缺失时）+ 仓库内的 .venv。
# Idempotent: on a machine that is already set up it only checks and returns in about a second.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

say() { printf '[setup] %s\n' "$*"; }

# What the app and the tests need from Debian 12 (bookworm).
PACKAGES=(
  python3 python3-venv ca-certificates
  # virtual X server for GUI tests, and Qt's xcb platform plugin runtime
  xvfb xauth
  libxcb-icccm4 libxcb-keysyms1 libxcb-cursor0 libxkbcommon-x11-0 libxcb-xinerama0
  libxcb-randr0 libxcb-render-util0 libxcb-shape0 libxcb-image0
  libegl1 libgl1 libfontconfig1 libdbus-1-3
  # Chinese text on screen
  fonts-noto-cjk
  # a real Secret Service in a private D-Bus session (dbus-run-session)
  gnome-keyring dbus-x11 dbus-daemon
  # PDF checks: pdftotext / pdffonts / pdftoppm
  poppler-utils
  # libfaketime: the suite runs again at night in China time
  faketime
  # PostgreSQL server for the tests that run against it
  postgresql
)

is_installed() {
  [ "$(dpkg-query -W -f='${db:Status-Status}' "$1" 2>/dev/null || true)" = "installed" ]
}

missing=()
if command -v dpkg-query >/dev/null 2>&1; then
  for pkg in "${PACKAGES[@]}"; do
    is_installed "$pkg" || missing+=("$pkg")
  done
else
  say "不是 Debian 系统（没有 dpkg-query），跳过系统软件包检查。"
fi

if [ "${#missing[@]}" -eq 0 ]; then
  say "系统软件包已齐全。"
elif [ "$(id -u)" -ne 0 ]; then
  say "警告：缺少系统软件包（需要 root 安装）：${missing[*]}"
  say "      请运行：sudo bash scripts/setup.sh"
else
  say "安装系统软件包：${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  say "系统软件包安装完成。"
fi

# ---- Python virtual environment in the repo -------------------------------------------------
PYTHON="${PYTHON:-python3}"
if ! command -v "$PYTHON" >/dev/null 2>&1; then
  say "错误：找不到 $PYTHON。" >&2
  exit 1
fi
if ! "$PYTHON" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else 1)'; then
  say "错误：需要 Python 3.11 或更高版本（$PYTHON 是 $("$PYTHON" -V 2>&1)）。" >&2
  exit 1
fi

VENV="$ROOT/.venv"
if [ ! -x "$VENV/bin/python" ] || ! "$VENV/bin/python" -c 'import sys' >/dev/null 2>&1; then
  say "创建虚拟环境 .venv（$("$PYTHON" -V 2>&1)）"
  rm -rf "$VENV"
  "$PYTHON" -m venv "$VENV"
fi

# Reinstall only when pyproject.toml, the repo location or the interpreter changed.
STAMP="$VENV/.fulian-setup-stamp"
want="$( { cat pyproject.toml; echo "$ROOT"; "$VENV/bin/python" -VV; } | sha256sum | cut -d' ' -f1)"
have="$(cat "$STAMP" 2>/dev/null || true)"
if [ "$want" = "$have" ] && [ -x "$VENV/bin/fulian" ] && [ -x "$VENV/bin/fulian-desktop" ] \
   && "$VENV/bin/python" -c 'import fulian_desktop, pytest' >/dev/null 2>&1; then
  say "Python 依赖已是最新（.venv）。"
else
  say "安装 Python 依赖：pip install -e '.[test]'（首次需要几分钟）"
  rm -f "$STAMP"
  log="$VENV/pip-install.log"
  if ! "$VENV/bin/python" -m pip install -q --disable-pip-version-check -e '.[test]' >"$log" 2>&1; then
    tail -n 40 "$log" >&2
    say "错误：pip install 失败（完整日志：$log）。" >&2
    exit 1
  fi
  echo "$want" > "$STAMP"
  say "Python 依赖安装完成。"
fi
