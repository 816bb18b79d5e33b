#!/usr/bin/env bash
# Builds the libFuzzer targets with clang (ASan + UBSan) and runs each for a fixed time.
#   tests/fuzz/run.sh [SECONDS]   (default 60 per target)
# Crashes land in tests/fuzz/artifacts/; turn each into a golden regression test.
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:-60}
cmake -S . -B build-fuzz -G Ninja -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DHIPLAN_FUZZ=ON -DBUILD_TESTING=OFF > /dev/null
cmake --build build-fuzz --target fuzz_lint fuzz_compile fuzz_render fuzz_template
mkdir -p build-fuzz/corpus-lint build-fuzz/corpus-compile build-fuzz/corpus-render \
  build-fuzz/corpus-template tests/fuzz/artifacts
cp examples/*.yaml tests/cli/lint/*.yaml build-fuzz/corpus-lint/
cp examples/*.yaml build-fuzz/corpus-compile/
cp tests/cli/lint/*.out build-fuzz/corpus-render/  # findings as the renderers show them
cp src/hiplan/report/templates/*.mustache build-fuzz/corpus-template/
status=0
for target in fuzz_lint fuzz_compile fuzz_render fuzz_template; do
  corpus=build-fuzz/corpus-${target#fuzz_}
  dict=tests/fuzz/template.dict
  if [ "$target" = fuzz_render ]; then dict=tests/fuzz/render.dict; fi
  if [ "$target" = fuzz_template ]; then dict=tests/fuzz/mustache.dict; fi
  echo "== $target for ${seconds}s"
  if ! build-fuzz/tests/fuzz/$target "$corpus" -dict="$dict" \
      -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
      -artifact_prefix=tests/fuzz/artifacts/ -print_final_stats=1 > "build-fuzz/$target.log" 2>&1; then
    status=1
    grep -E "ERROR|SUMMARY|Test unit written" "build-fuzz/$target.log" || true
  fi
  grep -E "^stat::(number_of_executed_units|average_exec_per_sec|peak_rss_mb)" "build-fuzz/$target.log"
done
exit $status
