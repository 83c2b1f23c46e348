#!/usr/bin/env bash
# 幸福号 · 安装包测试：构建软件包（scripts/package.sh），解到临时根目录（dpkg-deb -x，不需要以 root 安装），
# 在干净的环境里运行装好的 `fulian` 和桌面程序：没有虚拟环境、没有源码（工作目录在仓库以外，环境变量只有
# PATH、HOME、DISPLAY），建库、生成演示数据、打印卷宗，在虚拟显示器上打开到登录窗口并截图。
# 用法：bash scripts/test-package.sh [--no-build]   （--no-build：测试 dist/ 里已有的软件包）
# 截图与结果留在 dist/package-test/（不进版本库）。
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

say() { printf '[package-test] %s\n' "$*"; }
fail() { say "失败：$*" >&2; exit 1; }

APP_ID="cn.fulian.desktop"
started=$SECONDS
missing=()
for tool in Xvfb:xvfb xwininfo:x11-utils pdfinfo:poppler-utils; do
  command -v "${tool%%:*}" >/dev/null 2>&1 || missing+=("${tool#*:}")
done
if [ "${#missing[@]}" -gt 0 ]; then
  [ "$(id -u)" -eq 0 ] || fail "缺少 ${missing[*]}（apt-get install ${missing[*]}）"
  say "安装系统软件包：${missing[*]}"
  DEBIAN_FRONTEND=noninteractive apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
if [ "${1:-}" != "--no-build" ]; then
  bash scripts/package.sh
fi
VERSION="$(.venv/bin/python -c 'import tomllib; print(tomllib.load(open("pyproject.toml", "rb"))["project"]["version"])')"
DEB="dist/${APP_ID}_${VERSION}_amd64.deb"
TARBALL="dist/fulian-desktop-${VERSION}-linux-x86_64.tar.gz"
[ -f "$DEB" ] && [ -f "$TARBALL" ] || fail "dist/ 中没有 $VERSION 的软件包"
(cd dist && sha256sum --quiet -c SHA256SUMS) || fail "SHA256SUMS 与软件包不符"
say "SHA256SUMS 校验一致"

OUT="$ROOT/dist/package-test"
rm -rf "$OUT"
mkdir -p "$OUT"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/fulian-package-test.XXXXXX")"
XVFB_PID=""
GUI_PID=""
cleanup() {
  [ -z "$GUI_PID" ] || kill "$GUI_PID" 2>/dev/null || true
  [ -z "$XVFB_PID" ] || kill "$XVFB_PID" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT
case "$WORK" in "$ROOT"*) fail "临时目录在仓库内：$WORK" ;; esac

# ---- the package's contents --------------------------------------------------------------------------------
FS="$WORK/root"
dpkg-deb -x "$DEB" "$FS"
dpkg-deb -e "$DEB" "$WORK/control"
[ "$(dpkg-deb -f "$DEB" Package)" = "$APP_ID" ] || fail "软件包名不是 $APP_ID"
[ "$(dpkg-deb -f "$DEB" Version)" = "$VERSION" ] || fail "软件包版本不是 pyproject 的 $VERSION"
APP="$FS/opt/apps/$APP_ID"
BIN="$APP/files"
for path in files/fulian-desktop files/fulian files/_internal/resources/fonts/FulianSong-Regular.ttf \
            "entries/applications/$APP_ID.desktop" "entries/icons/hicolor/256x256/apps/$APP_ID.png" info; do
  [ -e "$APP/$path" ] || fail "软件包中缺少 /opt/apps/$APP_ID/$path"
done
check_link() {  # LINK TARGET: a link under /usr into /opt/apps
  [ "$(readlink "$FS/$1")" = "$2" ] || fail "$1 应指向 $2（实际：$(readlink "$FS/$1" || echo 无)）"
  [ -e "$FS$2" ] || fail "$1 指向的 $2 不在软件包中"
}
check_link usr/bin/fulian "/opt/apps/$APP_ID/files/fulian"
check_link usr/bin/fulian-desktop "/opt/apps/$APP_ID/files/fulian-desktop"
check_link "usr/share/applications/$APP_ID.desktop" "/opt/apps/$APP_ID/entries/applications/$APP_ID.desktop"
check_link "usr/share/icons/hicolor/256x256/apps/$APP_ID.png" \
  "/opt/apps/$APP_ID/entries/icons/hicolor/256x256/apps/$APP_ID.png"
