#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the PostgreSQL half of the tests and the benchmarks.
#
#   scripts/postgres_test_cluster.sh start DIR [PORT]   initdb + start; prints the test URL
#   scripts/postgres_test_cluster.sh stop DIR           stop and delete the cluster
#
# The cluster listens on 127.0.0.1:PORT (default 54329) and on a socket in DIR, trusts local
# connections (it holds nothing but test data and dies with the run) and has a role
# `fiac_test` that may create databases: the tests make a fresh database per test from a
# migrated template. Installs PostgreSQL with apt when it is missing (root only). The server
# never runs as root: as root it runs as the `postgres` user that the Debian package creates.
set -euo pipefail

action=${1:?usage: $0 start|stop DIR [PORT]}
dir=${2:?usage: $0 start|stop DIR [PORT]}
port=${3:-54329}

find_bin() {
  local d
  for d in /usr/lib/postgresql/*/bin; do
    [ -x "$d/pg_ctl" ] && { echo "$d"; return 0; }
  done
  command -v pg_ctl >/dev/null 2>&1 && { dirname "$(command -v pg_ctl)"; return 0; }
  return 1
}

as_server_user() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

case "$action" in
start)
  if ! bin=$(find_bin) || [ ! -f "$(dirname "$bin")/../../../share/postgresql/$(basename "$(dirname "$bin")")/extension/unaccent.control" ]; then
    if [ "$(id -u)" != 0 ]; then
      echo "PostgreSQL (with contrib) is not installed and this user cannot install it" >&2
      exit 1
    fi
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql postgresql-contrib >/dev/null
    bin=$(find_bin)
  fi
  mkdir -p "$dir"
  [ "$(id -u)" = 0 ] && chown postgres: "$dir"
  as_server_user "$bin/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log"
  as_server_user "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -o \
    "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
    start >/dev/null
  "$bin/psql" -q -h 127.0.0.1 -p "$port" -U postgres -d postgres \
    -c "CREATE ROLE fiac_test LOGIN CREATEDB" >/dev/null
  echo "postgresql+psycopg://fiac_test@127.0.0.1:$port/postgres"
  ;;
stop)
  bin=$(find_bin)
  if [ -d "$dir/data" ]; then
    as_server_user "$bin/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null || true
  fi
  rm -rf "$dir"
  ;;
*)
  echo "usage: $0 start|stop DIR [PORT]" >&2
  exit 2
  ;;
esac
