#!/usr/bin/python3
"""Generate the invented sample town in data/town/.

The town is made up: a street grid with some irregularity, a railway with two
pedestrian tunnels, a park, schools, a sports ground, street lights, cameras,
bus stops, activities, buildings, four districts and 2.5 years of safety
reports with hotspots and trends. It is placed at Hallstahammar, Sweden, in
SWEREF 99 TM (EPSG:3006) so that the tools' default working CRS applies.

Run from anywhere:   /usr/bin/python3 data/make_town.py [--check]

Only the Python standard library is used and every random choice comes from
seeded generators, so two runs give byte-identical files. `--check` also
validates the output (network connected and planar, buildings clear of
walkways, everything inside the box, districts tile the box) and prints counts.
"""

import csv
import datetime
import io
import json
import math
import os
import random
import sys

SEED = 20240101

# Centre of the town: lon 16.23, lat 59.615 (Hallstahammar), converted with
#   echo "16.23 59.615" | gdaltransform -s_srs EPSG:4326 -t_srs EPSG:3006
#   -> 569399.509023058 6609178.51793374
CENTRE_E = 569399.51
CENTRE_N = 6609178.52
HALF = 1500.0  # the town box is CENTRE +- 1500 m (3 x 3 km)

# Local coordinates (u, v) are metres east/north of the centre. The street grid
# is a lattice of nodes (i, j), i, j in [-N, N], spacing S, jittered.
S = 110.0
N = 13

OUT_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "town")
CRS = {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::3006"}}

START_DATE = datetime.datetime(2024, 1, 1)
END_DATE = datetime.datetime(2026, 6, 30, 23, 59)
N_DAYS = (END_DATE.date() - START_DATE.date()).days + 1  # 912


def rng_for(name):
    """One independent, seeded stream per layer: changing one layer's recipe
    does not reshuffle the others. random.Random(str) hashes with SHA-512, so
    it does not depend on PYTHONHASHSEED."""
    return random.Random("%d-%s" % (SEED, name))


# --------------------------------------------------------------------------
# small geometry helpers (plain tuples, metres)

def lerp(a, b, t):
    return (a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t)


def dist(a, b):
    return math.hypot(a[0] - b[0], a[1] - b[1])


def cross(o, a, b):
    return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0])


def pt_seg_dist(p, a, b):
    dx, dy = b[0] - a[0], b[1] - a[1]
    l2 = dx * dx + dy * dy
    if l2 == 0.0:
        return dist(p, a)
    t = max(0.0, min(1.0, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / l2))
    return dist(p, (a[0] + t * dx, a[1] + t * dy))


def segs_intersect(a, b, c, d):
    """True if closed segments ab and cd share a point."""
    d1, d2 = cross(c, d, a), cross(c, d, b)
    d3, d4 = cross(a, b, c), cross(a, b, d)
    if ((d1 > 0 > d2) or (d1 < 0 < d2)) and ((d3 > 0 > d4) or (d3 < 0 < d4)):
        return True

    def on_seg(p, q, r):  # r collinear with pq: is it within the box of pq?
        return (min(p[0], q[0]) - 1e-9 <= r[0] <= max(p[0], q[0]) + 1e-9 and
                min(p[1], q[1]) - 1e-9 <= r[1] <= max(p[1], q[1]) + 1e-9)

    return ((d1 == 0 and on_seg(c, d, a)) or (d2 == 0 and on_seg(c, d, b)) or
            (d3 == 0 and on_seg(a, b, c)) or (d4 == 0 and on_seg(a, b, d)))


def seg_seg_dist(a, b, c, d):
    if segs_intersect(a, b, c, d):
        return 0.0
    return min(pt_seg_dist(a, c, d), pt_seg_dist(b, c, d),
               pt_seg_dist(c, a, b), pt_seg_dist(d, a, b))


def point_in_ring(p, ring):
    """Even-odd rule; ring given without the closing repeat."""
    inside = False
    n = len(ring)
    for k in range(n):
        a, b = ring[k], ring[(k + 1) % n]
        if (a[1] > p[1]) != (b[1] > p[1]):
            x = a[0] + (p[1] - a[1]) * (b[0] - a[0]) / (b[1] - a[1])
            if x > p[0]:
                inside = not inside
    return inside


def ring_area(ring):
    s = 0.0
    for k in range(len(ring)):
        a, b = ring[k], ring[(k + 1) % len(ring)]
        s += a[0] * b[1] - b[0] * a[1]
    return s / 2.0


def ring_segments(ring):
    return [(ring[k], ring[(k + 1) % len(ring)]) for k in range(len(ring))]


def polyline_length(pts):
    return sum(dist(pts[k], pts[k + 1]) for k in range(len(pts) - 1))


def point_along(pts, s):
    """Point at arc length s along a polyline, and the unit direction there."""
    for k in range(len(pts) - 1):
        seg = dist(pts[k], pts[k + 1])
        if s <= seg or k == len(pts) - 2:
            t = 0.0 if seg == 0 else min(1.0, s / seg)
            d = ((pts[k + 1][0] - pts[k][0]) / seg, (pts[k + 1][1] - pts[k][1]) / seg)
            return lerp(pts[k], pts[k + 1], t), d
        s -= seg
    raise AssertionError("unreachable")


def oriented_rect(c, angle, w, d):
    """Rectangle centred at c, side w along `angle`, side d across; CCW."""
    ca, sa = math.cos(angle), math.sin(angle)
    ux, uy = ca * w / 2, sa * w / 2
    vx, vy = -sa * d / 2, ca * d / 2
    return [(c[0] - ux - vx, c[1] - uy - vy), (c[0] + ux - vx, c[1] + uy - vy),
            (c[0] + ux + vx, c[1] + uy + vy), (c[0] - ux + vx, c[1] - uy + vy)]


def l_shape(c, angle, w, d, cut_w, cut_d, corner):
    """Rectangle w x d with a cut_w x cut_d notch taken out of one corner (CCW)."""
    hw, hd = w / 2, d / 2
    local = [(-hw, -hd), (hw, -hd), (hw, hd - cut_d), (hw - cut_w, hd - cut_d),
             (hw - cut_w, hd), (-hw, hd)]
    # mirror to put the notch in the chosen corner, keep CCW orientation
    sx = -1 if corner in (1, 2) else 1
    sy = -1 if corner in (2, 3) else 1
    pts = [(x * sx, y * sy) for x, y in local]
    if sx * sy < 0:
        pts.reverse()
    ca, sa = math.cos(angle), math.sin(angle)
    return [(c[0] + x * ca - y * sa, c[1] + x * sa + y * ca) for x, y in pts]


class SegmentGrid:
    """Uniform grid over line segments for the clearance checks (cell 50 m)."""

    def __init__(self, cell=50.0):
        self.cell = cell
        self.buckets = {}

    def _keys(self, a, b, pad):
        c = self.cell
        x0 = int(math.floor((min(a[0], b[0]) - pad) / c))
        x1 = int(math.floor((max(a[0], b[0]) + pad) / c))
        y0 = int(math.floor((min(a[1], b[1]) - pad) / c))
        y1 = int(math.floor((max(a[1], b[1]) + pad) / c))
        for gx in range(x0, x1 + 1):
            for gy in range(y0, y1 + 1):
                yield (gx, gy)

    def add(self, a, b, tag):
        item = (a, b, tag)  # one object in every bucket, so near() can dedupe by id
        for k in self._keys(a, b, 0.0):
            self.buckets.setdefault(k, []).append(item)

    def near(self, a, b, pad):
        seen = set()
        for k in self._keys(a, b, pad):
            for item in self.buckets.get(k, ()):
                if id(item) not in seen:
                    seen.add(id(item))
                    yield item

    def clearance(self, ring, pad):
        """Smallest distance from the ring's edges to an indexed segment, capped at pad."""
        best = pad
        for a, b in ring_segments(ring):
            for c, d, _ in self.near(a, b, pad):
                best = min(best, seg_seg_dist(a, b, c, d))
        return best


# --------------------------------------------------------------------------
# the plan: lattice, town outline and zones

def build_lattice(rng):
    nodes = {}
    for i in range(-N, N + 1):
        for j in range(-N, N + 1):
            jx = rng.uniform(-12, 12)
            jy = rng.uniform(-12, 12)
            # main roads run straighter than the side streets
            if i in (0, -7, 7):
                jx *= 0.25
            if j in (0, -7, 7, -3, -2):
                jy *= 0.25
            nodes[(i, j)] = (i * S + jx, j * S + jy)
    # main roads end exactly on the box edge
    nodes[(0, N + 1)] = (nodes[(0, N)][0] + 6.0, HALF)
    nodes[(0, -N - 1)] = (nodes[(0, -N)][0] - 9.0, -HALF)
    nodes[(N + 1, 0)] = (HALF, nodes[(N, 0)][1] + 7.0)
    nodes[(-N - 1, 0)] = (-HALF, nodes[(-N, 0)][1] - 5.0)
    return nodes


def town_radius(theta):
    return 1190 + 140 * math.sin(2 * theta + 0.7) + 90 * math.cos(3 * theta - 0.4)


def is_urban(i, j):
    if abs(i) > N or abs(j) > N:
        return False
    u, v = i * S, j * S
    return math.hypot(u, v) <= town_radius(math.atan2(v, u))


PARK = (2, 5, 4, 6)          # cells ci in [2, 5], cj in [4, 6]
SPORTS = (-6, -5, 3, 4)
SCHOOL_N = (3, 4, 1, 2)
SCHOOL_S = (-5, -4, -6, -5)
INDUSTRY = (6, 9, -7, -4)
CENTRE = (-4, 2, -2, 2)
RAIL_ROW = -3                # railway in the middle of cell row cj = -3
SQUARE = (-2, 1)
CHURCH = (-3, 2)
SPORTHALL = (5, 1)
SWIMHALL = (5, 2)
STATION = (0, -3)
TUNNEL_I = -2                # footway tunnel under the railway
CYCLE_TUNNEL_I = 3           # cycleway tunnel under the railway


