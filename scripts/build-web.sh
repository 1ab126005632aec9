#!/usr/bin/env bash
# Builds the web app into web/dist (type-check, then Vite) when a source is newer than the last build.
# Quiet when web/dist is up to date. Called by `make build`, `make run` and `make test`.
set -euo pipefail
cd "$(dirname "$0")/../web"

out=dist/index.html
inputs=(src index.html public vite.config.ts tsconfig.json package-lock.json)
if [ -f "$out" ] && [ -z "$(find "${inputs[@]}" -newer "$out" -print -quit 2>/dev/null)" ]; then
  exit 0
fi

echo "build-web: building web/dist"
node_modules/.bin/tsc -b
node_modules/.bin/vite build --logLevel warn
# Vite keeps the source's timestamps out of it; make the build newer than everything it was built from.
touch "$out"
