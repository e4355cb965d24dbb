#!/usr/bin/env bash
# Runs a command against a throw-away PostgreSQL: installs Debian's `postgresql` when it is
# missing, initialises a cluster in a temporary directory as the `postgres` user, starts it on
# 127.0.0.1 (port PG_PORT, default 54329), creates a database, runs the command with
# DATABASE_URL set, then stops the server and deletes the directory whatever the outcome.
#
#   bash tests/db/with-postgres.sh npm run test:db
#
# The server runs with fsync=off (fast tests; nothing here outlives the run). PG_FSYNC=on keeps
# PostgreSQL's default, commits flushed to disk, for figures that mean something:
#
#   PG_FSYNC=on bash tests/db/with-postgres.sh npm run bench:server
set -euo pipefail

if ! command -v pg_ctl >/dev/null 2>&1 && ! ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1; then
	echo "== installing postgresql"
	export DEBIAN_FRONTEND=noninteractive
	apt-get update -qq
	apt-get install -y -qq postgresql >/dev/null
fi
bin="$(dirname "$(ls -d /usr/lib/postgresql/*/bin/pg_ctl 2>/dev/null | sort -V | tail -1)")"
port="${PG_PORT:-54329}"
fsync="${PG_FSYNC:-off}"
if [ "$fsync" != on ] && [ "$fsync" != off ]; then
	echo "PG_FSYNC must be on or off, not $fsync" >&2
	exit 2
fi
dir="$(mktemp -d /tmp/rolefit-pg.XXXXXX)"
chown postgres:postgres "$dir"
as_postgres() { if [ "$(id -un)" = postgres ]; then "$@"; else runuser -u postgres -- "$@"; fi; }

stop() {
	as_postgres "$bin/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
	rm -rf "$dir"
}
trap stop EXIT

as_postgres "$bin/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 >/dev/null
as_postgres "$bin/pg_ctl" -D "$dir/data" -l "$dir/log" -w \
	-o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c max_connections=200 -c fsync=$fsync" start >/dev/null
as_postgres "$bin/psql" -h 127.0.0.1 -p "$port" -U postgres -qc 'create database rolefit' >/dev/null
export DATABASE_URL="postgres://postgres@127.0.0.1:$port/rolefit"
echo "== PostgreSQL $("$bin/pg_ctl" --version | awk '{print $3}') on 127.0.0.1:$port (throw-away, $dir, fsync=$fsync)"
"$@"