def in_box(c, box):
    return box[0] <= c[0] <= box[1] and box[2] <= c[1] <= box[3]


def cell_urban(ci, cj):
    return all(is_urban(ci + di, cj + dj) for di in (0, 1) for dj in (0, 1))


def zone_of(ci, cj, green):
    c = (ci, cj)
    if cj == RAIL_ROW:
        return "rail"
    for name, box in (("park", PARK), ("sports", SPORTS), ("school_n", SCHOOL_N),
                      ("school_s", SCHOOL_S)):
        if in_box(c, box):
            return name
    if c == SQUARE:
        return "square"
    if c == CHURCH:
        return "church"
    if c == SPORTHALL:
        return "sporthall"
    if c == SWIMHALL:
        return "swimhall"
    if not cell_urban(ci, cj):
        return "rural"
    if in_box(c, INDUSTRY):
        return "industry"
    if in_box(c, CENTRE):
        return "centre"
    if c in green:
        return "green"
    r = math.hypot((ci + 0.5) * S, (cj + 0.5) * S)
    # apartment blocks near the centre, villas further out (mixed by a hash)
    if r < 720 and (ci * 7 + cj * 3) % 5 != 0:
        return "apartments"
    return "villa"


def cells_of_edge(a, b):
    """The two cells on either side of a lattice edge."""
    (i1, j1), (i2, j2) = sorted([a, b])
    if j1 == j2:  # horizontal edge: cells below and above
        return [(i1, j1 - 1), (i1, j1)]
    return [(i1 - 1, j1), (i1, j1)]  # vertical edge: cells left and right


# --------------------------------------------------------------------------
# walkways

STREET_NAMES = [
    "Björkvägen", "Ekgatan", "Lindvägen", "Aspvägen", "Rönnvägen", "Granvägen",
    "Tallvägen", "Lönnvägen", "Alvägen", "Hasselvägen", "Sälgvägen", "Pilvägen",
    "Körsbärsvägen", "Syrenvägen", "Flädervägen", "Häggvägen", "Vallmovägen",
    "Blåklintsvägen", "Prästkragevägen", "Liljevägen", "Rosenvägen", "Tulpanvägen",
    "Violvägen", "Klövervägen", "Ljungvägen", "Ängsvägen", "Hagvägen", "Backvägen",
    "Bergsgatan", "Dalgatan", "Åsgatan", "Strandvägen", "Sjövägen", "Kanalvägen",
    "Slussgatan", "Bruksgatan", "Hyttgatan", "Mjölnarvägen", "Snickarvägen",
    "Skomakarvägen", "Bagarvägen", "Tegelbruksvägen", "Sågverksgatan", "Solvägen",
    "Månvägen", "Stjärnvägen", "Vintervägen", "Sommarvägen", "Vårvägen", "Höstvägen",
    "Tranvägen", "Svanvägen", "Lärkvägen", "Trastvägen", "Finkvägen", "Mesvägen",
    "Duvvägen", "Hökvägen", "Ugglevägen", "Falkvägen", "Orrvägen", "Tjädervägen",
    "Älgvägen", "Rävvägen", "Harvägen", "Ekorrvägen", "Odlingsvägen",
    "Trädgårdsgatan", "Fabriksgatan", "Kvarngatan", "Gästgivaregatan", "Postgatan",
    "Tingsgatan", "Rådhusgatan", "Nygatan", "Tvärgatan", "Långgatan", "Västergatan",
    "Östergatan", "Norrgatan", "Södergatan", "Malmgatan", "Kolargatan", "Gruvvägen",
    "Hammargatan", "Mossvägen", "Bäckvägen", "Kyrkbyvägen", "Gärdesvägen",
    "Lingonvägen", "Blåbärsvägen", "Hjortronvägen", "Smultronvägen", "Hallonvägen",
    "Vinbärsvägen", "Plommonvägen", "Äppelvägen", "Päronvägen", "Humlevägen",
    "Kornvägen", "Havrevägen", "Vetevägen", "Rågvägen", "Linvägen",
]

# street names reserved for the streets bordering a feature, used in order
FEATURE_NAMES = {
    "park": ["Parkvägen", "Parkgatan", "Lindallén", "Parkstigen"],
    "school_n": ["Skolgatan", "Lärarvägen", "Rektorsvägen"],
    "school_s": ["Södra Skolvägen", "Elevvägen", "Klassvägen"],
    "church": ["Kyrkogatan", "Prästgårdsvägen"],
    "sports": ["Idrottsvägen", "Bollplansvägen", "Arenavägen"],
    "swimhall": ["Badhusgatan"],
    "sporthall": ["Hallgatan"],
    "industry": ["Verkstadsgatan", "Smedjegatan", "Svetsarvägen", "Montörsgatan",
                 "Gjutarvägen", "Lagervägen"],
    "rail_n": ["Järnvägsgatan", "Stationsgatan", "Spårvägen", "Perronggatan"],
    "rail_s": ["Banvägen", "Rälsvägen", "Växelgatan", "Signalvägen"],
}


def main_road(a, b):
    """(highway, name) for the main roads, else None."""
    (i1, j1), (i2, j2) = sorted([a, b])
    if i1 == i2 == 0:  # north-south secondary through the centre
        jm = (j1 + j2) / 2
        if jm > 2.5:
            return "secondary", "Surahammarsvägen"
        if jm < -2.5:
            return "secondary", "Eskilstunavägen"
        return "secondary", "Kungsgatan"
    if j1 == j2 == 0:  # east-west secondary
        im = (i1 + i2) / 2
        if im < -4:
            return "secondary", "Köpingsvägen"
        if im > 3:
            return "secondary", "Västeråsvägen"
        return "secondary", "Drottninggatan"
    if i1 == i2 and abs(i1) == 7 and -7 <= j1 and j2 <= 7:
        return "tertiary", "Västra Ringvägen" if i1 < 0 else "Östra Ringvägen"
    if j1 == j2 and abs(j1) == 7 and -7 <= i1 and i2 <= 7:
        return "tertiary", "Södra Ringvägen" if j1 < 0 else "Norra Ringvägen"
    if j1 == j2 == -5 and i1 >= 7 and i2 <= 10:
        return "tertiary", "Industrivägen"
    return None


def build_walkways(nodes):
    rng = rng_for("walkways")
    edges = {}  # (a, b) sorted -> dict

    def add(a, b, highway, name=None, lit="yes", tunnel=None):
        key = tuple(sorted([a, b]))
        edges[key] = {"a": key[0], "b": key[1], "highway": highway, "name": name,
                      "lit": lit, "tunnel": tunnel}

    # green cells: small parks crossed by a diagonal footway
    green = set()
    cand = [(ci, cj) for ci in range(-N, N) for cj in range(-N, N)
            if zone_of(ci, cj, set()) in ("villa", "apartments")]
    for c in rng.sample(cand, 12):
        green.add(c)

    def zone(c):
        return zone_of(c[0], c[1], green)

    lattice_edges = []
    for i in range(-N, N + 1):
        for j in range(-N, N + 1):
            if i < N:
                lattice_edges.append(((i, j), (i + 1, j)))
            if j < N:
                lattice_edges.append(((i, j), (i, j + 1)))
    lattice_edges += [((0, N), (0, N + 1)), ((0, -N - 1), (0, -N)),
                      ((N, 0), (N + 1, 0)), ((-N - 1, 0), (-N, 0))]

    for a, b in lattice_edges:
        main = main_road(a, b)
        vertical = a[0] == b[0]
        crosses_rail = vertical and min(a[1], b[1]) == RAIL_ROW
        if crosses_rail and not main:
            if a[0] == TUNNEL_I:
                add(a, b, "footway", "Stationstunneln", "yes", "yes")
            elif a[0] == CYCLE_TUNNEL_I:
                add(a, b, "cycleway", None, "yes", "yes")
            continue
        if main:
            add(a, b, main[0], main[1], "yes" if is_urban(*a) or is_urban(*b) else "no")
            continue
        if not (is_urban(*a) and is_urban(*b)):
            continue
        z1, z2 = [zone(c) for c in cells_of_edge(a, b)]
        if z1 == z2 == "park":
            if not vertical and a[1] == 5:
                add(a, b, "footway", "Parkstråket", "yes")
            elif rng.random() < 0.8:
                add(a, b, "path", None, "no")
            continue
        if z1 == z2 and z1 in ("sports", "school_n", "school_s"):
            continue
        if not vertical and a[1] == 1 and -3 <= min(a[0], b[0]) <= 0:
            add(a, b, "footway", "Storgatan", "yes")  # pedestrian street
            continue
        if SQUARE in cells_of_edge(a, b):
            add(a, b, "footway", "Torget", "yes")
            continue
        ordinary = all(z in ("villa", "apartments", "centre", "green", "industry")
                       for z in (z1, z2))
        p_remove = 0.45 if "industry" in (z1, z2) else 0.16
        if ordinary and rng.random() < p_remove:
            r = rng.random()
            if r < 0.5:
                add(a, b, "footway", None, "yes" if rng.random() < 0.7 else "no")
            elif r < 0.7:
                add(a, b, "cycleway", None, "yes" if rng.random() < 0.85 else "no")
            continue
        # two cycle routes through the residential areas
        if (vertical and a[0] == -3 and 3 <= min(a[1], b[1]) < 10) or \
           (not vertical and a[1] == -9 and -6 <= min(a[0], b[0]) < 0):
            add(a, b, "cycleway", None, "yes")
            continue
        add(a, b, "residential", None, "yes" if rng.random() < 0.97 else "no")

    # diagonal footways through the green cells (short cuts, mostly unlit)
    for c in sorted(green):
        ci, cj = c
        if rng.random() < 0.5:
            a, b = (ci, cj), (ci + 1, cj + 1)
        else:
            a, b = (ci + 1, cj), (ci, cj + 1)
        add(a, b, "footway", None, "no" if rng.random() < 0.6 else "yes")

    # keep the component that holds the centre
    adj = {}
    for e in edges.values():
        adj.setdefault(e["a"], []).append(e["b"])
        adj.setdefault(e["b"], []).append(e["a"])
    seen, stack = {(0, 0)}, [(0, 0)]
    while stack:
        n = stack.pop()
        for m in adj[n]:
            if m not in seen:
                seen.add(m)
                stack.append(m)
    keep = [e for k, e in sorted(edges.items()) if e["a"] in seen]

    name_streets(keep, green, rng)
    extra_nodes = split_tunnels(keep, nodes)
    extra_nodes.update(add_midblock_paths(keep, nodes, green, rng))
    all_nodes = dict(nodes)
    all_nodes.update(extra_nodes)
    shape_edges(keep, all_nodes, rng)

    # osm_id-like ids: increasing with irregular steps, stable order
    wid = 24101350
    for e in keep:
        wid += rng.randint(1, 40)
        e["id"] = wid
    return keep, green, all_nodes


