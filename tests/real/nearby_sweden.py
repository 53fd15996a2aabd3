"""trygg nearby on Swedish real data: the walkways and amenities of the Stockholm Södermalm OSM
extract with the whole national GTFS stops file (../shared/data/sweden/stops.txt, about 50,000
stops all over Sweden). Checks against an independent computation, not against trygg's own output:
  - the stops within --max-snap of a walkway, found here with our own point-to-segment distance on
    the walkable OSM lines (read with ogr2ogr, reprojected to EPSG:3006 by ogr2ogr), are exactly
    the stops trygg reports as snapped, with the same snap distances; every other stop is reported
    as not on the network (JSON ids and the stderr count);
  - Hallstahammar's stops (Västmanland, about 100 km west of Södermalm) are in the national file
    but cannot be on this network: they must be reported as not snapped. The extract holds no
    Hallstahammar walkways, so their nearby question cannot be answered from the shared data;
  - every link: walking distance = stop leg + network + activity leg (legs computed here), the
    network part >= the straight line between the two snapped points (triangle inequality on the
    network), the walking distance >= the straight line from stop to activity and <= the limit;
  - a 400 m run finds exactly the links of the 780 m run within 400 m, with the same distances;
  - the Västerås activities (vasteras-activities.geojson, EPSG:3010) lie about 100 km from the
    Södermalm network: all of them are reported as not on the network and no link is made. They
    are therefore not used for the link checks; the amenities of the OSM extract are.
Skipped (77) with a message when ../shared/data is absent."""
import csv
import json
import math
import os
import subprocess
import sys
import tempfile

trygg, shared = sys.argv[1], sys.argv[2]
sweden = os.path.join(shared, "sweden")
pbf = os.path.join(sweden, "stockholm-sodermalm.osm.pbf")
stops_txt = os.path.join(sweden, "stops.txt")
vasteras = os.path.join(sweden, "vasteras-activities.geojson")
for path in (pbf, stops_txt, vasteras):
    if not os.path.exists(path):
        print(f"skipped: {path} is absent (real data lives in ../shared/data)")
        sys.exit(77)

MAX_SNAP = 100.0
# OSM highway values a pedestrian may use (docs/cli/nearby.md), and foot=no/private excluded.
WALKABLE = {"footway", "path", "pedestrian", "living_street", "residential", "service", "steps",
            "track", "cycleway", "unclassified", "tertiary", "tertiary_link", "secondary",
            "secondary_link", "primary", "primary_link", "bridleway", "corridor", "road"}
csv.field_size_limit(1 << 26)


def ogr_csv(args):
    p = subprocess.run(["ogr2ogr", "-f", "CSV", "/vsistdout/"] + args, capture_output=True, text=True)
    if p.returncode != 0:
        sys.exit(f"ogr2ogr {' '.join(args)}: exit {p.returncode}\n{p.stderr}")
    return list(csv.DictReader(p.stdout.splitlines()))


def coords(wkt):
    inner = wkt[wkt.rindex("(") + 1:wkt.index(")")]
    return [tuple(float(v) for v in c.split()) for c in inner.split(",")]


# --- the walkable segments, in EPSG:3006 -------------------------------------------------------
segments = []
# Highway ways the walkway selection leaves out, by reason, counted here from the tags.
left_out = {"foot_no": 0, "foot_private": 0, "motorway_trunk": 0, "highway_not_walkable": 0}
for row in ogr_csv([pbf, "lines", "-t_srs", "EPSG:3006", "-lco", "GEOMETRY=AS_WKT",
                    "-select", "highway,other_tags"]):
    tags = row["other_tags"] or ""
    if row["highway"] and '"foot"=>"no"' in tags:
        left_out["foot_no"] += 1
    elif row["highway"] and '"foot"=>"private"' in tags:
        left_out["foot_private"] += 1
    elif row["highway"] in ("motorway", "motorway_link", "trunk", "trunk_link"):
        left_out["motorway_trunk"] += 1
    elif row["highway"] and row["highway"] not in WALKABLE:
        left_out["highway_not_walkable"] += 1
    if row["highway"] not in WALKABLE or '"foot"=>"no"' in tags or '"foot"=>"private"' in tags:
        continue
    pts = coords(row["WKT"])
    segments += list(zip(pts, pts[1:]))
if len(segments) < 500:
    sys.exit(f"only {len(segments)} walkable segments read from {pbf}")
