#!/usr/bin/env python3
"""Builds the workbook fixtures in tests/fixtures/workbooks/ (committed; run again only to change them).

Shaped like what HR systems hand a manager: a title above the header, a group row with merged
cells, ids stored as numbers, hire dates as formatted dates, "level since" as bare Excel serials,
a formula whose cached value is the name, a notes sheet before the roster sheet. LibreOffice
(soffice --headless) recalculates and saves each workbook, so formulas carry cached values as
Excel's own files do, and writes the .xls and .ods copies. Needs: pip install openpyxl
msoffcrypto-tool; apt-get install libreoffice-calc-nogui.
"""
import datetime, os, shutil, subprocess, sys, tempfile
import msoffcrypto.format.ooxml
from openpyxl import Workbook

OUT = os.path.join(os.path.dirname(__file__), "..", "tests", "fixtures", "workbooks")
PEOPLE = [
    # id, first, last, manager, team, level, hire date, level since (serial), location
    (1001, "Ada", "Park", "", "Platform", "P5", datetime.date(2015, 3, 2), 44197, "Berlin"),
    (1002, "Ben", "Okafor", "Ada Park", "Platform", "P3", datetime.date(2019, 7, 15), 44927, "Lagos"),
    (1003, "Chloé", "Martin", "Ada Park", "Search", "P2", datetime.date(2022, 1, 10), 44571, "Paris"),
    (1004, "Dai", "Chen", "Ada Park", "Search", "P4", datetime.date(2018, 11, 5), 45292, "Taipei"),
]


def roster_sheet(ws, people, title=True, formulas=True):
    if title:
        ws.append(["Headcount report — Engineering"])
        ws.append([])
        # A group row whose cells are merged across the columns below them.
        ws.append(["Employee", None, None, None, "Position", None, None, None, None])
        ws.merge_cells("A3:D3")
        ws.merge_cells("E3:I3")
    ws.append(["Employee ID", "First Name", "Last Name", "Full Name", "Manager", "Team", "Job Level",
               "Hire Date", "Level Since", "Location"])
    header_row = ws.max_row
    for i, (pid, first, last, manager, team, level, hired, since, where) in enumerate(people):
        row = header_row + 1 + i
        full = f'=B{row}&" "&C{row}' if formulas else f"{first} {last}"
        ws.append([pid, first, last, full, manager, team, level, hired, since, where])
        ws.cell(row=row, column=8).number_format = "mm/dd/yyyy"


def save(wb, name):
    tmp = tempfile.mkdtemp()
    raw = os.path.join(tmp, name)
    wb.save(raw)
    # LibreOffice computes the formulas and stores their values, as Excel does on save.
    subprocess.run(["soffice", "--headless", "--calc", "--convert-to", "xlsx", "--outdir", tmp + "/calc", raw],
                   check=True, capture_output=True)
    shutil.copy(os.path.join(tmp, "calc", name), os.path.join(OUT, name))
    return os.path.join(OUT, name)


def main():
    os.makedirs(OUT, exist_ok=True)
    wb = Workbook()
    notes = wb.active
    notes.title = "Read me"
    notes.append(["Exported from Workday on 2026-11-02. Confidential."])
    roster_sheet(wb.create_sheet("Roster"), PEOPLE)
    path = save(wb, "hr-export.xlsx")
    subprocess.run(["soffice", "--headless", "--convert-to", "ods", "--outdir", OUT, path],
                   check=True, capture_output=True)
    # LibreOffice's .xls writer stores no cached text for a formula (Excel's does, in a STRING
    # record), so the .xls copy holds the names as values.
    wb = Workbook()
    wb.active.title = "Read me"
    roster_sheet(wb.create_sheet("Roster"), PEOPLE, formulas=False)
    tmp = tempfile.mkdtemp()
    values = os.path.join(tmp, "hr-export.xlsx")
    wb.save(values)
    subprocess.run(["soffice", "--headless", "--convert-to", "xls", "--outdir", OUT, values],
                   check=True, capture_output=True)

    wb = Workbook()
    roster_sheet(wb.active, PEOPLE[:2], title=False)
    wb.active.title = "Platform"
    roster_sheet(wb.create_sheet("Search"), PEOPLE[2:], title=False)
    save(wb, "two-rosters.xlsx")

    wb = Workbook()
    wb.active.title = "Budget"
    wb.active.append(["Quarter", "Spend", "Forecast"])
    wb.active.append(["Q1", 1200, 1300])
    save(wb, "no-roster.xlsx")

    wb = Workbook()
    ws = wb.active
    ws.title = "Roster"
    roster_sheet(ws, PEOPLE)
    ws["G6"] = "Wizard"           # an unknown level, sheet row 6
    ws["A8"] = 1001               # a duplicate id, sheet row 8 (first on row 5)
    ws["F7"] = "=1/0"             # a formula error, sheet row 7
    save(wb, "bad-cells.xlsx")

    with open(os.path.join(OUT, "hr-export.xlsx"), "rb") as plain, \
            open(os.path.join(OUT, "password.xlsx"), "wb") as locked:
        office = msoffcrypto.format.ooxml.OOXMLFile(plain)
        office.encrypt("secret", locked)


if __name__ == "__main__":
    sys.exit(main())
