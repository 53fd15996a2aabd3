#!/usr/bin/env python3
"""Checks a PNG written by trygg map: its size, and that it shows something (enough distinct
colours, enough pixels that differ from the most common colour). With --colour, also that
pixels of that colour (within --tolerance per channel) make up at least --min-share of the
picture and that their bounding box spans at least --spread of its width and of its height:
e.g. the walkways' grey drawn across the map, not squeezed into a corner. With --without
OTHER.png (the same map without that layer) only the pixels that differ from OTHER count, so
text and legend do not.

usage: check_png.py FILE.png --size WxH [--min-colours N] [--min-drawn SHARE]
                    [--colour R,G,B --min-share SHARE --spread SHARE [--tolerance T] [--without OTHER.png]]"""

import argparse
import json
import pathlib
import sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
from png_check import colour_extent, colour_stats, read_png  # noqa: E402


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("png")
    parser.add_argument("--size", required=True)
    parser.add_argument("--min-colours", type=int, default=8)
    parser.add_argument("--min-drawn", type=float, default=0.1)
    parser.add_argument("--colour", help="R,G,B of a colour that must be drawn widely")
    parser.add_argument("--tolerance", type=int, default=10)
    parser.add_argument("--min-share", type=float, default=0.001)
    parser.add_argument("--spread", type=float, default=0.0)
    parser.add_argument("--without", help="the same map without the layer of --colour")
    args = parser.parse_args()
    width, height, rows = read_png(args.png)
    colours, drawn = colour_stats(rows)
    print(f"{args.png}: {width}x{height}, {colours} colours, {drawn:.1%} not the most common colour")
    want = tuple(int(v) for v in args.size.lower().split("x"))
    failures = []
    if (width, height) != want:
        failures.append(f"size {width}x{height}, expected {args.size}")
    if colours < args.min_colours:
        failures.append(f"only {colours} colours")
    if drawn < args.min_drawn:
        failures.append(f"only {drawn:.1%} drawn")
    if args.colour:
        rgb = tuple(int(v) for v in args.colour.split(","))
        other = None
        if args.without:
            other_width, other_height, other = read_png(args.without)
            if (other_width, other_height) != (width, height):
                failures.append(f"{args.without} is {other_width}x{other_height}, not {width}x{height}")
                other = None
        share, box = colour_extent(rows, rgb, args.tolerance, other)
        span_x = (box[2] - box[0] + 1) / width if box else 0.0
        span_y = (box[3] - box[1] + 1) / height if box else 0.0
        print(json.dumps({"colour": args.colour, "share": round(share, 5), "box": box,
                          "span_x": round(span_x, 3), "span_y": round(span_y, 3)}))
        if share < args.min_share:
            failures.append(f"colour {args.colour}: {share:.3%} of the pixels, expected at least {args.min_share:.3%}")
        if min(span_x, span_y) < args.spread:
            failures.append(f"colour {args.colour} spans {span_x:.0%} x {span_y:.0%} of the picture, "
                            f"expected at least {args.spread:.0%} each way")
    for f in failures:
        print("FAIL:", f)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
