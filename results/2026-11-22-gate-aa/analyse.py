"""The figures the README quotes from these two A/A runs (the same jar as baseline and candidate,
scripts/ab, forks interleaved). Run from the repository root after building the jar:
    python3 results/2026-11-22-gate-aa/analyse.py
For each cell: the fork-to-fork coefficient of variation of each side, then whether scripts/check
(one stage) catches the candidate's forks of that one cell made slower by 10, 20 and 40 % (real
noise, known effect). For the full scan: each framework's time over JDBC's in the same round (the
n-th fork of every cell ran in the same JVM invocation, within about a minute)."""
import json, os, shutil, statistics, subprocess, sys, tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
CHECK = os.path.join(HERE, "..", "..", "scripts", "check")
EFFECTS = (0.10, 0.20, 0.40)


def cells(side_dir):
    return json.load(open(os.path.join(side_dir, "jmh.json")))


def label(cell):
    return cell["benchmark"].split(".")[-2] + " " + " ".join(f"{k}={v}" for k, v in sorted(cell["params"].items()))


def fork_means(cell):
    return [statistics.mean(fork) for fork in cell["primaryMetric"]["rawData"]]


def cv(values):
    return statistics.stdev(values) / statistics.mean(values)


def caught(base, cand, index, effect):
    """Exit code of scripts/check when the candidate's cell `index` is slower by `effect`."""
    tmp = tempfile.mkdtemp()
    try:
        shutil.copytree(cand, tmp, dirs_exist_ok=True)
        slowed = cells(cand)
        cell = slowed[index]
        for metric in [cell["primaryMetric"]] + [m for k, m in cell.get("secondaryMetrics", {}).items() if k == "rows"]:
            metric["rawData"] = [[v * (1 + effect) for v in fork] for fork in metric["rawData"]]
        json.dump(slowed, open(os.path.join(tmp, "jmh.json"), "w"))
        code = subprocess.run([CHECK, base, tmp], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode
        if code not in (0, 1):
            sys.exit(f"scripts/check exited {code}")
        return code == 1
    finally:
        shutil.rmtree(tmp)


for run in ("scan", "insert"):
    base, cand = os.path.join(HERE, run, "baseline"), os.path.join(HERE, run, "candidate")
    base_cells = {label(c): c for c in cells(base)}
    print(f"\n{run}: cell | forks | CV baseline | CV candidate | " + " | ".join(f"+{e:.0%} caught" for e in EFFECTS))
    totals = dict.fromkeys(EFFECTS, 0)
    for i, cell in enumerate(cells(cand)):
        row = [label(cell), str(len(fork_means(cell))), f"{cv(fork_means(base_cells[label(cell)])):.1%}",
               f"{cv(fork_means(cell)):.1%}"]
        for effect in EFFECTS:
            hit = caught(base, cand, i, effect)
            totals[effect] += hit
            row.append("yes" if hit else "no")
        print(" | ".join(row))
    print("caught: " + ", ".join(f"+{e:.0%} {totals[e]}/{len(cells(cand))}" for e in EFFECTS))

print("\nfull scan, framework ÷ jdbc in the same round (both sides, 20 rounds): median (quartiles) [range]")
ratios = {}
for side in ("baseline", "candidate"):
    by_cell = {(c["params"]["framework"], c["params"]["strategy"]): fork_means(c)
               for c in cells(os.path.join(HERE, "scan", side))}
    for (framework, strategy), forks in by_cell.items():
        if framework != "jdbc":
            jdbc = by_cell[("jdbc", strategy)]
            ratios.setdefault((strategy, framework), []).extend(f / j for f, j in zip(forks, jdbc))
for (strategy, framework), values in sorted(ratios.items()):
    q = statistics.quantiles(values, n=4)
    print(f"{strategy} {framework}: {statistics.median(values):.2f} ({q[0]:.2f}-{q[2]:.2f}) [{min(values):.2f}-{max(values):.2f}]")
