#!/usr/bin/env bash
# trygg nearby against pgRouting's pgr_withPointsDD on the same walking network, in a throwaway
# PostgreSQL cluster (unix socket only, removed afterwards).
#
#   nearby_pgrouting.sh TRYGG WALKWAYS STOPS ACTIVITIES LIMIT_M [--bench]
#
# The network is loaded with ogr2ogr and split into its segments (ST_DumpSegments), noded by
# pgr_extractVertices (shared end points), costs = segment lengths, both directions. Stops and
# point activities become pgRouting points (edge + fraction, ST_LineLocatePoint on the nearest
# segment; a fraction of exactly 0 or 1 is moved 1e-9 inside the segment, since pgRouting 3.4 mishandles
# points on a vertex: pgRouting issues #2253 and #2689). pgr_withPointsDD(details => true) gives, per stop, the network distance to every point
# within LIMIT_M. trygg runs with --all-highways (pgRouting sees every line too) and the same limit.
# Compared: the network part of every walking distance (trygg's network_m against pgRouting's
# agg_cost) and the set of pairs within the limit. With --bench, prints the wall times instead of
# failing on a difference.
set -euo pipefail
trygg=$1 walkways=$2 stops=$3 activities=$4 limit=$5 mode=${6:-}
# The throwaway cluster: sets dir, pg and psql (exits 77 when PostgreSQL/PostGIS/pgRouting is missing).
source "$(dirname "$0")/pg_throwaway.sh"
for layer in walkways:"$walkways" stops:"$stops" activities:"$activities"; do
  ogr2ogr -f PostgreSQL "PG:$pg" "${layer#*:}" -nln "${layer%%:*}" -lco GEOMETRY_NAME=geom -lco FID=fid \
          -t_srs EPSG:3006 -nlt PROMOTE_TO_MULTI
done
# Stops carry their id as trygg reads it (the mapped id field): stop_id, else id.
stop_id=$("${psql[@]}" -At -c "SELECT CASE WHEN EXISTS (SELECT 1 FROM information_schema.columns WHERE table_name='stops' AND column_name='stop_id') THEN 'stop_id' ELSE 'id' END")
t0=$(date +%s.%N)
"${psql[@]}" -f "$(dirname "$0")/pgr_segment_network.sql"
"${psql[@]}" <<SQL
-- Points: stops (pid 1..) and point activities (pid 100000..), on their nearest segment.
CREATE TABLE pts AS
  SELECT p.pid, p.kind, p.key, n.id AS edge_id, LEAST(GREATEST(ST_LineLocatePoint(n.geom, p.geom), 1e-9), 1 - 1e-9) AS fraction, n.d AS leg
  FROM (SELECT row_number() OVER (ORDER BY fid) AS pid, 'stop' AS kind, ${stop_id}::text AS key, ST_GeometryN(geom, 1) AS geom FROM stops
        UNION ALL
        SELECT 100000 + row_number() OVER (ORDER BY fid), 'activity', id::text, ST_GeometryN(geom, 1) FROM activities
        WHERE GeometryType(geom) IN ('POINT', 'MULTIPOINT')) p
  CROSS JOIN LATERAL (SELECT e.id, e.geom, ST_Distance(e.geom, ST_GeometryN(p.geom, 1)) AS d FROM edges e
                      WHERE ST_DWithin(e.geom, ST_GeometryN(p.geom, 1), 100)
                      ORDER BY ST_Distance(e.geom, ST_GeometryN(p.geom, 1)), e.id LIMIT 1) n;
SQL
t1=$(date +%s.%N)
"${psql[@]}" -A -F, -P footer=off -o "$dir/pgr.csv" <<SQL
SELECT s.key AS stop_id, a.key AS activity_id, dd.agg_cost AS network_m, s.leg + dd.agg_cost + a.leg AS distance_m
FROM pgr_withPointsDD('SELECT id, source, target, cost, reverse_cost FROM edges',
                      'SELECT pid, edge_id, fraction FROM pts',
                      (SELECT array_agg(-pid) FROM pts WHERE kind = 'stop'), ${limit}::float8,
                      directed => false, details => true) dd
JOIN pts s ON s.pid = -dd.start_vid
JOIN pts a ON a.pid = -dd.node AND a.kind = 'activity'
ORDER BY 1, 2;
SQL
t2=$(date +%s.%N)
"$trygg" nearby --walkways "$walkways" --stops "$stops" --activities "$activities" --all-highways \
  --max-distance "$limit" --area-buffer 0 -o "$dir/trygg.csv" --quiet
t3=$(date +%s.%N)
edges=$("${psql[@]}" -At -c "SELECT count(*) FROM edges")
stops_n=$("${psql[@]}" -At -c "SELECT count(*) FROM pts WHERE kind = 'stop'")
"${psql[@]}" -At -c "SELECT key FROM pts WHERE kind = 'activity'" >"$dir/point_activities.txt"
/usr/bin/python3 - "$dir/pgr.csv" "$dir/trygg_links.csv" "$limit" "$mode" "$t0" "$t1" "$t2" "$t3" "$edges" "$stops_n" "$dir/point_activities.txt" <<'PY'
import csv, sys
pgr_path, trygg_path, limit, mode = sys.argv[1], sys.argv[2], float(sys.argv[3]), sys.argv[4]
t0, t1, t2, t3 = (float(v) for v in sys.argv[5:9])
pgr = {}
with open(pgr_path, newline="", encoding="utf-8") as f:
    for r in csv.DictReader(f):
        pgr[(r["stop_id"], r["activity_id"])] = (float(r["network_m"]), float(r["distance_m"]))
point_activities = set(open(sys.argv[11], encoding="utf-8").read().split())
trygg = {}  # point activities only: pgRouting's points cannot stand for a polygon
with open(trygg_path, newline="", encoding="utf-8") as f:
    for r in csv.DictReader(f):
        if r["activity_id"] in point_activities:
            trygg[(r["stop_id"], r["activity_id"])] = (float(r["network_m"]), float(r["distance_m"]))
print(f"network: {sys.argv[9]} segments, {sys.argv[10]} stops; pairs within {limit:g} m: pgRouting {sum(1 for v in pgr.values() if v[1] <= limit)}, trygg {len(trygg)}")
if mode == "--bench":
    print(f"pgRouting: network + points {t1 - t0:.2f} s, pgr_withPointsDD {t2 - t1:.2f} s; trygg nearby (read, graph, search, write): {t3 - t2:.2f} s")
problems = []
for k, (net, total) in trygg.items():
    if k not in pgr:
        problems.append(f"{k}: trygg {net} m, pgRouting: not within {limit} m")
    elif abs(pgr[k][0] - net) > 0.011:
        problems.append(f"{k}: network distance trygg {net} m, pgRouting {pgr[k][0]:.3f} m")
for k, (net, total) in pgr.items():
    # trygg's limit applies to the walk with its legs; pairs at the limit may round either way.
    if total <= limit - 0.02 and k not in trygg:
        problems.append(f"{k}: pgRouting {total:.3f} m within {limit} m, trygg: missing")
checked = sum(1 for k in trygg if k in pgr)
if problems:
    print("\n".join(problems[:20]))
    sys.exit(0 if mode == "--bench" else 1)
print(f"trygg and pgRouting agree on {checked} network distances and on the pairs within the limit")
PY