min_x = min(min(a[0], b[0]) for a, b in segments) - MAX_SNAP
max_x = max(max(a[0], b[0]) for a, b in segments) + MAX_SNAP
min_y = min(min(a[1], b[1]) for a, b in segments) - MAX_SNAP
max_y = max(max(a[1], b[1]) for a, b in segments) + MAX_SNAP

snap_cache = {}


def snap(p):
    """Nearest point of the walkable segments to p, and its distance (brute force)."""
    if p in snap_cache:
        return snap_cache[p]
    best = (math.inf, None)
    for (ax, ay), (bx, by) in segments:
        dx, dy = bx - ax, by - ay
        len2 = dx * dx + dy * dy
        t = 0.0 if len2 == 0 else max(0.0, min(1.0, ((p[0] - ax) * dx + (p[1] - ay) * dy) / len2))
        q = (ax + t * dx, ay + t * dy)
        d = math.hypot(p[0] - q[0], p[1] - q[1])
        if d < best[0]:
            best = (d, q)
    snap_cache[p] = best
    return best


# --- the national stops, reprojected by ogr2ogr -----------------------------------------------
stops = ogr_csv(["CSV:" + stops_txt, "-oo", "X_POSSIBLE_NAMES=stop_lon", "-oo", "Y_POSSIBLE_NAMES=stop_lat",
                 "-s_srs", "EPSG:4326", "-t_srs", "EPSG:3006", "-lco", "GEOMETRY=AS_XY"])
expected_snap = {}  # stop_id -> distance to the nearest walkway, for stops within MAX_SNAP
borderline = set()  # within 5 cm of MAX_SNAP: either answer is right
for s in stops:
    x, y = float(s["X"]), float(s["Y"])
    if not (min_x <= x <= max_x and min_y <= y <= max_y):
        continue  # farther than MAX_SNAP from the segments' bounding box, so from every segment
    d, _ = snap((x, y))
    if abs(d - MAX_SNAP) < 0.05:
        borderline.add(s["stop_id"])
    elif d < MAX_SNAP:
        expected_snap[s["stop_id"]] = d
hallstahammar = [s["stop_id"] for s in stops if "hallstahammar" in s["stop_name"].lower()]


