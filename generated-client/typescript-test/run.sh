#!/usr/bin/env bash
# Builds the generated TypeScript SDK (tsc: CommonJS and ES module builds), checks the npm package's
# metadata and contents (what `npm publish` would upload), and runs smoke.mjs with it against the service jar the
# build produced, started here with env/test.env on a free port. Needs node/npm and `./mvnw package`.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)
sdk="$root/generated-client/target/typescript"
jar="$root/service-impl/target/abc-dashboard-service.jar"
[ -f "$sdk/package.json" ] || { echo "no generated TypeScript SDK; run ./mvnw package first" >&2; exit 1; }
[ -f "$jar" ] || { echo "no service jar; run ./mvnw package first" >&2; exit 1; }

(cd "$sdk" && npm install --no-audit --no-fund --loglevel=error --ignore-scripts typescript@5.6.3 >/dev/null \
  && npx tsc -p tsconfig.json && npx tsc -p tsconfig.esm.json)

# The package as `npm publish` (release workflow) would upload it to GitHub's registry: package.json
# declares license, files, exports and types (our template of the generator), and the tarball holds the
# compiled code, its types, README and LICENSE — and nothing else (no sources, tests, docs, configs).
(cd "$sdk" && node -e '
  const p = require("./package.json");
  const missing = ["license", "files", "exports", "types", "main", "module"].filter((k) => !p[k]);
  if (missing.length) { console.error("package.json lacks " + missing.join(", ")); process.exit(1); }
  if (p.publishConfig?.registry !== "https://npm.pkg.github.com") { console.error("package.json: no publishConfig for GitHub'"'"'s registry"); process.exit(1); }
  const fs = require("fs");
  for (const target of [p.main, p.module, p.types, p.exports["."].types, p.exports["."].module, p.exports["."].default])
    if (!fs.existsSync(target)) { console.error("package.json points at a missing " + target); process.exit(1); }')
packed=$(cd "$sdk" && npm pack --dry-run --json --ignore-scripts 2>/dev/null)
paths=$(node -e 'for (const f of JSON.parse(require("fs").readFileSync(0, "utf8"))[0].files) console.log(f.path)' <<<"$packed")
for file in package.json README.md LICENSE dist/index.js dist/index.d.ts dist/esm/index.js dist/esm/index.d.ts \
  dist/apis/AuthApi.js dist/apis/AuthApi.d.ts dist/models/ErrorResponse.d.ts; do
  grep -qx "$file" <<<"$paths" || { echo "npm package lacks $file" >&2; exit 1; }
done
leaked=$(grep -Evx 'package.json|README.md|LICENSE|dist/.+\.(js|d\.ts)' <<<"$paths" || true)
[ -z "$leaked" ] || { echo "npm package holds files it must not ship:" >&2; echo "$leaked" >&2; exit 1; }
grep -q 'credentials: .include.' "$sdk/README.md" || { echo "README.md is not the frontend teams' README" >&2; exit 1; }
echo "npm package @abc-dashboard/api-client: $(wc -l <<<"$paths") files ($(grep -c '^dist/' <<<"$paths") in dist/)," \
  "$(node -p 'JSON.parse(require("fs").readFileSync(0, "utf8"))[0].size' <<<"$packed") bytes packed; no sources or tests"

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
