#!/usr/bin/env bash
# The report tests convert the produced .docx to PDF with Debian's LibreOffice (headless Writer, no GUI): installs
# it when missing and we are root, like ensure-chromium.sh.
set -euo pipefail
office=${SOFFICE_PATH:-soffice}
command -v "$office" >/dev/null 2>&1 && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "dangbo: installing LibreOffice Writer (headless) from Debian's packages…"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends libreoffice-writer-nogui >/dev/null
else
  echo "dangbo: the report tests need LibreOffice (sudo apt-get install libreoffice-writer-nogui, or set SOFFICE_PATH)" >&2
  exit 1
fi
