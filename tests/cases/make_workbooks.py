#!/usr/bin/python3
"""Writes the workbook cases tests/cases/wb-*/ (input file + case.json), README "Workbooks".

Run with Debian's interpreter, which has python3-openpyxl:  /usr/bin/python3 tests/cases/make_workbooks.py [OUT]
(OUT defaults to tests/cases; the ctest case/workbook-generator writes them elsewhere and compares).
Some cases come from openpyxl (what Excel-like writers produce); the others are packages written
here part by part, for what openpyxl never writes: inline strings, strict namespaces, rich text
with phonetic runs, _xHHHH_ escapes, the 1904 date system, numbers in exponent form, empty <v/>,
formulas with cached values, error and boolean cells. The output is deterministic (fixed zip
times), so running it again changes nothing.
"""
import datetime
import json
import os
import re
import sys
import zipfile

import openpyxl

HERE = os.path.abspath(sys.argv[1]) if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))
SESSION = {"start": "2021-03-10T09:00:00+08:00", "end": "2021-03-12T17:00:00+08:00"}
# Valid resident ID numbers (GB 11643 check digits) of Luhe County, 441523.
IDS = ["441523199001011234", "44152319851212456X", "441523200002297890", "441523197806150013",
       "44152319920303002X", "441523196604080251"]
NAMES = ["卓文辉", "彭丽娟", "叶志强", "黄秀英", "罗春梅", "许国华"]
PHONES = [13802345671, 15913456782, 18824567893, 13535678904, 17746789015, 19957890126]
HEADER = ["序号", "姓名", "身份证号码", "联系电话", "家庭住址", "签到时间"]
FIXED_TIME = (2021, 3, 10, 9, 0, 0)


def write_case(name, note, file_name, expect):
    directory = os.path.join(HERE, name)
    os.makedirs(directory, exist_ok=True)
    case = {"note": note, "session": SESSION, "file": file_name, "expect": expect}
    with open(os.path.join(directory, "case.json"), "w", encoding="utf-8") as f:
        json.dump(case, f, ensure_ascii=False, indent=1)
        f.write("\n")
    return os.path.join(directory, file_name)


