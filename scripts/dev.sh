#!/usr/bin/env bash
# TechRace developer entry point. Idempotent: installs only missing Debian packages, rebuilds only what changed.
#   ./scripts/dev.sh run [-- techrace args]   install deps, build, launch the app
#   ./scripts/dev.sh test                     install deps, build, run every test
#   ./scripts/dev.sh asan                     build and test under AddressSanitizer + UBSan
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(
    cmake ninja-build g++ pkg-config dpkg-dev
    qt6-base-dev qt6-declarative-dev qt6-declarative-dev-tools qt6-charts-dev qt6-svg-dev
    qml6-module-qtquick qml6-module-qtquick-controls qml6-module-qtquick-layouts qml6-module-qtquick-window
    qml6-module-qtquick-templates qml6-module-qtquick-shapes qml6-module-qtquick-dialogs qml6-module-qtcharts
    qml6-module-qtqml qml6-module-qtqml-models qml6-module-qtqml-workerscript qml6-module-qttest qt6-qpa-plugins
    libqt6sql6-sqlite libsqlite3-dev libgl-dev xvfb xauth libpoppler-qt6-dev
)

install_missing_packages() {
    local missing=()
    for p in "${packages[@]}"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    echo "Installing ${#missing[@]} missing Debian package(s): ${missing[*]}"
    local sudo=()
    if [ "$(id -u)" -ne 0 ]; then
        command -v sudo >/dev/null || { echo "Run as root or install sudo to install: ${missing[*]}" >&2; exit 1; }
        sudo=(sudo)
    fi
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

build() { # $1: preset
    [ -f "build/$1/build.ninja" ] || cmake --preset "$1" >/dev/null
    cmake --build --preset "$1"
}

command=${1:-}
shift || true
case "$command" in
run)
    install_missing_packages
    build dev
    [ "${1:-}" = "--" ] && shift
    if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ] && [ -z "${QT_QPA_PLATFORM:-}" ]; then
        echo "No display found: starting TechRace on a virtual X display (xvfb). Use --screenshot FILE.png to see it."
        exec xvfb-run -a build/dev/app/techrace "$@"
    fi
    exec build/dev/app/techrace "$@"
    ;;
test)
    install_missing_packages
    build dev
    ctest --preset dev
    ;;
asan)
    install_missing_packages
    build asan
    ctest --preset asan
    ;;
*)
    echo "usage: $0 run [-- techrace-args] | test | asan" >&2
    exit 2
    ;;
esac