def run(out_dir, name, limit, activities=pbf, quiet=True):
    out = os.path.join(out_dir, name + ".csv")
    cmd = [trygg, "nearby", "--walkways", pbf, "--stops", stops_txt, "--activities", activities,
           "--max-distance", str(limit), "--max-snap", str(MAX_SNAP), "-o", out, "--area-buffer", "0", "--json"]
    if quiet:
        cmd.append("--quiet")
    p = subprocess.run(cmd, capture_output=True, text=True)
    if p.returncode != 0:
        sys.exit(f"{' '.join(cmd)}: exit {p.returncode}\n{p.stderr}")
    with open(out, newline="", encoding="utf-8") as f:
        out_stops = {r["stop_id"]: r for r in csv.DictReader(f)}
    links = {}
    with open(os.path.join(out_dir, name + "_links.csv"), newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            (s, a) = coords(row["WKT"])[:2]
            links[(row["stop_id"], row["activity_id"])] = (float(row["distance_m"]), float(row["network_m"]), s, a)
    return json.loads(p.stdout), p.stderr, out_stops, links


problems = []
with tempfile.TemporaryDirectory() as tmp:
    big, big_err, big_stops, big_links = run(tmp, "big", 780, quiet=False)
    small, _, _, small_links = run(tmp, "small", 400)
    vas, _, _, vas_links = run(tmp, "vasteras", 780, activities=vasteras)

# --- snapping against the independent count ---------------------------------------------------
got_snapped = {i for i, r in big_stops.items() if r["snapped"] == "1"}
print(f"stops {big['stops']} (read here {len(stops)}), snapped {len(got_snapped)}, within {MAX_SNAP:g} m "
      f"by the test's own geometry {len(expected_snap)} (+{len(borderline)} borderline), "
      f"{len(segments)} segments, links {big['links']}")
if big["stops"] != len(stops):
    problems.append(f"trygg read {big['stops']} stops, ogr2ogr {len(stops)}")
if len(expected_snap) == 0:
    problems.append("no national stop lies within reach of the Södermalm walkways (the test found none)")
missing = sorted(set(expected_snap) - got_snapped)
extra = sorted(got_snapped - set(expected_snap) - borderline)
if missing or extra:
    problems.append(f"snapped stops differ from the independent count: not snapped {missing[:10]}, "
                    f"snapped but farther than {MAX_SNAP:g} m {extra[:10]}")
for i in sorted(set(expected_snap) & got_snapped):
    if abs(float(big_stops[i]["snap_m"]) - expected_snap[i]) > 0.02:
        problems.append(f"stop {i}: snap_m {big_stops[i]['snap_m']} but {expected_snap[i]:.3f} m to the nearest walkway")
not_snapped = big["stops"] - len(got_snapped)
if len(big["stops_not_on_network"]) != not_snapped or set(big["stops_not_on_network"]) & got_snapped:
    problems.append(f"JSON lists {len(big['stops_not_on_network'])} stops not on the network, expected {not_snapped}")
if f"{not_snapped} of {big['stops']} stops are farther than {MAX_SNAP:g} m" not in big_err:
    problems.append(f"stderr does not report the {not_snapped} stops not on the network:\n{big_err}")
if not hallstahammar:
    problems.append("no Hallstahammar stop in the national stops file")
for i in hallstahammar:
    if i in got_snapped or i not in big["stops_not_on_network"]:
        problems.append(f"Hallstahammar stop {i} is not reported as off the Södermalm network")

# --- what the walkway selection left out is counted, not silently dropped ---------------------
got_left_out = big["network"]["left_out"]
for reason, n in left_out.items():
    if got_left_out.get(reason, 0) != n:
        problems.append(f"left out {reason}: trygg reports {got_left_out.get(reason, 0)}, the tags say {n}")
if left_out["foot_no"] == 0:
    problems.append("no foot=no way in the Södermalm extract (expected Hornsgatan's)")
if f"left out foot_no {left_out['foot_no']}" not in big_err:
    problems.append(f"stderr does not report the {left_out['foot_no']} foot=no ways:\n{big_err}")

# --- the links ------------------------------------------------------------------------------
if big["links"] != len(big_links) or len(big_links) < 200:
    problems.append(f"{len(big_links)} links written, JSON says {big['links']}")
for key, (dist, net, s, a) in big_links.items():
    ds, qs = snap(s)
    da, qa = snap(a)
    if abs(dist - (ds + net + da)) > 0.03:
        problems.append(f"{key}: {dist} m != stop leg {ds:.3f} + network {net} + activity leg {da:.3f}")
    if net < math.hypot(qs[0] - qa[0], qs[1] - qa[1]) - 0.02:
        problems.append(f"{key}: network {net} m < straight line between the snapped points")
    if dist < math.hypot(s[0] - a[0], s[1] - a[1]) - 0.02:
        problems.append(f"{key}: walking {dist} m < straight line stop-activity")
    if dist > 780 + 0.01:
        problems.append(f"{key}: {dist} m beyond the limit")
    if key[0] not in got_snapped:
        problems.append(f"{key}: a link from a stop that is not snapped")
expected_small = {k: v[0] for k, v in big_links.items() if v[0] <= 400}
got_small = {k: v[0] for k, v in small_links.items()}
# A link within 0.01 m of 400 may fall either side after rounding to centimetres.
missing = [k for k in expected_small if k not in got_small and expected_small[k] < 399.99]
extra = [k for k in got_small if k not in expected_small and got_small[k] < 399.99]
if missing or extra or not got_small:
    problems.append(f"the 400 m run differs from the 780 m run cut at 400 m: missing {missing[:5]}, extra {extra[:5]}")
for k, d in got_small.items():
    if k in expected_small and abs(expected_small[k] - d) > 0.011:
        problems.append(f"{k}: {d} m at 400 m but {expected_small[k]} m at 780 m")

# --- Västerås activities: far from this network ---------------------------------------------
with open(vasteras, encoding="utf-8") as f:
    n_vasteras = len(json.load(f)["features"])
if vas["activities_not_on_network"] != n_vasteras or vas_links or vas["links"] != 0:
    problems.append(f"Västerås: {vas['activities_not_on_network']} of {n_vasteras} activities reported off the "
                    f"network, {vas['links']} links (expected all off, no links)")

if problems:
    sys.exit("\n".join(problems[:20]))
print(f"nearby sweden: ok ({len(got_snapped)} stops snapped as computed independently, Hallstahammar "
      f"{len(hallstahammar)} stops off the network, {len(big_links)} links checked, {len(got_small)} within 400 m, "
      f"{n_vasteras} Västerås activities off the network)")
