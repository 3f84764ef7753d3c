#!/usr/bin/env bash
# Smoke test of bin/mock (the Prism mock for frontend teams): starts it on a free port, asks for a few
# documented answers and stops it. Fails when the mock does not start or answers other than the spec's
# examples say. usage: e2e-tests/mock/smoke.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
log=$(mktemp)
# Its own process group (npx starts node under it), stopped as a whole.
PORT=$port setsid bin/mock >"$log" 2>&1 &
mock=$!
trap 'kill -- -"$mock" 2>/dev/null || true; wait "$mock" 2>/dev/null || true; rm -f "$log"' EXIT
url="http://127.0.0.1:$port"
for _ in $(seq 1 600); do
  curl -fs "$url/api/v1/health/live" >/dev/null 2>&1 && break
  kill -0 "$mock" 2>/dev/null || { cat "$log" >&2; exit 1; }
  sleep 0.2
done

python3 - "$url" <<'PY'
import json, sys, urllib.request, urllib.error
base = sys.argv[1]
def call(method, path, body=None, headers=None):
    request = urllib.request.Request(base + path, method=method, headers={"Content-Type": "application/json", **(headers or {})},
                                     data=json.dumps(body).encode() if body is not None else None)
    try:
        with urllib.request.urlopen(request, timeout=10) as r:
            return r.status, json.load(r)
    except urllib.error.HTTPError as e:
        return e.code, json.load(e)
checks = []
status, live = call("GET", "/api/v1/health/live")
checks.append(("GET /api/v1/health/live → 200 UP (the spec's example)", status == 200 and live["status"] == "UP"))
status, login = call("POST", "/api/v1/auth/login", {"email": "jane.doe@example.com", "password": "Sup3rSecret"})
checks.append(("POST /api/v1/auth/login → 200 with the example's tokens",
               status == 200 and login["success"] is True and len(login["data"]["tokens"]["accessToken"]) > 20))
status, refused = call("POST", "/api/v1/auth/login", {"email": "jane.doe@example.com", "password": "Sup3rSecret"},
                       {"Prefer": "code=401"})
checks.append(("Prefer: code=401 → the documented error envelope",
               status == 401 and refused["error"]["category"] == "AUTHENTICATION"))
status, invalid = call("POST", "/api/v1/auth/login", {"email": "not-an-address"})
checks.append(("an invalid body → 400 (requests are validated against the spec)", status == 400))
status, _ = call("GET", "/api/v1/users")
checks.append(("GET /api/v1/users without a token → 401", status == 401))
for name, passed in checks:
    print(("  ok    " if passed else "  FAIL  ") + name)
failed = sum(1 for _, p in checks if not p)
print(f"mock smoke test: {len(checks) - failed} passed, {failed} failed")
sys.exit(1 if failed else 0)
PY
