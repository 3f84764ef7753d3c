#!/bin/sh
# Container entry point of the ABC Dashboard API image (docker/Dockerfile).
#   - starts the service jar with the container JVM flags ($JAVA_CONTAINER_OPTS) and any extra
#     $JAVA_OPTS, as PID 1's direct replacement (exec), so SIGTERM from `docker stop` reaches the JVM
#     and its graceful shutdown (docs/operations.md#shutdown);
#   - gives every replica its own log directory when LOG_DIR is not set in the real environment:
#     replicas of `docker compose up --scale api=N` share the logs volume, and two JVMs must never roll
#     the same file. The directory is $LOG_ROOT/<container hostname>.
# Arguments are the service's: none = serve, or `migrate [--status]`, `backup --out DIR`,
# `restore --from DIR [--drop]`, `--help`.
set -eu

APP_HOME=${APP_HOME:-/app}
if [ -z "${LOG_DIR:-}" ]; then
  # The container's host name (its short id under compose), read from /proc: no `hostname` binary needed.
  LOG_DIR="${LOG_ROOT:-$APP_HOME/logs}/$(cat /proc/sys/kernel/hostname)"
  export LOG_DIR
fi

# shellcheck disable=SC2086 # both variables are lists of JVM options on purpose
exec java ${JAVA_CONTAINER_OPTS:-} ${JAVA_OPTS:-} -jar "$APP_HOME/abc-dashboard-service.jar" "$@"
