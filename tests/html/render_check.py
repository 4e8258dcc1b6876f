#!/usr/bin/python3
"""Renders tieout's HTML report in headless Chromium and checks the DOM.

Runs `tieout check --format html` on a filing (from the source directory, so
the report names the file as given), loads the report in Debian's chromium
(headless, no sandbox, no GPU, no network services, a fresh profile), and
checks the DOM Chromium built from it:

  - the number of <table> elements is the number of read tables with figures;
  - there are exactly as many cells with data-figure-id as figures, each id
    once, 0 to figures - 1, each with a known data-status;
  - every such cell holds exactly one element of class "tick", and there is
    no tick outside them;
  - nothing is loaded from outside the page: no src attributes, no <link>,
    and every href is a fragment (#...).

Then it takes a screenshot (1400x2400) and checks that it is a PNG of that
size. Exit status 0 when everything holds, 1 otherwise (with the reasons on
stderr); never a skip.

Regenerating docs/report-q3-2024.png, from the source directory:

  tests/html/render_check.py --tieout build/dev/lib/cli/tieout \
      --source-dir . --filing examples/filings/004_5d25836ba150503a.txt \
      --figures 586 --tables 8 --work-dir /tmp/render_check \
      --screenshot docs/report-q3-2024.png

Standard library only.
"""

import argparse
import os
import shutil
import signal
import struct
import subprocess
import sys
import tempfile
import time
from html.parser import HTMLParser

STATUSES = {"ties", "rounding", "fails", "unverified", "unreadable", "nil"}
# Elements without end tags: never on the stack of open elements.
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
        "source", "track", "wbr"}
TIMEOUT_SECONDS = 120


