#!/usr/bin/env bash
# Keeps the layering of DESIGN.md §4 true: core ← db ← http ← platform ← app, Beast/Asio only in src/http,
# the database C APIs only in their backend files, and no area reaching into another area's repository
# or service. Prints each violation and exits 1 if there is any.
set -euo pipefail
cd "$(dirname "$0")/../src"

fail=0
violation() {
  echo "include rule broken: $1" >&2
  fail=1
}

forbid() {  # forbid DIR PATTERN WHY
  local hits
  hits=$(grep -rnE "^#include [<\"]($2)" "$1" --include='*.cpp' --include='*.hpp' || true)
  if [ -n "$hits" ]; then
    while IFS= read -r line; do violation "$line ($3)"; done <<<"$hits"
  fi
}

forbid core 'db/|http/|platform/|app/|modules/' 'core depends on nothing else here'
forbid db 'http/|platform/|app/|modules/' 'db sees only core'
forbid http 'db/|platform/|app/|modules/|text/|search/' 'http sees only core'
forbid text 'db/|http/|platform/|app/|modules/|search/' 'text is pure functions over core'
forbid search 'http/|platform/|app/|modules/' 'search sees core, db and text'
forbid platform 'app/|modules/' 'platform never reaches up'
[ -d modules ] && forbid modules 'app/' 'modules never reach the app'

# Xapian stays in src/search/*.cpp.
hits=$(grep -rlE '^#include <xapian' . --include='*.cpp' --include='*.hpp' | grep -v '^./search/.*\.cpp$' || true)
for f in $hits; do violation "$f includes Xapian outside src/search/*.cpp"; done
# Beast and Asio are compiled once and seen only by src/http/*.cpp.
hits=$(grep -rlE '^#include <boost/(beast|asio)' . --include='*.cpp' --include='*.hpp' | grep -v '^./http/.*\.cpp$' || true)
for f in $hits; do violation "$f includes Beast/Asio outside src/http/*.cpp"; done
# The database C APIs stay in their backends.
hits=$(grep -rlE '^#include <(sqlite3|libpq-fe)\.h>' . | grep -vE '^./db/(sqlite|postgres)\.cpp$' || true)
for f in $hits; do violation "$f includes a database C API outside its backend"; done

# An area reaches another only through its api.hpp.
for area in platform/*/ modules/*/; do
  [ -d "$area" ] || continue
  name=${area%/}
  others=$(grep -rhoE "^#include \"(platform|modules)/[a-z_]+/(repository|service)\.hpp\"" "$area" |
    sed -E 's/^#include "(.*)"$/\1/' | grep -v "^$name/" || true)
  for o in $others; do
    case "$name:$o" in
      # platform's own areas may use each other's services where the foundation needs it (auth uses accounts).
      platform/auth:platform/accounts/service.hpp) ;;
      *) violation "$name includes $o (use that area's api.hpp)" ;;
    esac
  done
done

if [ "$fail" -eq 0 ]; then echo "include rules hold"; fi
exit "$fail"