def fix_zip_times(path):
    """openpyxl stamps the zip entries and the document properties with the current time: fix them."""
    with zipfile.ZipFile(path) as source:
        parts = [(info.filename, source.read(info.filename)) for info in source.infolist()]
    # docProps/core.xml holds the time of writing too.
    parts = [(name, re.sub(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*", rb"\g<1>2021-03-01T00:00:00Z", data))
             for name, data in parts]
    write_package(path, parts)


def write_package(path, parts):
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as package:
        for part_name, data in parts:
            info = zipfile.ZipInfo(part_name, FIXED_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            package.writestr(info, data if isinstance(data, bytes) else data.encode("utf-8"))


def openpyxl_sheet(sheet, rows, title=True):
    if title:
        sheet.append(["陆河县电子商务进农村综合示范培训签到表"])
        sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(HEADER))
    sheet.append(HEADER)
    for row in rows:
        sheet.append(row)


def save(workbook, path):
    workbook.save(path)
    fix_zip_times(path)


def day(d, h=9, m=0):
    return datetime.datetime(2021, 3, d, h, m)


# 1. openpyxl: IDs as text, phones as numbers, sign-in times as date-formatted numbers, a merged title.
def openpyxl_dates():
    path = write_case("wb-openpyxl-dates", "openpyxl workbook: merged title, IDs as text, phones as numbers, "
                      "sign-in times as date cells on three days", "input.xlsx",
                      {"format": "xlsx", "encoding": "utf-8", "accepted": 6, "duplicates": 0, "rejected": {},
                       "trainees": {IDS[1]: {"name": NAMES[1], "phone": str(PHONES[1]), "gender": "F",
                                             "birth_date": "1985-12-12", "day": "2021-03-11"}}})
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "签到表"
    openpyxl_sheet(sheet, [[i + 1, NAMES[i], IDS[i], PHONES[i], "陆河县河田镇", day(10 + i % 3, 8, 30 + i)]
                           for i in range(6)])
    save(workbook, path)


# 2. openpyxl: ID numbers typed as numbers. 18 digits as a number cell is damage whatever the digits
#    (openpyxl even keeps them all); a 15-digit ID as a number is intact and upgraded.
def openpyxl_numeric_ids():
    path = write_case("wb-openpyxl-numeric-ids", "ID numbers stored as number cells: 18-digit ones are "
                      "id-excel-damaged even with a valid check digit; a 15-digit one is read and upgraded",
                      "input.xlsx",
                      {"format": "xlsx", "encoding": "utf-8", "accepted": 3, "duplicates": 0,
                       "rejected": {"id-excel-damaged": 2},
                       "trainees": {"441523198803151234": {"name": "陈建国", "birth_date": "1988-03-15"}}})
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    rows = [[1, NAMES[0], int(IDS[0]), PHONES[0], "河田镇", day(10)],
            [2, NAMES[2], int(IDS[2]), PHONES[2], "河田镇", day(10)],
            [3, "陈建国", 441523880315123, PHONES[3], "河田镇", day(10)],
            [4, NAMES[4], IDS[4], PHONES[4], "河田镇", day(10)],
            [5, NAMES[5], IDS[5], PHONES[5], "河田镇", day(10)]]
    openpyxl_sheet(sheet, rows)
    save(workbook, path)


# 3. openpyxl: a summary sheet first, the sign-in sheet, a hidden old sheet: only the visible sheet
#    with a header imports.
def openpyxl_hidden_summary():
    path = write_case("wb-openpyxl-hidden-summary", "a 汇总 sheet without header, the sign-in sheet, and a hidden "
                      "sheet with a header: only the visible sign-in sheet imports", "input.xlsx",
                      {"format": "xlsx", "encoding": "utf-8", "accepted": 3, "duplicates": 0, "rejected": {}})
    workbook = openpyxl.Workbook()
    summary = workbook.active
    summary.title = "汇总"
    summary.append(["本期培训共 3 人"])
    summary.append(["培训服务商", "陆河县云商电子商务有限公司"])
    sheet = workbook.create_sheet("签到表")
    openpyxl_sheet(sheet, [[i + 1, NAMES[i], IDS[i], PHONES[i], "河田镇", day(10)] for i in range(3)])
    hidden = workbook.create_sheet("旧表")
    openpyxl_sheet(hidden, [[i + 1, NAMES[i], IDS[i], PHONES[i], "河田镇", "2020-01-01"] for i in range(3, 6)])
    hidden.sheet_state = "hidden"
    save(workbook, path)


# 4. openpyxl: one sheet per day, named 第一天 / 第2天 / Day 3, with times only.
def openpyxl_day_sheets():
    path = write_case("wb-openpyxl-day-sheets", "one sheet per day named 第一天, 第2天 and Day 3, the time column "
                      "holding times only: each sheet's rows are of its day", "input.xlsx",
                      {"format": "xlsx", "encoding": "utf-8", "accepted": 9, "duplicates": 0, "rejected": {},
                       "trainees": {IDS[0]: {"name": NAMES[0], "day": "2021-03-12"}}})
    workbook = openpyxl.Workbook()
    for index, title in enumerate(["第一天", "第2天", "Day 3"]):
        sheet = workbook.active if index == 0 else workbook.create_sheet(title)
        sheet.title = title
        openpyxl_sheet(sheet, [[i + 1, NAMES[i], IDS[i], PHONES[i], "河田镇", datetime.time(8, 40 + i)]
                               for i in range(3)], title=False)
    save(workbook, path)


# 5. A workbook named .csv: the content decides.
def workbook_named_csv():
    path = write_case("wb-named-csv", "an .xlsx workbook saved under a .csv name: read as the workbook it is",
                      "input.csv", {"format": "xlsx", "encoding": "utf-8", "accepted": 3, "duplicates": 0,
                                    "rejected": {}})
    workbook = openpyxl.Workbook()
    openpyxl_sheet(workbook.active, [[i + 1, NAMES[i], IDS[i], str(PHONES[i]), "河田镇", "2021-03-10 09:0%d" % i]
                                     for i in range(3)], title=False)
    workbook.save(path + ".tmp.xlsx")
    fix_zip_times(path + ".tmp.xlsx")
    os.replace(path + ".tmp.xlsx", path)


# Hand-written packages ----------------------------------------------------------------------

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
STRICT_MAIN = "http://purl.oclc.org/ooxml/spreadsheetml/main"
STRICT_REL = "http://purl.oclc.org/ooxml/officeDocument/relationships"


def column_name(index):
    name = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        name = chr(65 + rest) + name
    return name


def escape(text):
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def package(path, sheets, shared=None, styles=None, date1904=False, strict=False, workbook_name="workbook.xml"):
    """sheets: [(name, rows xml, state)]; the parts named unusually (wb/book.xml, ws/s1.xml) so that
    nothing is found by a fixed name."""
    main, rel = (STRICT_MAIN, STRICT_REL) if strict else (MAIN, REL)
    types = ['<?xml version="1.0" encoding="UTF-8"?>',
             '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">',
             '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>',
             '<Default Extension="xml" ContentType="application/xml"/>',
             '<Override PartName="/wb/%s" ContentType="application/vnd.openxmlformats-officedocument.'
             'spreadsheetml.sheet.main+xml"/>' % workbook_name]
    relationships = []
    sheet_elements = []
    parts = []
    for index, (name, rows, state) in enumerate(sheets):
        part = "ws/s%d.xml" % (index + 1)
        types.append('<Override PartName="/wb/%s" ContentType="application/vnd.openxmlformats-officedocument.'
                     'spreadsheetml.worksheet+xml"/>' % part)
        relationships.append('<Relationship Id="rId%d" Type="%s/worksheet" Target="%s"/>' % (index + 1, rel, part))
        state_attribute = ' state="%s"' % state if state else ""
        sheet_elements.append('<sheet name="%s" sheetId="%d"%s r:id="rId%d"/>' %
                              (escape(name), index + 1, state_attribute, index + 1))
        parts.append(("wb/" + part, '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="%s" xmlns:r="%s">'
                      '<dimension ref="A1"/><sheetData>%s</sheetData><mergeCells count="1"><mergeCell ref="A1:F1"/>'
                      '</mergeCells></worksheet>' % (main, rel, rows)))
    if shared is not None:
        types.append('<Override PartName="/wb/strings.xml" ContentType="application/vnd.openxmlformats-'
                     'officedocument.spreadsheetml.sharedStrings+xml"/>')
        relationships.append('<Relationship Id="rIdS" Type="%s/sharedStrings" Target="strings.xml"/>' % rel)
        parts.append(("wb/strings.xml", '<?xml version="1.0" encoding="UTF-8"?><sst xmlns="%s" count="%d" '
                      'uniqueCount="%d">%s</sst>' % (main, len(shared), len(shared), "".join(shared))))
    if styles is not None:
        relationships.append('<Relationship Id="rIdT" Type="%s/styles" Target="../wb/styles.xml"/>' % rel)
        parts.append(("wb/styles.xml", '<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="%s">%s'
                      '</styleSheet>' % (main, styles)))
    types.append("</Types>")
    workbook_pr = '<workbookPr date1904="1"/>' if date1904 else "<workbookPr/>"
    parts = [("[Content_Types].xml", "".join(types)),
             ("_rels/.rels", '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="%s"><Relationship '
              'Id="rId1" Type="%s/officeDocument" Target="wb/%s"/></Relationships>' % (PKG_REL, rel, workbook_name)),
             ("wb/" + workbook_name, '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="%s" xmlns:r="%s">%s'
              '<sheets>%s</sheets></workbook>' % (main, rel, workbook_pr, "".join(sheet_elements))),
             ("wb/_rels/%s.rels" % workbook_name, '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="%s">'
              '%s</Relationships>' % (PKG_REL, "".join(relationships)))] + parts
    write_package(path, parts)


def inline(ref, text):
    return '<c r="%s" t="inlineStr"><is><t>%s</t></is></c>' % (ref, escape(text))


def rows_xml(rows, cell):
    """rows: lists of cell values; `cell(ref, value)` writes one cell."""
    out = []
    for r, row in enumerate(rows, start=1):
        cells = "".join(cell("%s%d" % (column_name(c), r), value) for c, value in enumerate(row) if value is not None)
        out.append('<row r="%d">%s</row>' % (r, cells))
    return "".join(out)


# 6. Inline strings only: no shared strings part, no styles.
def inline_strings():
    path = write_case("wb-inline-strings", "every cell an inline string (t=\"inlineStr\"), no shared strings and "
                      "no styles part; parts named wb/book.xml and wb/ws/s1.xml", "input.xlsx",
                      {"format": "xlsx", "encoding": "utf-8", "accepted": 3, "duplicates": 0, "rejected": {},
                       "trainees": {IDS[2]: {"name": NAMES[2], "phone": str(PHONES[2])}}})
    rows = [["陆河县电商培训签到表"], HEADER] + [[str(i + 1), NAMES[i], IDS[i], str(PHONES[i]), "河田镇",
                                                 "2021-03-10 09:0%d" % i] for i in range(3)]
    package(path, [("签到表", rows_xml(rows, inline), None)], workbook_name="book.xml")


def shared_table(rows):
    """Shared strings for every text value: (strings, rows of ('s', index) / ('n', text))."""
    strings = []
    index = {}
    out = []
    for row in rows:
        cells = []
        for value in row:
            if value is None or isinstance(value, tuple):
                cells.append(value)
                continue
            if value not in index:
                index[value] = len(strings)
                strings.append("<si><t>%s</t></si>" % escape(value))
            cells.append(("s", str(index[value])))
        out.append(cells)
    return strings, out


def typed_cell(ref, value):
    kind, text = value[0], value[1]
    style = ' s="%s"' % value[2] if len(value) > 2 else ""
    if kind == "n":
        return '<c r="%s"%s><v>%s</v></c>' % (ref, style, text) if text is not None else '<c r="%s"%s><v/></c>' % (ref, style)
    if kind == "f":  # a formula with its cached value (text, t="str")
        return '<c r="%s" t="str"><f>%s</f><v>%s</v></c>' % (ref, escape(value[2]), escape(text))
    if kind == "fn":  # a numeric formula with its cached value
        return '<c r="%s"><f>%s</f><v>%s</v></c>' % (ref, escape(value[2]), text)
    return '<c r="%s" t="%s"%s><v>%s</v></c>' % (ref, kind, style, escape(text))


# 7. Strict OOXML: other namespaces for the workbook, the sheets and the relationships.
def strict_namespaces():
    path = write_case("wb-strict", "a strict Office Open XML workbook (purl.oclc.org namespaces and relationship "
                      "types)", "input.xlsx",
                      {"format": "xlsx", "encoding": "utf-8", "accepted": 3, "duplicates": 0, "rejected": {}})
    strings, rows = shared_table([HEADER] + [[str(i + 1), NAMES[i], IDS[i], ("n", str(PHONES[i])), "河田镇",
                                              "2021-03-11"] for i in range(3)])
    package(path, [("Sheet1", rows_xml(rows, typed_cell), None)], shared=strings, strict=True)


# 8. Rich text runs, phonetic runs and _xHHHH_ escapes in shared strings.
def rich_text():
    path = write_case("wb-rich-text", "shared strings with rich-text runs (joined), phonetic runs (dropped) and "
                      "_xHHHH_ escapes (张_x4E09_ reads 张三)", "input.xlsx",
                      {"format": "xlsx", "encoding": "utf-8", "accepted": 3, "duplicates": 0, "rejected": {},
                       "trainees": {IDS[0]: {"name": "卓文辉"}, IDS[1]: {"name": "张三"},
                                    IDS[2]: {"name": "欧阳·明"}}})
    strings, rows = shared_table([HEADER] + [[str(i + 1), "NAME%d" % i, IDS[i], ("n", str(PHONES[i])), "河田镇",
                                              "2021-03-10"] for i in range(3)])
    names = ['<si><r><rPr><b/></rPr><t>卓</t></r><r><t>文辉</t></r><rPh sb="0" eb="1"><t>ズオ</t></rPh></si>',
             "<si><t>张_x4E09_</t></si>",
             '<si><r><t xml:space="preserve">欧阳</t></r><r><rPr><i/></rPr><t>·明</t></r></si>']
    for i, text in enumerate(names):
        strings[strings.index("<si><t>NAME%d</t></si>" % i)] = text
    package(path, [("签到表", rows_xml(rows, typed_cell), None)], shared=strings)


STYLES_DATE = ('<numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;'
               '\\ h:mm"/></numFmts><cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="22"/><xf numFmtId="164"/>'
               '</cellXfs>')


# 9. The 1904 date system (Mac Excel): serials count from 1904-01-01.
def dates_1904():
    path = write_case("wb-1904-dates", "a workbook in the 1904 date system: date serials count from 1904-01-01 "
                      "(44266.375 − 1462 = 2021-03-11 09:00); built-in format 22 and a custom 年月日 format",
                      "input.xlsx",
                      {"format": "xlsx", "encoding": "utf-8", "accepted": 3, "duplicates": 0, "rejected": {},
                       "trainees": {IDS[0]: {"day": "2021-03-11"}, IDS[1]: {"day": "2021-03-12"}}})
    serials = [("n", "42804.375", "1"), ("n", "42805.4", "2"), ("n", "42803.5", "1")]
    strings, rows = shared_table([HEADER] + [[str(i + 1), NAMES[i], IDS[i], ("n", str(PHONES[i])), "河田镇",
                                              serials[i]] for i in range(3)])
    package(path, [("签到表", rows_xml(rows, typed_cell), None)], shared=strings, styles=STYLES_DATE, date1904=True)


# 10. Numbers in exponent form, and an empty <v/>.
def exponent_numbers():
    path = write_case("wb-exponent-numbers", "numbers written in exponent form: a phone 1.3802345671E10 reads "
                      "13802345671, a 15-digit ID 4.41523900101123E14 reads and is upgraded, an 18-digit ID "
                      "4.41523199001011E+17 is id-excel-damaged; an empty <v/> phone is a missing phone",
                      "input.xlsx",
                      {"format": "xlsx", "encoding": "utf-8", "accepted": 3, "duplicates": 0,
                       "rejected": {"id-excel-damaged": 1},
                       "trainees": {IDS[1]: {"phone": "13802345671"}, "441523199001011234": {"name": "陈建国"},
                                    IDS[2]: {"phone": ""}}})
    strings, rows = shared_table([HEADER,
                                  ["1", NAMES[0], ("n", "4.41523199001011E+17"), ("n", "1.3802345671E10"), "河田镇",
                                   "2021-03-10"],
                                  ["2", NAMES[1], IDS[1], ("n", "1.3802345671E10"), "河田镇", "2021-03-10"],
                                  ["3", "陈建国", ("n", "4.41523900101123E14"), ("n", "1.5913456782E+10"), "河田镇",
                                   "2021-03-10"],
                                  ["4", NAMES[2], IDS[2], ("n", None), "河田镇", "2021-03-10"]])
    package(path, [("签到表", rows_xml(rows, typed_cell), None)], shared=strings)


# 11. Formulas (their cached values), an error cell, booleans in a flag column.
def formulas_errors():
    path = write_case("wb-formulas-errors", "formula cells read by their cached values (text and number), an "
                      "#N/A error cell in the ID column (id-format), TRUE/FALSE boolean cells in 是否贫困户",
                      "input.xlsx",
                      {"format": "xlsx", "encoding": "utf-8", "accepted": 2, "duplicates": 0,
                       "rejected": {"id-format": 1},
                       "trainees": {IDS[0]: {"name": NAMES[0], "categories": ["poor_household"]},
                                    IDS[1]: {"phone": str(PHONES[1]), "categories": []}}})
    header = HEADER[:5] + ["是否贫困户", "签到时间"]
    strings, rows = shared_table([header,
                                  ["1", ("f", NAMES[0], 'TRIM(" %s ")' % NAMES[0]), IDS[0], ("n", str(PHONES[0])),
                                   "河田镇", ("b", "1"), "2021-03-10"],
                                  ["2", NAMES[1], ("f", IDS[1], "TEXT(A1,\"0\")"),
                                   ("fn", str(PHONES[1]), "15913456782"), "河田镇", ("b", "0"), "2021-03-10"],
                                  ["3", NAMES[2], ("e", "#N/A"), ("n", str(PHONES[2])), "河田镇", ("b", "0"),
                                   "2021-03-10"]])
    package(path, [("签到表", rows_xml(rows, typed_cell), None)], shared=strings)


def main():
    for make in (openpyxl_dates, openpyxl_numeric_ids, openpyxl_hidden_summary, openpyxl_day_sheets,
                 workbook_named_csv, inline_strings, strict_namespaces, rich_text, dates_1904, exponent_numbers,
                 formulas_errors):
        make()


if __name__ == "__main__":
    main()
