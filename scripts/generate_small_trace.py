#!/usr/bin/env python3
"""Regenerates scenarios/traces/small-trace.csv: 3000 operations of a morning's store
traffic (writes of lognormal-sized Parquet parts, skewed reads, a few lists and deletes),
seeded so the file is reproducible. Columns: timestamp_s,op,bucket,key,size,site."""
import random
import sys

rng = random.Random(20261122)
lines = ["timestamp_s,op,bucket,key,size,site"]
t = 0.0
keys = [f"sales/2026/11/22/store-{s:04d}/part-{p:05d}.parquet" for s in range(40) for p in range(25)]
written = []
for _ in range(3000):
    t += rng.expovariate(1.0)
    site = rng.choice(["site-a", "site-b", "gcp-us-central1"])
    r = rng.random()
    if r < 0.2 or not written:
        k = rng.choice(keys)
        size = int(rng.lognormvariate(17.0, 1.0))
        written.append((k, size))
        op = "write"
    elif r < 0.95:
        if rng.random() < 0.7:
            k, size = written[min(len(written) - 1, int(rng.paretovariate(1.2)) - 1)]
        else:
            k, size = rng.choice(written)
        op = "read"
    elif r < 0.98:
        k, size, op = "sales/2026/11/22/", 0, "list"
    else:
        k, size = rng.choice(written)
        op = "delete"
    lines.append(f"{t:.3f},{op},retail-lake,{k},{size},{site}")
out = sys.argv[1] if len(sys.argv) > 1 else "scenarios/traces/small-trace.csv"
with open(out, "w") as f:
    f.write("\n".join(lines) + "\n")
