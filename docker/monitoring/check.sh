#!/usr/bin/env bash
# Checks the monitoring stack of docker/docker-compose.monitoring.yml against the running service:
#
#   config     promtool check config (the compose Prometheus config, rules path pointed at the repo)
#   rules      promtool check rules, then promtool test rules (abc-dashboard.rules.test.yml)
#   routing    amtool check-config on the Alertmanager config
#   names      every metric of the Grafana dashboard and the rules is exported by the service or node
#              exporter: both scraped (metric_names.py), after a wrong password and a refused
#              password-reset request made the lazily created counters appear
#   live       a real Prometheus (Debian's binary) scrapes the service and node exporter with the rules
#              loaded: up{job="abc-dashboard-api"} == 1, the recording rule job:health_ready:sum == 1,
#              every rule group evaluated without error, every dashboard query accepted by the query API
#
# The service must answer at SERVICE_URL and have been started with PASSWORD_RESET_RATE_LIMIT_MAX=1
# (.ci/run does); without SERVICE_URL this script starts the built jar itself (.ci/service.sh).
# Installs prometheus, prometheus-alertmanager and prometheus-node-exporter with apt-get when missing
# (their services are not started). usage: docker/monitoring/check.sh
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
cd "$repo"
tmp=$(mktemp -d)
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true; done
  [ -n "${own_service:-}" ] && stop_service
  rm -rf "$tmp"
}
trap cleanup EXIT
passed=0
failed=0
ok() { passed=$((passed + 1)); printf '  ok    %s\n' "$1"; }
bad() { failed=$((failed + 1)); printf '  FAIL  %s\n' "$1"; }
check() {
  local name=$1; shift
  if "$@" >"$tmp/log" 2>&1; then ok "$name"; else bad "$name"; sed 's/^/        /' "$tmp/log" | tail -n 30; fi
}
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

missing=()
command -v promtool >/dev/null || missing+=(prometheus)
command -v amtool >/dev/null || missing+=(prometheus-alertmanager)
command -v prometheus-node-exporter >/dev/null || missing+=(prometheus-node-exporter)
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing ${missing[*]} (apt-get)"
  sudo=$([ "$(id -u)" = 0 ] || echo sudo)
  # Packages must not start their services here (Prometheus would take port 9090): a policy-rc.d that says no.
  own_policy=false
  if [ ! -e /usr/sbin/policy-rc.d ]; then
    printf '#!/bin/sh\nexit 101\n' | $sudo tee /usr/sbin/policy-rc.d >/dev/null && $sudo chmod +x /usr/sbin/policy-rc.d
    own_policy=true
  fi
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  if $own_policy; then $sudo rm -f /usr/sbin/policy-rc.d; fi
fi
echo "$(promtool --version 2>&1 | head -1); $(amtool --version 2>&1 | head -1); node exporter $(prometheus-node-exporter --version 2>&1 | head -1 | awk '{print $3}')"

