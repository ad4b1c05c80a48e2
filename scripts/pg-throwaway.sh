#!/usr/bin/env bash
# A throw-away PostgreSQL cluster for the tests, from Debian's postgresql package: a fresh folder under /tmp, its
# own port, trust authentication on 127.0.0.1 only. Used by `npm test` (scripts/test.mjs) when DATABASE_URL is unset.
#   scripts/pg-throwaway.sh install        installs the postgresql package when missing (CI; needs root)
#   scripts/pg-throwaway.sh start          starts one; prints `DATABASE_URL=… BEIAN_PG_THROWAWAY=<folder>`
#   scripts/pg-throwaway.sh stop <folder>  stops it and removes the folder
# As root the server runs as the `postgres` user (PostgreSQL refuses to run as root); otherwise as you.
set -euo pipefail
cmd="${1:-start}"
port="${PGPORT_THROWAWAY:-54329}"

bindir() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1; }
as_pg() { if [ "$(id -u)" = 0 ]; then su postgres -s /bin/sh -c "$1"; else sh -c "$1"; fi; }

case "$cmd" in
  install)
    if [ -z "$(bindir)" ]; then
      export DEBIAN_FRONTEND=noninteractive
      apt-get update -qq
      apt-get install -y -qq postgresql >/dev/null
    fi
    ;;
  stop)
    dir="${2:?folder}"
    as_pg "$(bindir)/pg_ctl -D '$dir/data' -m immediate stop" >/dev/null 2>&1 || true
    rm -rf "$dir"
    ;;
  start)
    bin="$(bindir)"
    [ -n "$bin" ] || { echo "PostgreSQL is not installed (scripts/pg-throwaway.sh install)" >&2; exit 2; }
    # a port another cluster holds: take the next
    while (echo > "/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$((port + 1)); done
    dir="$(mktemp -d /tmp/beian-pg.XXXXXX)"
    [ "$(id -u)" = 0 ] && chown postgres "$dir"
    as_pg "$bin/initdb -D '$dir/data' -U postgres -A trust --locale=C.UTF-8 -E UTF8" >/dev/null
    as_pg "$bin/pg_ctl -D '$dir/data' -l '$dir/log' -w -o \"-p $port -k '$dir' -c listen_addresses=127.0.0.1 -c max_connections=200\" start" >/dev/null
    psql -h 127.0.0.1 -p "$port" -U postgres -qc "CREATE ROLE beian LOGIN PASSWORD 'beian'" >/dev/null
    psql -h 127.0.0.1 -p "$port" -U postgres -qc "CREATE DATABASE beian OWNER beian" >/dev/null
    echo "DATABASE_URL=postgres://beian:beian@127.0.0.1:$port/beian BEIAN_PG_THROWAWAY=$dir"
    ;;
  *)
    echo "usage: $0 install|start|stop <folder>" >&2
    exit 2
    ;;
esac
