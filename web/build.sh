#!/bin/sh
# Builds the dashboard and GraphiQL bundles from the pinned packages of package-lock.json into
# gateway/core/assets, which the gateway embeds at compile time. The built files are committed
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
ls -l "$out"
