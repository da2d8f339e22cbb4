#!/usr/bin/env bash
# Runs each fuzz target for SECONDS (default 600) with cargo-fuzz on nightly, the corpus seeded
# from the repository's operations. Whatever a fuzzer finds is left under fuzz/artifacts/TARGET:
# turn it into a test.
#   cargo install cargo-fuzz ; rustup toolchain install nightly
#   fuzz/run.sh [SECONDS] [TARGET...]
set -euo pipefail
cd "$(dirname "$0")"
seconds=${1:-600}
shift || true
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(http_body document plan)
mkdir -p corpus/document corpus/plan corpus/http_body
i=0
for op in ../gateway/core/tests/fixtures/*/*/operation.graphql ../bench/queries/*.graphql; do
  cp "$op" "corpus/document/op$i.graphql"
  { printf "\\$(printf '%03o' $((i % 64)))"; cat "$op"; } > "corpus/plan/op$i"
  printf '{"query": %s}' "$(python3 -c 'import json,sys; print(json.dumps(open(sys.argv[1]).read()))' "$op")" > "corpus/http_body/op$i.json"
  i=$((i + 1))
done
for target in "${targets[@]}"; do
  echo "== $target for ${seconds}s"
  cargo +nightly fuzz run "$target" "corpus/$target" -- -max_total_time="$seconds" -rss_limit_mb=4096
done
