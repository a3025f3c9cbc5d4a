#!/bin/sh
# Entrypoint of the drslink/moto image: one moto_server for every AWS service and region,
# bound to loopback only (the container runs with --network host).
#   docker run --rm --network host drslink/moto:<tag> [PORT]
#   docker run --rm --network host -e MOTO_PORT=5001 drslink/moto:<tag>
# Any other arguments are passed to moto_server unchanged.
set -eu
host="${MOTO_HOST:-127.0.0.1}"
port="${MOTO_PORT:-5000}"
case "${1:-}" in
  '') ;;
  *[!0-9]*) exec /opt/moto/bin/moto_server "$@" ;;
  *) port="$1"; shift ;;
esac
exec /opt/moto/bin/moto_server -H "$host" -p "$port" "$@"
