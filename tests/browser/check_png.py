#!/usr/bin/env python3
"""Checks a PNG written by trygg map: its size, and that it shows something (enough distinct
colours, enough pixels that differ from the most common colour).

usage: check_png.py FILE.png --size WxH [--min-colours N] [--min-drawn SHARE]"""

import argparse
import pathlib
import sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
from png_check import colour_stats, read_png  # noqa: E402


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("png")
    parser.add_argument("--size", required=True)
    parser.add_argument("--min-colours", type=int, default=8)
    parser.add_argument("--min-drawn", type=float, default=0.1)
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
    for f in failures:
        print("FAIL:", f)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
