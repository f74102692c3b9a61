#!/usr/bin/env bash
# The e2e suite drives Debian's Chromium (never a downloaded browser). Installs it when missing and we are root.
set -euo pipefail
browser=${CHROMIUM_PATH:-/usr/bin/chromium}
[ -x "$browser" ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "dangbo: installing Chromium from Debian's packages…"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
else
  echo "dangbo: the e2e suite needs Chromium at $browser (sudo apt-get install chromium, or set CHROMIUM_PATH)" >&2
  exit 1
fi
