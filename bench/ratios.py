#!/usr/bin/env python3
"""Prints each benchmark's median time as a ratio to its group's baseline.

Reads Google Benchmark JSON (run with --benchmark_repetitions=N and
--benchmark_format=json) on stdin. Benchmarks are named BM_<Group>_By_<How>;
the one whose label is "baseline" is the denominator of its group. Only the
standard library is used.
"""
import json
import sys


def main() -> int:
    report = json.load(sys.stdin)
    medians = {}
    labels = {}
    for run in report["benchmarks"]:
        if run.get("aggregate_name") not in (None, "median"):
            continue
        name = run["run_name"]
        if run.get("run_type") == "aggregate" or name not in medians:
            medians[name] = run["real_time"] * {"ns": 1, "us": 1e3, "ms": 1e6, "s": 1e9}[run["time_unit"]]
        if run.get("label"):
            labels[name] = run["label"]
    groups = {}
    for name in medians:
        group = name.split("_By_")[0]
        groups.setdefault(group, []).append(name)
    print(f"{'benchmark':32} {'median':>14} {'ratio to baseline':>18}")
    for group, names in groups.items():
        baseline = next((n for n in names if labels.get(n) == "baseline"), None)
        for name in names:
            ratio = f"{medians[name] / medians[baseline]:.2f}x" if baseline else "-"
            print(f"{name:32} {medians[name]:>11.0f} ns {ratio:>18}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
