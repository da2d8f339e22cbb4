-- wrk script for the Quntuan load test: POSTs the deep query and checks every response.
--
-- Environment (set by bench/run.sh):
--   BENCH_QUERY     path of queries/deep.graphql
--   BENCH_EXPECTED  path of expected/deep.json (the exact body every target must answer)
--   BENCH_MISMATCH  optional path prefix; the first bad body of each thread is saved there
--   BENCH_OPERATION the operation's name (default Deep)
--
-- done() prints one machine-readable line that run.sh parses:
--   RESULT requests=N duration_us=N rps=X p50_us=N p95_us=N p99_us=N checked=N mismatches=N ...

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
wrk.headers["Accept"] = "application/json"
wrk.body = '{"query":' .. json_string(read(os.getenv("BENCH_QUERY"))) .. ',"operationName":"' .. (os.getenv("BENCH_OPERATION") or "Deep") .. '"}'

local expected = read(os.getenv("BENCH_EXPECTED"))
-- Tolerate an editor's trailing newline in the checked-in file; servers send none.
if expected:sub(-1) == "\n" then
  expected = expected:sub(1, -2)
end

local threads = {}

function setup(thread)
  thread:set("id", #threads + 1)
  table.insert(threads, thread)
end

-- Per-thread counters (each wrk thread has its own Lua state); done() sums them.
checked = 0
mismatches = 0
local saved = false

function response(status, headers, body)
  checked = checked + 1
  -- Lua compares strings by content: this is an exact byte comparison with the expected body.
  if status ~= 200 or body ~= expected then
    mismatches = mismatches + 1
    local prefix = os.getenv("BENCH_MISMATCH")
    if not saved and prefix and prefix ~= "" then
      saved = true
      local file = io.open(prefix .. "." .. tostring(id) .. ".txt", "wb")
      if file then
        file:write("status " .. tostring(status) .. "\n" .. tostring(body))
        file:close()
      end
    end
  end
end

function done(summary, latency, requests)
  local total_checked, total_bad = 0, 0
  for _, thread in ipairs(threads) do
    total_checked = total_checked + (thread:get("checked") or 0)
    total_bad = total_bad + (thread:get("mismatches") or 0)
  end
  local errors = summary.errors
  io.write(string.format(
    "RESULT requests=%d duration_us=%d rps=%.1f p50_us=%d p95_us=%d p99_us=%d max_us=%d"
      .. " checked=%d mismatches=%d errors_connect=%d errors_read=%d errors_write=%d"
      .. " errors_status=%d errors_timeout=%d\n",
    summary.requests, summary.duration, summary.requests / (summary.duration / 1e6),
    latency:percentile(50), latency:percentile(95), latency:percentile(99), latency.max,
    total_checked, total_bad, errors.connect, errors.read, errors.write, errors.status,
    errors.timeout))
end
