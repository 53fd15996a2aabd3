#!/usr/bin/env bash
# trygg route's shortest routes against pgRouting's pgr_withPoints on the same walking network,
# in a throwaway PostgreSQL cluster (unix socket only, removed afterwards).
#
#   route_pgrouting.sh TRYGG WALKWAYS [PAIRS]
#
# The network is loaded with ogr2ogr and split into its segments (ST_DumpSegments), noded by
# pgr_extractVertices (shared end points), costs = segment lengths, both directions. End points:
# points 37 % along 2*PAIRS segments picked by a fixed hash of their id (so mid-edge, as snapped
# points are), as pgRouting points (edge + fraction). pgr_withPoints gives the network distance
# of each connected pair; trygg route --all-highways (pgRouting sees every line too) gets the
# same pairs with --pairs and must report the same shortest length_m (within 0.011 m: trygg
# rounds to 0.01 m). Exit 77 when PostgreSQL 15 with PostGIS and pgRouting is missing.
set -euo pipefail
trygg=$1 walkways=$2 pairs=${3:-40}
# The throwaway cluster: sets dir, pg and psql.
source "$(dirname "$0")/pg_throwaway.sh"
ogr2ogr -f PostgreSQL "PG:$pg" "$walkways" -nln walkways -lco GEOMETRY_NAME=geom -lco FID=fid \
        -t_srs EPSG:3006 -nlt PROMOTE_TO_MULTI
# The walkways as a pgRouting network of their segments (shared with nearby_pgrouting.sh).
"${psql[@]}" -f "$(dirname "$0")/pgr_segment_network.sql"
"${psql[@]}" <<SQL
-- End points: 37 % along segments of at least 10 m, picked by a fixed hash.
CREATE TABLE pts AS
  SELECT row_number() OVER (ORDER BY md5(id::text)) AS pid, id AS edge_id, 0.37::float8 AS fraction,
         ST_LineInterpolatePoint(geom, 0.37) AS geom
  FROM edges WHERE ST_Length(geom) >= 10 ORDER BY md5(id::text) LIMIT 2 * ${pairs};
CREATE TABLE combos AS SELECT -pid AS source, -(pid + 1) AS target FROM pts WHERE pid % 2 = 1;
CREATE TABLE result AS
  SELECT start_pid, end_pid, max(agg_cost) AS network_m
  FROM pgr_withPoints('SELECT id, source, target, cost, reverse_cost FROM edges',
                      'SELECT pid, edge_id, fraction FROM pts',
                      'SELECT source, target FROM combos', directed => false)
  GROUP BY start_pid, end_pid;
SQL
"${psql[@]}" -A -F, -P footer=off -o "$dir/pairs.csv" <<SQL
SELECT -r.start_pid AS id, ST_X(a.geom) AS from_x, ST_Y(a.geom) AS from_y, ST_X(b.geom) AS to_x, ST_Y(b.geom) AS to_y,
       r.network_m
FROM result r JOIN pts a ON a.pid = -r.start_pid JOIN pts b ON b.pid = -r.end_pid ORDER BY 1;
SQL
"$trygg" route --walkways "$walkways" --all-highways --point-crs EPSG:3006 --pairs "$dir/pairs.csv" \
  -o "$dir/routes.gpkg" --json --quiet >"$dir/trygg.json"
/usr/bin/python3 - "$dir/pairs.csv" "$dir/trygg.json" "$pairs" <<'PY'
import csv, json, sys
with open(sys.argv[1], newline="", encoding="utf-8") as f:
    pgr = {r["id"]: float(r["network_m"]) for r in csv.DictReader(f)}
trygg = {p["id"]: p for p in json.load(open(sys.argv[2], encoding="utf-8"))["pairs"]}
problems = []
for pid, expected in pgr.items():
    got = trygg[pid]["shortest"]["length_m"]
    if abs(got - expected) > 0.011:
        problems.append(f"pair {pid}: trygg {got} m, pgRouting {expected:.3f} m")
    safe = trygg[pid]["safe"]["length_m"]
    if safe < got - 0.011:
        problems.append(f"pair {pid}: the safe route ({safe} m) is shorter than the shortest ({got} m)")
if len(pgr) < int(sys.argv[3]) // 2:
    problems.append(f"only {len(pgr)} of {sys.argv[3]} pairs are connected: the test checks too little")
if problems:
    print("\n".join(problems[:20]))
    sys.exit(1)
print(f"trygg and pgRouting agree on the shortest distance of {len(pgr)} pairs "
      f"({min(pgr.values()):.0f} to {max(pgr.values()):.0f} m)")
PY
