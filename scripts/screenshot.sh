#!/usr/bin/env bash
# Runs the release binary under Xvfb on the sample session and writes screenshots of the main
# window in both themes to docs/screenshots/. Needs: xvfb, imagemagick (import), and the Xvfb
# runtime libraries listed in the README.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release
out=docs/screenshots
mkdir -p "$out"
size=${SIZE:-1280x800}
home=$(mktemp -d)   # a fresh HOME: no recent files, so the sample opens
for theme in dark light; do
    display=:$((90 + RANDOM % 9))
    Xvfb "$display" -screen 0 "${size}x24" >/dev/null 2>&1 &
    xvfb=$!
    sleep 1
    HOME="$home" DISPLAY="$display" WAYLAND_DISPLAY= ./target/release/ladderboard --theme "$theme" &
    app=$!
    sleep "${WAIT_SECS:-4}"
    DISPLAY="$display" xdotool mousemove 2 795 2>/dev/null && sleep 0.5 || true   # no hover tooltip in the picture
    DISPLAY="$display" import -window root "$out/main-$theme.png"
    kill "$app" "$xvfb" 2>/dev/null || true
    wait "$app" "$xvfb" 2>/dev/null || true
    echo "wrote $out/main-$theme.png"
done
rm -rf "$home"
