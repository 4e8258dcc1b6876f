#!/usr/bin/env python3
"""spreadsheets.gnumeric_ssconvert: tieout's Gnumeric plugin as a user meets it.

q3_2024.gnumeric (the fixture, readable XML; its comment says where each
figure comes from) is converted to .xlsx by ssconvert without the plugin, so
the workbook holds the formulas and no results of them; then
`ssconvert --recalc` with the build tree's plugin on GNUMERIC_PLUGIN_PATH
computes every formula and writes CSV, whose cells are compared with the
values below, worked out by hand.

Nothing is installed and nothing outside --work-dir is written: HOME and the
XDG directories point into it and GSettings keeps Gnumeric's preferences in
memory. Standard library only.
"""

import argparse
import csv
import os
import pathlib
import shutil
import subprocess
import sys
import zipfile

# Cell -> the value `ssconvert --recalc` must give it. Figures are in
# thousands; B, C as filed, D, E with three slips (D3 710,069 for 710,039;
# E5 268,962 for 268,692; D8 16.8% for 16.1%). docs/spreadsheets.md: a
# footing's D is the total less the sum of its parts, a conversion's the
# converted figure times the rate less the amount (at the amount's
# precision), a ratio's the printed ratio less the computed one (at the
# ratio's precision). Each figure stands for its value +- half a unit of its
# last digit: 0.5 for the whole numbers here, 0.0005 for 0.161.
EXPECTED = {
    # 1,175,535 + 710,039 + (empty: the dash adds nothing) = 1,885,574.
    "B12": "ties",
    # 1,885,574 - (1,175,535 + 710,069 = 1,885,604) = -30; the rounding of
    # the three figures covers 1.5 at most.
    "D12": "fails by -30",
    # 167,512 + 101,180 + 0 = 268,692.
    "B13": "ties",
    # 268,962 - 268,692 = 270.
    "D13": "fails by 270",
    # 1,885,574 + (-1,582,220) = 303,354, unaltered in both copies.
    "B14": "ties",
    "D14": "ties",
    # 268,692 + (-225,465) = 43,227.
    "B15": "ties",
    # 43,227 - (268,962 - 225,465 = 43,497) = -270.
    "D15": "fails by -270",
    # 268,692 x 7.0176 = 1,880,844 + 4,728.9792 = 1,885,572.9792;
    # - 1,885,574 = -1.0208, within 0.5 + 0.5 x 7.0176 = 4.0088.
    "B16": "rounding",
    # 268,962 x 7.0176 = 1,882,734 + 4,733.7312 = 1,887,467.7312;
    # - 1,885,574 = 1,893.7312 > 4.0088; at the amount's places: 1,894.
    "D16": "fails by 1,894",
    # -225,465 x 7.0176 = -(1,578,255 + 3,968.184) = -1,582,223.184;
    # - (-1,582,220) = -3.184, within 4.0088 (unaltered in both copies).
    "B17": "rounding",
    "D17": "rounding",
    # 303,354 / 1,885,574 = 0.1608815 (1,885,574 x 0.16 = 301,691.84,
    # 1,662.16 left, / 1,885,574 = 0.0008815), inside 16.1%'s
    # [0.1605, 0.1615]: the printed ratio is the computed one, rounded.
    "B18": "ties",
    # 0.168 - 0.1608815 = 0.0071185; at the ratio's three places: 0.007.
    "D18": "fails by 0.007",
    # A2:B4 holds the labels: text is not a figure.
    "B26": "#VALUE!",
    # B4 is the empty RMB "Others": a total must be a number.
    "B27": "#VALUE!",
    # The amount B5:B6 is two cells.
    "B28": "#VALUE!",
    # A rate of 0 cannot hold whatever the figures (TIEOUT_E_CONSTRAINT).
    "B29": "#VALUE!",
    # C4 = 0: the denominator may be zero, so the check is incomplete.
    "B30": "#VALUE!",
    # "sum" is not a kind TIEOUT_EXPLAIN knows.
    "B31": "#VALUE!",
    # C32 = 1/0: the error of a part is passed on as it is.
    "B32": "#DIV/0!",
    "C32": "#DIV/0!",
}

