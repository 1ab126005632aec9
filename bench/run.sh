#!/usr/bin/env bash
# make bench: measures the real server with wrk and writes bench/results/latest.json.
#   bash bench/run.sh path/to/manzuma       (a Release build; `make bench` passes build/src/app/manzuma)
# Knobs: BENCH_DURATION (s, 10), BENCH_WARMUP (s, 2), BENCH_THREADS (2), BENCH_CONNECTIONS (64), BENCH_ORGS (80),
# BENCH_SEARCH_DOCS (100000), BENCH_SEARCH_QUERIES (500 per kind).
# After the server, the micro-benchmarks beside the binary's build tree run too (bench/micro: text analysis
# with Google Benchmark, search at 100,000 documents); a missing one is reported as skipped.
# A benchmark, not a test: nothing is asserted about speed. It exits non-zero only when the server does not
# start, a measured URL does not answer 200, or more than 1% of the requests of a run fail (socket errors or
# status >= 400); latest.json is then left as it was.
set -euo pipefail

die() {
  echo "bench: $*" >&2
  for f in serve.out serve.err; do
    [[ -s ${tmp:-/nonexistent}/$f ]] && { echo "--- $f (last lines)" >&2; tail -n 20 "$tmp/$f" >&2; }
  done
  exit 1
}