class DomCheck(HTMLParser):
    """Counts what the checks need in one pass over the DOM."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack = []  # [tag, figure id or None]
        self.tables = 0
        self.figure_ids = []
        self.statuses = []
        self.ticks_in_cell = {}  # figure id -> ticks inside its cell
        self.stray_ticks = 0
        self.external = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "table":
            self.tables += 1
        if "src" in attributes or tag in ("link", "iframe", "object", "embed"):
            self.external.append(f"<{tag} {attrs}>")
        href = attributes.get("href")
        if href is not None and not href.startswith("#"):
            self.external.append(f"<{tag} href={href!r}>")
        classes = (attributes.get("class") or "").split()
        if "tick" in classes:
            cell = next((f for _, f in reversed(self.stack) if f is not None), None)
            if cell is None:
                self.stray_ticks += 1
            else:
                self.ticks_in_cell[cell] += 1
        figure = attributes.get("data-figure-id")
        if figure is not None:
            self.figure_ids.append(figure)
            self.statuses.append(attributes.get("data-status"))
            self.ticks_in_cell.setdefault(figure, 0)
        if tag not in VOID:
            self.stack.append([tag, figure])

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.stack.pop()

    def handle_endtag(self, tag):
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i][0] == tag:
                del self.stack[i:]
                return


def run_chromium(chromium, profile, extra, url):
    """Runs chromium headless on `url`; returns (exit status, stdout, stderr)."""
    command = [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
               "--disable-background-networking", "--disable-component-update",
               "--disable-sync", f"--user-data-dir={profile}"] + extra + [url]
    # Its own session, so that a hang takes its helper processes down with it.
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               start_new_session=True)
    try:
        out, err = process.communicate(timeout=TIMEOUT_SECONDS)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        out, err = process.communicate()
        return None, out, err + f"\ntimed out after {TIMEOUT_SECONDS} s".encode()
    return process.returncode, out, err


def png_size(path):
    with open(path, "rb") as f:
        head = f.read(24)
    if len(head) < 24 or head[:8] != b"\x89PNG\r\n\x1a\n" or head[12:16] != b"IHDR":
        return None
    return struct.unpack(">II", head[16:24])


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tieout", required=True, help="the tieout command")
    parser.add_argument("--chromium", default=shutil.which("chromium") or "chromium")
    parser.add_argument("--source-dir", required=True, help="where tieout runs")
    parser.add_argument("--filing", required=True, help="relative to --source-dir")
    parser.add_argument("--figures", type=int, required=True, help="figures expected")
    parser.add_argument("--tables", type=int, required=True, help="tables with figures expected")
    parser.add_argument("--work-dir", required=True, help="where the report is written")
    parser.add_argument("--screenshot", required=True, help="the PNG to write")
    args = parser.parse_args()

    failures = []
    started = time.monotonic()
    os.makedirs(args.work_dir, exist_ok=True)
    report = os.path.abspath(os.path.join(args.work_dir, "report.html"))
    screenshot = os.path.abspath(args.screenshot)
    tieout = subprocess.run([os.path.abspath(args.tieout), "check", "--format", "html",
                             "--output", report, args.filing],
                            cwd=args.source_dir, capture_output=True, text=True)
    if tieout.returncode != 0:  # 0: everything ties
        print(f"tieout exited {tieout.returncode}:\n{tieout.stdout}{tieout.stderr}",
              file=sys.stderr)
        return 1
    url = "file://" + report

    profile = tempfile.mkdtemp(prefix="tieout-chromium-")
    try:
        status, dom, err = run_chromium(args.chromium, profile, ["--dump-dom"], url)
        if status != 0 or not dom:
            print(f"chromium --dump-dom failed ({status}):\n{err.decode(errors='replace')}",
                  file=sys.stderr)
            return 1
        dom = dom.decode("utf-8")
        check = DomCheck()
        check.feed(dom)
        check.close()

        if check.tables != args.tables or dom.count("<table") != args.tables:
            failures.append(f"{check.tables} tables (<table: {dom.count('<table')}), "
                            f"expected {args.tables}")
        if len(check.figure_ids) != args.figures:
            failures.append(f"{len(check.figure_ids)} data-figure-id cells, "
                            f"expected {args.figures}")
        expected_ids = {str(i) for i in range(args.figures)}
        if len(set(check.figure_ids)) != len(check.figure_ids) or \
                set(check.figure_ids) != expected_ids:
            failures.append("figure ids are not 0.." + str(args.figures - 1) + " each once")
        unknown = {s for s in check.statuses if s not in STATUSES}
        if unknown:
            failures.append(f"unknown data-status values: {sorted(unknown, key=str)}")
        ticks = sum(check.ticks_in_cell.values())
        wrong = {f: n for f, n in check.ticks_in_cell.items() if n != 1}
        if ticks != args.figures or wrong:
            failures.append(f"{ticks} ticks in figure cells, expected {args.figures}; "
                            f"cells without exactly one: {list(wrong.items())[:10]}")
        if check.stray_ticks:
            failures.append(f"{check.stray_ticks} ticks outside figure cells")
        if check.external:
            failures.append(f"external resources: {check.external[:10]}")
        if "https://" in dom or "http://" in dom:
            failures.append("the DOM mentions http:// or https://")

        os.makedirs(os.path.dirname(screenshot) or ".", exist_ok=True)
        if os.path.exists(screenshot):
            os.remove(screenshot)
        status, _, err = run_chromium(args.chromium, profile,
                                      [f"--screenshot={screenshot}", "--window-size=1400,2400"],
                                      url)
        size = png_size(screenshot) if os.path.exists(screenshot) else None
        if status != 0 or size != (1400, 2400):
            failures.append(f"screenshot: chromium exited {status}, PNG size {size}:\n"
                            f"{err.decode(errors='replace')}")
    finally:
        shutil.rmtree(profile, ignore_errors=True)

    elapsed = time.monotonic() - started
    if failures:
        for failure in failures:
            print("FAIL " + failure, file=sys.stderr)
        return 1
    print(f"ok: {check.tables} tables, {len(check.figure_ids)} figure cells with one tick each, "
          f"no external resources; screenshot {screenshot} "
          f"({os.path.getsize(screenshot)} bytes); {elapsed:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
