#!/usr/bin/env bash
# Fails when web/src/api/schema.d.ts no longer matches what the server's OpenAPI document generates.
# Usage: scripts/check-api-types.sh path/to/manzuma
set -euo pipefail
bin=${1:?usage: $0 path/to/manzuma}
web="$(cd "$(dirname "$0")/../web" && pwd)"
gen="$web/node_modules/.bin/openapi-typescript"
[ -x "$gen" ] || { echo "check-api-types: $gen is missing (run scripts/bootstrap.sh)" >&2; exit 1; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$bin" openapi >"$tmp/openapi.json"
"$gen" "$tmp/openapi.json" -o "$tmp/schema.d.ts" >/dev/null 2>"$tmp/err" || { cat "$tmp/err" >&2; exit 1; }

if ! diff -u "$web/src/api/schema.d.ts" "$tmp/schema.d.ts" >"$tmp/diff"; then
  head -n 60 "$tmp/diff"
  echo
  echo "check-api-types: web/src/api/schema.d.ts is out of date with the server's OpenAPI document." >&2
  echo "Run 'make api-types' and commit the result." >&2
  exit 1
fi
echo "check-api-types: web/src/api/schema.d.ts matches the server's OpenAPI document"
