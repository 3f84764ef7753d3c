-- GET with an optional bearer token ($BENCH_TOKEN). No response() callback: wrk stays on its fast
-- path and counts statuses >= 400 itself.
dofile(os.getenv("BENCH_WRK_DIR") .. "/report.lua")

local token = os.getenv("BENCH_TOKEN")
if token and token ~= "" then
  wrk.headers["Authorization"] = "Bearer " .. token
end
