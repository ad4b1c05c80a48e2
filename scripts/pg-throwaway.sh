#!/usr/bin/env bash
# Starts a throw-away PostgreSQL cluster for the tests (Debian's postgresql package; installed when missing) and
# prints its DATABASE_URL. `scripts/pg-throwaway.sh stop <dir>` stops and removes it.
# Usage: eval "$(scripts/pg-throwaway.sh start)"  → exports DATABASE_URL and BEIAN_PG_THROWAWAY (its folder)
set -euo pipefail
cmd="${1:-start}"
port="${PGPORT_THROWAWAY:-54329}"

bindir() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1; }

if [ "$cmd" = stop ]; then
  dir="${2:?folder}"
  su postgres -s /bin/sh -c "$(bindir)/pg_ctl -D '$dir/data' -m immediate stop" >/dev/null 2>&1 || true
  rm -rf "$dir"
  exit 0
fi

if [ -z "$(bindir)" ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq postgresql >/dev/null
fi
bin="$(bindir)"
dir="$(mktemp -d /tmp/beian-pg.XXXXXX)"
chown postgres "$dir"
su postgres -s /bin/sh -c "$bin/initdb -D '$dir/data' -U postgres -A trust --locale=C.UTF-8 -E UTF8" >/dev/null
su postgres -s /bin/sh -c "$bin/pg_ctl -D '$dir/data' -l '$dir/log' -w -o \"-p $port -k '$dir' -c listen_addresses=127.0.0.1 -c fsync=on -c max_connections=200\" start" >/dev/null
psql -h 127.0.0.1 -p "$port" -U postgres -qc "CREATE ROLE beian LOGIN PASSWORD 'beian'" >/dev/null
psql -h 127.0.0.1 -p "$port" -U postgres -qc "CREATE DATABASE beian OWNER beian" >/dev/null
echo "export DATABASE_URL=postgres://beian:beian@127.0.0.1:$port/beian BEIAN_PG_THROWAWAY=$dir"
