#!/usr/bin/env bash
# Builds the installable packages into target/package/:
#   ladderboard_<version>_<arch>.deb   (cargo-deb; installs the binary, desktop entry, icon, the
#                                        session file type and the sample session)
#   ladderboard-<version>-linux-<arch>.tar.gz   (the same files and packaging/install.sh)
# An AppImage is not built: appimagetool and its runtime are downloaded at package time, and no
# registry this project builds from carries them.
# Needs: cargo-deb (`cargo install cargo-deb --locked`).
set -euo pipefail
cd "$(dirname "$0")/.."
version=$(cargo metadata --no-deps --format-version 1 | python3 -c 'import json,sys; print(json.load(sys.stdin)["packages"][0]["version"])')
arch=$(uname -m)
out=target/package
mkdir -p "$out"
cargo build --release --locked
cargo deb --no-build --output "$out/"
stage=$(mktemp -d)
root="$stage/ladderboard-$version"
install -Dm755 target/release/ladderboard "$root/bin/ladderboard"
install -Dm644 packaging/ladderboard.desktop "$root/share/applications/ladderboard.desktop"
install -Dm644 assets/icons/ladderboard.png "$root/share/icons/hicolor/256x256/apps/ladderboard.png"
install -Dm644 assets/icons/ladderboard.svg "$root/share/icons/hicolor/scalable/apps/ladderboard.svg"
install -Dm644 packaging/ladderboard-mime.xml "$root/share/mime/packages/ladderboard.xml"
install -Dm644 assets/sample/session.ron "$root/share/ladderboard/sample-session.ron"
install -Dm755 packaging/install.sh "$root/install.sh"
install -Dm644 README.md "$root/README.md"
tar -C "$stage" -czf "$out/ladderboard-$version-linux-$arch.tar.gz" "ladderboard-$version"
rm -rf "$stage"
ls -la "$out"