def name_streets(edges, green, rng):
    pool = list(STREET_NAMES)
    rng.shuffle(pool)
    # when the list runs out: the same stems as "-gränd" and "-backen"
    stems = [n[:-5] for n in STREET_NAMES if n.endswith(("vägen", "gatan"))]
    spare = [st + "gränd" for st in stems] + [st + "backen" for st in stems]
    rng.shuffle(spare)
    pool = spare + pool
    feature_pools = {k: list(v) for k, v in FEATURE_NAMES.items()}
    by_key = {(e["a"], e["b"]): e for e in edges}

    def feature_of(e):
        a, b = e["a"], e["b"]
        if a[1] == b[1] == RAIL_ROW + 1:
            return "rail_n"
        if a[1] == b[1] == RAIL_ROW:
            return "rail_s"
        for c in cells_of_edge(a, b):
            z = zone_of(c[0], c[1], green)
            if z in ("park", "school_n", "school_s", "church", "sports",
                     "swimhall", "sporthall", "industry"):
                return z
        return None

    # walk every lattice line; a run of residential edges is one street,
    # cut into pieces of 3..6 blocks so names do not run across the town
    lines = []
    for j in range(-N, N + 1):
        lines.append([((i, j), (i + 1, j)) for i in range(-N, N)])
    for i in range(-N, N + 1):
        lines.append([((i, j), (i, j + 1)) for j in range(-N, N)])
    for line in lines:
        run = []
        limit = rng.randint(3, 7)
        for key in line + [None]:
            e = by_key.get(key) if key else None
            if e is not None and e["highway"] == "residential" and len(run) < limit:
                run.append(e)
                continue
            if run:
                feat = next((f for f in map(feature_of, run) if f), None)
                if feat and feature_pools[feat]:
                    name = feature_pools[feat].pop(0)
                else:
                    name = pool.pop()
                for r in run:
                    r["name"] = name
                limit = rng.randint(3, 7)
            run = [e] if e is not None and e["highway"] == "residential" else []


def split_tunnels(edges, nodes):
    """Cut each tunnel edge into approach - tunnel - approach so that only the
    24 m under the railway carries tunnel=yes. Returns the new portal nodes."""
    extra = {}
    out = []
    k = 0
    for e in edges:
        if e["tunnel"] != "yes":
            out.append(e)
            continue
        a, b = e["a"], e["b"]
        pa, pb = nodes[a], nodes[b]
        half = 12.0 / dist(pa, pb)
        p1, p2 = (100, 2 * k), (100, 2 * k + 1)
        extra[p1] = lerp(pa, pb, 0.5 - half)
        extra[p2] = lerp(pa, pb, 0.5 + half)
        k += 1
        for x, y, tun in ((a, p1, None), (p1, p2, "yes"), (p2, b, None)):
            piece = dict(e)
            piece["a"], piece["b"], piece["tunnel"] = x, y, tun
            out.append(piece)
    edges[:] = out
    return extra


def add_midblock_paths(edges, nodes, green, rng):
    """Footways across some villa blocks, between the back gardens: split the
    block's two side streets at their middles and join the new nodes."""
    by_key = {(e["a"], e["b"]): e for e in edges}
    mids = {}  # lattice edge key -> new middle node
    extra = {}
    new_edges = []
    for ci in range(-N, N):
        for cj in range(-N, N):
            if zone_of(ci, cj, green) != "villa" or rng.random() > 0.3:
                continue
            left, right = ((ci, cj), (ci, cj + 1)), ((ci + 1, cj), (ci + 1, cj + 1))
            if not all(by_key.get(k, {}).get("highway") == "residential" for k in (left, right)):
                continue
            ends = []
            for k in (left, right):
                if k not in mids:
                    m = (200, len(mids))
                    mids[k] = m
                    extra[m] = lerp(nodes[k[0]], nodes[k[1]], 0.5)
                ends.append(mids[k])
            new_edges.append({"a": ends[0], "b": ends[1], "highway": "footway", "name": None,
                              "lit": "yes" if rng.random() < 0.6 else "no", "tunnel": None})
    out = []
    for e in edges:
        m = mids.get((e["a"], e["b"]))
        if m is None:
            out.append(e)
            continue
        for x, y in ((e["a"], m), (m, e["b"])):
            piece = dict(e)
            piece["a"], piece["b"] = x, y
            out.append(piece)
    edges[:] = out + new_edges
    return extra


def shape_edges(edges, nodes, rng):
    """Give each edge its polyline: straight-ish in town, winding outside,
    curved park paths. End points are the shared node coordinates."""
    for e in edges:
        pa, pb = nodes[e["a"]], nodes[e["b"]]
        length = dist(pa, pb)
        nx, ny = -(pb[1] - pa[1]) / length, (pb[0] - pa[0]) / length
        rural = not (is_urban(*e["a"]) and is_urban(*e["b"]))
        pts = [pa]
        if e["highway"] == "path":
            bulge = rng.choice((-1, 1)) * rng.uniform(12, 26)
            ctrl = (lerp(pa, pb, 0.5)[0] + nx * bulge * 2, lerp(pa, pb, 0.5)[1] + ny * bulge * 2)
            for k in range(1, 8):  # quadratic Bezier, apex offset = bulge
                t = k / 8
                q0, q1 = lerp(pa, ctrl, t), lerp(ctrl, pb, t)
                pts.append(lerp(q0, q1, t))
        elif rural and e["a"][0] < 100:
            amp = rng.uniform(-10, 10)
            for k in range(1, 6):
                t = k / 6
                p = lerp(pa, pb, t)
                off = amp * math.sin(math.pi * t)
                pts.append((p[0] + nx * off, p[1] + ny * off))
        elif e["tunnel"] is None and rng.random() < 0.3 and length > 40:
            off = rng.uniform(-1.5, 1.5)
            p = lerp(pa, pb, rng.uniform(0.35, 0.65))
            pts.append((p[0] + nx * off, p[1] + ny * off))
        pts.append(pb)
        e["pts"] = pts


# --------------------------------------------------------------------------
# buildings

def block_ring(nodes, ci0, ci1, cj0, cj1):
    ring = [nodes[(i, cj0)] for i in range(ci0, ci1 + 1)]
    ring += [nodes[(ci1 + 1, j)] for j in range(cj0, cj1 + 1)]
    ring += [nodes[(i, cj1 + 1)] for i in range(ci1 + 1, ci0, -1)]
    ring += [nodes[(ci0, j)] for j in range(cj1 + 1, cj0, -1)]
    return ring


def bilinear(corners, s, t):
    sw, se, ne, nw = corners
    return ((1 - s) * (1 - t) * sw[0] + s * (1 - t) * se[0] + s * t * ne[0] + (1 - s) * t * nw[0],
            (1 - s) * (1 - t) * sw[1] + s * (1 - t) * se[1] + s * t * ne[1] + (1 - s) * t * nw[1])


def rail_line(nodes):
    """The railway: through the middle of cell row RAIL_ROW, box edge to box edge."""
    pts = [lerp(nodes[(i, RAIL_ROW)], nodes[(i, RAIL_ROW + 1)], 0.5) for i in range(-N, N + 1)]
    return [(-HALF, pts[0][1])] + pts + [(HALF, pts[-1][1])]


class BuildingPlacer:
    CLEARANCE = 9.0   # from any walkway centreline or the railway
    GAP = 3.0         # between buildings

    def __init__(self, seg_grid):
        self.grid = seg_grid
        self.placed = SegmentGrid(40.0)
        self.buildings = []

    def try_add(self, ring, btype, block):
        if not all(point_in_ring(p, block) for p in ring):
            return None
        if any(pt_seg_dist(p, a, b) < 2.0 for p in ring for a, b in ring_segments(block)):
            return None
        if self.grid.clearance(ring, self.CLEARANCE) < self.CLEARANCE:
            return None
        if self.placed.clearance(ring, self.GAP) < self.GAP:
            return None
        # edges apart is not enough: one building could sit inside another
        for a, b in ring_segments(ring):
            for _, _, other in self.placed.near(a, b, 40.0):
                o = self.buildings[other]["ring"]
                if point_in_ring(ring[0], o) or point_in_ring(o[0], ring):
                    return None
        for (a, b) in ring_segments(ring):
            self.placed.add(a, b, len(self.buildings))
        self.buildings.append({"ring": ring, "type": btype})
        return len(self.buildings) - 1


