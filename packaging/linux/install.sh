#!/bin/sh
# Put Partner Log in your applications menu. Root is not needed.
#
#   ./install.sh               install Partner Log for you (or update it)
#   ./install.sh --uninstall   remove the app again; your records are always kept
#
# The app goes in ~/.local/lib/partner-log, its menu entry in ~/.local/share/applications,
# its icon in ~/.local/share/icons, and a `partner-log` command in ~/.local/bin.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
data="${XDG_DATA_HOME:-$HOME/.local/share}"
app="$HOME/.local/lib/partner-log"
bin="$HOME/.local/bin"
entry="$data/applications/partner-log.desktop"
icon="$data/icons/hicolor/256x256/apps/partner-log.png"

# Rebuild the folder's mimeinfo.cache (desktop-file-utils, on most desktops) after
# installing and after uninstalling. Every app in the folder shares that cache, so it
# is only ever rebuilt from the entries left there, never deleted.
refresh_menu() {
    if [ -d "$data/applications" ] && command -v update-desktop-database >/dev/null 2>&1; then
        update-desktop-database "$data/applications" >/dev/null 2>&1 || true
    fi
}

if [ "${1:-}" = "--uninstall" ]; then
    rm -rf "$app"
    rm -f "$entry" "$icon"
    if [ -L "$bin/partner-log" ]; then rm -f "$bin/partner-log"; fi
    refresh_menu
    echo "Partner Log is removed. Your records were not touched."
    exit 0
fi

mkdir -p "$(dirname "$app")" "$data/applications" "$(dirname "$icon")" "$bin"
rm -rf "$app.new"
cp -R "$here/partner-log" "$app.new"
rm -rf "$app"
mv "$app.new" "$app"
cp "$here/partner-log.png" "$icon"
sed "s|@EXEC@|$app/partner-log|" "$here/partner-log.desktop" > "$entry"
chmod 644 "$entry" "$icon"
ln -sf "$app/partner-log" "$bin/partner-log"
refresh_menu

if "$app/partner-log" --self-test >/dev/null 2>&1; then
    echo "Partner Log is installed. Open it from your applications menu."
else
    echo "Partner Log is installed, but its self-test failed. Run: $app/partner-log --self-test"
    exit 1
fi
