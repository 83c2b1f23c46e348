#!/usr/bin/env bash
# 幸福号 · 打包：独立运行的程序（PyInstaller，目标机器不需要 Python）→ Debian 软件包（Debian、统信 UOS、
# 麒麟通用的格式，装到 /opt/apps/<id>/）+ 同一份程序的便携压缩包（tar.gz）+ 校验文件 SHA256SUMS。
# 输出在 dist/（不进版本库）。用法：bash scripts/package.sh
# It installs what it needs itself: binutils (objdump/readelf) from apt when missing and running as root, and
# the `package` extra of pyproject.toml (PyInstaller) into .venv.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

say() { printf '[package] %s\n' "$*"; }

APP_ID="cn.fulian.desktop"          # the Debian package name and the folder under /opt/apps (UOS layout)
APP_DIR="/opt/apps/$APP_ID"
started=$SECONDS

# ---- tools ------------------------------------------------------------------------------------------------
missing=()
for tool in dpkg-deb:dpkg objdump:binutils readelf:binutils; do
  command -v "${tool%%:*}" >/dev/null 2>&1 || missing+=("${tool#*:}")
done
if [ "${#missing[@]}" -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    say "错误：缺少 ${missing[*]}，请以 root 运行：apt-get install ${missing[*]}" >&2
    exit 1
  fi
  say "安装系统软件包：${missing[*]}"
  DEBIAN_FRONTEND=noninteractive apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $(printf '%s\n' "${missing[@]}" | sort -u) >/dev/null
fi
[ -x .venv/bin/python ] || bash scripts/setup.sh
PY=.venv/bin/python

VERSION="$("$PY" -c 'import tomllib; print(tomllib.load(open("pyproject.toml", "rb"))["project"]["version"])')"
mapfile -t wants < <("$PY" -c 'import tomllib
for req in tomllib.load(open("pyproject.toml", "rb"))["project"]["optional-dependencies"]["package"]: print(req)')
if ! "$PY" -m pip install -q --disable-pip-version-check "${wants[@]}" >/tmp/fulian-package-pip.log 2>&1; then
  tail -n 20 /tmp/fulian-package-pip.log >&2
  say "错误：pip install ${wants[*]} 失败。" >&2
  exit 1
fi

# ---- the frozen program (one folder) -----------------------------------------------------------------------
say "构建 $VERSION（PyInstaller，单文件夹）"
rm -rf dist/pyinstaller build/package
"$PY" -m PyInstaller --noconfirm --log-level WARN --distpath dist/pyinstaller --workpath build/pyinstaller \
  packaging/fulian.spec 2> >(grep --line-buffered -vE 'Hidden import .* not found|required via ctypes not found' >&2)
BUILT="dist/pyinstaller/fulian-desktop"
ln -s fulian-desktop "$BUILT/fulian"          # the command line: the same executable under its own name
say "用时 $((SECONDS - started)) 秒：构建"

# ---- the lowest glibc the bundle needs: the highest GLIBC_x.y any of its ELF files asks for ---------------
glibc_report="build/package-glibc.txt"
mkdir -p build
: >"$glibc_report"
while IFS= read -r -d '' file; do
  [ "$(head -c 4 "$file" | od -An -c | tr -d ' ')" = "177ELF" ] || continue
  highest="$(objdump -T "$file" 2>/dev/null | grep -oE 'GLIBC_[0-9]+(\.[0-9]+)+' | sort -uV | tail -n 1 || true)"
  [ -z "$highest" ] || printf '%s %s\n' "${highest#GLIBC_}" "${file#"$BUILT"/}" >>"$glibc_report"
done < <(find "$BUILT" -type f -print0)
sort -rV -o "$glibc_report" "$glibc_report"
GLIBC_MIN="$(head -n 1 "$glibc_report" | cut -d' ' -f1)"
say "包内 $(wc -l <"$glibc_report") 个 ELF 文件，所需最低 glibc：$GLIBC_MIN（要求最高的文件：$(awk -v v="$GLIBC_MIN" '$1 == v {print $2}' "$glibc_report" | head -n 5 | tr '\n' ' ')）"

# ---- the Debian package (UOS layout: /opt/apps/<id>/files, entries/) -----------------------------------------
STAGE="build/package/root"
mkdir -p "$STAGE$APP_DIR" "$STAGE/DEBIAN"
mv "$BUILT" "$STAGE$APP_DIR/files"
entries="$STAGE$APP_DIR/entries"
icon_rel="entries/icons/hicolor/256x256/apps/$APP_ID.png"
mkdir -p "$entries/applications" "$(dirname "$STAGE$APP_DIR/$icon_rel")"
install -m 644 resources/icons/fulian-desktop.png "$STAGE$APP_DIR/$icon_rel"
sed -e "s|@APP_DIR@|$APP_DIR|g" -e "s|@ICON@|$APP_DIR/$icon_rel|g" -e "s|@VERSION@|$VERSION|g" \
  packaging/fulian-desktop.desktop.in >"$entries/applications/$APP_ID.desktop"
sed -e "s|@APP_ID@|$APP_ID|g" -e "s|@VERSION@|$VERSION|g" packaging/info.in >"$STAGE$APP_DIR/info"
# Debian and Kylin find programs, menu entries and icons under /usr: links into the one copy under /opt/apps.
mkdir -p "$STAGE/usr/bin" "$STAGE/usr/share/applications" "$STAGE/usr/share/icons/hicolor/256x256/apps"
ln -s "$APP_DIR/files/fulian" "$STAGE/usr/bin/fulian"
ln -s "$APP_DIR/files/fulian-desktop" "$STAGE/usr/bin/fulian-desktop"
ln -s "$APP_DIR/entries/applications/$APP_ID.desktop" "$STAGE/usr/share/applications/$APP_ID.desktop"
ln -s "$APP_DIR/$icon_rel" "$STAGE/usr/share/icons/hicolor/256x256/apps/$APP_ID.png"

installed_kb="$(du -sk --apparent-size "$STAGE" | cut -f1)"
# Depends: what the bundle leaves to the system (PyInstaller never bundles the C library, OpenGL/EGL and libxcb,
# which must match the machine's drivers and X server, and Wayland's client libraries for a Wayland session);
# everything else is inside.
sed -e "s|@APP_ID@|$APP_ID|g" -e "s|@VERSION@|$VERSION|g" -e "s|@GLIBC@|$GLIBC_MIN|g" \
  -e "s|@SIZE@|$installed_kb|g" packaging/debian/control.in >"$STAGE/DEBIAN/control"
install -m 755 packaging/debian/postinst packaging/debian/postrm "$STAGE/DEBIAN/"
chmod -R u+rwX,go+rX,go-w "$STAGE"

DEB="dist/${APP_ID}_${VERSION}_amd64.deb"
TARBALL="dist/fulian-desktop-${VERSION}-linux-x86_64.tar.gz"
rm -f "$DEB" "$TARBALL" dist/SHA256SUMS
# The portable archive holds the same program folder (and the icon): packed beside
# the .deb, each on one core. gzip, not zstd or xz: the dpkg of UOS 20 and Kylin V10 reads gzip; level 1 is
# quick and little larger.
portable="build/package/fulian-desktop-$VERSION"
mkdir -p "$portable"
cp -al "$STAGE$APP_DIR/files/." "$portable/"
cp "$STAGE$APP_DIR/$icon_rel" "$portable/fulian-desktop.png"
tar -C build/package --owner=0 --group=0 -cf - "fulian-desktop-$VERSION" | gzip -1 >"$TARBALL" &
tar_pid=$!
dpkg-deb --root-owner-group -Zgzip -z1 --build "$STAGE" "$DEB" >/dev/null
wait "$tar_pid"
(cd dist && sha256sum "$(basename "$DEB")" "$(basename "$TARBALL")" >SHA256SUMS)
cp "$glibc_report" "dist/glibc-${VERSION}.txt"

say "Debian 软件包：$DEB（$(du -m "$DEB" | cut -f1) MB，安装后 $((installed_kb / 1024)) MB）"
say "便携压缩包：$TARBALL（$(du -m "$TARBALL" | cut -f1) MB）"
say "校验文件：dist/SHA256SUMS；最低 glibc $GLIBC_MIN（逐个文件：dist/glibc-${VERSION}.txt）"
say "用时 $((SECONDS - started)) 秒：打包完成"
