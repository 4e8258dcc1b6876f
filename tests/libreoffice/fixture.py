#!/usr/bin/python3
"""The fixture of scripts/test-libreoffice: writes a sheet described cell by
cell (q3_2024.cells) as an .xlsx, and compares the sheet LibreOffice
recalculated, exported as CSV, with the results worked out by hand
(q3_2024.expected).

  fixture.py xlsx CELLS OUTPUT.xlsx
  fixture.py compare CELLS EXPECTED RESULTS.csv

The .xlsx is written here with the standard library (an .xlsx is a zip of
XML parts), so the test needs no converter and nothing binary is committed.
Every formula cell gets the cached result "stale": LibreOffice keeps cached
results of an .xlsx unless told to recalculate on load, and a cell still
"stale" after loading shows that it was not.

`compare` exits 0 when every expected value is there, 1 with each
difference on stderr otherwise, 2 on bad input. A formula cell of CELLS
without an expected value is an error, so that no result goes unchecked.

Standard library only (/usr/bin/python3).
"""

import csv
import decimal
import re
import sys
import zipfile
from xml.sax.saxutils import escape

STALE = "stale"
CELL = re.compile(r"^([A-Z]{1,3})([1-9][0-9]*)$")
NUMBER = re.compile(r"^-?[0-9]+(\.[0-9]+)?$")
PERCENT = re.compile(r"^-?[0-9]+(\.[0-9]+)?%$")

# LibreOffice 7.4 (Debian 12) knows an add-in's functions in an .xlsx only by
# their programmatic names, service and method (it writes them so too); the
# CompatibilityName TIEOUT_FOOT of CalcAddIns.xcu is mapped in .xlsx files
# only by later releases. The sheet is written with those names, so that
# q3_2024.cells reads as the sheet shows it.
PROGRAMMATIC_NAMES = {
    "TIEOUT_FOOT": "ORG.TIEOUT.CALC.TIEOUTADDIN.TIEOUTFOOT",
    "TIEOUT_FX": "ORG.TIEOUT.CALC.TIEOUTADDIN.TIEOUTFX",
    "TIEOUT_RATIO": "ORG.TIEOUT.CALC.TIEOUTADDIN.TIEOUTRATIO",
    "TIEOUT_EXPLAIN": "ORG.TIEOUT.CALC.TIEOUTADDIN.TIEOUTEXPLAIN",
}
FUNCTION_CALL = re.compile(r"\b(" + "|".join(PROGRAMMATIC_NAMES) + r")\(")

# Style indexes of styles.xml's cellXfs below.
STYLE_GENERAL, STYLE_AMOUNT, STYLE_PERCENT = 0, 1, 2


class FixtureError(Exception):
    """Bad input: the message names the file and line."""


def column_number(letters):
    number = 0
    for letter in letters:
        number = number * 26 + ord(letter) - ord("A") + 1
    return number


def column_letters(number):
    letters = ""
    while number:
        number, remainder = divmod(number - 1, 26)
        letters = chr(ord("A") + remainder) + letters
    return letters


def read_lines(path):
    """(line number, address, value) of each line that is not blank or a
    comment, split at the first TAB."""
    try:
        with open(path, encoding="utf-8") as file:
            lines = file.read().splitlines()
    except OSError as error:
        raise FixtureError(f"{path}: {error.strerror}") from None
    entries, seen = [], set()
    for number, line in enumerate(lines, 1):
        if not line.strip() or line.startswith("#"):
            continue
        address, tab, value = line.partition("\t")
        if not tab or not CELL.match(address):
            raise FixtureError(f"{path}:{number}: expected a cell address, a TAB and a value, "
                               f"got {line!r}")
        if address in seen:
            raise FixtureError(f"{path}:{number}: {address} is given twice")
        seen.add(address)
        entries.append((number, address, value))
    return entries


def cell_xml(address, content):
    """The <c> element of one cell of q3_2024.cells."""
    if content.startswith("="):
        formula = FUNCTION_CALL.sub(lambda call: PROGRAMMATIC_NAMES[call[1]] + "(", content[1:])
        # t="str": the cached result is text, which every result here is.
        return (f'<c r="{address}" t="str"><f>{escape(formula)}</f>'
                f"<v>{STALE}</v></c>")
    if NUMBER.match(content):
        style = STYLE_AMOUNT if "." not in content else STYLE_GENERAL
        return f'<c r="{address}" s="{style}"><v>{content}</v></c>'
    if PERCENT.match(content):
        # Decimal, not float: 16.1 / 100 in binary is 0.16100000000000003.
        fraction = decimal.Decimal(content[:-1]).scaleb(-2)
        return f'<c r="{address}" s="{STYLE_PERCENT}"><v>{fraction}</v></c>'
    text = content[1:] if content.startswith("'") else content
    return f'<c r="{address}" t="inlineStr"><is><t>{escape(text)}</t></is></c>'


def sheet_xml(entries):
    rows = {}
    for _, address, content in entries:
        letters, row = CELL.match(address).groups()
        rows.setdefault(int(row), []).append((column_number(letters), cell_xml(address, content)))
    # Columns wide enough for the labels and the verdicts (a screenshot of
    # the sheet is in docs/spreadsheets.md).
    widths = {1: 30, 2: 13, 3: 11, 4: 12, 5: 3, 6: 13, 7: 12, 8: 12}
    columns = "".join(f'<col min="{c}" max="{c}" width="{w}" customWidth="1"/>'
                      for c, w in widths.items())
    body = "".join(f'<row r="{row}">' + "".join(xml for _, xml in sorted(cells)) + "</row>"
                   for row, cells in sorted(rows.items()))
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
            f"<cols>{columns}</cols><sheetData>{body}</sheetData></worksheet>")


