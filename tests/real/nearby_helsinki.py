"""trygg nearby on real data: the Helsinki OSM extract (walkways and amenities) with the HSL GTFS
stops. Checks properties that hold for any correct answer and would catch a wrong one:
  - the stops inside the extract snap, and links are found;
  - every walking distance is >= the straight line from the stop to the activity (triangle
    inequality: the walk is stop leg + network + activity leg) and <= the limit;
  - a run with a smaller limit finds exactly the links of the larger run within that limit, with
    the same distances (a bounded search must not depend on where it was stopped).
Skipped (77) with a message when ../shared/data is absent."""
import csv
import json
import math
import os
import subprocess
import sys
import tempfile
import zipfile

trygg, shared = sys.argv[1], sys.argv[2]
pbf = os.path.join(shared, "helsinki", "helsinki.osm.pbf")
gtfs = os.path.join(shared, "helsinki", "hsl-gtfs.zip")
if not (os.path.exists(pbf) and os.path.exists(gtfs)):
    print(f"skipped: {pbf} or {gtfs} is absent (real data lives in ../shared/data)")
    sys.exit(77)


def run(out_dir, name, limit):
    out = os.path.join(out_dir, name + ".csv")
    stops = os.path.join(out_dir, "stops.txt")
    if not os.path.exists(stops):  # the GTFS stops, unpacked
        with zipfile.ZipFile(gtfs) as z, open(stops, "wb") as f:
            f.write(z.read("stops.txt"))
    cmd = [trygg, "nearby", "--walkways", pbf, "--stops", stops,
           "--activities", pbf, "--max-distance", str(limit), "-o", out, "--area-buffer", "0", "--json", "--quiet"]
    p = subprocess.run(cmd, capture_output=True, text=True)
    if p.returncode != 0:
        sys.exit(f"{' '.join(cmd)}: exit {p.returncode}\n{p.stderr}")
    summary = json.loads(p.stdout)
    links = {}
    with open(os.path.join(out_dir, name + "_links.csv"), newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            wkt = row["WKT"]
            coords = wkt[wkt.index("((") + 2 if "((" in wkt else wkt.index("(") + 1:wkt.index(")")].split(",")
            (x1, y1), (x2, y2) = ([float(v) for v in c.split()] for c in coords[:2])
            links[(row["stop_id"], row["activity_id"])] = (float(row["distance_m"]), math.hypot(x2 - x1, y2 - y1))
    return summary, links


with tempfile.TemporaryDirectory() as tmp:
    big, big_links = run(tmp, "big", 780)
    small, small_links = run(tmp, "small", 400)

problems = []
snapped = big["stops"] - len(big["stops_not_on_network"])
print(f"stops {big['stops']}, on the network {snapped}, activities {big['activities']}, links {big['links']}, "
      f"network {big['network']['edges']} edges / {big['network']['length_m'] / 1000:.1f} km")
if snapped < 60:
    problems.append(f"only {snapped} stops on the network (about 90 lie inside the extract)")
if big["links"] < 1000:
    problems.append(f"only {big['links']} links within 780 m in central Helsinki")
for key, (dist, straight) in big_links.items():
    if dist < straight - 0.02:
        problems.append(f"{key}: walking {dist} m < straight line {straight:.2f} m")
    if dist > 780 + 0.01:
        problems.append(f"{key}: {dist} m beyond the limit")
expected_small = {k: v[0] for k, v in big_links.items() if v[0] <= 400}
got_small = {k: v[0] for k, v in small_links.items()}
# A link within 0.01 m of 400 may fall either side after rounding to centimetres.
missing = [k for k in expected_small if k not in got_small and expected_small[k] < 399.99]
extra = [k for k in got_small if k not in expected_small and got_small[k] < 399.99]
if missing or extra:
    problems.append(f"the 400 m run differs from the 780 m run cut at 400 m: missing {missing[:5]}, extra {extra[:5]}")
for k, d in got_small.items():
    if k in expected_small and abs(expected_small[k] - d) > 0.011:
        problems.append(f"{k}: {d} m at 400 m but {expected_small[k]} m at 780 m")
if problems:
    sys.exit("\n".join(problems[:20]))
print(f"nearby helsinki: ok ({len(big_links)} links checked, {len(got_small)} within 400 m)")
