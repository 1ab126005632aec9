# shellcheck shell=bash
# The data the server is measured on; sourced by bench/run.sh, which sets bin, root, tmp, py, dataset
# (generated | demo), scale, seed and pg (0 | 1) first.
#   dataset_prepare     fills the database MANZUMA_DATABASE_URL names (and the search index in MANZUMA_SEARCH_DIR)
#                       and writes $tmp/dataset.json (source, scale, seed, rows, tables, cache file)
#   dataset_accounts F  writes the e-mails the login scenario signs in with (password $bench_password) to F
#   dataset_size_mb     the database's size now, in MB (SQLite: the file and its write-ahead log)
#   dataset_wal_mb      SQLite's write-ahead log alone
# After dataset_prepare: office_email, coordinator_email, known_password, and generate_s (seconds spent in
# gen-data and reindex, 0 with a cached dataset).

readonly bench_password='Manzuma-Bench-2026!'
generate_s=0

# M in the cache name: the highest migration number, so a schema change regenerates.
schema_version() {
  find "$root/migrations" -maxdepth 1 -name '[0-9]*.sql' -printf '%f\n' | sed -n 's/^0*\([0-9][0-9]*\)_.*/\1/p' |
    sort -n | tail -n 1
}

# The generator's sources: src/app/gen/ (its code and word lists) and the migrations (an edited migration, e.g.
# a new index, would otherwise leave a cached database the server refuses), or the paths in BENCH_GEN_SOURCES
# (relative to the repository, space-separated).
generator_sources() {
  # shellcheck disable=SC2086 # a list of paths, split on purpose
  (cd "$root" && find ${BENCH_GEN_SOURCES:-src/app/gen migrations} -type f 2>/dev/null | LC_ALL=C sort)
}

# H in the cache name: a short hash of the generator's sources (names and contents), so a change regenerates.
generator_hash() {
  local files
  files=$(generator_sources)
  if [[ -z $files ]]; then
    echo "bench: warning: found no generator sources (set BENCH_GEN_SOURCES); the cache ignores generator changes" >&2
    echo none
    return
  fi
  (cd "$root" && while read -r f; do printf '%s\n' "$f"; cat "$f"; done <<<"$files") | sha256sum | cut -c1-8
}

