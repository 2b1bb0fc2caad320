#!/bin/sh
# Command of the proyecto06-frontend image: writes the part of nginx's configuration that depends on
# where the container runs, then runs nginx in the foreground as PID 1.
#
# nginx's own resolver (the one that lets it re-resolve the backend's name while running, so replicas
# that appear and disappear are noticed without a reload) does not read /etc/resolv.conf: its servers
# are taken from there at start — Docker's 127.0.0.11 under compose, kube-dns in Kubernetes. It does not
# apply resolv.conf's search domains either, so BACKEND_HOST must be a name the DNS server answers as it
# is: `backend-service` under compose (a network alias), the Service's full name in Kubernetes.
#   BACKEND_HOST (default backend-service), BACKEND_PORT (default 8000), RESOLVER_VALID (default 5s)
set -eu
host="${BACKEND_HOST:-backend-service}"
port="${BACKEND_PORT:-8000}"
valid="${RESOLVER_VALID:-5s}"
# These end up inside nginx's configuration: refuse anything but a host name, a port and a duration.
case "$host" in '' | *[!A-Za-z0-9.-]*) echo "start-nginx: BACKEND_HOST '$host' is not a host name" >&2; exit 1 ;; esac
case "$port" in '' | *[!0-9]*) echo "start-nginx: BACKEND_PORT '$port' is not a port" >&2; exit 1 ;; esac
case "$valid" in '' | *[!0-9smh]*) echo "start-nginx: RESOLVER_VALID '$valid' is not a duration" >&2; exit 1 ;; esac

servers=""
while read -r key value _; do
  [ "$key" = nameserver ] || continue
  case "$value" in *:*) value="[$value]" ;; esac
  servers="$servers $value"
done </etc/resolv.conf
[ -n "$servers" ] || { echo "start-nginx: no nameserver in /etc/resolv.conf" >&2; exit 1; }

mkdir -p /tmp/proyecto06
cat >/tmp/proyecto06/backend.conf <<CONF
# Written by start-nginx at container start.
resolver$servers valid=$valid ipv6=off;
resolver_timeout 2s;
map "" \$backend { default "$host:$port"; }
CONF
echo "start-nginx: backend $host:$port, resolved through$servers every $valid" >&2
exec nginx -g 'daemon off;'
