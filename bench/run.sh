#!/usr/bin/env bash
# make bench: the real server on the national dataset, measured with wrk; figures in bench/results/.
#   bash bench/run.sh [--pg] [--compare OLD.json] path/to/manzuma    (a Release build; make bench passes it)
#   bash bench/run.sh --compare-only OLD.json NEW.json                 (only print the change between two runs)
# --pg runs on a throwaway PostgreSQL (scripts/pg-temp.sh) instead of SQLite; --compare prints, after the run,
# the change in req/s and p99 of every scenario against an earlier latest.json.
# Knobs (environment): BENCH_SCALE (national | small), BENCH_SEED (1), BENCH_DATASET (generated | demo),
# BENCH_CACHE (var/bench), BENCH_DURATION (s, 15), BENCH_WARMUP (s, 2), BENCH_THREADS (2), BENCH_CONNECTIONS
# (64), BENCH_BUDGET (s, 570: without BENCH_DURATION the runs shorten to fit it), BENCH_SEARCH_WORD (تطوير),
# BENCH_MICRO (1; 0 skips the micro-benchmarks), BENCH_SEARCH_DOCS (100000), BENCH_SEARCH_QUERIES (500 per
# kind), BENCH_RESULTS (bench/results), BENCH_ORGS (80, demo data only), BENCH_NOTIFY_SCAN_MINUTES (0: the
# notification scan off). What each scenario is: bench/README.md.
# A benchmark, not a test: nothing is asserted about speed; the aims are marked met or missed in latest.md, and
# failed requests (non-2xx, socket errors, no answer within 5 s) are counted as misses. It exits non-zero, with
# nothing written, only when the server does not start or a scenario does not answer 2xx before its run.
set -euo pipefail

die() {
  echo "bench: $*" >&2
  # A server that died says how: its exit status (128 + the signal's number when a signal ended it).
  if [[ -n ${server_pid:-} ]] && ! kill -0 "$server_pid" 2>/dev/null; then
    local status=0
    wait "$server_pid" 2>/dev/null || status=$?
    echo "bench: the server is gone (exit status $status)" >&2
    server_pid=''
  fi
  for f in serve.out serve.err; do
    [[ -s ${tmp:-/nonexistent}/$f ]] && { echo "--- $f (last lines)" >&2; tail -n 20 "$tmp/$f" >&2; }
  done
  exit 1
}
usage() {
  echo "usage: bash bench/run.sh [--pg] [--compare OLD.json] path/to/manzuma" >&2
  echo "       bash bench/run.sh --compare-only OLD.json NEW.json" >&2
  exit 2
}

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/.." && pwd)
py=$(command -v /usr/bin/python3 || command -v python3 || true)
[[ -n $py ]] || { echo "bench: python3 is missing (apt-get install python3)" >&2; exit 2; }

