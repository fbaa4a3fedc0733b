#!/usr/bin/env bash
# Installs the .deb into a clean Debian (bookworm) made with debootstrap, and runs the installed
# `ladderboard --version` and `ladderboard validate` on the sample there; then installs the
# .tar.gz with its install.sh into a fresh home in the same system and runs it again.
# Needs root and debootstrap; the Debian mirror is DEBIAN_MIRROR (default deb.debian.org).
set -euo pipefail
cd "$(dirname "$0")/.."
deb=$(ls target/package/ladderboard_*.deb | head -1)
tarball=$(ls target/package/ladderboard-*-linux-*.tar.gz | head -1)
mirror=${DEBIAN_MIRROR:-http://deb.debian.org/debian}
chroot_dir=${CHROOT_DIR:-target/chroot-bookworm}
if [ ! -x "$chroot_dir/usr/bin/apt-get" ]; then
  rm -rf "$chroot_dir"
  debootstrap --variant=minbase bookworm "$chroot_dir" "$mirror"
fi
cleanup() { umount "$chroot_dir/proc" 2>/dev/null || true; }
trap cleanup EXIT
mount -t proc proc "$chroot_dir/proc"
cp "$deb" "$chroot_dir/tmp/ladderboard.deb"
cp "$tarball" "$chroot_dir/tmp/ladderboard.tar.gz"
chroot "$chroot_dir" /bin/sh -euxc '
  apt-get remove -y ladderboard >/dev/null 2>&1 || true
  apt-get install -y --no-install-recommends /tmp/ladderboard.deb
  ladderboard --version
  ladderboard validate /usr/share/ladderboard/sample-session.ron
  test -f /usr/share/applications/ladderboard.desktop
  test -f /usr/share/mime/packages/ladderboard.xml
  test -f /usr/share/icons/hicolor/256x256/apps/ladderboard.png
  apt-get remove -y ladderboard
  test ! -e /usr/bin/ladderboard
  rm -rf /tmp/home && mkdir -p /tmp/home /tmp/unpacked
  tar -C /tmp/unpacked -xzf /tmp/ladderboard.tar.gz
  HOME=/tmp/home sh /tmp/unpacked/ladderboard-*/install.sh
  HOME=/tmp/home /tmp/home/.local/bin/ladderboard --version
  HOME=/tmp/home /tmp/home/.local/bin/ladderboard validate /tmp/home/.local/share/ladderboard/sample-session.ron
'
echo "install test passed: .deb and .tar.gz in a clean Debian bookworm"
