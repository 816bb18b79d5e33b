#!/usr/bin/env bash
# Prints the compiled examples' workbook as a reader would -- LibreOffice (headless)
# converts it to PDF, pdftoppm turns the pages into images -- and checks the printed pages
# with check_print.py: header rows repeat on every page, headings sit over their numbers,
# no text is tiny. Both rounds are printed; the spring round also streamed (as a national
# round is written, --tables-up-to 0), whose printed text must be the same.
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
# print_workbook NAME ROUND [OPTION...]: compiles the examples' ROUND into $out/NAME.xlsx (with the
# options given) and prints it to $out/NAME.pdf with LibreOffice.
print_workbook() {
  local name=$1 round=$2
  shift 2
  "$hiplan" compile "$examples" --round "$round" -o "$out/$name.xlsx" \
    --generated 2026-11-20 "$@" > /dev/null
  timeout 180 soffice "-env:UserInstallation=file://$tmp/profile" --headless --convert-to pdf \
    --outdir "$out" "$out/$name.xlsx" > "$tmp/soffice.log" 2>&1 || true
  # soffice's exit status is unreliable: the PDF is the proof that it opened the workbook.
  if [ ! -s "$out/$name.pdf" ]; then
    cat "$tmp/soffice.log"
    echo "LibreOffice could not open the workbook $name.xlsx"
    exit 1
  fi
}
for round in 2026-spring 2026-autumn; do
  print_workbook "board-$round" "$round"
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
# A streamed workbook (filtered ranges instead of tables, written a sheet at a time) prints
# the same pages, word for word.
print_workbook streamed-2026-spring 2026-spring --tables-up-to 0
pdftotext -layout "$out/board-2026-spring.pdf" "$tmp/whole.txt"
pdftotext -layout "$out/streamed-2026-spring.pdf" "$tmp/streamed.txt"
if ! diff -q "$tmp/whole.txt" "$tmp/streamed.txt" > /dev/null; then
  diff "$tmp/whole.txt" "$tmp/streamed.txt" | head -20
  echo "the streamed 2026-spring workbook prints differently from the whole one"
  status=1
else
  echo "== 2026-spring streamed: LibreOffice printed the same $(grep -c $'\f' "$tmp/streamed.txt")" \
    "pages, word for word"
fi
exit $status
