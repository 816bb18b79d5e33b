#!/usr/bin/env bash
# Prints the compiled examples' workbook as a reader would -- LibreOffice (headless)
# converts it to PDF, pdftoppm turns the pages into images -- and checks the printed pages
# with check_print.py: header rows repeat on every page, headings sit over their numbers,
# no text is tiny. Both rounds are printed.
# Skipped (exit 77) where LibreOffice is not installed, unless HIPLAN_REQUIRE_CLIENTS is
# set (CI sets it after installing the real clients): then a missing client fails.
#   check_libreoffice.sh HIPLAN EXAMPLES_DIR PYTHON [KEEP_DIR]
# KEEP_DIR, when given, keeps the workbooks, PDFs and page images there to look at.
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
command -v pdftotext > /dev/null || missing pdftotext
hiplan=$1 examples=$2 python=$3
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
out=${4:-$tmp}
mkdir -p "$out"
status=0
for round in 2026-spring 2026-autumn; do
  "$hiplan" compile "$examples" --round "$round" -o "$out/board-$round.xlsx" \
    --generated 2026-11-20 > /dev/null
  timeout 180 soffice "-env:UserInstallation=file://$tmp/profile" --headless --convert-to pdf \
    --outdir "$out" "$out/board-$round.xlsx" > "$tmp/soffice.log" 2>&1 || true
  # soffice's exit status is unreliable: the PDF is the proof that it opened the workbook.
  if [ ! -s "$out/board-$round.pdf" ]; then
    cat "$tmp/soffice.log"
    echo "LibreOffice could not open the $round workbook"
    exit 1
  fi
  timeout 180 pdftoppm -r 60 -png "$out/board-$round.pdf" "$out/page-$round"
  pages=$(find "$out" -name "page-$round-*.png" -size +1k | wc -l)
  if [ "$pages" -lt 1 ]; then
    echo "pdftoppm rendered no page of the $round workbook's PDF"
    exit 1
  fi
  echo "== $round: LibreOffice printed the workbook ($(stat -c %s "$out/board-$round.pdf")" \
    "bytes of PDF, $pages pages rendered by pdftoppm)"
  need=()
  if [ "$round" = 2026-spring ]; then
    need=(--need-multipage)
  fi
  "$python" "$here/check_print.py" "$out/board-$round.xlsx" "$out/board-$round.pdf" \
    "${need[@]}" || status=1
done
exit $status
