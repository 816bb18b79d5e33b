#!/usr/bin/env python3
"""Lists what a workbook holds, for the workbook floor (workbook_floor.c): every sheet's
cells, custom row heights and tables, in the order of the sheet's XML.

    workbook_cells.py WORKBOOK.xlsx OUT.cells

One record a line, fields separated by tabs; a text has its backslashes, tabs and line
ends written \\\\, \\t and \\n:

    S  name                          a sheet; the records below are its own
    T  row  col  text                a text cell
    N  row  col  number              a number (dates are numbers in the file)
    H  row  points                   a row's height
    B  first_row first_col last_row last_col header...   a table over that range, and
                                  its columns' headers

Rows and columns count from 0. Reading needs only Python's standard library.
"""
import re
import sys
import zipfile
import xml.etree.ElementTree as ET

MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
RELS = "{http://schemas.openxmlformats.org/package/2006/relationships}"
REL_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
CELL = re.compile(r"([A-Z]+)([0-9]+)")


def cell_index(ref):
    letters, digits = CELL.fullmatch(ref).groups()
    col = 0
    for ch in letters:
        col = col * 26 + ord(ch) - ord("A") + 1
    return int(digits) - 1, col - 1


def escape(text):
    return text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "")


def targets(zf, rels_path, base):
    """{relationship id: part path} of a .rels part."""
    if rels_path not in zf.namelist():
        return {}
    out = {}
    for rel in ET.fromstring(zf.read(rels_path)).iter(RELS + "Relationship"):
        target = rel.get("Target")
        path = target.lstrip("/") if target.startswith("/") else base + target
        parts = []
        for piece in path.split("/"):
            if piece == "..":
                parts.pop()
            elif piece:
                parts.append(piece)
        out[rel.get("Id")] = "/".join(parts)
    return out


def shared_strings(zf):
    if "xl/sharedStrings.xml" not in zf.namelist():
        return []
    strings = []
    for _, si in ET.iterparse(zf.open("xl/sharedStrings.xml")):
        if si.tag == MAIN + "si":
            strings.append("".join(t.text or "" for t in si.iter(MAIN + "t")))
            si.clear()
    return strings


def main(path, out_path):
    with zipfile.ZipFile(path) as zf, open(out_path, "w", encoding="utf-8", newline="\n") as out:
        strings = shared_strings(zf)
        sheets = targets(zf, "xl/_rels/workbook.xml.rels", "xl/")
        for sheet in ET.fromstring(zf.read("xl/workbook.xml")).iter(MAIN + "sheet"):
            part = sheets[sheet.get(REL_ID)]
            out.write("S\t{}\n".format(escape(sheet.get("name"))))
            for _, el in ET.iterparse(zf.open(part)):
                if el.tag == MAIN + "row":
                    if el.get("customHeight") == "1":
                        out.write("H\t{}\t{}\n".format(int(el.get("r")) - 1, el.get("ht")))
                    for c in el.iter(MAIN + "c"):
                        row, col = cell_index(c.get("r"))
                        if c.get("t") == "inlineStr":  # what the constant-memory mode writes
                            text = "".join(t.text or "" for t in c.iter(MAIN + "t"))
                            out.write("T\t{}\t{}\t{}\n".format(row, col, escape(text)))
                            continue
                        v = c.find(MAIN + "v")
                        if v is None:
                            continue
                        if c.get("t") == "s":
                            out.write("T\t{}\t{}\t{}\n".format(row, col, escape(strings[int(v.text)])))
                        elif c.get("t") in (None, "n"):
                            out.write("N\t{}\t{}\t{}\n".format(row, col, v.text))
                    el.clear()
            folder, name = part.rsplit("/", 1)
            for table in targets(zf, "{}/_rels/{}.rels".format(folder, name), folder + "/").values():
                if "/tables/" not in table:
                    continue
                root = ET.fromstring(zf.read(table))
                first, last = root.get("ref").split(":")
                headers = [escape(c.get("name")) for c in root.iter(MAIN + "tableColumn")]
                out.write("\t".join(["B", *map(str, cell_index(first) + cell_index(last)), *headers]) + "\n")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: workbook_cells.py WORKBOOK.xlsx OUT.cells")
    main(sys.argv[1], sys.argv[2])
