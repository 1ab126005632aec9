#!/usr/bin/env bash
# Installs what Manzuma needs to build, test and run on Debian 12, and nothing when all is there.
# Idempotent and quiet on a second run. Runs as root or through sudo.
set -euo pipefail

packages=(
  build-essential cmake pkg-config git ca-certificates
  libboost1.81-dev libboost-json1.81-dev libboost-url1.81-dev
  libsqlite3-dev sqlite3 libpq-dev postgresql-15 postgresql-client-15
  libsodium-dev libspdlog-dev libfmt-dev libcli11-dev libmagic-dev
  libjemalloc-dev libcurl4-openssl-dev libxlsxwriter-dev libgtest-dev libgmock-dev libbenchmark-dev
  libicu-dev libxapian-dev libstemmer-dev
  clang-format wrk procps iproute2 curl python3
  chromium
)

need_root() {
  sudo=()
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || { echo "bootstrap: need root or sudo to install: $*" >&2; exit 1; }
    sudo=(sudo)
  fi
}

missing=()
# Node.js and npm build the web app; a NodeSource "nodejs" package brings its own npm, so Debian's are
# installed only when there is no node at all.
command -v node >/dev/null || missing+=(nodejs npm)
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done

if ((${#missing[@]})); then
  need_root "${missing[*]}"
  echo "bootstrap: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  "${sudo[@]}" apt-get update -qq
  "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# The web app needs Node.js 20 or newer and npm.
node_major=$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)
if [ "$node_major" -lt 20 ] || ! command -v npm >/dev/null; then
  echo "bootstrap: the web app needs Node.js 20 or newer with npm; found node $(node --version 2>/dev/null || echo none)," \
       "npm $(npm --version 2>/dev/null || echo none). Install Node.js 20+ (e.g. from NodeSource) and run again." >&2
  exit 1
fi

# Web dependencies, exactly as locked, when node_modules is missing or older than the lock file.
# Never as another user: a developer's npm ci runs as themselves; CI runs everything as root.
web="$(cd "$(dirname "$0")/.." && pwd)/web"
stamp="$web/node_modules/.manzuma-npm-ci"
if [ ! -f "$stamp" ] || [ "$web/package-lock.json" -nt "$stamp" ]; then
  echo "bootstrap: installing web dependencies (npm ci)"
  # rollup is pinned (package.json "overrides") to a release whose packages for every platform the registry
  # serves: npm ci refuses a lock file that lacks any of them.
  (cd "$web" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
  touch "$stamp"
fi