def build_buildings(nodes, edges, green):
    rng = rng_for("buildings")
    grid = SegmentGrid()
    for e in edges:
        for k in range(len(e["pts"]) - 1):
            grid.add(e["pts"][k], e["pts"][k + 1], "walkway")
    rail = rail_line(nodes)
    for k in range(len(rail) - 1):
        grid.add(rail[k], rail[k + 1], "rail")
    placer = BuildingPlacer(grid)
    named = {}  # landmark name -> building index

    def block(box):
        ci0, ci1, cj0, cj1 = box
        ring = block_ring(nodes, ci0, ci1, cj0, cj1)
        corners = (nodes[(ci0, cj0)], nodes[(ci1 + 1, cj0)],
                   nodes[(ci1 + 1, cj1 + 1)], nodes[(ci0, cj1 + 1)])
        sw, se, ne, nw = corners
        ang = math.atan2((se[1] - sw[1]) + (ne[1] - nw[1]), (se[0] - sw[0]) + (ne[0] - nw[0]))
        return ring, corners, ang

    def place(box, s, t, w, d, btype, rot=0.0, name=None, shape=None):
        ring, corners, ang = block(box)
        c = bilinear(corners, s, t)
        poly = shape(c, ang + rot) if shape else oriented_rect(c, ang + rot, w, d)
        idx = placer.try_add(poly, btype, ring)
        if idx is not None and name:
            named[name] = idx
        return idx

    # landmarks first, so that they get the room they need
    place(SCHOOL_N, 0.5, 0.72, 70, 16, "school", name="Centralskolan")
    place(SCHOOL_N, 0.26, 0.42, 44, 15, "school", rot=math.pi / 2)
    place(SCHOOL_N, 0.74, 0.3, 36, 26, "school", name="Centralskolans gymnastiksal")
    place(SCHOOL_S, 0.45, 0.7, 60, 15, "school", name="Södra skolan")
    place(SCHOOL_S, 0.72, 0.35, 32, 24, "school", name="Södra hallen")
    place(SPORTS, 0.83, 0.2, 36, 22, "public", name="Idrottshallen")
    place((CHURCH[0], CHURCH[0], CHURCH[1], CHURCH[1]), 0.5, 0.6, 32, 14, "church",
          name="Stadskyrkan")
    place((CHURCH[0], CHURCH[0], CHURCH[1], CHURCH[1]), 0.3, 0.25, 20, 11, "public",
          name="Församlingshemmet")
    place((SWIMHALL[0], SWIMHALL[0], SWIMHALL[1], SWIMHALL[1]), 0.5, 0.5, 52, 32, "public",
          name="Simhallen")
    place((SPORTHALL[0], SPORTHALL[0], SPORTHALL[1], SPORTHALL[1]), 0.5, 0.4, 46, 30, "public",
          name="Sporthallen")
    place((STATION[0], STATION[0], STATION[1], STATION[1]), 0.45, 0.72, 40, 13, "station",
          name="Stationshuset")
    place((PARK[0] + 1, PARK[0] + 1, PARK[2], PARK[2]), 0.5, 0.62, 12, 8, "commercial",
          name="Parkcaféet")

    for ci in range(-N, N):
        for cj in range(-N, N):
            z = zone_of(ci, cj, green)
            box = (ci, ci, cj, cj)
            if z == "villa":
                ncols = rng.choice((3, 3, 4))
                for t in (0.26, 0.74):
                    for k in range(ncols):
                        s = (k + 0.5) / ncols + rng.uniform(-0.03, 0.03)
                        w, d = rng.uniform(9, 14), rng.uniform(8, 11)
                        tt = t + rng.uniform(-0.03, 0.03)
                        if rng.random() < 0.25:
                            cw, cd, corner = w * 0.45, d * 0.4, rng.randrange(4)
                            shape = (lambda c, a, w=w, d=d, cw=cw, cd=cd, corner=corner:
                                     l_shape(c, a, w, d, cw, cd, corner))
                        else:
                            shape = None
                        place(box, s, tt, w, d, "residential", shape=shape)
                        if rng.random() < 0.3:  # garage next to the house
                            ds = (w / 2 + 6) / 110.0
                            place(box, s + ds, tt + 0.05 * (1 if t < 0.5 else -1), 6, 6, "garage")
            elif z == "apartments":
                if rng.random() < 0.6:  # slabs
                    for t in (0.28, 0.72):
                        place(box, 0.5, t, rng.uniform(40, 60), 12, "residential")
                else:  # point houses
                    for s in (0.3, 0.7):
                        for t in (0.3, 0.7):
                            sz = rng.uniform(16, 20)
                            place(box, s, t, sz, sz, "residential")
            elif z == "centre":
                facing_main = cj in (-1, 0, 1) or ci in (-1, 0)
                for (s, t, rot, w) in ((0.5, 0.19, 0, 64), (0.5, 0.81, 0, 64),
                                       (0.19, 0.5, math.pi / 2, 34), (0.81, 0.5, math.pi / 2, 34)):
                    btype = "commercial" if (facing_main and rng.random() < 0.7) or \
                        rng.random() < 0.25 else "residential"
                    place(box, s, t, w, 13, btype, rot=rot)
            elif z == "industry":
                if rng.random() < 0.5:
                    place(box, 0.5, 0.5, rng.uniform(55, 72), rng.uniform(35, 52), "industrial")
                else:
                    place(box, 0.5, 0.3, rng.uniform(50, 70), 25, "industrial")
                    place(box, 0.4, 0.74, rng.uniform(30, 45), 18, "industrial")
            elif z == "sporthall":
                place(box, 0.5, 0.85, 30, 12, "residential")
    return placer.buildings, named


# --------------------------------------------------------------------------
# street lights

def build_lights(edges):
    rng = rng_for("lights")
    spec = {  # spacing (m), offset from the centreline (m), heights (m)
        "secondary": (30, 7.0, (9.0, 10.0)),
        "tertiary": (34, 6.0, (8.0, 9.0)),
        "residential": (40, 4.5, (5.0, 6.0, 6.0, 7.0)),
        "footway": (36, 2.0, (4.0, 4.5, 5.0)),
        "cycleway": (38, 2.0, (4.0, 4.5, 5.0)),
    }
    lit = [e for e in edges if e["lit"] == "yes" and e["highway"] in spec]
    town = [e for e in lit if e["highway"] in ("residential", "footway", "cycleway")
            and e["tunnel"] is None and e["name"] not in ("Storgatan", "Torget")]
    # dark gaps: whole edges, and parts of edges, where the lights are missing
    gap_whole = set(id(e) for e in rng.sample(town, 9))
    gap_part = set(id(e) for e in rng.sample([e for e in town if id(e) not in gap_whole], 4))
    gaps = [e for e in lit if id(e) in gap_whole or id(e) in gap_part]

    lights = []
    for e in lit:
        if id(e) in gap_whole:
            continue
        spacing, offset, heights = spec[e["highway"]]
        if e["name"] in ("Storgatan", "Torget"):
            spacing = 22
        if e["tunnel"] == "yes":
            spacing, offset, heights = 8, 1.5, (4.0,)
        pts = e["pts"]
        length = polyline_length(pts)
        side = rng.choice((-1, 1))
        s = rng.uniform(5, min(spacing, length / 2))
        while s < length - 5:
            if not (id(e) in gap_part and 0.3 * length < s < 0.9 * length):
                p, d = point_along(pts, s)
                off = offset + rng.uniform(-0.5, 0.5)
                lights.append({"p": (p[0] - d[1] * off * side, p[1] + d[0] * off * side),
                               "height": rng.choice(heights), "status": "ok",
                               "street": e["name"]})
            s += spacing * rng.uniform(0.9, 1.1)

    # broken lights: scattered single ones, plus two runs of neighbours on one
    # residential street (a cable fault) - the lighting hotspot in the reports
    res_lights = {}
    for k, l in enumerate(lights):
        if l["street"] and l["height"] in (5.0, 6.0, 7.0):
            res_lights.setdefault(l["street"], []).append(k)
    streets = sorted(s for s, ks in res_lights.items() if len(ks) >= 12)
    fault_streets = rng.sample(streets, 2)
    runs = []
    for fs, n in zip(fault_streets, (8, 5)):
        # streets follow lattice lines: order the lights along the line
        idx = res_lights[fs]
        xs = [lights[k]["p"][0] for k in idx]
        ys = [lights[k]["p"][1] for k in idx]
        along = 0 if max(xs) - min(xs) > max(ys) - min(ys) else 1
        idx = sorted(idx, key=lambda k: lights[k]["p"][along])
        start = rng.randrange(0, len(idx) - n)
        run = idx[start:start + n]
        for k in run:
            lights[k]["status"] = "broken"
        runs.append(run)
    n_broken = round(0.03 * len(lights))
    rest = [k for k, l in enumerate(lights) if l["status"] == "ok"]
    for k in rng.sample(rest, n_broken - sum(len(r) for r in runs)):
        lights[k]["status"] = "broken"
    for k, l in enumerate(lights):
        l["id"] = k + 1
    return lights, runs, gaps


# --------------------------------------------------------------------------
# bus stops

def build_stops(edges, nodes, anchors):
    rng = rng_for("stops")
    by_node = {}
    for e in edges:
        by_node.setdefault(e["a"], []).append(e)
        by_node.setdefault(e["b"], []).append(e)
    # main road lines as node sequences
    lines = [[(0, j) for j in range(-N - 1, N + 2)], [(i, 0) for i in range(-N - 1, N + 2)]]
    for k in (-7, 7):
        lines.append([(k, j) for j in range(-7, 8)])
        lines.append([(i, k) for i in range(-7, 8)])
    lines.append([(i, -5) for i in range(7, 11)])
    # the bus terminal at the station forecourt, on the street north of the railway
    a, b = nodes[(0, RAIL_ROW + 1)], nodes[(1, RAIL_ROW + 1)]
    p = lerp(a, b, 0.35)
    cands = [{"p": (p[0], p[1] - 6.0), "node": (0, RAIL_ROW + 1), "road": None,
              "name": "Resecentrum"}]
    for line in lines:
        for k in range(1, len(line) - 1, 2):
            n, nxt = line[k], line[k + 1]
            if n not in by_node or nxt not in by_node:
                continue
            p, q = nodes[n], nodes[nxt]
            d = ((q[0] - p[0]) / dist(p, q), (q[1] - p[1]) / dist(p, q))
            side = rng.choice((-1, 1))
            pos = (p[0] + d[0] * 18 - d[1] * 6 * side, p[1] + d[1] * 18 + d[0] * 6 * side)
            if any(dist(pos, c["p"]) < 200 for c in cands):
                continue
            road = next((e["name"] for e in by_node[n] if {e["a"], e["b"]} == {n, nxt}), None)
            cands.append({"p": pos, "node": n, "road": road})
    # landmark names go to the nearest stop within 300 m
    used = {"Resecentrum"}
    for name, ap in anchors:
        best = min((c for c in cands if "name" not in c), key=lambda c: dist(c["p"], ap))
        if dist(best["p"], ap) < 300:
            best["name"] = name
            used.add(name)
    farms = ["Nibble", "Berga", "Sörby", "Skogsby", "Västanby", "Ekeby", "Tuna",
             "Lunda", "Åby", "Holmen", "Kvarnbacken", "Hagalund", "Solberga", "Ängsgården"]
    for c in cands:
        if "name" in c:
            continue
        own = c["road"]
        names = sorted(set(e["name"] for e in by_node[c["node"]]
                           if e["name"] and e["name"] != own and e["name"] not in used
                           and e["highway"] in ("residential", "tertiary", "secondary")))
        if names and is_urban(*c["node"]):
            c["name"] = names[0]
        else:
            c["name"] = farms.pop(0)
        used.add(c["name"])
    for k, c in enumerate(cands):
        c["stop_id"] = "74001%04d" % (1101 + 7 * k)
    return cands