[[ $# -eq 1 ]] || { echo "usage: bash bench/run.sh path/to/manzuma" >&2; exit 2; }
[[ -x $1 ]] || { echo "bench: not an executable: $1 (build it with: make build)" >&2; exit 2; }
bin=$(realpath "$1")
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

duration=${BENCH_DURATION:-10}; duration=${duration%s}
warmup=${BENCH_WARMUP:-2}; warmup=${warmup%s}
threads=${BENCH_THREADS:-2}
connections=${BENCH_CONNECTIONS:-64}
orgs=${BENCH_ORGS:-80}

for tool in wrk curl; do
  command -v "$tool" >/dev/null || { echo "bench: $tool is missing (apt-get install $tool)" >&2; exit 2; }
done
py=$(command -v /usr/bin/python3 || command -v python3 || true)
[[ -n $py ]] || { echo "bench: python3 is missing (apt-get install python3)" >&2; exit 2; }

tmp=$(mktemp -d -t manzuma-bench.XXXXXX)
server_pid=
cleanup() {
  if [[ -n $server_pid ]] && kill -0 "$server_pid" 2>/dev/null; then
    kill -TERM "$server_pid" 2>/dev/null || true
    for _ in {1..50}; do kill -0 "$server_pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

export MANZUMA_DATABASE_URL="sqlite:$tmp/bench.db"
export MANZUMA_DATA_DIR="$tmp/data"
export MANZUMA_WEB_ROOT="$tmp/web"
export MANZUMA_LOG_LEVEL=warn
export MANZUMA_LOG_FORMAT=text
export MANZUMA_PASSWORD_COST=minimum   # sign-in cost is not what is measured

# The static baseline: what the same server does with the least work per request.
mkdir -p "$MANZUMA_DATA_DIR" "$MANZUMA_WEB_ROOT/assets"
{
  printf '<!doctype html>\n<html lang="ar" dir="rtl">\n<head><meta charset="utf-8"><title>منظومة</title>'
  printf '<script type="module" src="/assets/app-abc123.js"></script></head>\n<body><div id="app"></div>\n'
  for i in $(seq 1 14); do printf '<!-- benchmark baseline page, line %02d: padding to about one kilobyte -->\n' "$i"; done
  printf '</body>\n</html>\n'
} >"$MANZUMA_WEB_ROOT/index.html"
for i in $(seq 1 48); do
  printf 'export function f%02d(x) { return (x * %d + 7) %% 1013; } // benchmark baseline padding\n' "$i" "$i"
done >"$MANZUMA_WEB_ROOT/assets/app-abc123.js"

# Other work on the machine (a build, another server) lowers every figure: say so, and record it.
read -r loadavg _ </proc/loadavg
if awk -v l="$loadavg" 'BEGIN { exit !(l > 1.0) }'; then
  echo "bench: warning: load average is $loadavg before the start; the figures will be lower and noisier" >&2
fi

# --- Data and start-up --------------------------------------------------------------------------------------
"$bin" seed demo >"$tmp/seed.out" 2>&1 || { cat "$tmp/seed.out" >&2; die "manzuma seed demo failed"; }

export MANZUMA_LISTEN=127.0.0.1:0
t0=$(date +%s%N)
"$bin" serve >"$tmp/serve.out" 2>"$tmp/serve.err" &
server_pid=$!
port=
deadline=$((t0 + 30 * 1000000000))
while :; do
  kill -0 "$server_pid" 2>/dev/null || { server_pid=; die "the server exited during start-up"; }
  if [[ -z $port ]]; then
    port=$(sed -n 's|^Manzuma is running: http://127\.0\.0\.1:\([0-9][0-9]*\).*|\1|p' "$tmp/serve.out" | head -n1)
  fi
  if [[ -n $port ]] &&
    [[ $(curl -s -o /dev/null -w '%{http_code}' --max-time 1 "http://127.0.0.1:$port/readyz" || true) == 200 ]]; then
    break
  fi
  (($(date +%s%N) < deadline)) || die "GET /readyz did not return 200 within 30 s"
  sleep 0.01
done
t1=$(date +%s%N)
start_to_ready_ms=$(((t1 - t0) / 1000000))
base="http://127.0.0.1:$port"

rss_mb() { awk -v k="$1:" '$1 == k { printf "%.1f", $2 / 1024 }' "/proc/$server_pid/status"; }
idle_rss_mb=$(rss_mb VmRSS)

password=$(sed -n 's/^  password: //p' "$tmp/serve.out" | head -n1)
[[ -n $password ]] || die "the server did not print the first administrator's password"

# Sign in as the administrator: session cookie from Set-Cookie, CSRF token from the body.
login_body=$("$py" -c 'import json, sys; print(json.dumps({"email": "admin@manzuma.local", "password": sys.argv[1]}))' "$password")
code=$(curl -s -D "$tmp/login.headers" -o "$tmp/login.json" -w '%{http_code}' -H 'Content-Type: application/json' \
  --data-binary "$login_body" "$base/api/v1/auth/login" || true)
[[ $code == 200 ]] || die "sign-in returned $code: $(cat "$tmp/login.json")"
session=$(tr -d '\r' <"$tmp/login.headers" | sed -n 's/^[Ss]et-[Cc]ookie: manzuma_session=\([^;]*\).*/\1/p' | head -n1)
[[ -n $session ]] || die "no manzuma_session cookie in the sign-in response"
csrf=$("$py" -c 'import json, sys; print(json.load(open(sys.argv[1]))["csrf_token"])' "$tmp/login.json")
cookie=(-H "Cookie: manzuma_session=$session")

# Enough organisations that a page of 50 is full.
for i in $(seq 1 "$orgs"); do
  code=$(curl -s -o "$tmp/org.json" -w '%{http_code}' "${cookie[@]}" -H "X-CSRF-Token: $csrf" \
    -H 'Content-Type: application/json' \
    --data-binary "{\"kind\":\"authority\",\"name_ar\":\"هيئة اختبار $i\",\"name_en\":\"Bench Authority $i\"}" \
    "$base/api/v1/organizations" || true)
  [[ $code == 201 ]] || die "creating organisation $i returned $code: $(cat "$tmp/org.json")"
done
version_json=$(curl -s "$base/api/v1/version" || true)
page_items=$(curl -s "${cookie[@]}" "$base/api/v1/organizations?page%5Bsize%5D=50" |
  "$py" -c 'import json, sys; print(len(json.load(sys.stdin)["items"]))') || die "could not list organisations"

# --- Load ---------------------------------------------------------------------------------------------------
run() {
  local name=$1 path=$2
  shift 2
  local url=$base$path code line
  code=$(curl -s -o /dev/null -w '%{http_code}' "$@" "$url" || true)
  [[ $code == 200 ]] || die "$name: GET $path returned $code before the run"
  echo "bench: $name  GET $path  (${warmup} s warm-up, ${duration} s, $threads threads, $connections connections)"
  wrk -t"$threads" -c"$connections" -d"${warmup}s" "$@" "$url" >/dev/null
  wrk -t"$threads" -c"$connections" -d"${duration}s" --timeout 5s -s "$here/report.lua" "$@" "$url" >"$tmp/wrk-$name.out" ||
    die "$name: wrk failed: $(cat "$tmp/wrk-$name.out")"
  line=$(sed -n 's/^BENCH_JSON //p' "$tmp/wrk-$name.out")
  [[ -n $line ]] || die "$name: no figures from wrk: $(cat "$tmp/wrk-$name.out")"
  printf '%s\n' "$line" >"$tmp/run-$name.json"
}

run static /assets/app-abc123.js
run healthz /healthz
run me /api/v1/me "${cookie[@]}"
run organizations_page '/api/v1/organizations?page%5Bsize%5D=50' "${cookie[@]}"
# The national system (issue 5) on its demo data: the catalogue, the plans list with computed health, one plan
# with its actions, milestones and indicators, and the national dashboard's figures.
run practices_page '/api/v1/practices?page%5Bsize%5D=50' "${cookie[@]}"
run adoptions_page '/api/v1/adoptions?page%5Bsize%5D=50' "${cookie[@]}"
run adoption_detail '/api/v1/adoptions/1' "${cookie[@]}"
run dashboard_national '/api/v1/dashboard/national' "${cookie[@]}"
loaded_rss_mb=$(rss_mb VmRSS)
peak_rss_mb=$(rss_mb VmHWM)

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

# --- Micro-benchmarks (the server is stopped, so they have the machine) ---------------------------------------
micro=$(cd "$(dirname "$bin")/../.." && pwd)/bench/micro
if [[ -x $micro/text_bench ]]; then
  echo "bench: text analysis (Google Benchmark)"
  "$micro/text_bench" --benchmark_min_time=0.5 --benchmark_out="$tmp/text_bench.json" --benchmark_out_format=json \
    >"$tmp/text_bench.out" 2>&1 || die "text_bench failed: $(tail -n 5 "$tmp/text_bench.out")"
else
  echo "bench: warning: no $micro/text_bench (libbenchmark-dev missing?); text analysis not measured" >&2
fi
# The server's hot paths alone (page JSON, policy checks, session lookup): platform_bench's Google Benchmark
# output reduced to `platform.<name>` = CPU ns per operation, wall ns, items/s (and MB/s for the pages).
if [[ -x $micro/platform_bench ]]; then
  echo "bench: platform hot paths (Google Benchmark: page JSON, policy checks, session lookup)"
  "$micro/platform_bench" --benchmark_min_time=0.5 --benchmark_out="$tmp/platform_bench_gb.json" \
    --benchmark_out_format=json >"$tmp/platform_bench.out" 2>&1 ||
    die "platform_bench failed: $(tail -n 5 "$tmp/platform_bench.out")"
  "$py" - "$tmp/platform_bench_gb.json" >"$tmp/platform_bench.json" <<'PY'
import json, re, sys
out = {}
for b in json.load(open(sys.argv[1]))["benchmarks"]:
    parts = b["name"].removeprefix("BM_").split("/")
    name = re.sub(r"(?<!^)(?=[A-Z])", "_", parts[0]).lower()
    name += "".join("_threads_" + p.split(":")[1] for p in parts[1:] if p.startswith("threads:"))
    f = {"ns_per_op": round(b["cpu_time"], 1), "wall_ns_per_op": round(b["real_time"], 1),
         "items_per_s": round(b.get("items_per_second", 0))}
    if "bytes_per_second" in b:
        f["mb_s"] = round(b["bytes_per_second"] / 1e6, 1)
    out[name] = f
print(json.dumps(out))
PY
else
  echo "bench: warning: no $micro/platform_bench (libbenchmark-dev missing?); platform hot paths not measured" >&2
fi
if [[ -x $micro/search_bench ]]; then
  echo "bench: search at ${BENCH_SEARCH_DOCS:-100000} documents (indexing, then ${BENCH_SEARCH_QUERIES:-500} queries per kind)"
  "$micro/search_bench" --docs "${BENCH_SEARCH_DOCS:-100000}" --queries "${BENCH_SEARCH_QUERIES:-500}" \
    >"$tmp/search_bench.out" 2>"$tmp/search_bench.err" || die "search_bench failed: $(tail -n 5 "$tmp/search_bench.err")"
  tail -n 1 "$tmp/search_bench.out" >"$tmp/search_bench.json"
else
  echo "bench: warning: no $micro/search_bench; search not measured" >&2
fi

# --- Report -------------------------------------------------------------------------------------------------
cores=$(nproc)
cpu=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n1)
export BENCH_TMP=$tmp BENCH_CPU=${cpu:-unknown} BENCH_CORES=$cores BENCH_LOADAVG=$loadavg BENCH_VERSION_JSON=$version_json \
  BENCH_START_MS=$start_to_ready_ms BENCH_IDLE_RSS=$idle_rss_mb BENCH_LOADED_RSS=$loaded_rss_mb \
  BENCH_PEAK_RSS=$peak_rss_mb BENCH_STOP_MS=$stop_ms BENCH_STOP_STATUS=$stop_status BENCH_PAGE_ITEMS=$page_items BENCH_DURATION_S=$duration BENCH_WARMUP_S=$warmup \
  BENCH_THREADS_N=$threads BENCH_CONNECTIONS_N=$connections
status=0
"$py" - <<'EOF' || status=$?
import datetime, json, os, sys

tmp = os.environ["BENCH_TMP"]
names = ["static", "healthz", "me", "organizations_page", "practices_page", "adoptions_page", "adoption_detail",
         "dashboard_national"]
runs, failed = {}, []
for n in names:
    with open(f"{tmp}/run-{n}.json") as f:
        r = json.load(f)
    e = r["errors"]
    errors = e["connect"] + e["read"] + e["write"] + e["timeout"] + e["status"]
    share = errors / max(r["requests"], 1)
    runs[n] = {
        "rps": round(r["rps"], 1),
        "p50_ms": round(r["latency_ms"]["p50"], 3),
        "p99_ms": round(r["latency_ms"]["p99"], 3),
        "p90_ms": round(r["latency_ms"]["p90"], 3),
        "max_ms": round(r["latency_ms"]["max"], 3),
        "requests": r["requests"],
        "duration_s": r["duration_s"],
        "bytes_per_request": round(r["bytes"] / max(r["requests"], 1)),
        "errors": errors,
        "errors_detail": e,
    }
    if share > 0.01:
        failed.append(f"{n}: {errors} of {r['requests']} requests failed ({share:.1%}): {e}")

try:
    version = json.loads(os.environ["BENCH_VERSION_JSON"])
except ValueError:
    version = {}
static_rps = runs["static"]["rps"] or 1
ratio = lambda n: round(runs[n]["rps"] / static_rps, 3)
result = {
    "date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
    "machine": {"cores": int(os.environ["BENCH_CORES"]), "cpu": os.environ["BENCH_CPU"],
                "loadavg_at_start": float(os.environ["BENCH_LOADAVG"])},
    "server": {
        "version": version.get("version", "unknown"),
        "database": version.get("database", "sqlite"),
        "start_to_ready_ms": int(os.environ["BENCH_START_MS"]),
        "idle_rss_mb": float(os.environ["BENCH_IDLE_RSS"]),
        "loaded_rss_mb": float(os.environ["BENCH_LOADED_RSS"]),
        "peak_rss_mb": float(os.environ["BENCH_PEAK_RSS"]),
        "stop_ms": int(os.environ["BENCH_STOP_MS"]),
        "stop_exit_status": os.environ["BENCH_STOP_STATUS"] if os.environ["BENCH_STOP_STATUS"] == "timeout"
                            else int(os.environ["BENCH_STOP_STATUS"]),
    },
    "load": {
        "tool": "wrk",
        "threads": int(os.environ["BENCH_THREADS_N"]),
        "connections": int(os.environ["BENCH_CONNECTIONS_N"]),
        "duration_s": float(os.environ["BENCH_DURATION_S"]),
        "warmup_s": float(os.environ["BENCH_WARMUP_S"]),
        "organizations_page_items": int(os.environ["BENCH_PAGE_ITEMS"]),
    },
    "runs": runs,
    "ratios": {
        "organizations_page_vs_static": ratio("organizations_page"),
        "me_vs_static": ratio("me"),
        "healthz_vs_static": ratio("healthz"),
        "practices_page_vs_static": ratio("practices_page"),
        "adoptions_page_vs_static": ratio("adoptions_page"),
        "adoption_detail_vs_static": ratio("adoption_detail"),
        "dashboard_national_vs_static": ratio("dashboard_national"),
    },
    "targets": {
        "organizations_page_rps": 10000,
        "organizations_page_p99_ms": 25,
        "organizations_page_vs_static": 0.3,
        "idle_rss_mb": 60,
        "start_to_ready_ms": 1000,
        "search_query_p50_ms": 5,
        "search_query_p99_ms": 20,
        "search_indexing_docs_per_s": 2000,
        "text_analysis_mb_s": 20,
    },
}

# Text analysis: MB/s of each Google Benchmark run (bytes_per_second, decimal megabytes).
if os.path.exists(f"{tmp}/text_bench.json"):
    with open(f"{tmp}/text_bench.json") as f:
        gb = json.load(f)
    result["text_analysis"] = {
        b["name"].removeprefix("BM_").lower() + "_mb_s": round(b["bytes_per_second"] / 1e6, 1)
        for b in gb["benchmarks"] if "bytes_per_second" in b
    }
else:
    result["text_analysis"] = None
if os.path.exists(f"{tmp}/platform_bench.json"):
    with open(f"{tmp}/platform_bench.json") as f:
        result["platform"] = json.load(f)
else:
    result["platform"] = None
if os.path.exists(f"{tmp}/search_bench.json"):
    with open(f"{tmp}/search_bench.json") as f:
        result["search"] = json.load(f)
else:
    result["search"] = None
with open(f"{tmp}/latest.json", "w") as f:
    json.dump(result, f, indent=2, ensure_ascii=False)
    f.write("\n")

s = result["server"]
print()
print(f"Manzuma {s['version']} on {s['database']}; {result['machine']['cores']} cores, {result['machine']['cpu']}")
print(f"(wrk and the server share the machine; {result['load']['connections']} connections, "
      f"{result['load']['duration_s']:g} s per run)")
print(f"{'run':<20}{'req/s':>10}{'p50 ms':>9}{'p99 ms':>9}{'requests':>11}{'errors':>8}{'vs static':>11}")
for n in names:
    r = runs[n]
    print(f"{n:<20}{r['rps']:>10.0f}{r['p50_ms']:>9.2f}{r['p99_ms']:>9.2f}{r['requests']:>11}{r['errors']:>8}"
          f"{r['rps'] / static_rps:>11.2f}")
t = result["targets"]
print(f"start to ready {s['start_to_ready_ms']} ms (target {t['start_to_ready_ms']}); RSS idle {s['idle_rss_mb']} MB "
      f"(target {t['idle_rss_mb']}), after load {s['loaded_rss_mb']} MB, peak {s['peak_rss_mb']} MB; "
      f"stop {s['stop_ms']} ms (exit status {s['stop_exit_status']})")
ta = result["text_analysis"]
if ta:
    print("text analysis MB/s (target " + str(t["text_analysis_mb_s"]) + "): " +
          ", ".join(f"{k.removesuffix('_mb_s')} {v:g}" for k, v in ta.items()))
pl = result["platform"]
if pl:
    print("platform hot paths (CPU ns/op, items/s): " +
          ", ".join(f"{k} {v['ns_per_op']:g} ns {v['items_per_s']:,}/s" for k, v in pl.items()))
se = result["search"]
if se:
    ix = se["indexing"]
    print(f"search, {se['documents']} documents: indexing {ix['docs_per_s']:.0f} documents/s "
          f"(target {t['search_indexing_docs_per_s']}), index {se['index_mb']} MB; query latency "
          f"(target p50 {t['search_query_p50_ms']} ms, p99 {t['search_query_p99_ms']} ms):")
    for n, l in se["latency"].items():
        print(f"  {n:<24} p50 {l['p50_ms']:>7.2f} ms  p99 {l['p99_ms']:>7.2f} ms  ({l['mean_matches']:.0f} matches on average)")
if failed:
    print("\nbench: too many failed requests:\n  " + "\n  ".join(failed), file=sys.stderr)
    sys.exit(3)
EOF
if ((status != 0)); then
  echo "bench: results not saved (bench/results/latest.json is unchanged)" >&2
  exit 1
fi
mkdir -p "$here/results"
cp "$tmp/latest.json" "$here/results/latest.json"
echo "bench: wrote ${here#"$PWD"/}/results/latest.json"
