-- POST /api/v1/auth/refresh, every refresh token presented exactly once.
--
-- Refresh tokens rotate: each answer carries the next token, and presenting a used one again is taken
-- for theft (the whole session is revoked). So each wrk thread gets one connection (run with -t N -c N,
-- which makes its requests strictly sequential) and one session of its own: its first token is line N of
-- $BENCH_REFRESH_TOKENS (one fresh login each), and every later request presents the token the previous
-- answer returned. A failed answer ends that thread's chain: every request after it fails too, so a
-- single failure shows up loudly in "non2xx" and "brokenChains".
dofile(os.getenv("BENCH_WRK_DIR") .. "/report.lua")

local tokens = {}
for line in io.lines(os.getenv("BENCH_REFRESH_TOKENS")) do
  if line ~= "" then
    table.insert(tokens, line)
  end
end
local handed_out = 0

-- Main state: give each thread its own first token.
function on_setup(thread)
  handed_out = handed_out + 1
  local first = tokens[handed_out]
  if not first then
    error("fewer refresh tokens than wrk threads")
  end
  thread:set("token", first)
end

-- Thread states below.
function init(args)
  non2xx = 0
  broken = 0
end

function request()
  return wrk.format("POST", nil, { ["Content-Type"] = "application/json" },
    '{"refreshToken":"' .. token .. '"}')
end

function response(status, headers, body)
  if status < 200 or status > 299 then
    non2xx = non2xx + 1
    return
  end
  local next_token = body:match('"refreshToken"%s*:%s*"([^"]+)"')
  if next_token then
    token = next_token
  else
    broken = broken + 1
  end
end
