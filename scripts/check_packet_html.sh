#!/usr/bin/env bash
# Renders the sample session's pre-read packet in headless Chromium (Debian's `chromium` package):
# a screenshot of the first page and a PDF, to look at how it reads and prints. Writes into
# target/packet-check/ and prints the paths.
set -euo pipefail
cd "$(dirname "$0")/.."
out=target/packet-check
mkdir -p "$out"
cargo run --quiet --release -- packet assets/sample/session.ron --html "$out/pre-read.html" --md "$out/pre-read.md"
browser=$(command -v chromium || command -v chromium-browser)
"$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=1100,1400 \
    --screenshot="$out/pre-read.png" "file://$PWD/$out/pre-read.html" 2>/dev/null
"$browser" --headless --no-sandbox --disable-gpu --no-pdf-header-footer \
    --print-to-pdf="$out/pre-read.pdf" "file://$PWD/$out/pre-read.html" 2>/dev/null
echo "$out/pre-read.png"
echo "$out/pre-read.pdf"
