#!/usr/bin/python3
"""Runs a trygg command that prints --json and checks numbers in it against values worked out
by hand, within a tolerance (for figures that come from a bisection or a polygon approximation,
where an exact string match of the rounded number would be fragile).

    place_json_check.py WORKDIR KEY=EXPECTED~TOLERANCE [...] -- TRYGG ARGS...

KEY is a dotted path into the JSON object (shortest.lit_share); numeric parts index arrays
(sites.0.gain). A KEY=TEXT check without ~ compares the value as a string.
"""
import json
import subprocess
import sys

workdir = sys.argv[1]
split = sys.argv.index("--")
checks, command = sys.argv[2:split], sys.argv[split + 1:]
r = subprocess.run(command, cwd=workdir, capture_output=True, text=True)
if r.returncode != 0:
    sys.exit(f"{' '.join(command)}\nexited {r.returncode}: {r.stderr}")
data = json.loads(r.stdout)
failures = []
for check in checks:
    key, want = check.split("=", 1)
    value = data
    for part in key.split("."):
        value = value[int(part)] if isinstance(value, list) else value[part]
    if "~" in want:
        expected, tolerance = (float(x) for x in want.split("~"))
        ok = abs(float(value) - expected) <= tolerance
    else:
        ok = str(value) == want
    print(f"{key} = {value} (expected {want}){'' if ok else '  <-- FAILS'}")
    if not ok:
        failures.append(key)
if failures:
    sys.exit("failed: " + ", ".join(failures))
