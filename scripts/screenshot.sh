#!/usr/bin/env bash
# Runs the release binary under Xvfb and writes screenshots to docs/screenshots/: the main window on
# the sample session in both themes, the roster import preview, and names in every script. Needs: xvfb, imagemagick (import), and the Xvfb
# runtime libraries listed in the README.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release
out=docs/screenshots
mkdir -p "$out"
size=${SIZE:-1280x800}
home=$(mktemp -d)   # a fresh HOME: no recent files, so the sample opens
# shot NAME THEME [FILE] [X Y]: the window on FILE (a session, or a roster: the import preview),
# after a click at X Y when given.
shot() {
    local name=$1 theme=$2 file=${3:-} x=${4:-} y=${5:-}
    display=:$((90 + RANDOM % 9))
    Xvfb "$display" -screen 0 "${size}x24" >/dev/null 2>&1 &
    xvfb=$!
    sleep 1
    HOME="$home" DISPLAY="$display" WAYLAND_DISPLAY= ./target/release/ladderboard --theme "$theme" ${file:+"$file"} &
    app=$!
    sleep "${WAIT_SECS:-4}"
    if [ -n "$x" ]; then
        DISPLAY="$display" xdotool mousemove "$x" "$y" click 1 && sleep 1
    fi
    DISPLAY="$display" xdotool mousemove 2 795 2>/dev/null && sleep 0.5 || true   # no hover tooltip in the picture
    DISPLAY="$display" import -window root "$out/$name.png"
    kill "$app" "$xvfb" 2>/dev/null || true
    wait "$app" "$xvfb" 2>/dev/null || true
    echo "wrote $out/$name.png"
}
for theme in dark light; do
    shot "main-$theme" "$theme"
done
shot import-preview dark tests/fixtures/rosters/cases/title-and-level-columns.csv
names=$(mktemp -d)/names.ron
./target/release/ladderboard import tests/fixtures/rosters/names_every_script.csv -o "$names" --title "Names in every script" >/dev/null
shot names-every-script light "$names" 100 273   # selects Dana Levi (Hebrew) in the roster
rm -rf "$home" "$(dirname "$names")"

# The meeting: the agenda (Ctrl+G), then the first candidate presented.
display=:$((90 + RANDOM % 9))
Xvfb "$display" -screen 0 "${size}x24" >/dev/null 2>&1 &
xvfb=$!
sleep 1
home=$(mktemp -d)
HOME="$home" DISPLAY="$display" WAYLAND_DISPLAY= ./target/release/ladderboard --theme dark &
app=$!
sleep "${WAIT_SECS:-4}"
wid=$(DISPLAY="$display" xdotool search --name Ladderboard | head -1)
DISPLAY="$display" xdotool windowfocus --sync "$wid" key ctrl+g && sleep 1
DISPLAY="$display" xdotool mousemove 2 795 && sleep 0.5
DISPLAY="$display" import -window root "$out/agenda.png" && echo "wrote $out/agenda.png"
DISPLAY="$display" xdotool mousemove 366 171 click 1 && sleep 1.5   # the first row's Present
DISPLAY="$display" xdotool mousemove 2 795 && sleep 0.5
DISPLAY="$display" import -window root "$out/presenter.png" && echo "wrote $out/presenter.png"
kill "$app" "$xvfb" 2>/dev/null || true
wait "$app" "$xvfb" 2>/dev/null || true
rm -rf "$home"
