#!/usr/bin/env bash
# Other languages keep working: generates the Python and Go clients from the spec the running service
# serves (/api-docs/openapi.yaml) with openapi-generator-cli of the version the Maven build uses, fails on
# any generator warning (except the allowed ones below, each with its reason), runs the Python client
# through register → verification mail → verify → sign-in → profile (flow.py), and compiles the Go client.
#
# The service must answer at SERVICE_URL with the in-process mail capture's IMAP port in
# SERVICE_IMAP_PORT (.ci/run starts it with .ci/service.sh); without SERVICE_URL this script starts the
# built jar itself. Python dependencies come from the registries pip is configured with; Debian's
# golang-go is installed with apt-get when no Go toolchain is found. usage: generated-client/other-languages/run.sh
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
cd "$repo"
work=$(mktemp -d)
trap '[ -n "${own_service:-}" ] && stop_service; rm -rf "$work"' EXIT
if [ -z "${SERVICE_URL:-}" ]; then
  # shellcheck source=.ci/service.sh
  . "$repo/.ci/service.sh"
  start_service test
  own_service=1
fi

# Generator warnings that are not about the spec (any other WARN line fails):
# - python: "Failed to get the schema name: null" — the Python generator looks up a schema name for
#   schemas that have no $ref (it says so for any spec with a referenced header or parameter; the Java,
#   TypeScript and Go generators and the strict validation of api-spec/ find nothing);
# - python: "From (reserved word) cannot be used as model name" — the audit log's `from` query parameter
#   is a Python keyword; the client names it `var_from`. Renaming a released parameter would break clients.
allowed='Failed to get the schema name: null$|From \(reserved word\) cannot be used as model name'

version=$(sed -n 's:.*<version.openapi-generator>\(.*\)</version.openapi-generator>.*:\1:p' pom.xml)
cli="target/tools/openapi-generator-cli-$version.jar"
if [ ! -f "$cli" ]; then
  ./mvnw -q -B -ntp dependency:copy -Dartifact="org.openapitools:openapi-generator-cli:$version" \
    -DoutputDirectory=target/tools
fi
jdk=$(.mvn/find-jdk.sh 21)

spec="$work/openapi.yaml"
curl -fsS "$SERVICE_URL/api-docs/openapi.yaml" -o "$spec"
if cmp -s "$spec" api-spec/src/main/openapi/abc-dashboard-api.yaml; then
  echo "served spec: byte-identical to api-spec/src/main/openapi/abc-dashboard-api.yaml"
else
  echo "served spec: differs from the packaged file (the service rewrites it); generating from the served one"
fi

status=0
generate() {
  local generator=$1; shift
  "$jdk/bin/java" -jar "$cli" generate -g "$generator" -i "$spec" -o "$work/$generator" "$@" >"$work/$generator.log" 2>&1 \
    || { echo "openapi-generator $generator failed:"; tail -n 20 "$work/$generator.log"; return 1; }
  local warnings
  warnings=$(grep -E '\b(WARN|ERROR)\b' "$work/$generator.log" | grep -Ev "$allowed" || true)
  if [ -n "$warnings" ]; then
    echo "openapi-generator $version, $generator: warnings about the spec:"; echo "$warnings"; return 1
  fi
  echo "openapi-generator $version, $generator: generated $(find "$work/$generator" -type f | wc -l) files," \
    "$(grep -cE '\bWARN\b' "$work/$generator.log" || true) allowed warnings, no other"
}
# Both generators at once (one JVM each): half the wall time on two cores.
generate python --package-name abc_dashboard_client --additional-properties=packageVersion=1.0.0 >"$work/python.out" &
python_generator=$!
generate go --git-user-id acme --git-repo-id abc-dashboard-go --additional-properties=packageName=abcdashboard \
  --additional-properties=isGoSubmodule=false --additional-properties=enumClassPrefix=true >"$work/go.out" &
go_generator=$!
wait "$python_generator" || status=1
wait "$go_generator" || status=1
cat "$work/python.out" "$work/go.out"
[ "$status" -eq 0 ] || exit 1

# Python: the client's requirements.txt (urllib3, python-dateutil, pydantic, typing-extensions) into a
# venv, the generated package on PYTHONPATH; --retries 0: an index that is unreachable here is skipped at
# once, not retried for a minute.
python3 -m venv --without-pip "$work/venv"
python3 -m pip --python "$work/venv/bin/python" install -q --retries 0 --timeout 10 \
  -r "$work/python/requirements.txt" 2>"$work/pip.log" \
  || { echo "pip install of the Python client's requirements failed:"; tail -n 20 "$work/pip.log"; exit 1; }
echo "python client's requirements installed: $("$work/venv/bin/python" -c 'from importlib.metadata import version as v
print(", ".join(f"{p} {v(p)}" for p in ("urllib3", "python-dateutil", "pydantic", "typing-extensions")))')"
(cd "$work" && PYTHONPATH="$work/python" BASE_URL="$SERVICE_URL" IMAP_PORT="$SERVICE_IMAP_PORT" \
  "$work/venv/bin/python" "$here/flow.py")

# Go: compiled (and vetted) with the toolchain found, else Debian's golang-go. enumClassPrefix: Go puts enum
# constants in the package scope, and AuditAction's user_created and WebhookEventType's user.created would
# both be USER_CREATED (docs/integrations.md tells Go integrators the same).
if ! command -v go >/dev/null; then
  sudo=$([ "$(id -u)" = 0 ] || echo sudo)
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends golang-go >/dev/null
fi
(cd "$work/go" && GOFLAGS=-mod=mod GOTOOLCHAIN=local go build ./... && GOFLAGS=-mod=mod GOTOOLCHAIN=local go vet .)
echo "go client: built and vetted with $(go version | awk '{print $3}')"
