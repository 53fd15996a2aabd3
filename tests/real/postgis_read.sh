#!/usr/bin/env bash
# `trygg info "PG:..."` on a PostGIS table in a throwaway PostgreSQL cluster (unix socket only,
# removed afterwards): counts, CRS, categories and a rejected row. Skipped (77) when PostgreSQL
# 15 with PostGIS and pgRouting is not installed.
set -euo pipefail
trygg=$1
# The throwaway cluster (database "net" with PostGIS), shared with the peer tests.
source "$(dirname "$0")/../peer/pg_throwaway.sh"
"${psql[@]}" <<'SQL'
CREATE TABLE rapporter (id serial PRIMARY KEY, kategori text, datum timestamp, geom geometry(Point, 3006));
INSERT INTO rapporter (kategori, datum, geom) VALUES
  ('klotter', '2025-03-01 21:15', ST_SetSRID(ST_MakePoint(569400, 6609180), 3006)),
  ('skadegörelse', '2025-03-02 10:00', ST_SetSRID(ST_MakePoint(569420, 6609150), 3006)),
  ('otrygg plats', '2025-04-11 18:00', ST_SetSRID(ST_MakePoint(569500, 6609300), 3006)),
  ('klotter', '2025-05-20 08:30', NULL);
SQL
out=$("$trygg" info "PG:$pg" --layer rapporter --kind reports --json)
echo "$out"
/usr/bin/python3 - "$out" <<'PY'
import json, sys
(layer,) = json.loads(sys.argv[1])["layers"]
want = {"features": 4, "accepted": 3, "rejected": {"no_geometry": 1}, "source_crs": "EPSG:3006",
        "working_crs": "EPSG:3006", "categories": {"graffiti": 1, "unsafe": 1, "vandalism": 1},
        "time_span": ["2025-03-01T21:15:00Z", "2025-04-11T18:00:00Z"]}
bad = {k: (layer.get(k), v) for k, v in want.items() if layer.get(k) != v}
if bad:
    sys.exit(f"PostGIS read differs (got, expected): {bad}")
print("postgis: ok")
PY