# TIEOUT_EXPLAIN's text is tieout's wording; what is checked is the
# arithmetic above and that each figure names its cell (sheet:row:column).
EXPECTED_FRAGMENTS = {
    # Parts D2, D3 (D4 is empty and adds nothing), total D5.
    "B21": [
        "total 1885574 (Q3 2024:5:4)",
        "part 1 1175535 (Q3 2024:2:4)",
        "part 2 710069 (Q3 2024:3:4)",
        "= 1,885,604; difference -30, tolerance 1.5",
        "does not tie",
    ],
    "B22": [
        "converted 268962 (Q3 2024:5:5) x 7.0176 = 1,887,467.7312",
        "amount 1885574 (Q3 2024:5:4)",
        "difference 1,893.7312, tolerance 4.0088",
        "does not tie",
    ],
    # 0.168 stands for [0.1675, 0.1685], which 0.1608815 is not in.
    "B23": [
        "ratio 0.168 (Q3 2024:8:4)",
        "numerator 303354 (Q3 2024:7:4)",
        "denominator 1885574 (Q3 2024:5:4)",
        "= 0.160882",
        "printed [0.1675, 0.1685]",
        "does not tie",
    ],
}


def cell_name_to_index(name):
    """'B12' -> (11, 1): 0-based row and column of the CSV."""
    letters = name.rstrip("0123456789")
    column = 0
    for letter in letters:
        column = column * 26 + (ord(letter) - ord("A") + 1)
    return int(name[len(letters):]) - 1, column - 1


def isolated_environment(work_dir):
    """The environment for ssconvert: the caller's, with everything Gnumeric
    would write kept in work_dir and a fixed locale, so that formulas parse
    with ',' and numbers print with '.'."""
    home = work_dir / "home"
    environment = dict(os.environ)
    environment.pop("GNUMERIC_PLUGIN_PATH", None)
    environment.update({
        "HOME": str(home),
        "XDG_CONFIG_HOME": str(home / "config"),
        "XDG_DATA_HOME": str(home / "data"),
        "XDG_CACHE_HOME": str(home / "cache"),
        "GSETTINGS_BACKEND": "memory",
        "LC_ALL": "C.UTF-8",
        "LANGUAGE": "C",
    })
    return environment


def run(command, environment):
    print("+", " ".join(command), flush=True)
    completed = subprocess.run(command, env=environment, stdout=subprocess.PIPE,
                               stderr=subprocess.STDOUT, text=True, check=False)
    sys.stdout.write(completed.stdout)
    if completed.returncode != 0:
        sys.exit(f"exit status {completed.returncode}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ssconvert", required=True)
    parser.add_argument("--plugin-dir", required=True, type=pathlib.Path,
                        help="the directory holding plugin.xml and tieout.so")
    parser.add_argument("--fixture", required=True, type=pathlib.Path)
    parser.add_argument("--work-dir", required=True, type=pathlib.Path)
    options = parser.parse_args()

    work_dir = options.work_dir.resolve()
    shutil.rmtree(work_dir, ignore_errors=True)
    (work_dir / "home").mkdir(parents=True)
    environment = isolated_environment(work_dir)

    # Without the plugin: the functions are unknown names, so whatever the
    # .xlsx caches for them is #NAME?, and every result below comes from
    # the recalculation.
    workbook = work_dir / "q3_2024.xlsx"
    run([options.ssconvert, str(options.fixture), str(workbook)], environment)
    with zipfile.ZipFile(workbook) as archive:
        sheet = archive.read("xl/worksheets/sheet1.xml").decode("utf-8")
    for function in ("TIEOUT_FOOT(", "TIEOUT_FX(", "TIEOUT_RATIO(", "TIEOUT_EXPLAIN("):
        if function not in sheet:
            sys.exit(f"{workbook}: no formula calls {function[:-1]}")

    # Gnumeric reads plugin.xml in each subdirectory of the directories on
    # GNUMERIC_PLUGIN_PATH, after its own; a plugin it has not seen before
    # is activated (GSettings in memory has seen none). G_MESSAGES_DEBUG
    # puts the reason for each #VALUE! in the log.
    environment["GNUMERIC_PLUGIN_PATH"] = str(options.plugin_dir.resolve().parent)
    environment["G_MESSAGES_DEBUG"] = "tieout"
    output = work_dir / "q3_2024.csv"
    run([options.ssconvert, "--recalc", str(workbook), str(output)], environment)

    with open(output, newline="", encoding="utf-8") as handle:
        rows = list(csv.reader(handle))

    def cell(name):
        row, column = cell_name_to_index(name)
        if row >= len(rows) or column >= len(rows[row]):
            return None
        return rows[row][column]

    failed = set()
    for name, expected in EXPECTED.items():
        if cell(name) != expected:
            print(f"FAIL {name}: expected {expected!r}, got {cell(name)!r}")
            failed.add(name)
    for name, fragments in EXPECTED_FRAGMENTS.items():
        text = cell(name) or ""
        for fragment in fragments:
            if fragment not in text:
                print(f"FAIL {name}: {fragment!r} not in {text!r}")
                failed.add(name)

    checked = len(EXPECTED) + len(EXPECTED_FRAGMENTS)
    print(f"cells: {checked - len(failed)} passed, {len(failed)} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
