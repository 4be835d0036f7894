"""How much of an input file the readers accept: the named bounds on untrusted files.

A small file can still ask for a great deal: a 5 kB ``.xlsx`` can declare a sheet of
16,384 columns by 1,048,576 rows, which openpyxl pads out cell by cell; a zip member can
inflate a thousandfold; JSON nested deeper than Python's recursion limit crashes the parser;
a CSV field can be megabytes long. Every reader checks these bounds before or while reading
and refuses the file with one line naming it. Readers look the values up on this module at
call time, so a deployment (or a test) can change them in one place.
"""
from __future__ import annotations

#: Total uncompressed size of every part of an ``.xlsx`` workbook (a Kumu map is a few MB).
MAX_XLSX_UNPACKED_BYTES = 100 * 1024 * 1024
#: Parts (files) inside an ``.xlsx`` workbook; a real one has a few dozen.
MAX_XLSX_PARTS = 1000
#: Rows of one sheet, header included.
MAX_SHEET_ROWS = 200_000
#: Columns of one sheet (up to the last non-empty cell of a row).
MAX_SHEET_COLUMNS = 500
#: Non-empty cells of one sheet.
MAX_SHEET_CELLS = 2_000_000
#: Nesting of arrays and objects in a JSON graph file; the format itself needs five levels.
MAX_JSON_DEPTH = 64
#: Characters in one CSV field (the csv module's own default, set explicitly before reading).
MAX_CSV_FIELD_CHARS = 128 * 1024