pg=0 compare='' bin=''
while (($#)); do
  case $1 in
    --pg) pg=1 ;;
    --compare) (($# >= 2)) || usage; compare=$(realpath "$2"); shift ;;
    --compare-only) (($# == 3)) || usage; exec "$py" "$here/report.py" compare "$2" "$3" ;;
    -*) usage ;;
    *) [[ -z $bin ]] || usage; bin=$1 ;;
  esac
  shift
done
[[ -n $bin ]] || usage
[[ -x $bin ]] || { echo "bench: not an executable: $bin (build it with: make build)" >&2; exit 2; }
bin=$(realpath "$bin")
[[ -z $compare || -f $compare ]] || { echo "bench: no such file: $compare" >&2; exit 2; }

scale=${BENCH_SCALE:-national}
seed=${BENCH_SEED:-1}
dataset=${BENCH_DATASET:-generated}
duration=${BENCH_DURATION:-15}; duration=${duration%s}
warmup=${BENCH_WARMUP:-2}; warmup=${warmup%s}
threads=${BENCH_THREADS:-2}
connections=${BENCH_CONNECTIONS:-64}
budget=${BENCH_BUDGET:-570}
search_word=${BENCH_SEARCH_WORD:-تطوير}
micro_on=${BENCH_MICRO:-1}
results=${BENCH_RESULTS:-$here/results}
[[ $scale == national || $scale == small ]] || { echo "bench: BENCH_SCALE is national or small" >&2; exit 2; }
[[ $dataset == generated || $dataset == demo ]] || { echo "bench: BENCH_DATASET is generated or demo" >&2; exit 2; }
[[ $seed =~ ^[0-9]+$ ]] || { echo "bench: BENCH_SEED is a number" >&2; exit 2; }

for tool in wrk curl; do
  command -v "$tool" >/dev/null || { echo "bench: $tool is missing (apt-get install $tool)" >&2; exit 2; }
done
((!pg)) || command -v psql >/dev/null || { echo "bench: psql is missing (apt-get install postgresql-client)" >&2; exit 2; }
if [[ $dataset == generated ]] && ! "$bin" gen-data --help >/dev/null 2>&1; then
  echo "bench: this build has no 'manzuma gen-data'; BENCH_DATASET=demo measures the demo data instead" >&2
  exit 2
fi

tmp=$(mktemp -d -t manzuma-bench.XXXXXX)
server_pid='' pg_dir=''
cleanup() {
  if [[ -n $server_pid ]] && kill -0 "$server_pid" 2>/dev/null; then
    kill -TERM "$server_pid" 2>/dev/null || true
    for _ in {1..50}; do kill -0 "$server_pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  [[ -z $pg_dir ]] || bash "$root/scripts/pg-temp.sh" stop "$pg_dir" || true
  rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

export MANZUMA_DATABASE_URL="sqlite:$tmp/bench.db"
export MANZUMA_DATA_DIR="$tmp/data"
export MANZUMA_SEARCH_DIR="$tmp/search"
export MANZUMA_WEB_ROOT="$tmp/web"
export MANZUMA_LOG_LEVEL=warn
export MANZUMA_LOG_FORMAT=text
# Sign-in is measured at the cost the server uses by default (interactive argon2id); the generated users share
# one hash made at that cost, so no sign-in re-hashes.
unset MANZUMA_PASSWORD_COST
mkdir -p "$MANZUMA_DATA_DIR"

# Other work on the machine (a build, another server) lowers every figure: say so, and record it.
read -r loadavg _ </proc/loadavg
if awk -v l="$loadavg" 'BEGIN { exit !(l > 1.0) }'; then
  echo "bench: warning: load average is $loadavg before the start; the figures will be lower and noisier" >&2
fi

# --- The plan and its time -----------------------------------------------------------------------------------
# 2 baselines, 14 reads as the program office, 5 as an entity coordinator, 1 write, 1 sign-in.
scenario_count=23
micro_s=0
((micro_on)) && micro_s=$((20 + ${BENCH_SEARCH_DOCS:-100000} * 7 / 10000))
fixed_s=$((40 + micro_s))
if [[ -z ${BENCH_DURATION:-} ]] &&
  awk -v n=$scenario_count -v w="$warmup" -v d="$duration" -v f=$fixed_s -v b="$budget" \
    'BEGIN { exit !(n * (w + d + 3) + f > b) }'; then
  duration=$(awk -v n=$scenario_count -v w="$warmup" -v f=$fixed_s -v b="$budget" \
    'BEGIN { d = int((b - f) / n - w - 3); print (d < 5 ? 5 : d) }')
  echo "bench: runs shortened to $duration s to stay within ${budget} s (BENCH_DURATION sets them)"
fi
estimate_s=$(awk -v n=$scenario_count -v w="$warmup" -v d="$duration" -v f=$fixed_s 'BEGIN { print int(n * (w + d + 3) + f) }')
what="the $scale (seed $seed) dataset"
[[ $dataset == demo ]] && what="the demo dataset"
if ((pg)); then what+=", PostgreSQL"; else what+=", SQLite"; fi
echo "bench: $scenario_count scenarios of ${warmup} s warm-up + ${duration} s ($threads threads, $connections" \
  "connections) on $what; about $((estimate_s / 60)) min $((estimate_s % 60)) s with a ready dataset"

# --- Data and start-up ---------------------------------------------------------------------------------------
# shellcheck source=bench/lib/dataset.sh
source "$here/lib/dataset.sh"
dataset_prepare
dataset_accounts "$tmp/accounts.txt"
db_size_mb=$(dataset_size_mb)

# The static baseline: what the same server does with the least work per request.
mkdir -p "$MANZUMA_WEB_ROOT/assets"
{
  printf '<!doctype html>\n<html lang="ar" dir="rtl">\n<head><meta charset="utf-8"><title>منظومة</title>'
  printf '<script type="module" src="/assets/app-abc123.js"></script></head>\n<body><div id="app"></div>\n'
  for i in $(seq 1 14); do printf '<!-- benchmark baseline page, line %02d: padding to about one kilobyte -->\n' "$i"; done
  printf '</body>\n</html>\n'
} >"$MANZUMA_WEB_ROOT/index.html"
for i in $(seq 1 48); do
  printf 'export function f%02d(x) { return (x * %d + 7) %% 1013; } // benchmark baseline padding\n' "$i" "$i"
done >"$MANZUMA_WEB_ROOT/assets/app-abc123.js"

export MANZUMA_LISTEN=127.0.0.1:0
# As behind a reverse proxy: the sign-in scenario gives each request its own client address (bench/login.lua).
export MANZUMA_TRUST_PROXY=true
# The notification scan (hourly, and once at start) is a background job, not a request: on the national data it
# holds the write lock for minutes, and sign-ins meanwhile fail with "database is locked". Off unless
# BENCH_NOTIFY_SCAN_MINUTES says otherwise.
export MANZUMA_NOTIFY_SCAN_MINUTES=${BENCH_NOTIFY_SCAN_MINUTES:-0}
# Created here, not by the server's redirection, which may not have run yet when the loop below first reads it.
: >"$tmp/serve.out"
t0=$(date +%s%N)
"$bin" serve >>"$tmp/serve.out" 2>"$tmp/serve.err" &
server_pid=$!
port=
deadline=$((t0 + 60 * 1000000000))
while :; do
  kill -0 "$server_pid" 2>/dev/null || { server_pid=; die "the server exited during start-up"; }
  if [[ -z $port ]]; then
    port=$(sed -n 's|^Manzuma is running: http://127\.0\.0\.1:\([0-9][0-9]*\).*|\1|p' "$tmp/serve.out" | head -n1)
  fi
  if [[ -n $port ]] &&
    [[ $(curl -s -o /dev/null -w '%{http_code}' --max-time 1 "http://127.0.0.1:$port/readyz" || true) == 200 ]]; then
    break
  fi
  (($(date +%s%N) < deadline)) || die "GET /readyz did not return 200 within 60 s"
  sleep 0.01
done
start_to_ready_ms=$((($(date +%s%N) - t0) / 1000000))
base="http://127.0.0.1:$port"

rss_mb() { awk -v k="$1:" '$1 == k { printf "%.1f", $2 / 1024 }' "/proc/$server_pid/status"; }
# wrk stops waiting at the end of a run (or warm-up), the server does not: it works through the requests still
# queued. Waits (up to 30 s) until it has used at most 2 ticks of CPU in 0.25 s, so the next run starts on an
# idle server; prints the seconds waited.
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$server_pid/stat"; }
wait_idle() {
  local t0=$EPOCHREALTIME before
  for _ in {1..120}; do
    before=$(cpu_ticks)
    sleep 0.25
    (($(cpu_ticks) - before <= 2)) && break
  done
  awk -v a="$t0" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.1f", b - a - 0.25 }'
}
# Whatever the server does after it is ready (catching up the search index) is not a request's work.
busy_after_start_s=$(wait_idle)
idle_rss_mb=$(rss_mb VmRSS)
json_get() { "$py" -c 'import json, sys
v = json.load(open(sys.argv[1]))
for k in sys.argv[2:]: v = v[int(k) if isinstance(v, list) else k]
print(v)' "$@"; }

# Signs in; sets cookie_<who> (curl -H arguments) and csrf_<who>, and keeps the body in $tmp/login-<who>.json.
sign_in() {
  local who=$1 email=$2 password=$3 code session body
  body=$("$py" -c 'import json, sys; print(json.dumps({"email": sys.argv[1], "password": sys.argv[2]}))' "$email" "$password")
  code=$(curl -s -D "$tmp/login-$who.headers" -o "$tmp/login-$who.json" -w '%{http_code}' \
    -H 'Content-Type: application/json' --data-binary "$body" "$base/api/v1/auth/login" || true)
  [[ $code == 200 ]] || die "signing in as $email returned $code: $(cat "$tmp/login-$who.json")"
  session=$(tr -d '\r' <"$tmp/login-$who.headers" | sed -n 's/^[Ss]et-[Cc]ookie: manzuma_session=\([^;]*\).*/\1/p' | head -n1)
  [[ -n $session ]] || die "no manzuma_session cookie in the sign-in response for $email"
  printf -v "cookie_$who" '%s' "Cookie: manzuma_session=$session"
  printf -v "csrf_$who" '%s' "$(json_get "$tmp/login-$who.json" csrf_token)"
}

if [[ $dataset == demo ]]; then
  # The first administrator, then enough organisations that a page of 50 is full.
  password=$(sed -n 's/^  password: //p' "$tmp/serve.out" | head -n1)
  [[ -n $password ]] || die "the server did not print the first administrator's password"
  sign_in admin admin@manzuma.local "$password"
  for i in $(seq 1 "${BENCH_ORGS:-80}"); do
    code=$(curl -s -o "$tmp/org.json" -w '%{http_code}' -H "$cookie_admin" -H "X-CSRF-Token: $csrf_admin" \
      -H 'Content-Type: application/json' \
      --data-binary "{\"kind\":\"authority\",\"name_ar\":\"هيئة اختبار $i\",\"name_en\":\"Bench Authority $i\"}" \
      "$base/api/v1/organizations" || true)
    [[ $code == 201 ]] || die "creating organisation $i returned $code: $(cat "$tmp/org.json")"
  done
fi
sign_in office "$office_email" "$known_password"
sign_in coordinator "$coordinator_email" "$known_password"
entity_id=$(json_get "$tmp/login-coordinator.json" user memberships 0 organization_id) ||
  die "$coordinator_email has no membership"
version_json=$(curl -s "$base/api/v1/version" || true)
q=$("$py" -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1]))' "$search_word")

# --- Load ----------------------------------------------------------------------------------------------------
# Every scenario answers 2xx once before its run (its body is kept for the report: how many items it lists),
# then wrk warms it up and measures it.
: >"$tmp/scenarios.jsonl"
note() { # name kind as method path
  "$py" -c 'import json, sys; print(json.dumps(dict(zip(["name", "kind", "as", "method", "path"], sys.argv[1:]))))' \
    "$@" >>"$tmp/scenarios.jsonl"
}
# Without BENCH_DURATION, each run is shortened (to 5 s at least) when the slow routes' waits have put the run
# behind the budget: what is left is shared among the scenarios still to come.
scenarios_done=0
run_duration() {
  if [[ -n ${BENCH_DURATION:-} ]]; then echo "$duration"; return; fi
  # The budget is for a run with the dataset ready: the time spent generating it does not count.
  awk -v b="$budget" -v e=$((SECONDS - generate_s)) -v f="$micro_s" -v n=$((scenario_count - scenarios_done)) -v w="$warmup" \
    -v d="$duration" 'BEGIN { x = int((b - e - f) / n - w - 3); if (x > d) x = d; print (x < 5 ? 5 : x) }'
}
measure() { # name script-prefix wrk-args... url -- script-args...
  local name=$1 prefix=$2 line timeout=5s run_s
  local script=$tmp/wrk-$name.lua
  run_s=$(run_duration)
  scenarios_done=$((scenarios_done + 1))
  shift 2
  [[ $name == login ]] && timeout=20s # 64 queued argon2id hashes on two cores take seconds
  if [[ -n $prefix ]]; then cat "$here/$prefix" "$here/report.lua" >"$script"; else cp "$here/report.lua" "$script"; fi
  if [[ $name == login ]]; then
    # No warm-up: each sign-in holds 64 MB and a core for a while; the pre-check has warmed the path.
    echo "bench: $name (${run_s} s)"
  else
    echo "bench: $name (${warmup} s warm-up, ${run_s} s)"
    wrk -t"$threads" -c"$connections" -d"${warmup}s" --timeout "$timeout" -s "$script" "$@" >/dev/null
    wait_idle >/dev/null
  fi
  wrk -t"$threads" -c"$connections" -d"${run_s}s" --timeout "$timeout" -s "$script" "$@" >"$tmp/wrk-$name.out" ||
    die "$name: wrk failed: $(cat "$tmp/wrk-$name.out")"
  drain_s=$(wait_idle)
  printf '%s\n' "$drain_s" >"$tmp/drain-$name.txt"
  ((${drain_s%.*} < 1)) || echo "bench: $name: the server was busy for $drain_s s after the run (requests wrk gave up on)"
  line=$(sed -n 's/^BENCH_JSON //p' "$tmp/wrk-$name.out")
  [[ -n $line ]] || die "$name: no figures from wrk: $(cat "$tmp/wrk-$name.out")"
  printf '%s\n' "$line" >"$tmp/run-$name.json"
}
# A GET as the program office (as=office), the coordinator, or nobody (as=-).
read_scenario() { # name kind as path
  local name=$1 kind=$2 as=$3 path=$4 code auth=()
  if [[ $as != - ]]; then local c="cookie_$as"; auth=(-H "${!c}"); fi
  code=$(curl -s -o "$tmp/check-$name.json" -w '%{http_code}' "${auth[@]}" "$base$path" || true)
  [[ $code == 2?? ]] || die "$name: GET $path returned $code before the run: $(head -c 300 "$tmp/check-$name.json")"
  note "$name" "$kind" "$as" GET "$path"
  measure "$name" "" "${auth[@]}" "$base$path"
}
first_id() { "$py" -c 'import json, sys; i = json.load(open(sys.argv[1]))["items"]; print(i[0]["id"] if i else "")' "$1"; }

read_scenario static baseline - /assets/app-abc123.js
read_scenario healthz baseline - /healthz
read_scenario me read office /api/v1/me
read_scenario organizations_page read office '/api/v1/organizations?sort=name_ar&page%5Bsize%5D=50'
read_scenario practices_list read office '/api/v1/practices?filter%5Bstatus%5D=published&sort=title_ar&page%5Bsize%5D=50'
read_scenario research_list read office '/api/v1/research?filter%5Bstatus%5D=under_review&sort=-id&page%5Bsize%5D=50'
read_scenario adoptions_list read office '/api/v1/adoptions?filter%5Bstatus%5D=approved&sort=-updated_at&page%5Bsize%5D=50'
read_scenario events_list read office '/api/v1/events?filter%5Bkind%5D=workshop&sort=-starts_on&page%5Bsize%5D=50'
read_scenario partnerships_list read office '/api/v1/partnerships?filter%5Bstatus%5D=active&sort=expires_on&page%5Bsize%5D=50'
read_scenario users_list read office '/api/v1/users?filter%5Brole%5D=contributor&sort=name_ar&page%5Bsize%5D=50'
read_scenario notifications_list read office '/api/v1/notifications?filter%5Bunread%5D=true&sort=-id&page%5Bsize%5D=50'
# One approved plan (the list above), or any plan when none is approved.
adoption_id=$(first_id "$tmp/check-adoptions_list.json")
if [[ -z $adoption_id ]]; then
  curl -s -H "$cookie_office" "$base/api/v1/adoptions?page%5Bsize%5D=1" >"$tmp/any-adoption.json"
  adoption_id=$(first_id "$tmp/any-adoption.json")
fi
[[ -n $adoption_id ]] || die "the dataset has no adoption to open"
read_scenario adoption_detail read office "/api/v1/adoptions/$adoption_id"
read_scenario dashboard_national read office /api/v1/dashboard/national
read_scenario dashboard_entity read office "/api/v1/dashboard/entities/$entity_id"
# The change portfolio: the coordinator's ministry carries the most initiatives (gen_change.cpp), so its
# heatmap is the heaviest; the national view aggregates every initiative, action, impact and survey tally.
read_scenario change_saturation read office "/api/v1/change/saturation?organization_id=$entity_id"
read_scenario change_national read office /api/v1/change/national
read_scenario search read office "/api/v1/search?q=$q"
# Where an entity coordinator's scope differs: their entity's plans, studies, users, dashboard, and search
# within what their entity may see.
read_scenario coordinator_adoptions_list read coordinator '/api/v1/adoptions?sort=-updated_at&page%5Bsize%5D=50'
read_scenario coordinator_research_list read coordinator '/api/v1/research?sort=-id&page%5Bsize%5D=50'
read_scenario coordinator_users_list read coordinator '/api/v1/users?sort=name_ar&page%5Bsize%5D=50'
read_scenario coordinator_dashboard_entity read coordinator "/api/v1/dashboard/entities/$entity_id"
read_scenario coordinator_search read coordinator "/api/v1/search?q=$q"

# Writes: the coordinator adds an action to one of their entity's editable plans (approved or draft), then
# edits it; the program office does it when the coordinator has none (the demo data).
writer=
for who in coordinator office; do
  c="cookie_$who"
  for status in approved draft; do
    curl -s -H "${!c}" "$base/api/v1/adoptions?filter%5Bstatus%5D=$status&page%5Bsize%5D=20" >"$tmp/editable.json"
    "$py" -c 'import json, sys; sys.stdout.write("".join("%d\n" % i["id"] for i in json.load(open(sys.argv[1]))["items"]))' \
      "$tmp/editable.json" >"$tmp/editable.txt"
    [[ -s $tmp/editable.txt ]] && { writer=$who; break 2; }
  done
done
[[ -n $writer ]] || die "no approved or draft plan to add actions to"
c="cookie_$writer" x="csrf_$writer"
write_auth=(-H "${!c}" -H "X-CSRF-Token: ${!x}")
first_adoption=$(head -n1 "$tmp/editable.txt")
action='"title_ar":"إجراء تجربة القياس","title_en":"Benchmark check","starts_on":"2027-01-01","due_on":"2027-06-30"'
path=/api/v1/adoptions/$first_adoption/actions
code=$(curl -s -o "$tmp/check-write.json" -w '%{http_code}' "${write_auth[@]}" -H 'Content-Type: application/json' \
  --data-binary "{$action}" "$base$path" || true)
[[ $code == 201 ]] || die "write: POST $path returned $code: $(cat "$tmp/check-write.json")"
path+=/$(json_get "$tmp/check-write.json" id)
action_version=$(json_get "$tmp/check-write.json" version)
code=$(curl -s -o "$tmp/check-write-put.json" -w '%{http_code}' -X PUT "${write_auth[@]}" \
  -H 'Content-Type: application/json' \
  --data-binary "{$action,\"status\":\"in_progress\",\"percent_done\":40,\"version\":$action_version}" "$base$path" || true)
[[ $code == 200 ]] || die "write: PUT $path returned $code: $(cat "$tmp/check-write-put.json")"
note plan_action_write write "$writer" "POST+PUT" "/api/v1/adoptions/{id}/actions[/{action_id}]"
measure plan_action_write write.lua "${write_auth[@]}" "$base/" -- "$tmp/editable.txt" "$threads"
# The audit log after the writes: gen-data writes no audit rows (its hash chain stays intact), so the actions
# just created and edited are what there is to page through.
read_scenario audit_list read office '/api/v1/audit?filter%5Bresource_type%5D=plan_action&page%5Bsize%5D=50'
loaded_rss_mb=$(rss_mb VmRSS)
peak_rss_mb=$(rss_mb VmHWM)

# Sign-in last: each argon2id verification holds 64 MB, so its memory peak is recorded apart from the others.
login_body=$("$py" -c 'import json, sys; print(json.dumps({"email": sys.argv[1], "password": sys.argv[2]}))' \
  "$(head -n1 "$tmp/accounts.txt")" "$bench_password")
code=$(curl -s -o "$tmp/check-login.json" -w '%{http_code}' -H 'Content-Type: application/json' \
  --data-binary "$login_body" "$base/api/v1/auth/login" || true)
[[ $code == 200 ]] || die "login: POST /api/v1/auth/login returned $code before the run: $(cat "$tmp/check-login.json")"
note login login - POST /api/v1/auth/login
measure login login.lua "$base/" -- "$tmp/accounts.txt" "$bench_password" "$threads"
login_peak_rss_mb=$(rss_mb VmHWM)
db_size_after_mb=$(dataset_size_mb)
wal_after_mb=$(dataset_wal_mb)

# A clean stop is part of the picture: SIGTERM, then the time until the process is gone and its exit status.
t2=$(date +%s%N)
kill -TERM "$server_pid"
for _ in {1..1000}; do kill -0 "$server_pid" 2>/dev/null || break; sleep 0.01; done
stop_status=0
if kill -0 "$server_pid" 2>/dev/null; then
  stop_status=timeout
  echo "bench: warning: the server was still running 10 s after SIGTERM" >&2
else
  wait "$server_pid" 2>/dev/null || stop_status=$?
  server_pid=
  ((stop_status == 0)) || echo "bench: warning: the server exited with status $stop_status after SIGTERM" >&2
fi
stop_ms=$((($(date +%s%N) - t2) / 1000000))
if [[ -n $pg_dir ]]; then
  bash "$root/scripts/pg-temp.sh" stop "$pg_dir" || true
  pg_dir=
fi

# --- Micro-benchmarks (the server is stopped, so they have the machine) --------------------------------------
micro=$(cd "$(dirname "$bin")/../.." && pwd)/bench/micro
if ((micro_on)); then
  # Every Google Benchmark program there: text_bench (text analysis), platform_bench (JSON page, policy check,
  # session lookup) and any added later; search_bench is not one and has its own section.
  found=0
  for prog in "$micro"/*_bench; do
    [[ -x $prog && $(basename "$prog") != search_bench ]] || continue
    found=1
    name=$(basename "$prog")
    echo "bench: $name (Google Benchmark)"
    "$prog" --benchmark_min_time=0.5 --benchmark_out="$tmp/gbench-$name.json" --benchmark_out_format=json \
      >"$tmp/gbench-$name.out" 2>&1 || die "$name failed: $(tail -n 5 "$tmp/gbench-$name.out")"
  done
  ((found)) || echo "bench: warning: no Google Benchmark programs in $micro (libbenchmark-dev missing?)" >&2
  [[ -x $micro/platform_bench ]] ||
    echo "bench: warning: no $micro/platform_bench; JSON page, policy and session not measured" >&2
  if [[ -x $micro/search_bench ]]; then
    echo "bench: search at ${BENCH_SEARCH_DOCS:-100000} documents (indexing, then ${BENCH_SEARCH_QUERIES:-500} queries per kind)"
    "$micro/search_bench" --docs "${BENCH_SEARCH_DOCS:-100000}" --queries "${BENCH_SEARCH_QUERIES:-500}" \
      >"$tmp/search_bench.out" 2>"$tmp/search_bench.err" || die "search_bench failed: $(tail -n 5 "$tmp/search_bench.err")"
    tail -n 1 "$tmp/search_bench.out" >"$tmp/search_bench.json"
  else
    echo "bench: warning: no $micro/search_bench; search not measured" >&2
  fi
fi

# --- Report --------------------------------------------------------------------------------------------------
read -r loadavg_end _ </proc/loadavg
cpu=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n1)
cores=$(nproc)
database=sqlite suffix=''
if ((pg)); then database=postgresql suffix=-postgresql; fi
export BENCH_TMP=$tmp BENCH_CPU=${cpu:-unknown} BENCH_CORES=$cores BENCH_LOADAVG=$loadavg BENCH_LOADAVG_END=$loadavg_end \
  BENCH_VERSION_JSON=$version_json BENCH_DATABASE=$database \
  BENCH_START_MS=$start_to_ready_ms BENCH_BUSY_AFTER_START_S=$busy_after_start_s \
  BENCH_NOTIFY_SCAN=$MANZUMA_NOTIFY_SCAN_MINUTES BENCH_IDLE_RSS=$idle_rss_mb BENCH_LOADED_RSS=$loaded_rss_mb \
  BENCH_PEAK_RSS=$peak_rss_mb BENCH_LOGIN_PEAK_RSS=$login_peak_rss_mb BENCH_STOP_MS=$stop_ms \
  BENCH_STOP_STATUS=$stop_status BENCH_DB_MB=$db_size_mb BENCH_DB_AFTER_MB=$db_size_after_mb BENCH_WAL_AFTER_MB=$wal_after_mb \
  BENCH_DURATION_S=$duration BENCH_WARMUP_S=$warmup BENCH_THREADS_N=$threads BENCH_CONNECTIONS_N=$connections \
  BENCH_SEARCH_WORD=$search_word BENCH_ESTIMATE_S=$estimate_s BENCH_ELAPSED_S=$SECONDS
mkdir -p "$results"
"$py" "$here/report.py" write "$tmp" "$results/latest$suffix"
if [[ -n $compare ]]; then
  "$py" "$here/report.py" compare "$compare" "$results/latest$suffix.json"
fi
echo "bench: $((SECONDS / 60)) min $((SECONDS % 60)) s in all"
