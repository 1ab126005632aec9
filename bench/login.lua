-- wrk script for the login scenario (bench/run.sh puts it in front of report.lua).
-- Arguments: a file of e-mail addresses (one per line), the password, the number of wrk threads.
-- Each request signs in as the next account of the file, round robin, threads interleaved, so one account is
-- never signed in twice at once: the throttle (src/platform/auth/service.cpp) counts an attempt per account
-- before the password is checked and allows 5, and a success clears the account's count. Each request also
-- comes from its own address in X-Forwarded-For (the server runs with --trust-proxy, as behind a reverse
-- proxy), as sign-ins from many people would, so the per-address limit (20) is not what is measured.

non2xx = 0
local emails, password, stride, n = {}, "", 1, 0

init = function(args)
  for line in io.lines(args[1]) do
    if line ~= "" then emails[#emails + 1] = line end
  end
  password = args[2]
  stride = tonumber(args[3])
  n = tid - 1
end

request = function()
  local email = emails[n % #emails + 1]
  local address = string.format("10.%d.%d.%d", math.floor(n / 65536) % 256, math.floor(n / 256) % 256, n % 256)
  n = n + stride
  return wrk.format("POST", "/api/v1/auth/login",
    {["Content-Type"] = "application/json", ["X-Forwarded-For"] = address},
    '{"email":"' .. email .. '","password":"' .. password .. '"}')
end

response = function(status, _, body)
  if status < 200 or status > 299 then non2xx = non2xx + 1 end
end