# --------------------------------------------------------------------------
# districts: four polygons that tile the box, with borders along streets

def build_districts(nodes):
    def col(i, j0, j1):
        step = 1 if j1 >= j0 else -1
        return [nodes[(i, j)] for j in range(j0, j1 + step, step)]

    def row(j, i0, i1):
        step = 1 if i1 >= i0 else -1
        return [nodes[(i, j)] for i in range(i0, i1 + step, step)]

    west_y = nodes[(-N, 0)][1]
    top_x, bot_x = nodes[(3, N)][0], nodes[(3, -N)][0]
    centrum = row(-4, -4, 3)[:-1] + col(3, -4, 3)[:-1] + row(3, 3, -4)[:-1] + col(-4, 3, -4)[:-1]
    norra = ([(-HALF, HALF), (-HALF, west_y)] + row(0, -N, -4) + col(-4, 1, 3) + row(3, -3, 3) +
             col(3, 4, N) + [(top_x, HALF)])
    sodra = ([(-HALF, -HALF), (bot_x, -HALF)] + col(3, -N, -4) + row(-4, 2, -4) +
             col(-4, -3, 0) + row(0, -5, -N) + [(-HALF, west_y)])
    ostra = [(bot_x, -HALF), (HALF, -HALF), (HALF, HALF), (top_x, HALF)] + col(3, N, -N)
    return [(1, "Centrum", centrum), (2, "Norra", norra), (3, "Södra", sodra), (4, "Östra", ostra)]


# --------------------------------------------------------------------------
# cameras

def build_cameras(nodes, edges, buildings, named):
    rng = rng_for("cameras")
    cams = []

    def heading(frm, to):
        return round(math.degrees(math.atan2(to[0] - frm[0], to[1] - frm[1]))) % 360

    def add(p, target, no_heading=False, rng_range=(20, 60)):
        cams.append({"p": p, "heading": None if no_heading else heading(p, target),
                     "fov": rng.randint(60, 110), "range": rng.randint(*rng_range)})

    def centroid(ring):
        return (sum(p[0] for p in ring) / len(ring), sum(p[1] for p in ring) / len(ring))

    def corners_out(name, k):
        ring = buildings[named[name]]["ring"]
        c = centroid(ring)
        out = []
        for p in ring[:k]:
            d = dist(p, c)
            out.append((p[0] + (p[0] - c[0]) / d * 1.5, p[1] + (p[1] - c[1]) / d * 1.5))
        return out, c

    # station: on the building corners, looking at the platform and forecourt
    st_corners, st_c = corners_out("Stationshuset", 4)
    rail_pt = (st_c[0], lerp(nodes[(0, RAIL_ROW)], nodes[(0, RAIL_ROW + 1)], 0.5)[1])
    for k, p in enumerate(st_corners):
        add(p, rail_pt if k < 2 else (p[0] + (p[0] - st_c[0]), p[1] + (p[1] - st_c[1])))
    # both tunnels: one camera at each portal approach, looking into the tunnel
    for e in edges:
        if e["tunnel"] == "yes":
            pa, pb = e["pts"][0], e["pts"][-1]
            for frm, to in ((pa, pb), (pb, pa)):
                p = lerp(to, frm, 1 + 14 / dist(pa, pb))
                add((p[0] + 2.0, p[1]), to, rng_range=(25, 40))
    # the square: four corners looking at its centre, a dome camera in the middle
    sq = [nodes[(SQUARE[0], SQUARE[1])], nodes[(SQUARE[0] + 1, SQUARE[1])],
          nodes[(SQUARE[0] + 1, SQUARE[1] + 1)], nodes[(SQUARE[0], SQUARE[1] + 1)]]
    sqc = centroid(sq)
    for p in sq:
        add(lerp(p, sqc, 0.12), sqc)
    add(sqc, sqc, no_heading=True)
    # the station forecourt by the bus stop: a dome camera without a heading
    add((st_c[0] + 30, st_c[1] + 22), st_c, no_heading=True)
    # the pedestrian street: looking along it
    for i in (-3, 0, 1):
        a, b = nodes[(i, 1)], nodes[(i + 1 if i < 1 else i - 1, 1)]
        add(lerp(a, b, 0.1), lerp(a, b, 0.9))
    # schools: on the buildings, looking at the school yards
    yard_n = bilinear((nodes[(SCHOOL_N[0], SCHOOL_N[2])], nodes[(SCHOOL_N[1] + 1, SCHOOL_N[2])],
                       nodes[(SCHOOL_N[1] + 1, SCHOOL_N[3] + 1)],
                       nodes[(SCHOOL_N[0], SCHOOL_N[3] + 1)]), 0.55, 0.5)
    for p in corners_out("Centralskolan", 2)[0] + corners_out("Centralskolans gymnastiksal", 2)[0]:
        add(p, yard_n)
    yard_s = bilinear((nodes[(SCHOOL_S[0], SCHOOL_S[2])], nodes[(SCHOOL_S[1] + 1, SCHOOL_S[2])],
                       nodes[(SCHOOL_S[1] + 1, SCHOOL_S[3] + 1)],
                       nodes[(SCHOOL_S[0], SCHOOL_S[3] + 1)]), 0.45, 0.45)
    for p in corners_out("Södra skolan", 2)[0]:
        add(p, yard_s)
    # entrances of the halls
    for name in ("Simhallen", "Sporthallen"):
        p, c = corners_out(name, 1)
        add(p[0], (p[0][0] + (p[0][0] - c[0]), p[0][1] + (p[0][1] - c[1])))
    for k, c in enumerate(cams):
        c["id"] = k + 1
    return cams


# --------------------------------------------------------------------------
# activities

SHOP_KINDS = [
    "Bageriet", "Blomsterhandeln", "Bokhandeln", "Järnhandeln", "Apoteket", "Optikern",
    "Frisörsalongen", "Skobutiken", "Klädbutiken", "Sportbutiken", "Leksaksaffären",
    "Guldsmeden", "Tobak & Tidningar", "Second hand-butiken", "Cykelverkstaden",
    "Elektronikbutiken", "Livsmedelsbutiken", "Matbutiken", "Pizzerian", "Gatuköket",
    "Systembutiken", "Färghandeln", "Hemtextilbutiken", "Zoobutiken", "Fotobutiken",
    "Hälsokostbutiken", "Skrädderiet", "Nagelsalongen", "Thairestaurangen", "Sushibaren",
    "Kebabhuset", "Tygaffären", "Inredningsbutiken", "Mobilbutiken", "Presentbutiken",
    "Glasögonbutiken", "Låssmeden", "Kemtvätten",
]
CAFES = [
    "Café Torget", "Konditori Bruket", "Kaffestugan", "Café Slussen", "Stationscaféet",
    "Parkcaféet", "Bageri & Café Vete", "Fikarummet", "Café Ankaret", "Kanelbullen",
    "Café Lyktan", "Espressobaren", "Konditori Kronan", "Café Hammaren", "Tehuset",
    "Café Gläntan", "Smultronstället", "Café Kajen",
]


