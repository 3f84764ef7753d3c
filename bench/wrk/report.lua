-- Shared by every wrk script of bench/run: remembers the threads and, when wrk is done, writes one JSON
-- object to $BENCH_WRK_OUT (latencies in milliseconds). "non2xx" is the scripts' own count of non-2xx
-- answers when they keep one (refresh.lua), else -1: wrk's own errors.status counts statuses >= 400.
local threads = {}

function setup(thread)
  table.insert(threads, thread)
  if on_setup then
    on_setup(thread)
  end
end

function done(summary, latency, requests)
  local non2xx, broken, counted = 0, 0, false
  for _, thread in ipairs(threads) do
    local n = thread:get("non2xx")
    if n then
      counted = true
      non2xx = non2xx + n
      broken = broken + (thread:get("broken") or 0)
    end
  end
  local seconds = summary.duration / 1e6
  local e = summary.errors
  local out = assert(io.open(os.getenv("BENCH_WRK_OUT"), "w"))
  out:write(string.format(
    '{"threads":%d,"requests":%d,"seconds":%.3f,"requestsPerSecond":%.2f,"bytes":%d,' ..
    '"latencyMs":{"p50":%.3f,"p90":%.3f,"p99":%.3f,"max":%.3f,"mean":%.3f,"stdev":%.3f},' ..
    '"errors":{"connect":%d,"read":%d,"write":%d,"timeout":%d,"status":%d},"non2xx":%d,"brokenChains":%d}\n',
    #threads, summary.requests, seconds, summary.requests / seconds, summary.bytes,
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000, latency.mean / 1000, latency.stdev / 1000,
    e.connect, e.read, e.write, e.timeout, e.status, counted and non2xx or -1, broken))
  out:close()
end
