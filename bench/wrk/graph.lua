-- wrk script for bench/graph.sh: POSTs one query and checks every response against the
-- answer captured (and validated) before the load.
--
-- Environment: BENCH_QUERY (the .graphql file), BENCH_EXPECTED (the exact expected body).
-- done() prints: RESULT requests=N rps=X p50_us=N p95_us=N p99_us=N checked=N mismatches=N

local function read(path)
  local file = assert(io.open(path, "rb"), "cannot open " .. tostring(path))
  local content = file:read("*a")
  file:close()
  return content
end

local function json_string(s)
  s = s:gsub("\\", "\\\\"):gsub('"', '\\"'):gsub("\n", "\\n"):gsub("\r", "\\r"):gsub("\t", "\\t")
  return '"' .. s .. '"'
end

wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"query":' .. json_string(read(os.getenv("BENCH_QUERY"))) .. '}'
local expected = read(os.getenv("BENCH_EXPECTED"))

local threads = {}
function setup(thread)
  table.insert(threads, thread)
end

checked = 0
mismatches = 0
function response(status, headers, body)
  checked = checked + 1
  if status ~= 200 or body ~= expected then
    mismatches = mismatches + 1
  end
end

function done(summary, latency, requests)
  local total_checked, total_bad = 0, 0
  for _, thread in ipairs(threads) do
    total_checked = total_checked + (thread:get("checked") or 0)
    total_bad = total_bad + (thread:get("mismatches") or 0)
  end
  io.write(string.format("RESULT requests=%d rps=%.1f p50_us=%d p95_us=%d p99_us=%d checked=%d mismatches=%d\n",
    summary.requests, summary.requests / (summary.duration / 1e6),
    latency:percentile(50), latency:percentile(95), latency:percentile(99), total_checked, total_bad))
end