def build_activities(nodes, edges, buildings, named, green):
    rng = rng_for("activities")
    acts = []
    bgrid = SegmentGrid(40.0)
    for k, b in enumerate(buildings):
        for a, c in ring_segments(b["ring"]):
            bgrid.add(a, c, k)
    wgrid = SegmentGrid()
    for e in edges:
        for k in range(len(e["pts"]) - 1):
            wgrid.add(e["pts"][k], e["pts"][k + 1], "w")

    def centroid(ring):
        return (sum(p[0] for p in ring) / len(ring), sum(p[1] for p in ring) / len(ring))

    def corners(box):
        ci0, ci1, cj0, cj1 = box
        return (nodes[(ci0, cj0)], nodes[(ci1 + 1, cj0)], nodes[(ci1 + 1, cj1 + 1)],
                nodes[(ci0, cj1 + 1)])

    def inset_poly(box, margin_s, margin_t=None):
        margin_t = margin_s if margin_t is None else margin_t
        c = corners(box)
        return [bilinear(c, s, t) for s, t in ((margin_s, margin_t), (1 - margin_s, margin_t),
                                               (1 - margin_s, 1 - margin_t),
                                               (margin_s, 1 - margin_t))]

    def free_spot(box, tries=60):
        """A point in the block at least 6 m from buildings and walkways."""
        c = corners(box)
        for _ in range(tries):
            p = bilinear(c, rng.uniform(0.15, 0.85), rng.uniform(0.15, 0.85))
            probe = [p, (p[0] + 0.01, p[1])]
            if bgrid.clearance([probe[0], probe[1], probe[0]], 6.0) >= 6.0 and \
               wgrid.clearance([probe[0], probe[1], probe[0]], 6.0) >= 6.0:
                return p
        return None

    def add(name, category, geom):
        acts.append({"name": name, "category": category, "geom": geom})

    # polygons: parks, sports grounds, school grounds
    add("Stadsparken", "park", inset_poly(PARK, 0.04))
    park_names = ["Lindparken", "Ekbacken", "Bruksparken", "Kanalparken", "Rosenlund",
                  "Vallmoparken", "Björkhagen", "Solgläntan", "Lönnparken", "Syrenparken",
                  "Äppellunden", "Ängsparken"]
    for k, c in enumerate(sorted(green)):
        add(park_names[k], "park", inset_poly((c[0], c[0], c[1], c[1]), 0.1))
    add("Idrottsplatsen", "sports ground", inset_poly(SPORTS, 0.12, 0.1))
    g = sorted(green)[3]
    add("Bollplan %s" % park_names[3], "sports ground",
        [bilinear(corners((g[0], g[0], g[1], g[1])), s, t)
         for s, t in ((0.22, 0.6), (0.55, 0.6), (0.55, 0.85), (0.22, 0.85))])
    add("Södra bollplanen", "sports ground",
        [bilinear(corners(SCHOOL_S), s, t) for s, t in ((0.1, 0.1), (0.5, 0.1),
                                                         (0.5, 0.45), (0.1, 0.45))])
    add("Centralskolan", "school", inset_poly(SCHOOL_N, 0.06))
    add("Södra skolan", "school", inset_poly(SCHOOL_S, 0.06))

    # landmark buildings
    def at(name):
        return centroid(buildings[named[name]]["ring"])

    add("Stadskyrkan", "church", at("Stadskyrkan"))
    add("Simhallen", "swimming hall", at("Simhallen"))
    add("Sporthallen", "sports hall", at("Sporthallen"))
    add("Idrottshallen", "sports hall", at("Idrottshallen"))
    add("Södra hallen", "sports hall", at("Södra hallen"))
    add("Parkcaféet", "cafe", at("Parkcaféet"))

    # the centre: library, youth centre, shops, cafes in commercial buildings
    centre_com = [k for k, b in enumerate(buildings)
                  if b["type"] == "commercial" and in_box_pt(centroid(b["ring"]), CENTRE, nodes)]
    rng.shuffle(centre_com)
    lib = centre_com.pop()
    buildings[lib]["type"] = "public"
    add("Biblioteket", "library", centroid(buildings[lib]["ring"]))
    yc = centre_com.pop()
    buildings[yc]["type"] = "public"
    add("Fritidsgården Navet", "youth centre", centroid(buildings[yc]["ring"]))

    res_bld = [k for k, b in enumerate(buildings) if b["type"] == "residential"]
    for name in ("Ungdomens hus", "Fritidsgården Södra"):
        k = rng.choice(res_bld)
        buildings[k]["type"] = "public"
        add(name, "youth centre", centroid(buildings[k]["ring"]))
    k = rng.choice(res_bld)
    buildings[k]["type"] = "church"
    add("Pingstkyrkan", "church", centroid(buildings[k]["ring"]))
    for name in ("Norrskolan", "Östra skolan", "Ekbackens förskola", "Solrosens förskola"):
        k = rng.choice(res_bld)
        buildings[k]["type"] = "school"
        add(name, "school", centroid(buildings[k]["ring"]))

    def shop_points(b, n):
        ring = buildings[b]["ring"]
        c = centroid(ring)
        a, d = ring[0], ring[1]
        ln = dist(a, d)
        ux, uy = (d[0] - a[0]) / ln, (d[1] - a[1]) / ln
        return [(c[0] + ux * (k - (n - 1) / 2) * 12, c[1] + uy * (k - (n - 1) / 2) * 12)
                for k in range(n)]

    shop_kinds = list(SHOP_KINDS)
    rng.shuffle(shop_kinds)
    cafes = [c for c in CAFES if c != "Parkcaféet"]
    rng.shuffle(cafes)
    areas = ["Centrum", "Torget", "Norra", "Södra", "Östra", "Väster"]
    used = set(a["name"] for a in acts)
    slots = []
    for b in centre_com:
        slots += shop_points(b, rng.choice((1, 2, 2, 3)))
    n_cafes = 16
    for k, p in enumerate(slots[:75]):
        if k % 5 == 2 and n_cafes > 0:
            add(cafes.pop(), "cafe", p)
            n_cafes -= 1
            continue
        kind = shop_kinds[k % len(shop_kinds)]
        name = kind
        for ar in areas:
            if name not in used:
                break
            name = "%s %s" % (kind, ar)
        used.add(name)
        add(name, "shop", p)
    # a few shops out along the main roads (petrol station, supermarket)
    outer = [("Bensinstationen", (6, -1)), ("Stormarknaden", (8, -4)), ("Byggvaruhuset", (9, -6)),
             ("Bilverkstaden", (7, -5)), ("Matbutiken Väster", (-8, 0)), ("Gårdsbutiken", (-1, 9))]
    for name, c in outer:
        p = free_spot((c[0], c[0], c[1], c[1]))
        if p:
            add(name, "shop", p)
    add(cafes.pop(), "cafe", lerp(at("Stationshuset"), nodes[(1, RAIL_ROW + 1)], 0.5))

    # playgrounds: in parks, green cells, by schools and in the housing areas
    pg_cells = [(PARK[0] + 2, PARK[2] + 1), (PARK[0] + 1, PARK[2] + 2)] + sorted(green)
    housing = [(ci, cj) for ci in range(-N, N) for cj in range(-N, N)
               if zone_of(ci, cj, green) in ("villa", "apartments")]
    pg_cells += rng.sample(housing, 16)
    pg_names = ["Lekplatsen %s" % n for n in (
        "Stadsparken", "Dammen", "Ekorren", "Grodan", "Kotten", "Masken", "Trollet",
        "Draken", "Skeppet", "Borgen", "Gungan", "Rutschkanan", "Sandlådan", "Klätterträdet",
        "Igelkotten", "Myran", "Nyckelpigan", "Humlan", "Fjärilen", "Snigeln", "Ugglan",
        "Räven", "Haren", "Björnen", "Ankan", "Svanen", "Lärkan", "Måsen", "Tranan", "Mården",
        "Bävern", "Uttern", "Älgen")]
    playgrounds = []
    for c in pg_cells:
        p = free_spot((c[0], c[0], c[1], c[1]))
        if p:
            name = pg_names[len(playgrounds)]
            playgrounds.append((name, p))
            add(name, "playground", p)
    for k, a in enumerate(acts):
        a["id"] = k + 1
    return acts, playgrounds


def in_box_pt(p, box, nodes):
    ci0, ci1, cj0, cj1 = box
    x0, x1 = nodes[(ci0, 0)][0], nodes[(ci1 + 1, 0)][0]
    y0, y1 = nodes[(0, cj0)][1], nodes[(0, cj1 + 1)][1]
    return x0 <= p[0] <= x1 and y0 <= p[1] <= y1


# --------------------------------------------------------------------------
# reports

CATEGORY_VARIANTS = {
    "klotter": ["Klotter", "KLOTTER", "graffiti", "klotter ", "Graffiti", "klottring"],
    "trasig belysning": ["Trasig belysning", "belysning", "broken light", "trasig lampa",
                         "Trasig Belysning", "gatlampa trasig"],
    "otrygg plats": ["Otrygg plats", "otryggt", "unsafe place", "otrygg  plats", "Otrygghet"],
    "skadegörelse": ["Skadegörelse", "skadegorelse", "vandalism", "Vandalism", "skadegörelse "],
}
DESCRIPTIONS = {
    "klotter": ["Klotter på elskåp", "Klotter på busskuren", "Taggar på väggen",
                "Nytt klotter på fasaden", "Klotter på skylt", "Klotter på bänken",
                "Stort klotter på muren", "Klotter på papperskorgen", "Klotter på lyktstolpen"],
    "trasig belysning": ["Lampan lyser inte", "Gatlyktan blinkar", "Flera lampor släckta",
                         "Belysningen ur funktion", "Lampan tänds inte på kvällen",
                         "Mörkt, lyktan trasig", "Lyktstolpen lutar och lyser inte"],
    "otrygg plats": ["Mörkt och otryggt", "Folk samlas på kvällarna", "Buskar skymmer sikten",
                     "Känns otryggt att gå här", "Ingen belysning på gångvägen",
                     "Ungdomar samlas sent", "Svårt att se vem som kommer",
                     "Undviker platsen efter mörkrets inbrott"],
    "skadegörelse": ["Krossad ruta i busskuren", "Sönderslagen papperskorg",
                     "Trasig bänk", "Nedriven skylt", "Sönderslagen lampkupa",
                     "Krossat glas på marken", "Brandskadad soptunna", "Sparkad cykelställ"],
}
HOTSPOT_DESCRIPTIONS = {
    "station": ["Klotter på perrongen", "Taggar vid stationen", "Klotter på väntkuren"],
    "tunnel": ["Klotter i gångtunneln", "Nya taggar i tunneln", "Tunneln full av klotter"],
    "square": ["Klotter på torget", "Trasig bänk på torget", "Klotter vid torgets fontän"],
    "school": ["Krossad ruta vid skolan", "Skadegörelse på skolgården",
               "Sönderslagen lampa vid skolan", "Klotter på skolans vägg"],
    "park_playground": ["Lekplatsen vandaliserad", "Trasig gunga", "Krossat glas i sandlådan"],
    "park_paths": ["Mörk stig i parken", "Otryggt i parken på kvällen",
                   "Ingen belysning på parkstigen", "Folk samlas i parken"],
    "cycle_tunnel": ["Otryggt i cykeltunneln", "Mörkt vid tunneln", "Folk hänger i tunneln"],
    "lights": ["Flera lampor släckta på gatan", "Hela gatan mörk", "Lampan lyser inte"],
}


