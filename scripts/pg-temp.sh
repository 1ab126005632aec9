#!/usr/bin/env bash
# A throwaway PostgreSQL 15 server for tests: local TCP only, no fsync, gone after `stop`.
#
#   scripts/pg-temp.sh start DIR   start one (or reuse the one DIR already runs); prints its URL,
#                                  postgresql://manzuma@127.0.0.1:PORT/manzuma_test, also kept in DIR/url
#   scripts/pg-temp.sh url DIR     print the URL of the server DIR runs
#   scripts/pg-temp.sh stop DIR    stop it and remove DIR (nothing to do when DIR is absent)
#
# The cluster's files live in a private directory under /tmp that DIR/cluster names, not in DIR itself: PostgreSQL
# refuses to run as root, so as root the server runs as the `postgres` user, which cannot enter a build tree under
# a 0700 home directory, and a unix socket path must stay under about 100 bytes whatever the length of DIR.
set -euo pipefail

PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
readonly marker=.manzuma-pg-temp
readonly ready_seconds=30

say() { echo "pg-temp: $*" >&2; }
die() {
  say "$*"
  exit 1
}
usage() {
  echo "usage: $0 start|url|stop DIR" >&2
  exit 2
}

[ $# -eq 2 ] || usage
cmd=$1
dir=$(realpath -m -- "$2")
[ "$dir" != / ] || die "refusing to use / as DIR"
# A user's working directory (e.g. /root) may be closed to the server's user; nothing below depends on it.
cd /

# The user that owns and runs the server: ourselves, or an unprivileged system user when we are root.
server_user() {
  if [ "$(id -u)" -ne 0 ]; then
    id -un
  elif id -u postgres >/dev/null 2>&1; then
    echo postgres
  else
    id -u manzuma-pg >/dev/null 2>&1 ||
      useradd --system --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin manzuma-pg ||
      id -u manzuma-pg >/dev/null 2>&1 # another start may have created it meanwhile
    echo manzuma-pg
  fi
}

# Runs a command as `user` (set by the caller).
as_user() {
  if [ "$(id -u)" -eq 0 ] && [ "$user" != root ]; then
    runuser -u "$user" -- "$@"
  else
    "$@"
  fi
}

port_of_url() { sed -n 's|^postgresql://[^@]*@127\.0\.0\.1:\([0-9]*\)/.*|\1|p' "$dir/url" 2>/dev/null; }

# The cluster directory DIR names, checked to be one this script made.
cluster_of_dir() {
  local c
  c=$(cat "$dir/cluster" 2>/dev/null) || return 1
  case "$c" in
    /tmp/manzuma-pg.*) [ -d "$c" ] && echo "$c" ;;
    *) die "$dir/cluster names '$c', not a directory this script made" ;;
  esac
}

running() {
  local port
  port=$(port_of_url)
  [ -n "$port" ] && "$PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$port" -d manzuma_test -t 2
}

free_port() {
  local port
  for _ in $(seq 1 200); do
    port=$((20000 + RANDOM % 30000))
    if [ -z "$(ss -Htln "sport = :$port" 2>/dev/null)" ]; then
      echo "$port"
      return 0
    fi
  done
  die "found no free TCP port on 127.0.0.1"
}

log_tail() {
  local c=$1 f
  for f in "$c/initdb.log" "$c/server.log"; do
    [ -s "$f" ] || continue
    say "--- last lines of $f"
    tail -n 30 "$f" >&2
  done
}

# Stops the server DIR runs (if any) and removes its files and DIR.
teardown() {
  local c data user pid
  if c=$(cluster_of_dir); then
    data=$c/data
    if [ -f "$data/postmaster.pid" ]; then
      user=$(stat -c %U "$data")
      if ! as_user "$PG_BIN/pg_ctl" -D "$data" -m fast -w -t 30 stop >/dev/null 2>&1; then
        say "fast shutdown failed; stopping immediately"
        as_user "$PG_BIN/pg_ctl" -D "$data" -m immediate -w -t 10 stop >/dev/null 2>&1 || {
          pid=$(head -n 1 "$data/postmaster.pid" 2>/dev/null || true)
          if [ -n "$pid" ]; then kill -KILL "$pid" 2>/dev/null || true; fi
        }
      fi
    fi
    rm -rf -- "$c"
  fi
  rm -rf -- "$dir"
}

