#!/usr/bin/env bash
# trygg coverage on the sample town against the same computation in PostGIS (ST_Buffer with
# quad_segs=64, ST_Union, ST_Intersection, ST_Length): the lit walkway length must agree within
# 0.1 %. Reuses bench/coverage_vs_postgis.py --check-only (a throwaway cluster under /tmp, unix
# socket only). Skipped (77) when PostgreSQL 15 with PostGIS is not installed or not root.
set -euo pipefail
build=$1
if [ ! -x /usr/lib/postgresql/15/bin/initdb ] || [ ! -f /usr/share/postgresql/15/extension/postgis.control ]; then
  echo "skipped: PostgreSQL 15 with PostGIS is not installed (scripts/install-deps.sh installs it)"
  exit 77
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "skipped: the throwaway PostGIS cluster runs as the postgres user, which needs root"
  exit 77
fi
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
exec /usr/bin/python3 "$root/bench/coverage_vs_postgis.py" --build "$build" --check-only