desktop="$APP/entries/applications/$APP_ID.desktop"
grep -qx 'Name=幸福号' "$desktop" || fail "菜单项的名称不是“幸福号”"
grep -qx "Exec=/opt/apps/$APP_ID/files/fulian-desktop" "$desktop" || fail "菜单项的 Exec 不对"
icon="$(sed -n 's/^Icon=//p' "$desktop")"
[ "$(head -c 8 "$FS$icon" | od -An -tx1 | tr -d ' ')" = "89504e470d0a1a0a" ] || fail "菜单项的图标 $icon 不是 PNG"
if command -v desktop-file-validate >/dev/null 2>&1; then
  desktop-file-validate "$desktop" || fail "desktop-file-validate 报错"
fi
sh -n "$WORK/control/postinst" && sh -n "$WORK/control/postrm" || fail "维护脚本有语法错误"
if grep -Eq '(^|[;&|[:space:]])rm[[:space:]]' "$WORK/control/postrm"; then
  fail "postrm 删除了文件：卸载不得动用户数据"
fi
# The portable archive holds the same program folder.
tar -tzf "$TARBALL" | sed -n "s|^fulian-desktop-$VERSION/||p" | grep -v '/$' | grep -v '^$' | sort >"$WORK/tar.list"
(cd "$BIN" && find . ! -type d | sed 's|^\./||'; echo fulian-desktop.png) | sort >"$WORK/deb.list"
diff -q "$WORK/tar.list" "$WORK/deb.list" >/dev/null || fail "便携压缩包与软件包中的程序文件不同"
say "软件包内容、菜单项、图标、链接与便携压缩包一致"

# ---- clean runs: env -i, cwd outside the checkout, a fresh home and data folder -----------------------------
HOMEDIR="$WORK/home"
CWD="$WORK/cwd"
DATA="$WORK/data"
mkdir -p "$HOMEDIR" "$CWD"
clean() { env -i -C "$CWD" PATH=/usr/bin:/bin HOME="$HOMEDIR" "$@"; }

clean "$BIN/fulian-desktop" --bundle-info >"$OUT/bundle-info.json" || fail "--bundle-info 失败"
.venv/bin/python - "$OUT/bundle-info.json" "$BIN" "$ROOT" <<'PY' || fail "冻结程序的模块或资源不全在安装目录内"
import json, os, sys
info, bundle, checkout = json.load(open(sys.argv[1])), os.path.realpath(sys.argv[2]), sys.argv[3]
assert info["frozen"], "not frozen"
paths = [info["executable"], info["bundle"], *info["sys_path"], *info["module_files"].values(),
         *(path for path, _exists in info["resources"].values())]
outside = [p for p in paths if not os.path.realpath(p).startswith(bundle + os.sep) and os.path.realpath(p) != bundle]
assert not outside, f"outside the installed folder: {outside}"
assert not [p for p in paths if checkout in p or ".venv" in p], "a path points at the checkout or a venv"
missing = [key for key, (_path, exists) in info["resources"].items() if not exists]
assert not missing, f"resources not found by the frozen code: {missing}"
assert info["scripts_head"] == info["schema_head"], (info["scripts_head"], info["schema_head"])
print(f"[package-test] 冻结程序：{len(info['sys_path'])} 个 sys.path 项、{len(info['module_files'])} 个模块、"
      f"{len(info['resources'])} 处资源全在安装目录内；迁移脚本读到 {info['scripts_head']}")
PY

PASSPHRASE="装包测试 口令 $RANDOM-$RANDOM 足够长"
printf '%s' "$PASSPHRASE" >"$WORK/key"
chmod 600 "$WORK/key"
t0=$SECONDS
clean FULIAN_PASSPHRASE="$PASSPHRASE" FULIAN_ADMIN_PASSWORD="Admin-Start-2" \
  "$BIN/fulian" --data-dir "$DATA" init --no-keyring >"$OUT/init.txt" || { cat "$OUT/init.txt"; fail "fulian init"; }
