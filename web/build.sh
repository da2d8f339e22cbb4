#!/bin/sh
# Builds the dashboard and GraphiQL bundles from the pinned packages of package-lock.json into
# gateway/core/assets, with their brotli, zstd and gzip copies in assets/encoded, which the
# gateway embeds at compile time. The built files are committed
# so that a fresh clone builds and runs without npm; run this after changing web/src.
#   cd web && npm ci && ./build.sh
set -eu
cd "$(dirname "$0")"
out=../gateway/core/assets
mkdir -p "$out"
common="--bundle --minify --format=iife --target=es2020 --legal-comments=none --log-level=warning"
./node_modules/.bin/esbuild src/dashboard/main.js $common --outfile="$out/dashboard.js"
./node_modules/.bin/esbuild src/dashboard/style.css --minify --log-level=warning --outfile="$out/dashboard.css"
./node_modules/.bin/esbuild src/graphiql/main.js $common --define:process.env.NODE_ENV='"production"' \
  --loader:.css=css --outfile="$out/graphiql.js"
# The copies the gateway serves compressed, at the codecs' best levels (brotli 11 takes a few
# seconds); a test fails when a bundle and its copies disagree.
(cd .. && QUNTUAN_ENCODE_ASSETS=1 cargo test -q -p quntuan-gateway --lib encoded_copies_are_the_assets)
ls -l "$out" "$out/encoded"
