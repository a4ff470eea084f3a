-- wrk script for `make bench`. The request's method and body come from the environment
-- (headers, the session cookie among them, come from wrk -H), so one script serves every
-- page; done() prints one JSON line, prefixed BENCH_JSON, that bench/run.py reads.

wrk.method = os.getenv("BENCH_METHOD") or "GET"
local body = os.getenv("BENCH_BODY") or ""
if body ~= "" then
  wrk.body = body
end
local expected = tonumber(os.getenv("BENCH_STATUS") or "200")

-- wrk counts only 4xx/5xx as errors; a redirect to the sign-in page would pass unseen.
unexpected = 0
function response(status, headers, body)
  if status ~= expected then
    unexpected = unexpected + 1
  end
end

local threads = {}
function setup(thread)
  table.insert(threads, thread)
end

function done(summary, latency, requests)
  local wrong = 0
  for _, thread in ipairs(threads) do
    wrong = wrong + thread:get("unexpected")
  end
  local e = summary.errors
  io.write(string.format(
    'BENCH_JSON {"requests": %d, "duration_us": %.0f, "bytes": %.0f, "unexpected_status": %d, '
      .. '"errors": {"connect": %d, "read": %d, "write": %d, "status": %d, "timeout": %d}, '
      .. '"latency_us": {"mean": %.1f, "p50": %.0f, "p90": %.0f, "p99": %.0f, "max": %.0f}}\n',
    summary.requests, summary.duration, summary.bytes, wrong,
    e.connect, e.read, e.write, e.status, e.timeout,
    latency.mean, latency:percentile(50), latency:percentile(90), latency:percentile(99),
    latency.max
  ))
end
