"""Reading a PNG with the standard library only (zlib), for tests that check pictures:
size, and whether anything was drawn. 8-bit greyscale, RGB, palette-free RGBA; not interlaced."""

import struct
import zlib


def read_png(path):
    """Returns (width, height, rows) where rows is a list of lists of (r, g, b) tuples."""
    with open(path, "rb") as f:
        data = f.read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError(f"{path}: not a PNG")
    pos, idat, width, height, depth, colour, interlace = 8, b"", 0, 0, 0, 0, 0
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos:pos + 4])
        kind = data[pos + 4:pos + 8]
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat += body
        elif kind == b"IEND":
            break
        pos += 12 + length
    channels = {0: 1, 2: 3, 4: 2, 6: 4}.get(colour)
    if depth != 8 or channels is None or interlace:
        raise ValueError(f"{path}: unsupported PNG (depth {depth}, colour type {colour}, interlace {interlace})")
    raw = zlib.decompress(idat)
    stride = width * channels
    rows, previous = [], bytearray(stride)
    for y in range(height):
        start = y * (stride + 1)
        kind = raw[start]
        line = bytearray(raw[start + 1:start + 1 + stride])
        for i in range(stride):
            a = line[i - channels] if i >= channels else 0
            b = previous[i]
            c = previous[i - channels] if i >= channels else 0
            if kind == 1:
                line[i] = (line[i] + a) & 255
            elif kind == 2:
                line[i] = (line[i] + b) & 255
            elif kind == 3:
                line[i] = (line[i] + (a + b) // 2) & 255
            elif kind == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        previous = line
        if channels >= 3:
            rows.append([tuple(line[x * channels:x * channels + 3]) for x in range(width)])
        else:
            rows.append([(line[x * channels],) * 3 for x in range(width)])
    return width, height, rows


def colour_stats(rows):
    """(number of distinct colours, share of pixels that differ from the most common colour)."""
    counts = {}
    for row in rows:
        for px in row:
            counts[px] = counts.get(px, 0) + 1
    total = sum(counts.values())
    return len(counts), 1.0 - max(counts.values()) / total


def colour_extent(rows, rgb, tolerance, other_rows=None):
    """(share of pixels within `tolerance` of `rgb` in every channel, their bounding box as
    [x0, y0, x1, y1] or None). With `other_rows` (a picture of the same size), only pixels that
    differ from it count: what one layer added to a map, without the text and legend both have."""
    hits, total = 0, 0
    x0 = y0 = None
    x1 = y1 = -1
    for y, row in enumerate(rows):
        total += len(row)
        other = other_rows[y] if other_rows is not None else None
        for x, px in enumerate(row):
            if other is not None and other[x] == px:
                continue
            if abs(px[0] - rgb[0]) <= tolerance and abs(px[1] - rgb[1]) <= tolerance and abs(px[2] - rgb[2]) <= tolerance:
                hits += 1
                x0 = x if x0 is None else min(x0, x)
                y0 = y if y0 is None else min(y0, y)
                x1, y1 = max(x1, x), max(y1, y)
    return (hits / total if total else 0.0), ([x0, y0, x1, y1] if x0 is not None else None)
