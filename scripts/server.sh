#!/usr/bin/env bash
# `./run server`: a throwaway Dateline team server on this machine.
#
#   scripts/server.sh          start PostgreSQL (installed from Debian if missing) and serve
#   scripts/server.sh reset    stop everything and delete the cluster and its users
#
# The cluster lives in $DATELINE_SERVER_DATA (default .data/server in the
# project), on its own port and unix socket, reachable only through that socket
# (no TCP); the server listens on $DATELINE_LISTEN (default 127.0.0.1:8787).
# The first run creates the user "admin" and prints its password (also kept in
# <data>/admin-password, readable only by you). Ctrl-C stops the server and
# PostgreSQL; the data is kept for the next run.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD

DATA=${DATELINE_SERVER_DATA:-$ROOT/.data/server}
PG_PORT=${DATELINE_PG_PORT:-54329}
LISTEN=${DATELINE_LISTEN:-127.0.0.1:8787}

log() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

pg_bindir() {
  local d
  d=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  [ -n "$d" ] && [ -x "$d/initdb" ] && echo "$d"
}

if [ -z "$(pg_bindir || true)" ]; then
  log "installing PostgreSQL (Debian package postgresql)"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
  # The package starts its own system cluster; this script does not use it.
fi
BIN=$(pg_bindir)

# initdb refuses to run as root: as root, the cluster belongs to the postgres
# user (created by the package) and every PostgreSQL command runs as it.
OWNER=$(id -un)
if [ "$(id -u)" = 0 ]; then
  OWNER=postgres
  id postgres >/dev/null 2>&1 || as_root useradd --system --no-create-home postgres
fi
as_owner() { if [ "$OWNER" = "$(id -un)" ]; then "$@"; else runuser -u "$OWNER" -- "$@"; fi; }

mkdir -p "$DATA"
if [ "$OWNER" != "$(id -un)" ] && ! runuser -u "$OWNER" -- test -x "$DATA"; then
  # The project folder is closed to that user (a home folder under /root, say).
  DATA=/var/tmp/dateline-server-$(printf '%s' "$ROOT" | cksum | cut -d' ' -f1)
  log "the project folder is closed to $OWNER; keeping the cluster in $DATA"
  mkdir -p "$DATA"
fi
PGDATA=$DATA/pg
SOCK=$DATA/socket

if [ "${1:-}" = reset ]; then
  as_owner "$BIN/pg_ctl" -D "$PGDATA" -m fast stop >/dev/null 2>&1 || true
  rm -rf "$DATA"
  log "deleted $DATA"
  exit 0
fi

mkdir -p "$SOCK"
[ "$OWNER" = "$(id -un)" ] || chown "$OWNER" "$DATA" "$SOCK"
chmod 700 "$SOCK"
if [ ! -f "$PGDATA/PG_VERSION" ]; then
  log "creating a PostgreSQL cluster in $PGDATA"
  [ "$OWNER" = "$(id -un)" ] || { mkdir -p "$PGDATA"; chown "$OWNER" "$PGDATA"; }
  # Trust is safe here: the only way in is the socket folder, closed to others.
  as_owner "$BIN/initdb" -D "$PGDATA" -A trust -U dateline -E UTF8 --locale=C >/dev/null
fi

SERVER_PID=
stop_all() {
  [ -z "$SERVER_PID" ] || kill "$SERVER_PID" 2>/dev/null || true
  as_owner "$BIN/pg_ctl" -D "$PGDATA" -m fast stop >/dev/null 2>&1 || true
}
if ! as_owner "$BIN/pg_ctl" -D "$PGDATA" status >/dev/null 2>&1; then
  log "starting PostgreSQL on socket $SOCK (port $PG_PORT)"
  as_owner "$BIN/pg_ctl" -D "$PGDATA" -l "$DATA/postgres.log" -w \
    -o "-p $PG_PORT -k $SOCK -c listen_addresses= -c unix_socket_permissions=0700" start >/dev/null
fi
trap stop_all EXIT
trap 'exit 130' INT TERM

PSQL=("$BIN/psql" -h "$SOCK" -p "$PG_PORT" -U dateline -X -q -t -A)
if [ "$("${PSQL[@]}" -d postgres -c "SELECT 1 FROM pg_database WHERE datname = 'dateline'")" != 1 ]; then
  "${PSQL[@]}" -d postgres -c "CREATE DATABASE dateline"
fi
export DATELINE_DATABASE_URL="host=$SOCK port=$PG_PORT user=dateline dbname=dateline"

log "building dateline-server"
cargo build -q -p dateline-server
SERVER=${CARGO_TARGET_DIR:-$ROOT/target}/debug/dateline-server
"$SERVER" migrate >/dev/null

if [ "$("${PSQL[@]}" -d dateline -c "SELECT count(*) FROM users")" = 0 ]; then
  PASSWORD=$(head -c 18 /dev/urandom | base64 | tr -d '/+=' | cut -c1-20)
  printf '%s\n' "$PASSWORD" | "$SERVER" user add admin --role admin --password-stdin
  (umask 077; printf '%s\n' "$PASSWORD" >"$DATA/admin-password")
  log "first admin: user admin, password $PASSWORD (kept in $DATA/admin-password)"
fi

log "serving on http://$LISTEN (Ctrl-C stops the server and PostgreSQL)"
"$SERVER" serve --listen "$LISTEN" &
SERVER_PID=$!
wait "$SERVER_PID"
