#!/bin/sh
# Installs Ladderboard from this folder: for you alone (default, into ~/.local) or, as root with
# --system, for everyone (into /usr/local). Uninstall: the same with --uninstall.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
prefix="${HOME}/.local"
action=install
for arg in "$@"; do
  case "$arg" in
    --system) prefix=/usr/local ;;
    --uninstall) action=uninstall ;;
    *) echo "usage: $0 [--system] [--uninstall]" >&2; exit 2 ;;
  esac
done
files="bin/ladderboard share/applications/ladderboard.desktop share/icons/hicolor/256x256/apps/ladderboard.png share/icons/hicolor/scalable/apps/ladderboard.svg share/mime/packages/ladderboard.xml share/ladderboard/sample-session.ron"
if [ "$action" = uninstall ]; then
  for f in $files; do rm -f "$prefix/$f"; done
  echo "removed Ladderboard from $prefix"
else
  for f in $files; do
    mkdir -p "$(dirname "$prefix/$f")"
    cp "$here/$f" "$prefix/$f"
  done
  chmod 755 "$prefix/bin/ladderboard"
  echo "installed Ladderboard into $prefix"
fi
# Menus, icons and the session file type pick the change up (each tool only where installed).
command -v update-mime-database >/dev/null && update-mime-database "$prefix/share/mime" || true
command -v update-desktop-database >/dev/null && update-desktop-database "$prefix/share/applications" || true
command -v gtk-update-icon-cache >/dev/null && gtk-update-icon-cache -q -t "$prefix/share/icons/hicolor" || true
case ":$PATH:" in *":$prefix/bin:"*) ;; *) [ "$action" = install ] && echo "note: add $prefix/bin to your PATH" ;; esac