grep -q '已创建数据存储' "$OUT/init.txt" || fail "fulian init 没有建库"
fulian() { clean "$BIN/fulian" --data-dir "$DATA" --key-file "$WORK/key" "$@"; }
fulian demo --cases 12 >"$OUT/demo.txt" || fail "fulian demo"
grep -q '已生成演示数据：12 件案件' "$OUT/demo.txt" || fail "fulian demo：$(cat "$OUT/demo.txt")"
fulian case list >"$OUT/cases.txt" || fail "fulian case list"
case_no="$(awk 'NR == 1 {print $1}' "$OUT/cases.txt")"
[ -n "$case_no" ] || fail "fulian case list 没有列出案件"
fulian pdf "$case_no" -o "$OUT/case-file.pdf" >/dev/null || fail "fulian pdf $case_no"
pages="$(pdfinfo "$OUT/case-file.pdf" | awk '/^Pages:/ {print $2}')"
[ "${pages:-0}" -ge 3 ] || fail "卷宗只有 ${pages:-0} 页"
pdffonts "$OUT/case-file.pdf" >"$WORK/fonts.txt"
grep -q FulianSong "$WORK/fonts.txt" || fail "卷宗没有嵌入随附的宋体"
pdftotext "$OUT/case-file.pdf" "$WORK/case-file.txt"
grep -qF "$case_no" "$WORK/case-file.txt" || fail "卷宗中没有案号 $case_no"
fulian info >"$OUT/info.txt" || fail "fulian info"
say "命令行（干净环境）：建库、12 件演示案件、卷宗 $case_no（$pages 页，嵌入 FulianSong），用时 $((SECONDS - t0)) 秒"

# ---- the desktop program under Xvfb: to the login window ----------------------------------------------------
# A display of its own, from :140 up (free: no lock file, no socket); Xvfb takes the lock file itself. No reset
# when the last client leaves: the test polls the window list, and a reset would refuse the program.
n=140
while [ -e "/tmp/.X$n-lock" ] || [ -e "/tmp/.X11-unix/X$n" ]; do n=$((n + 1)); done
DISPLAY_NO=":$n"
Xvfb "$DISPLAY_NO" -screen 0 1280x800x24 -nolisten tcp -noreset 2>"$WORK/xvfb.log" &
XVFB_PID=$!
for _ in $(seq 1 300); do xwininfo -display "$DISPLAY_NO" -root >/dev/null 2>&1 && break; sleep 0.1; done
xwininfo -display "$DISPLAY_NO" -root >/dev/null 2>&1 || { cat "$WORK/xvfb.log" >&2; fail "Xvfb 没有启动"; }
LOGIN_TITLE="幸福号 · 登录"   # Qt adds " — 幸福号" (the application's display name)

now_ms() { date +%s%3N; }
wait_for_login() {  # seconds; prints the milliseconds it took
  local t0 deadline tree
  t0=$(now_ms)
  deadline=$((t0 + $1 * 1000))
  while [ "$(now_ms)" -lt "$deadline" ]; do
    tree="$(xwininfo -display "$DISPLAY_NO" -root -tree 2>/dev/null || true)"
    if grep -qF "\"$LOGIN_TITLE" <<<"$tree"; then
      echo $(($(now_ms) - t0))
      return 0
    fi
    kill -0 "$GUI_PID" 2>/dev/null || return 1
    sleep 0.05
  done
  return 1
}
start_gui() {  # LOG ARGS...
  local log=$1
  shift
  # env itself, not a function, so that $! is the program's own process (env execs it).
  env -i -C "$CWD" PATH=/usr/bin:/bin HOME="$HOMEDIR" DISPLAY="$DISPLAY_NO" "$BIN/fulian-desktop" "$@" >"$log" 2>&1 &
  GUI_PID=$!
}
stop_gui() {
  kill "$GUI_PID" 2>/dev/null || true
  wait "$GUI_PID" 2>/dev/null || true
  GUI_PID=""
}

