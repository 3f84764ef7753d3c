#!/usr/bin/env bash
# The browser tests: headless Chromium calls the service jar from another origin as the dashboard does
# (dashboard-cors.test.mjs), and runs a request through Swagger UI's "Try it out" at two addresses of the
# service (api-docs-try-it-out.test.mjs). Installs Debian's chromium and playwright-core (npm) when missing, starts
# the jar the build produced with env/test.env on free ports, CLIENT_URL = the test page's origin.
# CORS_ALLOWED_HEADERS, when set in the environment, is passed to the service (to see the test fail
# with a cut-back list). Needs node/npm and `./mvnw package`.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)
here="$root/e2e-tests/browser"
jar="$root/service-impl/target/abc-dashboard-service.jar"
[ -f "$jar" ] || { echo "no service jar; run ./mvnw package first" >&2; exit 1; }

# CHROMIUM: a Chromium or Chrome binary to use instead (GitHub's runners have google-chrome).
browser=${CHROMIUM:-$(command -v chromium || true)}
if [ -z "$browser" ]; then
  sudo=$([ "$(id -u)" = 0 ] || echo sudo)
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends chromium >/dev/null
  browser=$(command -v chromium)
fi
# playwright-core: npm ci from the committed lock (exact version, sha512 integrity); it downloads no browser.
locked=$(cd "$here" && node -p "require('./package-lock.json').packages['node_modules/playwright-core'].version")
installed=$(cd "$here" && node -p "try { require('./node_modules/playwright-core/package.json').version } catch { '' }")
if [ "$locked" != "$installed" ]; then
  (cd "$here" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
fi
echo "browser test: $("$browser" --version 2>/dev/null | head -1), playwright-core $(node -p "require('$here/node_modules/playwright-core/package.json').version")"

read -r api_port page_port foreign_port < <(python3 -c '
import socket
socks = [socket.socket() for _ in range(3)]
for s in socks: s.bind(("127.0.0.1", 0))
print(*(s.getsockname()[1] for s in socks))')

jdk=$(.mvn/find-jdk.sh 21)
work=$(mktemp -d)
APP_ENV=test ENV_DIR="$root/env" PORT="$api_port" HOST=127.0.0.1 LOG_DIR="$work/logs" DATA_DIR="$work/data" \
  CLIENT_URL="http://127.0.0.1:$page_port" LOG_CONSOLE=false \
  "$jdk/bin/java" -jar "$jar" >"$work/service.log" 2>&1 &
pid=$!
trap 'kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 1 150); do
  curl -fs "http://127.0.0.1:$api_port/api/v1/health/ready" >/dev/null 2>&1 && break
  kill -0 "$pid" 2>/dev/null || { cat "$work/service.log" >&2; exit 1; }
  sleep 0.2
done
echo "service on :$api_port, dashboard page on :$page_port, foreign page on :$foreign_port," \
  "CORS_ALLOWED_HEADERS=${CORS_ALLOWED_HEADERS:-(default)}"

API_BASE="http://127.0.0.1:$api_port/api/v1" API_PORT="$api_port" PAGE_PORT="$page_port" FOREIGN_PORT="$foreign_port" \
  ADMIN_EMAIL="$(sed -n 's/^ADMIN_EMAIL=//p' env/test.env)" ADMIN_PASSWORD="$(sed -n 's/^ADMIN_PASSWORD=//p' env/test.env)" \
  SERVICE_JSON_LOG="$work/logs/combined.log" CHROMIUM="$browser" \
  node --test --test-reporter=spec --test-reporter-destination=stdout \
  --test-reporter=tap --test-reporter-destination="$work/results.tap" \
  "$here/dashboard-cors.test.mjs" "$here/api-docs-try-it-out.test.mjs" || status=$?
passed=$(sed -n 's/^# pass //p' "$work/results.tap")
failed=$(sed -n 's/^# fail //p' "$work/results.tap")
echo "browser test: ${passed:-0} passed, ${failed:-0} failed"
exit "${status:-0}"