# Rows per table, as JSON ({"users": 250123, …}), of the database MANZUMA_DATABASE_URL names.
count_tables() {
  if ((pg)); then
    local t first=1
    printf '{'
    for t in $(psql "$MANZUMA_DATABASE_URL" -Atc \
      "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'
       ORDER BY table_name"); do
      ((first)) || printf ','
      first=0
      printf '"%s":%s' "$t" "$(psql "$MANZUMA_DATABASE_URL" -Atc "SELECT count(*) FROM \"$t\"")"
    done
    printf '}\n'
  else
    "$py" - "${MANZUMA_DATABASE_URL#sqlite:}" <<'EOF'
import json, sqlite3, sys
db = sqlite3.connect(f"file:{sys.argv[1]}?mode=ro", uri=True)
names = [r[0] for r in db.execute(
    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")]
print(json.dumps({n: db.execute(f'SELECT count(*) FROM "{n}"').fetchone()[0] for n in names}))
EOF
  fi
}

# The summary line of `manzuma gen-data` as JSON: {"rows": …, "seconds": …, "rows_per_s": …}.
parse_gen_summary() {
  local n='\([0-9][0-9.]*\)'
  sed -n "s/^Generated $n rows in $n s ($n rows\\/s).*/{\"rows\": \\1, \"seconds\": \\2, \"rows_per_s\": \\3}/p" "$1" | tail -n 1
}

# gen-data (progress on the terminal), then reindex, into the database and index the environment names.
generate() {
  local started=$SECONDS
  echo "bench: generating the $scale dataset (seed $seed): manzuma gen-data, then manzuma reindex"
  "$bin" gen-data --scale "$scale" --seed "$seed" >"$tmp/gen.out" || { cat "$tmp/gen.out" >&2; die "manzuma gen-data failed"; }
  cat "$tmp/gen.out"
  local summary
  summary=$(parse_gen_summary "$tmp/gen.out")
  [[ -n $summary ]] || die "manzuma gen-data printed no summary line (Generated <rows> rows in <s> s (<rows/s> rows/s))"
  local t0=$SECONDS
  "$bin" reindex >"$tmp/reindex.out" 2>&1 || { cat "$tmp/reindex.out" >&2; die "manzuma reindex failed"; }
  echo "bench: search index built in $((SECONDS - t0)) s"
  printf '{"source": "generated", "scale": "%s", "seed": %d, "generation": %s, "reindex_s": %d, "tables": %s}\n' \
    "$scale" "$seed" "$summary" "$((SECONDS - t0))" "$(count_tables)" >"$tmp/dataset-generated.json"
  generate_s=$((SECONDS - started))
}

dataset_prepare() {
  if ((pg)); then
    echo "bench: starting a throwaway PostgreSQL (scripts/pg-temp.sh, as the tests use)"
    pg_dir=$tmp/pg
    MANZUMA_DATABASE_URL=$(bash "$root/scripts/pg-temp.sh" start "$pg_dir") || die "could not start PostgreSQL"
    export MANZUMA_DATABASE_URL
  fi
  if [[ $dataset == demo ]]; then
    dataset_demo
  elif ((pg)); then
    # Generated every time: a national dataset is worth caching only as a file, and PostgreSQL's is a cluster.
    generate
    mv "$tmp/dataset-generated.json" "$tmp/dataset.json"
    set_known_accounts gen
  else
    dataset_generated_sqlite
  fi
}

# SQLite: generated once per (scale, seed, schema, generator) into the cache, then copied for each run, so the
# run's writes never reach the cache.
dataset_generated_sqlite() {
  local cache=${BENCH_CACHE:-$root/var/bench}
  local key
  key="$scale-seed$seed-schema$(schema_version)-gen$(generator_hash)"
  local db=$cache/$key.db
  if [[ -f $db && -f $cache/$key.json && -d $cache/$key.search ]]; then
    echo "bench: reusing the cached dataset $db"
  else
    mkdir -p "$cache"
    # Built under a temporary name and renamed when complete, so an interrupted run leaves no half dataset.
    rm -rf "$cache/$key.partial.db" "$cache/$key.partial.db-wal" "$cache/$key.partial.db-shm" "$cache/$key.partial.search"
    MANZUMA_DATABASE_URL="sqlite:$cache/$key.partial.db" MANZUMA_SEARCH_DIR="$cache/$key.partial.search" generate
    mv "$tmp/dataset-generated.json" "$cache/$key.json"
    for ext in -wal -shm; do
      [[ -e $cache/$key.partial.db$ext ]] && mv "$cache/$key.partial.db$ext" "$db$ext"
    done
    mv "$cache/$key.partial.search" "$cache/$key.search"
    mv "$cache/$key.partial.db" "$db"
  fi
  local ext
  for ext in "" -wal -shm; do
    [[ -e $db$ext ]] && cp "$db$ext" "$tmp/bench.db$ext"
  done
  cp -a "$cache/$key.search" "$MANZUMA_SEARCH_DIR"
  "$py" -c 'import json, sys; d = json.load(open(sys.argv[1])); d["cache"] = sys.argv[2]; print(json.dumps(d))' \
    "$cache/$key.json" "$db" >"$tmp/dataset.json"
  set_known_accounts gen
}

# The demo data (BENCH_DATASET=demo, or a build without gen-data): seed demo, 16 sign-in accounts, and (after
# the start, see dataset_demo_after_start) organisations enough for a full page of 50.
dataset_demo() {
  echo "bench: demo dataset (manzuma seed demo and 16 sign-in accounts)"
  "$bin" seed demo >"$tmp/seed.out" 2>&1 || { cat "$tmp/seed.out" >&2; die "manzuma seed demo failed"; }
  local i
  for i in $(seq 1 16); do
    printf '%s\n' "$bench_password" | "$bin" user add --email "user$i@demo.manzuma.om" --name-ar "مستخدم القياس $i" \
      --name-en "Bench user $i" --organization 1 --role viewer --password-stdin >/dev/null 2>"$tmp/user.err" ||
      die "manzuma user add failed: $(cat "$tmp/user.err")"
  done
  "$bin" reindex >"$tmp/reindex.out" 2>&1 || { cat "$tmp/reindex.out" >&2; die "manzuma reindex failed"; }
  printf '{"source": "demo", "scale": "demo", "seed": null, "generation": null, "tables": %s}\n' "$(count_tables)" \
    >"$tmp/dataset.json"
  set_known_accounts demo
}

set_known_accounts() {
  office_email=office@$1.manzuma.om
  coordinator_email=coordinator@$1.manzuma.om
  if [[ $1 == gen ]]; then known_password=$bench_password; else known_password='Manzuma-Demo-2026!'; fi
}

dataset_accounts() {
  local domain=gen.manzuma.om
  [[ $dataset == demo ]] && domain=demo.manzuma.om
  local sql="SELECT email FROM users WHERE email LIKE 'user%@$domain' AND active = 1 AND password_hash IS NOT NULL
             ORDER BY id LIMIT 20000"
  if ((pg)); then
    psql "$MANZUMA_DATABASE_URL" -Atc "$sql" >"$1"
  else
    "$py" -c 'import sqlite3, sys
db = sqlite3.connect(f"file:{sys.argv[1]}?mode=ro", uri=True)
print("\n".join(r[0] for r in db.execute(sys.argv[2])))' "${MANZUMA_DATABASE_URL#sqlite:}" "$sql" >"$1"
  fi
  grep -q . "$1" || die "no user<N>@$domain accounts to sign in with"
}

dataset_size_mb() {
  if ((pg)); then
    psql "$MANZUMA_DATABASE_URL" -Atc "SELECT round(pg_database_size(current_database()) / 1048576.0, 1)"
  else
    local f=${MANZUMA_DATABASE_URL#sqlite:} total=0 ext
    for ext in "" -wal; do
      [[ -e $f$ext ]] && total=$((total + $(stat -c %s "$f$ext")))
    done
    awk -v b="$total" 'BEGIN { printf "%.1f", b / 1048576 }'
  fi
}

# SQLite's write-ahead log alone, in MB (0 on PostgreSQL): it grows while readers keep a checkpoint from finishing.
dataset_wal_mb() {
  local f=${MANZUMA_DATABASE_URL#sqlite:}-wal
  if ((pg)) || [[ ! -e $f ]]; then echo 0; else awk -v b="$(stat -c %s "$f")" 'BEGIN { printf "%.1f", b / 1048576 }'; fi
}
