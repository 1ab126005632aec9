-- wrk script for the write scenario (bench/run.sh puts it in front of report.lua): a coordinator adds an
-- action to a plan (POST, 201) and later edits it (PUT with the version the POST returned, 200), as someone
-- filling in a plan does. Both are audited and queue the adoption for re-indexing.
-- Arguments: a file of editable adoption ids (one per line), the number of wrk threads.
-- response() reads the created action's id, adoption and version from the 201 and queues its update; the
-- next request of the same thread sends it. So each created action is updated exactly once, with the
-- version it has, and nothing is a 409 (actions created in the last moments of the run stay un-updated).
-- The session cookie and CSRF header come from wrk's -H options (wrk.headers).

non2xx, created, updated = 0, 0, 0
local adoptions, pending, headers, stride, n = {}, {}, {}, 1, 0

init = function(args)
  for line in io.lines(args[1]) do
    if line ~= "" then adoptions[#adoptions + 1] = line end
  end
  stride = tonumber(args[2])
  n = tid - 1
  for k, v in pairs(wrk.headers) do headers[k] = v end
  headers["Content-Type"] = "application/json"
end

request = function()
  local u = table.remove(pending, 1)
  if u then
    return wrk.format("PUT", "/api/v1/adoptions/" .. u.adoption .. "/actions/" .. u.id, headers, string.format(
      '{"title_ar":"إجراء قياس الأداء رقم %s (محدّث)","title_en":"Benchmark action %s (updated)",' ..
      '"starts_on":"2027-01-01","due_on":"2027-09-30","status":"in_progress","percent_done":40,"version":%s}',
      u.id, u.id, u.version))
  end
  local adoption = adoptions[n % #adoptions + 1]
  n = n + stride
  return wrk.format("POST", "/api/v1/adoptions/" .. adoption .. "/actions", headers, string.format(
    '{"title_ar":"إجراء قياس الأداء رقم %d","title_en":"Benchmark action %d",' ..
    '"starts_on":"2027-01-01","due_on":"2027-06-30"}', n, n))
end

response = function(status, _, body)
  if status == 201 then
    created = created + 1
    -- The action's own id is its first field (Boost.Describe order); adoption_id and version follow.
    local id, adoption, version = body:match('^{"id":(%d+)'), body:match('"adoption_id":(%d+)'),
      body:match('"version":(%d+)')
    if id and adoption and version then
      pending[#pending + 1] = {id = id, adoption = adoption, version = version}
    end
  elseif status == 200 then
    updated = updated + 1
  else
    non2xx = non2xx + 1
  end
end
