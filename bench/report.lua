-- wrk script for bench/run.sh: at the end of a run, prints one line "BENCH_JSON {...}" with exact figures.
-- Latencies from wrk are in microseconds; they are written in milliseconds. errors.status counts responses
-- with a status above 399; the other error kinds are socket errors.
-- login.lua and write.lua are put in front of this file for their runs (wrk takes one script). Their
-- response() counts in per-thread globals (non2xx exactly, created, updated); done() sums them into
-- "counters". setup() numbers the threads (global `tid`, 1-based) so those scripts can share work out.

local threads = {}

setup = function(thread)
  table.insert(threads, thread)
  thread:set("tid", #threads)
end

done = function(summary, latency, requests)
  local e = summary.errors
  local secs = summary.duration / 1e6
  local function ms(us) return us / 1000.0 end
  local counters = {}
  for _, name in ipairs({"non2xx", "created", "updated"}) do
    local sum, seen = 0, false
    for _, t in ipairs(threads) do
      local v = t:get(name)
      if v then sum, seen = sum + v, true end
    end
    if seen then table.insert(counters, string.format('"%s":%d', name, sum)) end
  end
  io.write(string.format(
    'BENCH_JSON {"requests":%d,"duration_s":%.3f,"rps":%.1f,"bytes":%d,' ..
    '"latency_ms":{"p50":%.3f,"p90":%.3f,"p99":%.3f,"max":%.3f,"mean":%.3f},' ..
    '"errors":{"connect":%d,"read":%d,"write":%d,"status":%d,"timeout":%d},"counters":{%s}}\n',
    summary.requests, secs, summary.requests / secs, summary.bytes,
    ms(latency:percentile(50)), ms(latency:percentile(90)), ms(latency:percentile(99)),
    ms(latency.max), ms(latency.mean),
    e.connect, e.read, e.write, e.status, e.timeout, table.concat(counters, ",")))
end