PARTS = {
    "[Content_Types].xml":
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" '
        'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" ContentType="application/'
        'vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
        '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/'
        'vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
        '<Override PartName="/xl/styles.xml" ContentType="application/'
        'vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
        '<Override PartName="/docProps/app.xml" ContentType="application/'
        'vnd.openxmlformats-officedocument.extended-properties+xml"/>'
        "</Types>",
    "_rels/.rels":
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        'relationships/officeDocument" Target="xl/workbook.xml"/>'
        '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        'relationships/extended-properties" Target="docProps/app.xml"/></Relationships>',
    # The generator, as Excel names itself. LibreOffice keeps the cached
    # results of files that Excel or LibreOffice wrote, and recalculates
    # those of any other generator on load whatever its settings: without
    # this the test would pass without the setting users need.
    "docProps/app.xml":
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/'
        'extended-properties"><Application>Microsoft Excel</Application>'
        "<AppVersion>16.0300</AppVersion></Properties>",
    "xl/workbook.xml":
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
        '<sheets><sheet name="Q3 2024" sheetId="1" r:id="rId1"/></sheets></workbook>',
    "xl/_rels/workbook.xml.rels":
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        'relationships/worksheet" Target="worksheets/sheet1.xml"/>'
        '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        'relationships/styles" Target="styles.xml"/></Relationships>',
    # cellXfs: 0 general, 1 whole amounts as the filing prints them
    # (1,175,535 and (1,582,220)), 2 percentages to one place (16.1%).
    "xl/styles.xml":
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        '<numFmts count="2"><numFmt numFmtId="164" formatCode="#,##0;(#,##0)"/>'
        '<numFmt numFmtId="165" formatCode="0.0%"/></numFmts>'
        '<fonts count="1"><font><sz val="10"/><name val="Liberation Sans"/></font></fonts>'
        '<fills count="2"><fill><patternFill patternType="none"/></fill>'
        '<fill><patternFill patternType="gray125"/></fill></fills>'
        '<borders count="1"><border/></borders>'
        '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>'
        "</cellStyleXfs>"
        '<cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
        '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
        '<xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
        "</cellXfs></styleSheet>",
}


def write_xlsx(cells_path, output_path):
    entries = read_lines(cells_path)
    with zipfile.ZipFile(output_path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in PARTS.items():
            archive.writestr(name, content)
        archive.writestr("xl/worksheets/sheet1.xml", sheet_xml(entries))


def read_results(csv_path):
    """The recalculated sheet as {address: text}, from LibreOffice's CSV."""
    try:
        with open(csv_path, encoding="utf-8", newline="") as file:
            rows = list(csv.reader(file))
    except OSError as error:
        raise FixtureError(f"{csv_path}: {error.strerror}") from None
    return {f"{column_letters(c)}{r}": value
            for r, row in enumerate(rows, 1) for c, value in enumerate(row, 1) if value}


def contains_in_order(text, fragments):
    position = 0
    for fragment in fragments:
        found = text.find(fragment, position)
        if found < 0:
            return False
        position = found + len(fragment)
    return True


def compare(cells_path, expected_path, csv_path):
    """The differences between the results and the expected values, as
    messages; empty when everything is as expected."""
    formulas = {address: content for _, address, content in read_lines(cells_path)
                if content.startswith("=")}
    expected = read_lines(expected_path)
    results = read_results(csv_path)
    problems = []
    for number, address, want in expected:
        if address not in formulas:
            raise FixtureError(f"{expected_path}:{number}: {address} is not a formula cell of "
                               f"{cells_path}")
        got = results.get(address, "")
        where = f"{address} {formulas[address]}"
        if got == STALE:
            problems.append(f"{where}: still the cached {STALE!r}: LibreOffice did not "
                            "recalculate the file on load")
        elif got == "#NAME?" and want != got:
            problems.append(f"{where}: #NAME?: LibreOffice does not know the function: the "
                            "extension is not installed or its Python component did not load")
        elif want.startswith("~"):
            if not contains_in_order(got, want[1:].split(" ... ")):
                problems.append(f"{where}: expected text containing {want[1:]!r}, got {got!r}")
        elif got != want:
            problems.append(f"{where}: expected {want!r}, got {got!r}")
    for address in sorted(set(formulas) - {address for _, address, _ in expected}):
        problems.append(f"{address} {formulas[address]}: no expected value in {expected_path}")
    return problems


def main(argv):
    try:
        if len(argv) == 4 and argv[1] == "xlsx":
            write_xlsx(argv[2], argv[3])
            return 0
        if len(argv) == 5 and argv[1] == "compare":
            problems = compare(argv[2], argv[3], argv[4])
            for problem in problems:
                print(f"fixture.py: {problem}", file=sys.stderr)
            return 1 if problems else 0
    except FixtureError as error:
        print(f"fixture.py: {error}", file=sys.stderr)
        return 2
    print(__doc__.split("\n\n")[1], file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
