#!/usr/bin/env bash
# Builds the .deb with CPack and checks what a user would install: files, metadata, dependencies, and that the
# packaged binary runs from a scratch root.
set -euo pipefail
build_dir=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

(cd "$build_dir" && cpack -G DEB -B "$work/out" >"$work/cpack.log" 2>&1) || { cat "$work/cpack.log"; exit 1; }
deb=$(ls "$work"/out/techrace_*.deb)
echo "package: $(basename "$deb") ($(stat -c %s "$deb") bytes)"

fail=0
contents=$(dpkg-deb -c "$deb")
for path in ./usr/bin/techrace ./usr/share/applications/techrace.desktop \
            ./usr/share/icons/hicolor/scalable/apps/techrace.svg ./usr/share/mime/packages/techrace.xml \
            ./usr/share/techrace/techrace-kb.sqlite; do
    grep -q " $path\$" <<<"$contents" || { echo "missing from package: $path"; fail=1; }
done
depends=$(dpkg-deb -f "$deb" Depends)
for dep in libqt6core6 libqt6quick6 libqt6charts6 libsqlite3-0 qml6-module-qtcharts qml6-module-qtquick-controls; do
    grep -q "$dep" <<<"$depends" || { echo "Depends lacks $dep: $depends"; fail=1; }
done
[ "$(dpkg-deb -f "$deb" Package)" = techrace ] || { echo "wrong package name"; fail=1; }

dpkg-deb -x "$deb" "$work/root"
desktop-file-validate "$work/root/usr/share/applications/techrace.desktop" 2>/dev/null || \
    grep -q '^Exec=techrace' "$work/root/usr/share/applications/techrace.desktop" || { echo "bad desktop entry"; fail=1; }
"$work/root/usr/bin/techrace" --version | grep -q '^techrace ' || { echo "packaged binary does not run"; fail=1; }
"$work/root/usr/bin/techrace" --kb "$work/root/usr/share/techrace/techrace-kb.sqlite" kb check >/dev/null \
    || { echo "packaged knowledge base fails its check"; fail=1; }
exit $fail
