# shellcheck shell=bash
# Sourced by .ci/run and the platform checks: starts the service jar the build produced on a free port
# and waits until it is ready.
#
#   . .ci/service.sh
#   start_service test          # env/test.env (development: env/development.env), logs under $SERVICE_WORK
#   curl "$SERVICE_URL/metrics"
#   stop_service
#
# Sets SERVICE_PORT, SERVICE_URL, SERVICE_PID, SERVICE_WORK (logs/, data/, service.log) and
# SERVICE_IMAP_PORT (the in-process mail capture's IMAP port, read from the start-up log). Extra
# variables for the service can be passed in the environment of start_service as usual.
start_service() {
  local env=${1:-test} root jar jdk
  root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
  jar="$root/service-impl/target/abc-dashboard-service.jar"
  [ -f "$jar" ] || { echo "no service jar; run ./mvnw package first" >&2; return 1; }
  jdk=$("$root/.mvn/find-jdk.sh" 21)
  SERVICE_PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  SERVICE_URL="http://127.0.0.1:$SERVICE_PORT"
  SERVICE_WORK=$(mktemp -d)
  APP_ENV="$env" ENV_DIR="$root/env" PORT="$SERVICE_PORT" HOST=127.0.0.1 LOG_DIR="$SERVICE_WORK/logs" \
    DATA_DIR="$SERVICE_WORK/data" LOG_CONSOLE=true \
    "$jdk/bin/java" -jar "$jar" >"$SERVICE_WORK/service.log" 2>&1 &
  SERVICE_PID=$!
  local _
  for _ in $(seq 1 300); do
    curl -fs "$SERVICE_URL/api/v1/health/ready" >/dev/null 2>&1 && break
    kill -0 "$SERVICE_PID" 2>/dev/null || { cat "$SERVICE_WORK/service.log" >&2; return 1; }
    sleep 0.2
  done
  curl -fs "$SERVICE_URL/api/v1/health/ready" >/dev/null || { echo "service not ready after 60 s" >&2; return 1; }
  SERVICE_IMAP_PORT=$(grep -o 'IMAP at 127.0.0.1:[0-9]*' "$SERVICE_WORK/service.log" | head -1 | sed 's/.*://')
  export SERVICE_PORT SERVICE_URL SERVICE_PID SERVICE_WORK SERVICE_IMAP_PORT
  echo "service ($env) on $SERVICE_URL, pid $SERVICE_PID${SERVICE_IMAP_PORT:+, mail over IMAP on :$SERVICE_IMAP_PORT}"
}

stop_service() {
  [ -n "${SERVICE_PID:-}" ] || return 0
  kill "$SERVICE_PID" 2>/dev/null || true
  wait "$SERVICE_PID" 2>/dev/null || true
  rm -rf "$SERVICE_WORK"
  SERVICE_PID=""
}
