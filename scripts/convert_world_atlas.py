#!/usr/bin/env python3
"""Converts world-atlas's TopoJSON (Natural Earth admin-0 countries) into TechRace's compact map file.

Usage: convert_world_atlas.py COUNTRIES_TOPOJSON OUT_FILE [--tolerance DEGREES]

The TopoJSON topology is kept: arcs are decoded (delta + quantisation transform), simplified one by one with
Douglas-Peucker (end points fixed, so neighbouring countries still share their border exactly) and stored once;
each shape lists its rings as references to arcs. Python 3 standard library only.

Output layout, little-endian (docs: data/map/README.md):
    magic      8 bytes  b"TRMAP\\x01\\0\\0"
    arcCount   u32
    shapeCount u32
    arcs       arcCount x (pointCount u32, pointCount x (lon i16, lat i16) in hundredths of a degree)
    Rings that rounding collapses are dropped, and so are shapes left without rings.
    shapes     shapeCount x (isoNumeric i16 (-1: none), nameLength u16, name UTF-8,
                             ringCount u16, ringCount x (refCount u16, refCount x ref i32))
               ref >= 0: arc ref forwards; ref < 0: arc ~ref backwards (TopoJSON's convention).
"""
import argparse
import json
import os
import struct
import sys

MAGIC = b"TRMAP\x01\x00\x00"


def decode_arcs(topology):
    scale_x, scale_y = topology["transform"]["scale"]
    translate_x, translate_y = topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x += dx
            y += dy
            points.append((x * scale_x + translate_x, y * scale_y + translate_y))
        arcs.append(points)
    return arcs


def perpendicular_distance(point, start, end):
    (px, py), (ax, ay), (bx, by) = point, start, end
    dx, dy = bx - ax, by - ay
    length_squared = dx * dx + dy * dy
    if length_squared == 0:
        return ((px - ax) ** 2 + (py - ay) ** 2) ** 0.5
    t = max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / length_squared))
    return ((px - ax - t * dx) ** 2 + (py - ay - t * dy) ** 2) ** 0.5


def simplify(points, tolerance):
    """Douglas-Peucker, iterative; keeps both end points."""
    if len(points) < 3 or tolerance <= 0:
        return list(points)
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        worst, worst_index = 0.0, -1
        for i in range(first + 1, last):
            d = perpendicular_distance(points[i], points[first], points[last])
            if d > worst:
                worst, worst_index = d, i
        if worst > tolerance:
            keep[worst_index] = True
            stack.append((first, worst_index))
            stack.append((worst_index, last))
    return [p for p, k in zip(points, keep) if k]


def quantise(points):
    result = []
    for lon, lat in points:
        q = (round(lon * 100), round(lat * 100))
        if not result or result[-1] != q:
            result.append(q)
    if len(result) == 1:  # a closed ring's arc that collapsed: keep it closed
        result.append(result[0])
    return result


def shape_rings(geometry):
    if geometry["type"] == "Polygon":
        return [ring for ring in geometry["arcs"]]
    if geometry["type"] == "MultiPolygon":
        return [ring for polygon in geometry["arcs"] for ring in polygon]
    return []


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("topojson")
    parser.add_argument("out")
    parser.add_argument("--tolerance", type=float, default=0.02, help="simplification tolerance in degrees")
    args = parser.parse_args()

    with open(args.topojson, encoding="utf-8") as f:
        topology = json.load(f)
    arcs = [quantise(simplify(arc, args.tolerance)) for arc in decode_arcs(topology)]
    def visible(ring):
        """False for a ring that rounding to 0.01 degrees collapsed (islets and the Vatican, all under ~1 km)."""
        points = set()
        for ref in ring:
            points.update(arcs[ref if ref >= 0 else ~ref])
        return len(points) >= 3

    geometries = []
    dropped = []
    for geometry in topology["objects"]["countries"]["geometries"]:
        rings = [ring for ring in shape_rings(geometry) if visible(ring)] if geometry.get("type") else []
        if rings:
            geometries.append((geometry, rings))
        else:
            dropped.append(geometry["properties"]["name"])

    out = bytearray(MAGIC)
    out += struct.pack("<II", len(arcs), len(geometries))
    for arc in arcs:
        out += struct.pack("<I", len(arc))
        for lon, lat in arc:
            out += struct.pack("<hh", lon, lat)
    for geometry, rings in geometries:
        name = geometry["properties"]["name"].encode("utf-8")
        iso = int(geometry["id"]) if geometry.get("id") else -1
        out += struct.pack("<hH", iso, len(name)) + name + struct.pack("<H", len(rings))
        for ring in rings:
            out += struct.pack("<H", len(ring))
            out += struct.pack("<%di" % len(ring), *ring)

    tmp = args.out + ".tmp"
    with open(tmp, "wb") as f:
        f.write(out)
    os.replace(tmp, args.out)
    points = sum(len(a) for a in arcs)
    print(f"{args.out}: {len(geometries)} shapes, {len(arcs)} arcs, {points} points, {len(out)} bytes; "
          f"dropped as smaller than the rounding: {', '.join(dropped) or 'none'}", file=sys.stderr)


if __name__ == "__main__":
    main()
