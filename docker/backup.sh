#!/usr/bin/env bash
# Backs up the ABC Dashboard MongoDB database with mongodump into one gzip archive per run and deletes
# this script's archives older than --keep-days from the same directory.
#
# usage: docker/backup.sh --uri URI --out DIR [--keep-days N] [--oplog] [--container NAME]
#
#   --uri URI          MongoDB connection string (default: $MONGODB_URI). With a database in its path
#                      (mongodb://host/abc_dashboard) only that database is dumped.
#   --out DIR          directory for the archives (default: $BACKUP_DIR); created when missing
#   --keep-days N      delete abc-dashboard-*.archive.gz in DIR older than N days after a successful
#                      dump (default: 7; 0 keeps everything)
#   --oplog            point-in-time snapshot (replica sets only; the URI must not name a database)
#   --container NAME   run mongodump inside this Docker container (e.g. abc-dashboard-mongo-1) instead
#                      of a local mongodump; the archive still lands in DIR on this host
#   -h, --help         show this text
#
# Writes DIR/abc-dashboard-<UTC timestamp>.archive.gz (mode 0600) and prints its path. Exit status:
# 0 done, 1 the dump failed, 64 bad usage. Restore with docker/restore.sh. Example (cron, daily 02:30):
#   30 2 * * * /opt/abc-dashboard/docker/backup.sh --container abc-dashboard-mongo-1 --uri mongodb://localhost/abc_dashboard --out /var/backups/abc-dashboard
set -euo pipefail

usage() { sed -n '/^# usage:/,/^set -euo/p' "$0" | sed '$d' | sed 's/^# \{0,1\}//'; }
die_usage() { echo "backup.sh: $1" >&2; usage >&2; exit 64; }

uri=${MONGODB_URI:-}
out=${BACKUP_DIR:-}
keep_days=7
oplog=false
container=""

while [[ $# -gt 0 ]]; do
  case $1 in
    --uri) [[ $# -ge 2 ]] || die_usage "--uri needs a value"; uri=$2; shift 2 ;;
    --uri=*) uri=${1#*=}; shift ;;
    --out) [[ $# -ge 2 ]] || die_usage "--out needs a value"; out=$2; shift 2 ;;
    --out=*) out=${1#*=}; shift ;;
    --keep-days) [[ $# -ge 2 ]] || die_usage "--keep-days needs a value"; keep_days=$2; shift 2 ;;
    --keep-days=*) keep_days=${1#*=}; shift ;;
    --oplog) oplog=true; shift ;;
    --container) [[ $# -ge 2 ]] || die_usage "--container needs a value"; container=$2; shift 2 ;;
    --container=*) container=${1#*=}; shift ;;
    -h|--help) usage; exit 0 ;;
    *) die_usage "unknown argument: $1" ;;
  esac
done

[[ -n $uri ]] || die_usage "--uri (or MONGODB_URI) is required"
[[ $uri == mongodb://* || $uri == mongodb+srv://* ]] || die_usage "--uri must start with mongodb:// or mongodb+srv://"
[[ -n $out ]] || die_usage "--out (or BACKUP_DIR) is required"
[[ $keep_days =~ ^[0-9]+$ ]] || die_usage "--keep-days must be a whole number of days"

if [[ -n $container ]]; then
  command -v docker >/dev/null || { echo "backup.sh: docker not found (needed for --container)" >&2; exit 1; }
  dump=(docker exec -i "$container" mongodump)
else
  command -v mongodump >/dev/null || {
    echo "backup.sh: mongodump not found; install MongoDB Database Tools or use --container" >&2; exit 1; }
  dump=(mongodump)
fi

mkdir -p "$out"
umask 077
stamp=$(date -u +%Y%m%dT%H%M%SZ)
archive="$out/abc-dashboard-$stamp.archive.gz"
partial="$archive.partial"
trap 'rm -f "$partial"' EXIT

args=(--uri="$uri" --gzip --archive)
$oplog && args+=(--oplog)
# The archive goes to stdout, so it is written on this host also when mongodump runs in a container.
"${dump[@]}" "${args[@]}" >"$partial"
[[ -s $partial ]] || { echo "backup.sh: mongodump wrote nothing" >&2; exit 1; }
mv "$partial" "$archive"
trap - EXIT
echo "$archive"

if [[ $keep_days -gt 0 ]]; then
  find "$out" -maxdepth 1 -type f -name 'abc-dashboard-*.archive.gz' -mmin +$((keep_days * 1440)) \
    -print -delete | sed 's/^/deleted (older than '"$keep_days"' days): /'
fi
