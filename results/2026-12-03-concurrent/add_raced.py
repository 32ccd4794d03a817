"""Adds the audit's `raced` flag to the rounds of this run, as the build after 4e349ba writes it.

The rounds were made by 4e349ba, which wrote no flag; the merge of that build refused the rounds
because the counts of cells whose units race for chunks, or whose non-blocking pool opens
connections as units ask, differ from round to round. The flag is derived from the cell's
parameters only, by the rule of ExecutorKind.opensConnectionsOnDemand and JobSplit.racesForChunks;
no count is changed. Usage: python3 add_raced.py ROUND.audit.json...
"""
import json
import sys

for path in sys.argv[1:]:
    with open(path) as f:
        audit = json.load(f)
    for cell in audit["cells"]:
        p = cell["params"]
        queue = p.get("split") in ("skipLocked", "bulk") and int(p["workers"]) > 1
        cell["raced"] = p["executor"] == "reactive" or queue
    with open(path, "w") as f:
        json.dump(audit, f, indent=2)
