#!/usr/bin/env bash
# Builds the generated TypeScript SDK (tsc) and runs smoke.mjs with it against the service jar the
# build produced, started here with env/test.env on a free port. Needs node/npm and `./mvnw package`.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)
sdk="$root/generated-client/target/typescript"
jar="$root/service-impl/target/abc-dashboard-service.jar"
[ -f "$sdk/package.json" ] || { echo "no generated TypeScript SDK; run ./mvnw package first" >&2; exit 1; }
[ -f "$jar" ] || { echo "no service jar; run ./mvnw package first" >&2; exit 1; }

(cd "$sdk" && npm install --no-audit --no-fund --loglevel=error typescript@5.6.3 >/dev/null && npx tsc -p tsconfig.json)

# The package as `npm publish` (release workflow) would upload it: compiled code and types, GitHub's registry.
packed=$(cd "$sdk" && npm pack --dry-run --json --ignore-scripts 2>/dev/null)
for file in dist/index.js dist/index.d.ts package.json; do
  grep -q "\"path\": \"$file\"" <<<"$packed" || { echo "npm package lacks $file" >&2; exit 1; }
done
grep -q '"registry": "https://npm.pkg.github.com"' "$sdk/package.json" || { echo "package.json: no publishConfig for GitHub's registry" >&2; exit 1; }
echo "npm package @abc-dashboard/api-client: $(grep -c '"path"' <<<"$packed") files"

jdk=$(.mvn/find-jdk.sh 21)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
work=$(mktemp -d)
APP_ENV=test ENV_DIR="$root/env" PORT="$port" HOST=127.0.0.1 LOG_DIR="$work/logs" DATA_DIR="$work/data" \
  "$jdk/bin/java" -jar "$jar" >"$work/service.log" 2>&1 &
pid=$!
trap 'kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 1 100); do
  curl -fs "http://127.0.0.1:$port/api/v1/health/ready" >/dev/null 2>&1 && break
  kill -0 "$pid" 2>/dev/null || { cat "$work/service.log" >&2; exit 1; }
  sleep 0.2
done

admin_email=$(sed -n 's/^ADMIN_EMAIL=//p' env/test.env)
admin_password=$(sed -n 's/^ADMIN_PASSWORD=//p' env/test.env)
BASE_URL="http://127.0.0.1:$port" ADMIN_EMAIL="$admin_email" ADMIN_PASSWORD="$admin_password" \
  node generated-client/typescript-test/smoke.mjs