def day_weights(trend, start_day=0, end_day=N_DAYS):
    """Seasonal weight per day (peak in late November, low in early summer)
    times an exponential trend (per year); zero outside [start_day, end_day)."""
    w = []
    for d in range(N_DAYS):
        if d < start_day or d >= end_day:
            w.append(0.0)
            continue
        date = START_DATE + datetime.timedelta(days=d)
        doy = date.timetuple().tm_yday
        season = 1.0 + 0.3 * math.cos(2 * math.pi * (doy - 325) / 365.25)
        w.append(season * math.exp(trend * d / 365.25))
    return w


BASE_HOURS = [1.0, 0.6, 0.4, 0.3, 0.2, 0.3, 0.6, 1.0, 1.2, 1.2, 1.2, 1.2,
              1.3, 1.3, 1.3, 1.5, 1.8, 2.0, 2.0, 2.0, 1.8, 1.5, 1.2, 1.0]


def sample_time(rng, weights, wmax, night=1.0):
    while True:
        d = rng.randrange(N_DAYS)
        if rng.random() * wmax <= weights[d]:
            break
    date = START_DATE + datetime.timedelta(days=d)
    dark = date.month in (10, 11, 12, 1, 2, 3)
    hw = []
    for h, b in enumerate(BASE_HOURS):
        f = b
        if dark and 16 <= h <= 22:
            f *= 1.8  # the dark season's evenings
        if h >= 20 or h <= 2:
            f *= night
        hw.append(f)
    h = rng.choices(range(24), weights=hw)[0]
    return date.replace(hour=h, minute=rng.randrange(60))


SEVERITY = {"klotter": (0.6, 0.3, 0.1), "trasig belysning": (0.2, 0.6, 0.2),
            "otrygg plats": (0.15, 0.45, 0.4), "skadegörelse": (0.25, 0.45, 0.3)}


def build_reports(nodes, edges, lights, light_runs, named, buildings, playgrounds):
    rng = rng_for("reports")
    reports = []

    def centroid(ring):
        return (sum(p[0] for p in ring) / len(ring), sum(p[1] for p in ring) / len(ring))

    def emit(p, cat, when, desc_key=None):
        if not (-HALF < p[0] < HALF and -HALF < p[1] < HALF):
            return False
        if desc_key and rng.random() < 0.6:
            desc = rng.choice(HOTSPOT_DESCRIPTIONS[desc_key])
        else:
            desc = rng.choice(DESCRIPTIONS[cat])
        label = cat
        if rng.random() < 0.05:
            label = rng.choice(CATEGORY_VARIANTS[cat])
        sev = rng.choices((1, 2, 3), weights=SEVERITY[cat])[0]
        reports.append({"p": p, "category": label, "date": when, "severity": sev,
                        "description": desc, "norm": cat})
        return True

    def gauss_cluster(centre, sigma, n, cats, trend, key, start_day=0, night=1.0):
        w = day_weights(trend, start_day)
        wmax = max(w)
        made = 0
        while made < n:
            p = (rng.gauss(centre[0], sigma), rng.gauss(centre[1], sigma))
            cat = rng.choices([c for c, _ in cats], weights=[x for _, x in cats])[0]
            if emit(p, cat, sample_time(rng, w, wmax, night), key):
                made += 1

    hotspots = []

    def hotspot(name, centre, sigma, n, cats, trend, key, start_day=0, night=1.0, note=""):
        hotspots.append({"name": name, "p": centre, "sigma": sigma, "n": n,
                         "trend": trend, "start_day": start_day, "note": note})
        gauss_cluster(centre, sigma, n, cats, trend, key, start_day, night)

    tunnels = [e for e in edges if e["tunnel"] == "yes"]
    foot_tunnel = next(e for e in tunnels if e["highway"] == "footway")
    cycle_tunnel = next(e for e in tunnels if e["highway"] == "cycleway")
    st = centroid(buildings[named["Stationshuset"]]["ring"])
    sq = centroid([nodes[(SQUARE[0] + a, SQUARE[1] + b)] for a, b in ((0, 0), (1, 0), (1, 1), (0, 1))])
    school_n = centroid(buildings[named["Centralskolan"]]["ring"])
    school_s = centroid(buildings[named["Södra skolan"]]["ring"])
    pg_park = playgrounds[0][1]

    hotspot("Resecentrum (station)", (st[0], st[1] - 12), 30, 380,
            [("klotter", 0.8), ("skadegörelse", 0.2)], 0.1, "station",
            note="graffiti, steady")
    hotspot("Stationstunneln (footway tunnel)", lerp(foot_tunnel["pts"][0], foot_tunnel["pts"][-1], 0.5),
            18, 420, [("klotter", 0.85), ("otrygg plats", 0.15)], 0.9, "tunnel", night=1.5,
            note="graffiti, growing about 2.5x per year")
    hotspot("Torget (square)", sq, 40, 340, [("klotter", 0.6), ("skadegörelse", 0.4)], -0.7,
            "square", note="graffiti and vandalism, fading about 2x per year")
    hotspot("Centralskolan (school)", school_n, 35, 320,
            [("skadegörelse", 0.8), ("klotter", 0.2)], 0.0, "school", night=1.6,
            note="vandalism, steady")
    hotspot("Lekplatsen Stadsparken (park playground)", pg_park, 28, 240,
            [("skadegörelse", 0.9), ("klotter", 0.1)], 0.5, "park_playground", start_day=366,
            note="vandalism, new from 2025-01-01 and growing")
    hotspot("Södra skolan (school)", school_s, 30, 150,
            [("skadegörelse", 0.6), ("klotter", 0.4)], 0.4, "school",
            note="vandalism and graffiti, growing")
    hotspot("Cykeltunneln (cycleway tunnel)", lerp(cycle_tunnel["pts"][0], cycle_tunnel["pts"][-1], 0.5),
            20, 180, [("otrygg plats", 0.7), ("klotter", 0.3)], -0.6, "cycle_tunnel", night=1.5,
            note="unsafe spot, fading")

    # unsafe spots along the dark park paths: along the lines, not a blob
    paths = [e for e in edges if e["highway"] == "path"]
    plen = [polyline_length(e["pts"]) for e in paths]
    w = day_weights(0.0)
    wmax = max(w)
    n_paths = 300
    made = 0
    while made < n_paths:
        e = rng.choices(paths, weights=plen)[0]
        p, _ = point_along(e["pts"], rng.uniform(0, polyline_length(e["pts"])))
        p = (p[0] + rng.gauss(0, 7), p[1] + rng.gauss(0, 7))
        if emit(p, "otrygg plats", sample_time(rng, w, wmax, night=2.5), "park_paths"):
            made += 1
    pp = [p for e in paths for p in e["pts"]]
    hotspots.append({"name": "Stadsparken paths (unlit)", "p": centroid(pp), "sigma": 120,
                     "n": n_paths, "trend": 0.0, "start_day": 0,
                     "note": "unsafe spot along the unlit park paths, evenings"})

    # broken lights: a few reports after each breaks; the cable faults are hotspots
    run_set = set(k for r in light_runs for k in r)
    for l in lights:
        if l["status"] != "broken" or (l["id"] - 1) in run_set:
            continue
        start = rng.randrange(N_DAYS - 30)
        w = day_weights(0.0, start, min(N_DAYS, start + 75))
        for _ in range(rng.randint(2, 6)):
            p = (rng.gauss(l["p"][0], 6), rng.gauss(l["p"][1], 6))
            emit(p, "trasig belysning", sample_time(rng, w, max(w), 1.0), "lights")
    for run, start, n, trend in zip(light_runs, (640, 300), (160, 90), (1.0, 0.0)):
        pts = [lights[k]["p"] for k in run]
        w = day_weights(trend, start)
        wmax = max(w)
        made = 0
        while made < n:
            c = rng.choice(pts)
            p = (rng.gauss(c[0], 9), rng.gauss(c[1], 9))
            if emit(p, "trasig belysning", sample_time(rng, w, wmax), "lights"):
                made += 1
        hotspots.append({"name": "Cable fault on %s (%d broken lights)" % (lights[run[0]]["street"], len(run)),
                         "p": centroid(pts), "sigma": 40, "n": n, "trend": trend,
                         "start_day": start, "note": "broken lights from %s" %
                         (START_DATE + datetime.timedelta(days=start)).date().isoformat()})

    # background: spread over the walkways in town, a few in the countryside
    target = 5000
    town_edges = [e for e in edges if is_urban(*e["a"]) or is_urban(*e["b"])]
    elen = [polyline_length(e["pts"]) * (1.0 if (is_urban(*e["a"]) and is_urban(*e["b"])) else 0.3)
            for e in town_edges]
    w = day_weights(0.0)
    wmax = max(w)
    cats = [("klotter", 0.35), ("trasig belysning", 0.15), ("otrygg plats", 0.2),
            ("skadegörelse", 0.3)]
    while len(reports) < target:
        e = rng.choices(town_edges, weights=elen)[0]
        p, _ = point_along(e["pts"], rng.uniform(0, polyline_length(e["pts"])))
        p = (p[0] + rng.gauss(0, 15), p[1] + rng.gauss(0, 15))
        cat = rng.choices([c for c, _ in cats], weights=[x for _, x in cats])[0]
        emit(p, cat, sample_time(rng, w, wmax), None)

    reports.sort(key=lambda r: (r["date"], round(r["p"][0], 2), round(r["p"][1], 2)))
    for k, r in enumerate(reports):
        r["id"] = k + 1
    return reports, hotspots


# --------------------------------------------------------------------------
# output

def xy(p):
    return [round(CENTRE_E + p[0], 2), round(CENTRE_N + p[1], 2)]


def closed(ring):
    if ring_area(ring) < 0:
        ring = list(reversed(ring))
    pts = [xy(p) for p in ring]
    return pts + [pts[0]]


def point_geom(p):
    return {"type": "Point", "coordinates": xy(p)}


def polygon_geom(ring):
    return {"type": "Polygon", "coordinates": [closed(ring)]}