rules="$here/prometheus/rules"
sed "s#/etc/prometheus/rules/#$rules/#" "$here/prometheus/prometheus.yml" >"$tmp/prometheus.yml"
check "promtool check config (compose prometheus.yml)" promtool check config "$tmp/prometheus.yml"
check "promtool check rules" promtool check rules "$rules"/*.rules.yml
check "promtool test rules" bash -c "cd '$rules' && promtool test rules abc-dashboard.rules.test.yml"
check "amtool check-config (alertmanager.yml)" amtool check-config "$here/alertmanager/alertmanager.yml"

if [ -z "${SERVICE_URL:-}" ]; then
  # shellcheck source=.ci/service.sh
  . "$repo/.ci/service.sh"
  PASSWORD_RESET_RATE_LIMIT_MAX=1 start_service test
  own_service=1
fi
node_port=$(free_port)
prometheus-node-exporter --web.listen-address="127.0.0.1:$node_port" >"$tmp/node-exporter.log" 2>&1 &
pids+=($!)
# The counters appear at their first increment: a wrong password (audit, password checks) and two
# reset requests for one address (the second refused by the per-address limit).
admin=$(sed -n 's/^ADMIN_EMAIL=//p' env/test.env)
curl -s -o /dev/null -H 'Content-Type: application/json' -d "{\"email\":\"$admin\",\"password\":\"Wr0ngPassword\"}" "$SERVICE_URL/api/v1/auth/login"
for _ in 1 2; do
  curl -s -o /dev/null -H 'Content-Type: application/json' -d "{\"email\":\"$admin\"}" "$SERVICE_URL/api/v1/auth/forgot-password"
done
for _ in $(seq 1 50); do curl -fs "http://127.0.0.1:$node_port/metrics" >/dev/null 2>&1 && break; sleep 0.1; done
check "metric names of the dashboard and the rules are exported (service + node exporter)" \
  python3 "$here/metric_names.py" "$SERVICE_URL/metrics" "http://127.0.0.1:$node_port/metrics"
sed -n '/queries/,$p' "$tmp/log" | sed 's/^/        /'

prom_port=$(free_port)
cat >"$tmp/live.yml" <<YAML
global:
  scrape_interval: 1s
  evaluation_interval: 1s
rule_files: ["$rules/*.rules.yml"]
scrape_configs:
  - job_name: abc-dashboard-api
    static_configs: [{targets: ["${SERVICE_URL#http://}"]}]
  - job_name: node
    static_configs: [{targets: ["127.0.0.1:$node_port"]}]
YAML
prometheus --config.file="$tmp/live.yml" --storage.tsdb.path="$tmp/tsdb" \
  --web.listen-address="127.0.0.1:$prom_port" >"$tmp/prometheus.log" 2>&1 &
pids+=($!)
live() {
  python3 - "http://127.0.0.1:$prom_port" "$here/grafana/dashboards" <<'PY'
import json, sys, time, urllib.parse, urllib.request, pathlib
base, dashboards = sys.argv[1], pathlib.Path(sys.argv[2])
def api(path, **params):
    url = f"{base}/api/v1/{path}?{urllib.parse.urlencode(params)}"
    with urllib.request.urlopen(url, timeout=5) as r:
        return json.load(r)
def value(query):
    try:
        result = api("query", query=query)["data"]["result"]
    except OSError:
        return None
    return float(result[0]["value"][1]) if result else None
deadline = time.time() + 30
while time.time() < deadline and not (value('up{job="abc-dashboard-api"}') == 1 and value("job:health_ready:sum") == 1):
    time.sleep(0.5)
seen = {q: value(q) for q in ('up{job="abc-dashboard-api"}', "job:health_ready:sum", 'up{job="node"}')}
print(", ".join(f"{q} = {v}" for q, v in seen.items()))
if any(v != 1 for v in seen.values()):
    sys.exit("Prometheus did not scrape the service and node exporter, or the recording rule has no value")
groups = api("rules")["data"]["groups"]
rules = [r for g in groups for r in g["rules"]]
unhealthy = [r["name"] for r in rules if r["health"] != "ok"]
print(f"{len(groups)} rule groups, {len(rules)} rules evaluated; unhealthy: {unhealthy}")
firing = [a["labels"]["alertname"] for a in api("alerts")["data"]["alerts"] if a["state"] == "firing"]
print(f"alerts firing on the healthy service: {firing}")
if unhealthy or len(rules) < 10:
    sys.exit("a rule failed to evaluate")
errors = []
count = 0
for path in sorted(dashboards.glob("*.json")):
    for panel in json.loads(path.read_text())["panels"]:
        for target in panel.get("targets", []):
            expr = (target["expr"].replace("$__rate_interval", "1m").replace('"$job"', '"abc-dashboard-api"')
                    .replace('"$instance"', '".*"'))
            count += 1
            try:
                api("query", query=expr)
            except urllib.error.HTTPError as e:
                errors.append(f"{panel['title']}: {json.load(e).get('error')}")
print(f"{count} dashboard queries accepted by Prometheus; errors: {errors}")
sys.exit(1 if errors else 0)
PY
}
check "live: Prometheus scrapes the service, the rules evaluate, the dashboard queries run" live
sed 's/^/        /' "$tmp/log"

echo "monitoring checks: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
