# Sourced by peer tests (bash): a throwaway PostgreSQL 15 cluster with PostGIS and pgRouting,
# listening only on a unix socket in a fresh temporary directory, stopped and removed on exit.
# Sets: dir (the temporary directory, also for the test's files), pg (libpq conninfo of the
# database "net"), psql (command array for it). Exits 77 (skipped) when PostgreSQL 15, PostGIS
# or pgRouting is not installed.
bin=/usr/lib/postgresql/15/bin
if [ ! -x "$bin/initdb" ] || [ ! -f /usr/share/postgresql/15/extension/pgrouting.control ] ||
   [ ! -f /usr/share/postgresql/15/extension/postgis.control ]; then
  echo "skipped: PostgreSQL 15 with PostGIS and pgRouting is not installed (scripts/install-deps.sh installs them)"
  exit 77
fi
dir=$(mktemp -d /tmp/trygg-pg.XXXXXX)
chmod 755 "$dir"
run_as=()
if [ "$(id -u)" -eq 0 ]; then
  chown postgres "$dir"
  run_as=(runuser -u postgres --)
fi
pg_throwaway_cleanup() {
  "${run_as[@]}" "$bin/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$dir"
}
trap pg_throwaway_cleanup EXIT
"${run_as[@]}" "$bin/initdb" -D "$dir/data" -A trust -U postgres >/dev/null
"${run_as[@]}" "$bin/pg_ctl" -D "$dir/data" -o "-k $dir -c listen_addresses='' -c fsync=off" -l "$dir/log" -w start >/dev/null
pg="host=$dir user=postgres dbname=net"
psql=(psql -h "$dir" -U postgres -d net -v ON_ERROR_STOP=1 -q -X)
psql -h "$dir" -U postgres -d postgres -q -c "CREATE DATABASE net"
"${psql[@]}" -c "CREATE EXTENSION postgis; CREATE EXTENSION pgrouting;"
