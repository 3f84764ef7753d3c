#!/usr/bin/env bash
# Deploys the ABC Dashboard API image to a Docker host over SSH with Docker Compose:
# copies the compose files, the nginx configuration and env/<APP_ENV>.env to the host, pulls the
# image, runs the database migrations once, (re)starts the stack with N API replicas and waits until
# every container is healthy; optionally checks a public health URL afterwards.
#
# usage: docker/deploy.sh --host USER@HOST --image IMAGE [options]
#
#   --host USER@HOST     SSH target (default: $DEPLOY_HOST)
#   --image IMAGE        image with tag or digest, e.g. ghcr.io/acme/abc-dashboard-api:sha-1a2b3c4
#                        (default: $API_IMAGE)
#   --env NAME           staging | production (default: $APP_ENV, else production)
#   --dir DIR            directory on the host (default: $DEPLOY_DIR, else /opt/abc-dashboard)
#   --replicas N         API replicas behind nginx (default: $API_REPLICAS, else 3)
#   --replica-set        also use docker-compose.replica.yml (MongoDB 3-member replica set)
#   --ssh-port PORT      SSH port (default: $DEPLOY_SSH_PORT, else 22)
#   --identity FILE      SSH private key (default: $DEPLOY_SSH_KEY; else ssh's own defaults)
#   --health-url URL     after the deploy, GET this URL until it answers 200 (at most 2 minutes),
#                        e.g. https://api.abc-dashboard.example.com/api/v1/health/ready
#   --skip-migrate       do not run `migrate` before starting the new replicas
#   -h, --help           show this text
#
# Registry login on the host (private images): REGISTRY_USER and REGISTRY_TOKEN in the environment;
# the token is sent over SSH's stdin, never on a command line. REGISTRY (default: the image's host).
#
# Prepared once on the host (docs/deployment.md): Docker Engine with the compose plugin,
# DIR/docker/api.env (secrets: JWT_SECRET, EMAIL_PASS, ...), DIR/docker/nginx/certs/{fullchain,privkey}.pem.
# Exit status: 0 deployed, 1 a step failed, 64 bad usage.
set -euo pipefail

usage() { sed -n '/^# usage:/,/^set -euo/p' "$0" | sed '$d' | sed 's/^# \{0,1\}//'; }
die_usage() { echo "deploy.sh: $1" >&2; usage >&2; exit 64; }
log() { printf '[deploy %s] %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }

host=${DEPLOY_HOST:-}
image=${API_IMAGE:-}
app_env=${APP_ENV:-production}
dir=${DEPLOY_DIR:-/opt/abc-dashboard}
replicas=${API_REPLICAS:-3}
replica_set=false
ssh_port=${DEPLOY_SSH_PORT:-22}
identity=${DEPLOY_SSH_KEY:-}
health_url=""
migrate=true

need() { [[ $2 -ge 2 ]] || die_usage "$1 needs a value"; }
while [[ $# -gt 0 ]]; do
  case $1 in
    --host) need "$1" $#; host=$2; shift 2 ;;
    --image) need "$1" $#; image=$2; shift 2 ;;
    --env) need "$1" $#; app_env=$2; shift 2 ;;
    --dir) need "$1" $#; dir=$2; shift 2 ;;
    --replicas) need "$1" $#; replicas=$2; shift 2 ;;
    --replica-set) replica_set=true; shift ;;
    --ssh-port) need "$1" $#; ssh_port=$2; shift 2 ;;
    --identity) need "$1" $#; identity=$2; shift 2 ;;
    --health-url) need "$1" $#; health_url=$2; shift 2 ;;
    --skip-migrate) migrate=false; shift ;;
    -h|--help) usage; exit 0 ;;
    *) die_usage "unknown argument: $1" ;;
  esac
done

