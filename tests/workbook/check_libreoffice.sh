#!/usr/bin/env bash
# Opens the compiled examples workbook in LibreOffice (headless, converting to PDF).
# Skipped (exit 77) where LibreOffice is not installed: it is optional and heavy.
#   check_libreoffice.sh HIPLAN EXAMPLES_DIR
set -euo pipefail
command -v soffice > /dev/null || { echo "soffice not installed: skipped"; exit 77; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$1" compile "$2" --round 2026-spring -o "$tmp/board.xlsx" --generated 2026-11-20 > /dev/null
timeout 180 soffice "-env:UserInstallation=file://$tmp/profile" --headless --convert-to pdf \
  --outdir "$tmp" "$tmp/board.xlsx" > "$tmp/soffice.log" 2>&1 || true
# soffice's exit status is unreliable: the PDF is the proof that it opened the workbook.
if [ ! -s "$tmp/board.pdf" ]; then
  cat "$tmp/soffice.log"
  echo "LibreOffice could not open the workbook"
  exit 1
fi
echo "LibreOffice opened the workbook ($(stat -c %s "$tmp/board.pdf") bytes of PDF)"
