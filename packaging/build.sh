#!/usr/bin/env bash
# Build Backleg as a desktop app: a PyInstaller one-folder bundle and a Debian package.
#
#   packaging/build.sh
#
# Makes (or reuses) its own virtual environment build/venv, installs Backleg there as a
# wheel with PyInstaller (the `bundle` extra), builds dist/backleg/ from
# packaging/backleg.spec, checks it (size, --version, packaging/smoke.sh), and packs
# dist/backleg_<version>_amd64.deb: the bundle in /opt/backleg, /usr/bin/backleg, the
# desktop entry, the AppStream metainfo and the hicolor icons. Its Depends line lists the
# Debian packages that own the system libraries the bundle links to (found with ldd and
# dpkg -S), so a library missing here stops the build rather than the user's start.
# Needs python3 with venv, dpkg-deb, and those libraries (see .ci/run's apt-get line).
# Every run starts from scratch apart from build/venv, so it can simply be run again.
set -euo pipefail
cd "$(dirname "$0")/.."
export PIP_DISABLE_PIP_VERSION_CHECK=1

MAX_BUNDLE_MB=200
venv=build/venv
step() { printf '\n--- build.sh: %s ---\n' "$*"; }
fail() { echo "build.sh: FAILED: $*" >&2; exit 1; }

version=$(sed -n 's/^__version__ = "\(.*\)"$/\1/p' backleg_desktop/__init__.py)
[ -n "$version" ] || fail "no __version__ in backleg_desktop/__init__.py"
deb=dist/backleg_${version}_amd64.deb

step "build environment ($venv)"
[ -x "$venv/bin/python" ] || python3 -m venv "$venv"
"$venv/bin/pip" install -q ".[bundle]"
# The same version number would let pip keep an older build of this checkout.
"$venv/bin/pip" install -q --no-deps --force-reinstall .

step "bundle (dist/backleg)"
rm -rf dist/backleg "$deb"
"$venv/bin/pyinstaller" --noconfirm --log-level WARN \
    --distpath dist --workpath build/pyinstaller packaging/backleg.spec
size_mb=$(du -sm dist/backleg | cut -f1)
echo "bundle size: ${size_mb} MB (limit ${MAX_BUNDLE_MB} MB)"
[ "$size_mb" -le "$MAX_BUNDLE_MB" ] || fail "dist/backleg is ${size_mb} MB"

step "bundle: --version and start-up"
[ "$(dist/backleg/backleg --version)" = "backleg $version" ] || fail "dist/backleg/backleg --version"
dist/backleg/backleg --version
PYTHON="$venv/bin/python" packaging/smoke.sh dist/backleg/backleg

step "Debian package ($deb)"
stage=build/deb/backleg
rm -rf build/deb
mkdir -p "$stage/DEBIAN" "$stage/opt" "$stage/usr/bin" "$stage/usr/share/applications" \
    "$stage/usr/share/metainfo" "$stage/usr/share/icons"
cp -a dist/backleg "$stage/opt/backleg"
ln -s /opt/backleg/backleg "$stage/usr/bin/backleg"
cp packaging/linux/backleg.desktop "$stage/usr/share/applications/"
cp packaging/linux/io.github.backleg.backleg.metainfo.xml "$stage/usr/share/metainfo/"
cp -r packaging/linux/icons/hicolor "$stage/usr/share/icons/"
chmod -R u+rwX,go=rX "$stage"

# Depends: the packages of the system libraries the bundle links to (ldd lists them
# all); one that another of those libraries pulls in comes with that library's package.
resolved() { awk '$2 == "=>" && $3 ~ /^\// {print $3}' | sort -u; }
libs=$(find "$stage/opt/backleg" -type f \( -name '*.so*' -o -path "$stage/opt/backleg/backleg" \) \
    -exec ldd {} + 2>/dev/null)
if grep -q 'not found' <<<"$libs"; then
    grep 'not found' <<<"$libs" | sort -u >&2
    fail "the bundle links to libraries this machine lacks (install them and run again)"
fi
mapfile -t system_libs < <(resolved <<<"$libs" | grep -v "^$PWD/$stage/")
[ "${#system_libs[@]}" -gt 0 ] || fail "ldd found no system library"
pulled_in=$(ldd "${system_libs[@]}" 2>/dev/null | resolved)
packages=()
while read -r lib; do
    owner=""
    for path in "$lib" "$(readlink -f "$lib")" "/usr$lib" "${lib#/usr}"; do
        owner=$(dpkg -S "$path" 2>/dev/null | head -n1 | cut -d: -f1) && [ -n "$owner" ] && break
    done
    [ -n "$owner" ] || fail "no Debian package owns $lib"
    packages+=("$owner")
done < <(comm -23 <(printf '%s\n' "${system_libs[@]}") <(printf '%s\n' "$pulled_in"))
depends=$(printf '%s\n' libc6 "${packages[@]}" | sort -u | paste -sd, - | sed 's/,/, /g')
echo "Depends: $depends"

cat >"$stage/DEBIAN/control" <<CONTROL
Package: backleg
Version: $version
Architecture: amd64
Maintainer: Backleg developers <backleg@users.noreply.github.com>
Installed-Size: $(du -sk --exclude=DEBIAN "$stage" | cut -f1)
Section: misc
Priority: optional
Homepage: https://github.com/backleg/backleg
Depends: $depends
Description: workout companion for training legs with lower back pain
 Backleg guides a back-friendly leg session set by set, with a set timer,
 reps and load per leg and a rest timer that starts by itself. It keeps the
 exercise instructions readable offline and stores the history in a local
 SQLite file. It is general training information, not medical advice.
CONTROL
dpkg-deb --root-owner-group --build "$stage" "$deb"
dpkg-deb --info "$deb"
listing=$(dpkg-deb -c "$deb")
for path in ./opt/backleg/backleg ./usr/bin/backleg ./usr/share/applications/backleg.desktop \
    ./usr/share/metainfo/io.github.backleg.backleg.metainfo.xml \
    ./usr/share/icons/hicolor/scalable/apps/backleg.svg \
    ./usr/share/icons/hicolor/48x48/apps/backleg.png; do
    grep -q " $path\( ->\|$\)" <<<"$listing" || fail "$deb lacks $path"
done
ls -la "$deb"
echo "build.sh: OK: dist/backleg (${size_mb} MB) and $deb"