[[ -n $host ]] || die_usage "--host (or DEPLOY_HOST) is required"
[[ -n $image ]] || die_usage "--image (or API_IMAGE) is required"
[[ $image =~ ^[a-z0-9./_:@-]+$ ]] || die_usage "--image has characters an image reference cannot have"
[[ $app_env == staging || $app_env == production ]] || die_usage "--env must be staging or production"
[[ $replicas =~ ^[1-9][0-9]?$ ]] || die_usage "--replicas must be a number from 1 to 99"
[[ $ssh_port =~ ^[0-9]+$ ]] || die_usage "--ssh-port must be a number"
[[ $dir == /* && $dir != *[[:space:]\'\"\$\`]* ]] || die_usage "--dir must be an absolute path without spaces or quotes"
[[ -z $identity || -r $identity ]] || die_usage "--identity file $identity is not readable"
[[ ${REGISTRY_USER:-} =~ ^[A-Za-z0-9._@-]*$ ]] || die_usage "REGISTRY_USER has unexpected characters"

repo=$(cd "$(dirname "$0")/.." && pwd)
[[ -f $repo/env/$app_env.env ]] || { echo "deploy.sh: $repo/env/$app_env.env is missing" >&2; exit 1; }

ssh_opts=(-p "$ssh_port" -o BatchMode=yes -o ConnectTimeout=15 -o ServerAliveInterval=30)
[[ -n $identity ]] && ssh_opts+=(-i "$identity" -o IdentitiesOnly=yes)
# The remote command line is built here on purpose (values validated above).
# shellcheck disable=SC2029
remote() { ssh "${ssh_opts[@]}" "$host" "$@"; }

compose_files="-f docker-compose.yml"
$replica_set && compose_files+=" -f docker-compose.replica.yml"
# Every remote compose call: fixed project name, the chosen image and environment.
compose="cd '$dir/docker' && API_IMAGE='$image' APP_ENV='$app_env' docker compose -p abc-dashboard $compose_files"

log "checking $host: docker compose, $dir/docker/api.env, certificates"
remote "docker compose version >/dev/null && mkdir -p '$dir/docker' '$dir/env' \
  && test -f '$dir/docker/api.env' \
  && test -f '$dir/docker/nginx/certs/fullchain.pem' && test -f '$dir/docker/nginx/certs/privkey.pem'" || {
  echo "deploy.sh: $host is not prepared: it needs Docker with the compose plugin, $dir/docker/api.env" \
    "and $dir/docker/nginx/certs/{fullchain,privkey}.pem (docs/deployment.md)" >&2
  exit 1
}

log "copying compose files, nginx configuration and env/$app_env.env to $host:$dir"
tar -C "$repo" -cf - \
  docker/docker-compose.yml docker/docker-compose.replica.yml docker/api.env.example \
  docker/nginx/nginx.conf docker/nginx/conf.d docker/nginx/snippets \
  docker/backup.sh docker/restore.sh "env/$app_env.env" \
  | remote "tar -C '$dir' -xf -"

if [[ -n ${REGISTRY_USER:-} && -n ${REGISTRY_TOKEN:-} ]]; then
  registry=${REGISTRY:-${image%%/*}}
  log "logging in to $registry on $host as $REGISTRY_USER"
  printf '%s' "$REGISTRY_TOKEN" | remote "docker login '$registry' -u '$REGISTRY_USER' --password-stdin" >/dev/null
fi

log "pulling $image and the service images"
remote "$compose pull --quiet"

if $migrate; then
  log "starting the databases and running migrations once (java -jar abc-dashboard-service.jar migrate)"
  remote "$compose up -d --wait mongo redis"
  $replica_set && remote "$compose run --rm mongo-rs-init"
  remote "$compose run --rm --no-deps api migrate"
fi

log "starting $replicas API replicas and nginx; waiting for every health check"
remote "$compose up -d --wait --wait-timeout 300 --remove-orphans --scale api=$replicas"
remote "$compose ps"

if [[ -n $health_url ]]; then
  log "checking $health_url"
  ok=false
  for _ in $(seq 1 24); do
    if curl -fsS --max-time 5 -o /dev/null "$health_url"; then ok=true; break; fi
    sleep 5
  done
  $ok || { echo "deploy.sh: $health_url did not answer 200 within 2 minutes" >&2; exit 1; }
fi

log "removing dangling images on $host"
remote "docker image prune -f" >/dev/null
log "deployed $image to $host ($app_env, $replicas replicas)"
