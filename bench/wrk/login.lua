-- POST /api/v1/auth/login with one account's credentials ($BENCH_EMAIL, $BENCH_PASSWORD): the same
-- body on every request, so wrk builds it once.
dofile(os.getenv("BENCH_WRK_DIR") .. "/report.lua")

wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = string.format('{"email":"%s","password":"%s"}', os.getenv("BENCH_EMAIL"), os.getenv("BENCH_PASSWORD"))
