#!/usr/bin/env bash
# Opens the compiled examples workbook in LibreOffice (headless, converting to PDF), and
# turns the PDF's pages into images with pdftoppm, as a reader printing the workbook would.
# Skipped (exit 77) where LibreOffice is not installed, unless HIPLAN_REQUIRE_CLIENTS is
# set (CI sets it after installing the real clients): then a missing client fails.
#   check_libreoffice.sh HIPLAN EXAMPLES_DIR
set -euo pipefail
missing() {
  if [ -n "${HIPLAN_REQUIRE_CLIENTS:-}" ]; then
    echo "$1 not installed, and HIPLAN_REQUIRE_CLIENTS is set"
    exit 1
  fi
  echo "$1 not installed: skipped"
  exit 77
}
command -v soffice > /dev/null || missing soffice
command -v pdftoppm > /dev/null || missing pdftoppm
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
timeout 180 pdftoppm -r 40 -png "$tmp/board.pdf" "$tmp/page"
pages=$(find "$tmp" -name 'page-*.png' -size +1k | wc -l)
if [ "$pages" -lt 1 ]; then
  echo "pdftoppm rendered no page of the workbook's PDF"
  exit 1
fi
echo "LibreOffice opened the workbook ($(stat -c %s "$tmp/board.pdf") bytes of PDF," \
  "$pages pages rendered by pdftoppm)"
