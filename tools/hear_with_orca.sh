#!/bin/bash
# Hear Partner Log with the Orca screen reader, on a virtual screen, with no sound card.
#
#   tools/hear_with_orca.sh [KEY ...]      e.g.  tools/hear_with_orca.sh Return Return Tab
#
# Opens the app on fresh example records, presses each KEY (xdotool names) three seconds
# apart, and prints what Orca said: the "SPEECH OUTPUT" lines of its debug log. Needs the
# Debian packages orca, speech-dispatcher, xvfb, openbox, dbus-x11, at-spi2-core and
# xdotool. PYTHON is the app's Python (default: .venv/bin/python).
set -euo pipefail
HERE=$(cd "$(dirname "$0")/.." && pwd)
PYTHON=${PYTHON:-$HERE/.venv/bin/python}
if [ -z "${HEAR_INSIDE:-}" ]; then
    export HEAR_INSIDE=1
    exec dbus-run-session -- xvfb-run -a -s "-screen 0 1280x1024x24" "$0" "$@"
fi
cd "$HERE"  # python -m takes the code from the current folder
WORK=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$WORK"' EXIT
export QT_QPA_PLATFORM=xcb QT_LINUX_ACCESSIBILITY_ALWAYS_ON=1 PYTHONPATH=$HERE
openbox >/dev/null 2>&1 &                       # a window manager, so the window is activated
/usr/libexec/at-spi-bus-launcher --launch-immediately >/dev/null 2>&1 &
sleep 1
# Its own settings folder, so Orca neither asks questions nor touches yours.
orca --replace --user-prefs "$WORK/orca" --debug-file "$WORK/orca.log" >/dev/null 2>&1 &
sleep 5
"$PYTHON" -m ui demo --data-dir "$WORK/records" --no-gui >/dev/null
"$PYTHON" -m ui --data-dir "$WORK/records" >/dev/null 2>&1 &
sleep 8
for key in "$@"; do
    xdotool key --clearmodifiers "$key"
    sleep 3
done
grep -a "SPEECH OUTPUT" "$WORK/orca.log" | sed "s/^.*SPEECH OUTPUT: //; s/{'established.*//"
