#!/usr/bin/env bash
# Restores an archive written by docker/backup.sh (mongodump --gzip --archive) with mongorestore.
#
# usage: docker/restore.sh --uri URI --from ARCHIVE [--drop [--yes]] [--oplog-replay] [--container NAME]
#
#   --uri URI          target MongoDB (default: $MONGODB_URI)
#   --from ARCHIVE     the .archive.gz file
#   --drop             drop each collection before restoring it (replaces the data). Asks to type
#                      "drop" on a terminal; without a terminal it also needs --yes.
#   --yes              confirms --drop without asking (for scripts)
#   --oplog-replay     replay the oplog captured by backup.sh --oplog (point in time)
#   --container NAME   run mongorestore inside this Docker container; the archive is streamed from here
#   -h, --help         show this text
#
# Without --drop, documents whose _id already exists are kept and reported as errors by mongorestore,
# so restore into an empty database or use --drop. Stop the API first (or accept that writes made
# during the restore may be overwritten). The service jar has its own format: `restore --from DIR`.
# Exit status: 0 done, 1 failed or not confirmed, 64 bad usage.
set -euo pipefail

usage() { sed -n '/^# usage:/,/^set -euo/p' "$0" | sed '$d' | sed 's/^# \{0,1\}//'; }
die_usage() { echo "restore.sh: $1" >&2; usage >&2; exit 64; }

uri=${MONGODB_URI:-}
from=""
drop=false
yes=false
oplog_replay=false
container=""

while [[ $# -gt 0 ]]; do
  case $1 in
    --uri) [[ $# -ge 2 ]] || die_usage "--uri needs a value"; uri=$2; shift 2 ;;
    --uri=*) uri=${1#*=}; shift ;;
    --from) [[ $# -ge 2 ]] || die_usage "--from needs a value"; from=$2; shift 2 ;;
    --from=*) from=${1#*=}; shift ;;
    --drop) drop=true; shift ;;
    --yes) yes=true; shift ;;
    --oplog-replay) oplog_replay=true; shift ;;
    --container) [[ $# -ge 2 ]] || die_usage "--container needs a value"; container=$2; shift 2 ;;
    --container=*) container=${1#*=}; shift ;;
    -h|--help) usage; exit 0 ;;
    *) die_usage "unknown argument: $1" ;;
  esac
done

[[ -n $uri ]] || die_usage "--uri (or MONGODB_URI) is required"
[[ $uri == mongodb://* || $uri == mongodb+srv://* ]] || die_usage "--uri must start with mongodb:// or mongodb+srv://"
[[ -n $from ]] || die_usage "--from is required"
[[ -f $from && -r $from ]] || { echo "restore.sh: no readable archive at $from" >&2; exit 1; }
gzip -t "$from" 2>/dev/null || { echo "restore.sh: $from is not a gzip archive" >&2; exit 1; }
$yes && ! $drop && die_usage "--yes only confirms --drop"

if $drop && ! $yes; then
  if [[ -t 0 ]]; then
    echo "restore.sh: --drop replaces every collection in the archive at the target database." >&2
    read -r -p 'Type "drop" to continue: ' answer
    [[ $answer == drop ]] || { echo "restore.sh: not confirmed; nothing was changed" >&2; exit 1; }
  else
    echo "restore.sh: --drop needs --yes when not run on a terminal; nothing was changed" >&2
    exit 1
  fi
fi

if [[ -n $container ]]; then
  command -v docker >/dev/null || { echo "restore.sh: docker not found (needed for --container)" >&2; exit 1; }
  restore=(docker exec -i "$container" mongorestore)
else
  command -v mongorestore >/dev/null || {
    echo "restore.sh: mongorestore not found; install MongoDB Database Tools or use --container" >&2; exit 1; }
  restore=(mongorestore)
fi

args=(--uri="$uri" --gzip --archive)
$drop && args+=(--drop)
$oplog_replay && args+=(--oplogReplay)
"${restore[@]}" "${args[@]}" <"$from"
echo "restored $from"
