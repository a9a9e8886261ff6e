#!/usr/bin/env python3
"""Regenerates the parameter table of docs/MODEL.md from data/kb/model/parameters.csv.

The table sits between the markers <!-- parameters:begin --> and <!-- parameters:end -->. Model-assumption rows
quote their derivation from this table (source model_assumptions, text_file docs/MODEL.md), so run this script after
editing parameters.csv and before building: the KB compiler checks every quote against the file.
"""
import csv
import pathlib
import sys

root = pathlib.Path(__file__).resolve().parent.parent
doc = root / "docs" / "MODEL.md"
rows = list(csv.DictReader(open(root / "data" / "kb" / "model" / "parameters.csv", encoding="utf-8")))


def number(text):
    v = float(text)
    return f"{v:g}" if abs(v) < 1e5 else f"{v:,.0f}"


lines = ["| KB id | value (low–high) | unit | source | derivation |", "|---|---|---|---|---|"]
for r in rows:
    if r["id"].startswith("fx."):
        continue  # F1's exchange rates have their own table
    value = number(r["value"])
    if r["low"] != r["high"]:
        value += f" ({number(r['low'])}–{number(r['high'])})"
    lines.append(f"| `{r['id']}` | {value} | {r['unit']} | {r['source_id']} | {r['derivation']} |")
table = "\n".join(lines)
text = doc.read_text(encoding="utf-8")
begin, end = "<!-- parameters:begin -->", "<!-- parameters:end -->"
if begin not in text or end not in text:
    sys.exit(f"{doc}: markers {begin} / {end} missing")
head, rest = text.split(begin, 1)
_, tail = rest.split(end, 1)
doc.write_text(f"{head}{begin}\n{table}\n{end}{tail}", encoding="utf-8")
print(f"{doc}: {len(lines) - 2} parameters")