# On a failed start: show why, and leave nothing behind.
start_failed() {
  local rc=$1 cluster=$2
  [ "$rc" -ne 0 ] || return 0
  say "start failed"
  log_tail "$cluster"
  teardown
}

start() {
  if [ -e "$dir" ]; then
    if [ -f "$dir/$marker" ]; then
      if [ -s "$dir/url" ] && running; then
        cat "$dir/url"
        return 0
      fi
      say "removing the stale server of an earlier run in $dir"
      teardown
    elif [ -n "$(ls -A -- "$dir")" ]; then
      die "$dir exists and was not made by this script; refusing to use it"
    fi
  fi
  [ -x "$PG_BIN/initdb" ] || die "PostgreSQL 15 is not installed ($PG_BIN/initdb missing; run scripts/bootstrap.sh)"

  mkdir -p -- "$dir"
  touch "$dir/$marker"
  local user cluster locale port url started=0
  user=$(server_user)
  cluster=$(mktemp -d /tmp/manzuma-pg.XXXXXX)
  echo "$cluster" >"$dir/cluster"
  chown "$user" "$cluster"
  trap 'start_failed "$?" "'"$cluster"'"' EXIT

  locale=C
  if locale -a 2>/dev/null | grep -qiE '^c\.utf-?8$'; then locale=C.UTF-8; fi
  if ! as_user "$PG_BIN/initdb" -D "$cluster/data" -A trust -U manzuma --encoding=UTF8 --locale="$locale" \
    --no-sync --no-instructions >"$cluster/initdb.log" 2>&1; then
    die "initdb failed"
  fi
  as_user tee -a "$cluster/data/postgresql.conf" >/dev/null <<EOF

# pg-temp.sh: a throwaway test server; durability is worth nothing here, speed is.
listen_addresses = '127.0.0.1'
unix_socket_directories = '$cluster'
fsync = off
synchronous_commit = off
full_page_writes = off
EOF

  # A port found free may be taken before the server binds it: try a few.
  for attempt in 1 2 3 4 5; do
    port=$(free_port)
    if as_user "$PG_BIN/pg_ctl" -D "$cluster/data" -l "$cluster/server.log" -o "-p $port" -w -t "$ready_seconds" \
      start >/dev/null 2>&1; then
      started=1
      break
    fi
    grep -q "could not bind\|could not create listen socket" "$cluster/server.log" 2>/dev/null ||
      die "the server did not start"
    say "port $port was taken (attempt $attempt); trying another"
    as_user "$PG_BIN/pg_ctl" -D "$cluster/data" -m immediate stop >/dev/null 2>&1 || true
  done
  [ "$started" -eq 1 ] || die "the server did not start"

  local waited=0
  until "$PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$port" -t 1; do
    waited=$((waited + 1))
    [ "$waited" -lt "$ready_seconds" ] || die "the server did not accept connections within ${ready_seconds}s"
    sleep 1
  done
  "$PG_BIN/createdb" -h 127.0.0.1 -p "$port" -U manzuma manzuma_test || die "createdb failed"

  url="postgresql://manzuma@127.0.0.1:$port/manzuma_test"
  echo "$url" >"$dir/url"
  trap - EXIT
  echo "$url"
}

case "$cmd" in
  start) start ;;
  url)
    if ! { [ -s "$dir/url" ] && running; }; then die "no server is running for $dir"; fi
    cat "$dir/url"
    ;;
  stop)
    [ -e "$dir" ] || exit 0
    [ -f "$dir/$marker" ] || die "$dir was not made by this script; refusing to remove it"
    teardown
    ;;
  *) usage ;;
esac
