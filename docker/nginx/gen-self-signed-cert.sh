#!/usr/bin/env bash
# Writes a self-signed certificate for local and test runs of the nginx configs:
#   <DIR>/fullchain.pem and <DIR>/privkey.pem (default DIR: docker/nginx/certs, git-ignored).
# Real deployments use a CA-issued certificate (e.g. Let's Encrypt) in the same two files.
#   usage: docker/nginx/gen-self-signed-cert.sh [DIR] [HOSTNAME]
set -euo pipefail

if [[ ${1:-} == -h || ${1:-} == --help ]]; then
  sed -n '2,5p' "$0" | sed 's/^# \{0,1\}//'
  exit 0
fi
dir=${1:-"$(cd "$(dirname "$0")" && pwd)/certs"}
name=${2:-localhost}
mkdir -p "$dir"
openssl req -x509 -newkey rsa:2048 -nodes -days 30 -sha256 \
  -subj "/CN=$name" -addext "subjectAltName=DNS:$name,DNS:localhost,IP:127.0.0.1" \
  -keyout "$dir/privkey.pem" -out "$dir/fullchain.pem" 2>/dev/null
chmod 600 "$dir/privkey.pem"
echo "wrote $dir/fullchain.pem and $dir/privkey.pem (CN=$name, 30 days)"