def write_geojson(name, features):
    os.makedirs(OUT_DIR, exist_ok=True)
    head = json.dumps({"type": "FeatureCollection", "name": name, "crs": CRS},
                      ensure_ascii=False, separators=(",", ":"))
    lines = [head[:-1] + ',"features":[']
    body = []
    for props, geom in features:
        body.append(json.dumps({"type": "Feature", "properties": props, "geometry": geom},
                               ensure_ascii=False, separators=(",", ":")))
    lines.append(",\n".join(body))
    lines.append("]}")
    with open(os.path.join(OUT_DIR, name + ".geojson"), "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(lines) + "\n")


def write_reports_csv(reports):
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(["id", "x", "y", "category", "date", "severity", "description"])
    for r in reports:
        x, y = xy(r["p"])
        w.writerow([r["id"], "%.2f" % x, "%.2f" % y, r["category"],
                    r["date"].isoformat(timespec="seconds"), r["severity"], r["description"]])
    with open(os.path.join(OUT_DIR, "reports.csv"), "w", encoding="utf-8", newline="") as f:
        f.write(buf.getvalue())


def main():
    check = "--check" in sys.argv[1:]
    nodes = build_lattice(rng_for("lattice"))
    edges, green, all_nodes = build_walkways(nodes)
    buildings, named = build_buildings(all_nodes, edges, green)
    lights, light_runs, gaps = build_lights(edges)
    activities, playgrounds = build_activities(all_nodes, edges, buildings, named, green)
    anchors = [
        ("Centrum", all_nodes[(-1, 0)]),
        ("Centralskolan", all_nodes[(SCHOOL_N[0], 0)]),
        ("Stadsparken", all_nodes[(PARK[0] + 1, 7)]),
        ("Idrottsplatsen", all_nodes[(-7, 4)]),
        ("Södra skolan", all_nodes[(-4, -7)]),
        ("Simhallen", all_nodes[(7, 2)]),
        ("Industriområdet", all_nodes[(8, -5)]),
        ("Kyrkan", all_nodes[(0, 3)]),
    ]
    stops = build_stops(edges, all_nodes, anchors)
    cameras = build_cameras(all_nodes, edges, buildings, named)
    districts = build_districts(all_nodes)
    reports, hotspots = build_reports(all_nodes, edges, lights, light_runs, named, buildings,
                                      playgrounds)

    write_geojson("walkways", [
        ({"id": e["id"], "highway": e["highway"], "name": e["name"], "lit": e["lit"],
          "tunnel": e["tunnel"]},
         {"type": "LineString", "coordinates": [xy(p) for p in e["pts"]]}) for e in edges])
    write_geojson("lights", [
        ({"id": l["id"], "height": l["height"], "status": l["status"]}, point_geom(l["p"]))
        for l in lights])
    write_geojson("cameras", [
        ({"id": c["id"], "heading": c["heading"], "fov": c["fov"], "range": c["range"]},
         point_geom(c["p"])) for c in cameras])
    write_geojson("stops", [
        ({"stop_id": s["stop_id"], "name": s["name"]}, point_geom(s["p"])) for s in stops])
    write_geojson("activities", [
        ({"id": a["id"], "name": a["name"], "category": a["category"]},
         polygon_geom(a["geom"]) if isinstance(a["geom"], list) else point_geom(a["geom"]))
        for a in activities])
    write_geojson("buildings", [
        ({"id": k + 1, "type": b["type"]}, polygon_geom(b["ring"]))
        for k, b in enumerate(buildings)])
    write_geojson("districts", [
        ({"id": did, "name": name}, polygon_geom(ring)) for did, name, ring in districts])
    write_geojson("reports", [
        ({"id": r["id"], "category": r["category"],
          "date": r["date"].isoformat(timespec="seconds"), "severity": r["severity"],
          "description": r["description"]}, point_geom(r["p"])) for r in reports])
    write_reports_csv(reports)

    if check:
        run_checks(edges, all_nodes, buildings, lights, cameras, stops, activities,
                   districts, reports, hotspots, gaps)


# --------------------------------------------------------------------------
# validation (only with --check)

def run_checks(edges, nodes, buildings, lights, cameras, stops, activities, districts,
               reports, hotspots, gaps):
    problems = []

    def inside(p):
        return -HALF <= p[0] <= HALF and -HALF <= p[1] <= HALF

    # 1. network: connected, planar (segments meet only at shared end nodes)
    adj = {}
    for e in edges:
        adj.setdefault(e["a"], set()).add(e["b"])
        adj.setdefault(e["b"], set()).add(e["a"])
        if e["pts"][0] != nodes[e["a"]] or e["pts"][-1] != nodes[e["b"]]:
            problems.append("edge %d does not end on its nodes" % e["id"])
    start = next(iter(sorted(adj)))
    seen, stack = {start}, [start]
    while stack:
        for m in adj[stack.pop()]:
            if m not in seen:
                seen.add(m)
                stack.append(m)
    if len(seen) != len(adj):
        problems.append("network not connected: %d of %d nodes" % (len(seen), len(adj)))
    grid = SegmentGrid()
    for k, e in enumerate(edges):
        for s in range(len(e["pts"]) - 1):
            grid.add(e["pts"][s], e["pts"][s + 1], k)
    crossings = 0
    for k, e in enumerate(edges):
        ends_k = {e["pts"][0], e["pts"][-1]}
        for s in range(len(e["pts"]) - 1):
            a, b = e["pts"][s], e["pts"][s + 1]
            for c, d, m in grid.near(a, b, 0.0):
                if m <= k:
                    continue
                if segs_intersect(a, b, c, d):
                    shared = ends_k & {edges[m]["pts"][0], edges[m]["pts"][-1]}
                    if not any(pt in shared for pt in (a, b) if pt in (c, d)):
                        crossings += 1
    if crossings:
        problems.append("%d walkway crossings without a shared node" % crossings)
    # 2. buildings clear of walkways (and each other), everything inside the box
    close = 0
    for b in buildings:
        if grid.clearance(b["ring"], 5.0) < 5.0:
            close += 1
    if close:
        problems.append("%d buildings within 5 m of a walkway" % close)
    bgrid = SegmentGrid(40.0)
    for k, b in enumerate(buildings):
        for a, c in ring_segments(b["ring"]):
            bgrid.add(a, c, k)
    overlaps = 0
    for k, b in enumerate(buildings):
        others = set()
        for a, c in ring_segments(b["ring"]):
            others.update(m for _, _, m in bgrid.near(a, c, 40.0) if m > k)
        for m in sorted(others):
            o = buildings[m]["ring"]
            ring = b["ring"]
            if (point_in_ring(ring[0], o) or point_in_ring(o[0], ring) or
                    any(segs_intersect(p, q, r, t) for p, q in ring_segments(ring)
                        for r, t in ring_segments(o))):
                overlaps += 1
    if overlaps:
        problems.append("%d overlapping building pairs" % overlaps)
    pts = [p for e in edges for p in e["pts"]] + [p for b in buildings for p in b["ring"]]
    pts += [x["p"] for x in lights + cameras + stops + reports]
    pts += [p for a in activities for p in (a["geom"] if isinstance(a["geom"], list) else [a["geom"]])]
    outside = sum(1 for p in pts if not inside(p))
    if outside:
        problems.append("%d vertices outside the box" % outside)
    # 3. districts tile the box
    area = sum(ring_area(r) for _, _, r in districts)
    if abs(area - (2 * HALF) ** 2) > 1.0:
        problems.append("district areas sum to %.1f m2" % area)
    for _, name, r in districts:
        if ring_area(r) <= 0:
            problems.append("district %s is not counter-clockwise" % name)
        segs = ring_segments(r)
        for x in range(len(segs)):
            for y in range(x + 2, len(segs)):
                if x == 0 and y == len(segs) - 1:
                    continue
                if segs_intersect(segs[x][0], segs[x][1], segs[y][0], segs[y][1]):
                    problems.append("district %s self-intersects" % name)
    # samples: a grid of points must each fall in exactly one district
    for gx in range(-14, 15):
        for gy in range(-14, 15):
            p = (gx * 103.7 + 0.3, gy * 101.9 + 0.7)
            hits = sum(1 for _, _, r in districts if point_in_ring(p, r))
            if hits != 1:
                problems.append("point %s in %d districts" % (p, hits))

    def count(items, key):
        out = {}
        for it in items:
            out[it[key]] = out.get(it[key], 0) + 1
        return dict(sorted(out.items(), key=lambda kv: str(kv[0])))

    print("walkways:", len(edges), count(edges, "highway"), "lit:", count(edges, "lit"))
    print("  length km:", round(sum(polyline_length(e["pts"]) for e in edges) / 1000, 1),
          "nodes:", len(adj))
    print("lights:", len(lights), count(lights, "status"), count(lights, "height"))
    print("cameras:", len(cameras), "without heading:", sum(1 for c in cameras if c["heading"] is None))
    print("stops:", len(stops), [s["name"] for s in stops])
    print("activities:", len(activities), count(activities, "category"),
          "polygons:", sum(1 for a in activities if isinstance(a["geom"], list)))
    print("buildings:", len(buildings), count(buildings, "type"))
    print("districts:", [(n, round(ring_area(r) / 1e6, 3)) for _, n, r in districts])
    print("reports:", len(reports), count(reports, "norm"))
    print("  labels:", count(reports, "category"))
    years = {}
    for r in reports:
        years[r["date"].year] = years.get(r["date"].year, 0) + 1
    print("  per year:", years)
    print("hotspots (EPSG:3006):")
    for h in hotspots:
        x, y = xy(h["p"])
        print("  %-45s %10.0f %11.0f  n=%d sigma=%d  %s" % (h["name"], x, y, h["n"], h["sigma"],
                                                          h["note"]))
    print("dark gaps (lit=yes walkways without lights, whole or partly):")
    for e in gaps:
        x, y = xy(lerp(e["pts"][0], e["pts"][-1], 0.5))
        print("  id %d %s %s at %.0f %.0f" % (e["id"], e["highway"], e["name"] or "", x, y))
    if problems:
        print("PROBLEMS:")
        for p in problems[:30]:
            print("  " + p)
        sys.exit(1)
    print("checks ok")


if __name__ == "__main__":
    main()