# First start: a new demo store (made and filled by the program), then the login window.
start_gui "$OUT/gui-first.log" --demo --demo-cases 12 --data-dir "$WORK/demo"
first_ms="$(wait_for_login 240)" || { cat "$OUT/gui-first.log" >&2; fail "桌面程序没有打开登录窗口"; }
sleep 1   # let the window finish painting
screenshot() {  # FILE: the whole virtual screen (taken by the test's own Qt, not the program's)
  QT_QPA_PLATFORM=xcb DISPLAY="$DISPLAY_NO" .venv/bin/python -c '
import sys
from PySide6.QtGui import QGuiApplication
app = QGuiApplication(sys.argv[:1])
sys.exit(0 if app.primaryScreen().grabWindow(0).save(sys.argv[1]) else 1)' "$1" || fail "截图失败"
}
screenshot "$OUT/login.png"
# Every file the running program has mapped is in the installed folder or the system's own libraries.
foreign="$(awk '$6 ~ /^\// {print $6}' "/proc/$GUI_PID/maps" | sort -u \
  | grep -vE "^($FS/|/usr/lib/|/lib/|/lib64/|/usr/share/|/var/cache/fontconfig/|/dev/|/memfd:|$WORK/)" || true)"
[ -z "$foreign" ] || fail "桌面程序加载了安装目录以外的文件：$foreign"
grep -q "$ROOT\|\.venv" "/proc/$GUI_PID/maps" && fail "桌面程序加载了仓库或虚拟环境中的文件"
stop_gui
# Second start: the store exists; the time from starting the program to its login window.
start_gui "$OUT/gui-second.log" --demo --data-dir "$WORK/demo"
second_ms="$(wait_for_login 120)" || { cat "$OUT/gui-second.log" >&2; fail "第二次启动没有打开登录窗口"; }
# The processor time it used up to then (user + system): on a shared machine the wall time above waits for
# the other processes too.
second_cpu_ms="$(awk -v hz="$(getconf CLK_TCK)" '{print int(($14 + $15) * 1000 / hz)}' "/proc/$GUI_PID/stat")"
stop_gui
# A third start on a machine without any Chinese font of its own: fontconfig sees no system fonts at all, the
# program's bundled fonts must carry the screen (look at login-no-system-fonts.png: no boxes).
mkdir -p "$WORK/fc-cache"
printf '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig><cachedir>%s</cachedir></fontconfig>\n' \
  "$WORK/fc-cache" >"$WORK/no-fonts.conf"
env -i -C "$CWD" PATH=/usr/bin:/bin HOME="$HOMEDIR" DISPLAY="$DISPLAY_NO" FONTCONFIG_FILE="$WORK/no-fonts.conf" \
  "$BIN/fulian-desktop" --demo --data-dir "$WORK/demo" >"$OUT/gui-no-fonts.log" 2>&1 &
GUI_PID=$!
wait_for_login 120 >/dev/null || { cat "$OUT/gui-no-fonts.log" >&2; fail "没有系统字体时没有打开登录窗口"; }
sleep 1
screenshot "$OUT/login-no-system-fonts.png"
stop_gui
deb_mb="$(du -m "$DEB" | cut -f1)"
tar_mb="$(du -m "$TARBALL" | cut -f1)"
inst_mb="$(du -sm "$APP" | cut -f1)"
say "桌面程序（干净环境、Xvfb）：首次启动（建演示库 12 件）到登录窗口 $((first_ms / 1000)).$(printf '%03d' $((first_ms % 1000))) 秒，" \
    "再次启动到登录窗口 $((second_ms / 1000)).$(printf '%03d' $((second_ms % 1000))) 秒" \
    "（其间用处理器 $((second_cpu_ms / 1000)).$(printf '%03d' $((second_cpu_ms % 1000))) 秒）；截图：$OUT/login.png、$OUT/login-no-system-fonts.png"
say "大小：$DEB $deb_mb MB，$TARBALL $tar_mb MB，安装后 $inst_mb MB"
say "用时 $((SECONDS - started)) 秒：安装包测试通过"
