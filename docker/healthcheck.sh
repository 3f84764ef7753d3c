#!/bin/bash
# Container HEALTHCHECK without curl or wget (the slim JRE image has neither): one HTTP/1.1 GET over
# bash's /dev/tcp to the readiness probe. Exit 0 when it answers 200, 1 otherwise (503 while starting,
# shutting down or without MongoDB; no answer at all). Needs only bash and coreutils.
#   HEALTHCHECK_PORT (default $PORT, else 5000), HEALTHCHECK_PATH (default /api/v1/health/ready)
set -euo pipefail

port=${HEALTHCHECK_PORT:-${PORT:-5000}}
path=${HEALTHCHECK_PATH:-/api/v1/health/ready}

if ! exec 3<>"/dev/tcp/127.0.0.1/$port"; then
  echo "unhealthy: nothing listens on 127.0.0.1:$port" >&2
  exit 1
fi
printf 'GET %s HTTP/1.1\r\nHost: localhost\r\nUser-Agent: container-healthcheck\r\nConnection: close\r\n\r\n' \
  "$path" >&3
status=""
IFS= read -r -t 4 status <&3 || true
exec 3>&- 3<&-
case $status in
  "HTTP/1."?" 200 "*) exit 0 ;;
esac
echo "unhealthy: GET $path answered '${status%$'\r'}'" >&2
exit 1
