#!/usr/bin/env bash
# The benchmark: builds a Release hiplan and the parse floor, installs the peers (ajv-cli
# from the npm registry; Debian's python3-jsonschema), generates the corpora and prints
# one table per size.   bench/run.sh [SIZE...]   (default: 100 1000 10000)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
sizes=("${@:-100 1000 10000}")
mkdir -p "$here/.cache"

cmake -S "$root" -B "$root/build-bench" -G Ninja -DCMAKE_BUILD_TYPE=Release -DBUILD_TESTING=OFF > /dev/null
cmake --build "$root/build-bench" > /dev/null
g++ -O2 -std=c++20 "$here/parse_floor.cpp" -lyaml-cpp -o "$here/.cache/parse_floor"
# A reference row only: the same floor with libyaml's parser, when libyaml-dev is present.
reference=()
if command -v pkg-config > /dev/null && pkg-config --exists yaml-0.1; then
  g++ -O2 -std=c++20 "$here/parse_floor_libyaml.cpp" $(pkg-config --cflags --libs yaml-0.1) \
    -o "$here/.cache/parse_floor_libyaml"
  reference+=(--libyaml-floor "$here/.cache/parse_floor_libyaml")
fi

ajv="$here/.npm/node_modules/.bin/ajv"
if [ ! -x "$ajv" ] && command -v npm > /dev/null; then
  npm install --silent --prefix "$here/.npm" ajv-cli ajv-formats > /dev/null 2>&1 || true
fi
peers=()
if [ -x "$ajv" ]; then peers+=(--ajv "$ajv"); else echo "ajv-cli not installed: skipped"; fi
# shellcheck disable=SC2086
python3 "$here/bench.py" --hiplan "$root/build-bench/hiplan" --floor "$here/.cache/parse_floor" \
  "${peers[@]}" "${reference[@]}" --sizes ${sizes[*]}
