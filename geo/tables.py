"""Read a user's table, CSV or XLSX, into rows of values, numbers as numbers.

CSV: the delimiter is found among ``,`` ``;`` tab and ``|`` (the one that splits the
lines into the same number of columns), the encoding is UTF-8 with or without BOM,
UTF-16 with BOM (Excel's "Unicode text"), or else Windows-1252. XLSX: the first sheet
or a named one, merged cells filled in as a reader of the sheet sees them.

A column is numeric when every value in it is a number; a semicolon- or tab-separated
file is taken to write decimal commas ("12,5"), as Excel does where the comma is the
decimal sign. Codes with a leading zero ("01") stay text.

Examples
--------
>>> import pathlib, tempfile
>>> path = pathlib.Path(tempfile.mkdtemp()) / "report.csv"
>>> _ = path.write_bytes("district;mines;hectares\\nFüzuli;12;3,5\\n".encode("cp1252"))
>>> table = read_table(path)
>>> table.columns, table.numeric_columns, table.rows[0].values
(['district', 'mines', 'hectares'], ['mines', 'hectares'], {'district': 'Füzuli', \
'mines': 12, 'hectares': 3.5})
"""

from __future__ import annotations

import codecs
import csv
import io
import re
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path

from geo.dates import find_dates, month_period, resolve_date
from geo.errors import InputError
from geo.numbers import parse_number

__all__ = ["Table", "TableRow", "find_column", "parse_date", "read_table"]

_DELIMITERS = (",", ";", "\t", "|")
_DELIMITER_NAMES = {",": "comma", ";": "semicolon", "\t": "tab", "|": "|"}
_SAMPLE_LINES = 200
# Share of sampled rows that must have the header's width for a delimiter to count:
# lenient enough for a stray footnote line, strict enough to refuse prose.
_CONSISTENT = 0.8
# Most words in a one-column table's cell ("Ashagi Abdurahmanli kendi"): more is prose.
_NAME_WORDS = 4
_NUMBER = re.compile(r"[+-]?\d[\d.,]*")
_CODE = re.compile(r"[+-]?0\d")
_XLSX_MAGIC = b"PK\x03\x04"
_OLE2_MAGIC = b"\xd0\xcf\x11\xe0"
_ISO_MONTH = re.compile(r"(?P<year>[12]\d{3})-(?P<month>\d{1,2})")
_MONTH_YEAR = re.compile(r"(?P<month>\d{1,2})[./](?P<year>[12]\d{3})")
_YEAR = re.compile(r"(?P<year>[12]\d{3})")
# Year first, whatever the separator: unambiguous ("2023/05/12").
_YEAR_FIRST = re.compile(r"(?P<year>[12]\d{3})[/.](?P<month>\d{1,2})[/.](?P<day>\d{1,2})")
# A day and a month in figures, in either order ("05/06/2023")
_DAY_AND_MONTH = re.compile(r"(\d{1,2})[/-](\d{1,2})[/-][12]\d{3}")
_ISO_DATETIME = re.compile(r"(?P<day>\d{4}-\d{2}-\d{2})[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?")


@dataclass(frozen=True, slots=True)
class TableRow:
    """One row: ``line`` is its line in a CSV file or its row number in a sheet;
    ``values`` maps every column to its value (None when empty)."""

    line: int
    values: dict[str, object]


@dataclass(frozen=True, slots=True)
class Table:
    path: Path
    columns: list[str]
    rows: list[TableRow]
    numeric_columns: list[str]


def read_table(path: str | Path, sheet: str | None = None) -> Table:
    """Read a CSV or XLSX file, whatever its name says, into a :class:`Table`.

    Raises
    ------
    InputError
        Naming the file (and line): missing, empty, binary, no consistent delimiter,
        an XLSX that cannot be opened, a row wider than the header.
    """
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read table ({exc.strerror or exc})", path) from None
    if data.startswith(_XLSX_MAGIC):
        header, rows = _read_xlsx(path, sheet)
        decimal_comma = False
    elif data.startswith(_OLE2_MAGIC):
        raise InputError("an old Excel (.xls) or other OLE2 file: save it as .xlsx or .csv",
                         path)
    else:
        if sheet is not None:
            raise InputError("--sheet applies to XLSX files; this is a text file", path)
        header, rows, delimiter = _read_csv(path, _decode(path, data))
        # Excel writes ";" where the comma is the decimal sign; elsewhere "1,305" may be
        # a thousand and more, which parse_number decides by the digits after the comma.
        decimal_comma = delimiter == ";"
    columns = _column_names(header)
    # Trailing columns without header or values: the ";;;" Excel leaves after a table.
    while columns and not header[len(columns) - 1] and \
            all(len(r) < len(columns) or r[len(columns) - 1] is None for _, r in rows):
        columns.pop()
    if not rows:
        raise InputError("empty table: a header but no rows", path)
    for line, cells in rows:
        if any(c is not None for c in cells[len(columns):]):
            raise InputError(f"{len(cells)} values in a row but {len(columns)} columns in "
                             "the header", path, line)
    table_rows = [TableRow(line, {c: cells[i] if i < len(cells) else None
                                  for i, c in enumerate(columns)}) for line, cells in rows]
    numeric = [c for c in columns if _as_numbers(table_rows, c, decimal_comma)]
    return Table(path, columns, table_rows, numeric)


def find_column(table: Table, name: str) -> str:
    """The column called ``name``, or else the only one called so ignoring case and spaces.

    >>> t = Table(Path("t.csv"), ["Village", "District"], [], [])
    >>> find_column(t, "village")
    'Village'
    >>> find_column(t, "mines")
    Traceback (most recent call last):
    geo.errors.InputError: t.csv: no column 'mines'; the columns are: Village, District
    """
    if name in table.columns:
        return name
    loose = [c for c in table.columns if c.strip().casefold() == name.strip().casefold()]
    if len(loose) == 1:
        return loose[0]
    raise InputError(f"no column {name!r}; the columns are: {', '.join(table.columns)}",
                     table.path)


def parse_date(value: object) -> tuple[date, date, str] | None:
    """A cell's date as (first day, last day, precision); None when it is no date.

    >>> parse_date("2023-05")
    (datetime.date(2023, 5, 1), datetime.date(2023, 5, 31), 'month')
    >>> parse_date("12.05.2023")[0], parse_date("May 2023")[2], parse_date(2021)[2]
    (datetime.date(2023, 5, 12), 'month', 'year')
    >>> parse_date("2023/05/12")[0], parse_date("2023/02/30")
    (datetime.date(2023, 5, 12), None)
    >>> parse_date("05/06/2023") is None  # day-first or month-first? not guessed
    True
    >>> parse_date("22/05/2023")[0], parse_date("05/22/2023")[0]  # only one can be right
    (datetime.date(2023, 5, 22), datetime.date(2023, 5, 22))
    """
    if isinstance(value, datetime):
        return value.date(), value.date(), "day"
    if isinstance(value, date):
        return value, value, "day"
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str):
        return None
    text = value.strip()
    if match := _ISO_DATETIME.fullmatch(text):
        text = match.group("day")
    for pattern in (_ISO_MONTH, _MONTH_YEAR):
        if match := pattern.fullmatch(text):
            year, month = int(match.group("year")), int(match.group("month"))
            if not 1 <= month <= 12:
                return None
            return month_period(year, month)
    if match := _YEAR_FIRST.fullmatch(text):
        try:
            day = date(*(int(match.group(g)) for g in ("year", "month", "day")))
        except ValueError:
            return None
        return day, day, "day"
    if _YEAR.fullmatch(text):
        return date(int(text), 1, 1), date(int(text), 12, 31), "year"
    if (numbers := _DAY_AND_MONTH.fullmatch(text)) and max(map(int, numbers.groups())) <= 12:
        return None  # a table may write days first or months first: not guessed
    # Written dates ("May 2023", "12 May 2023", "2023-05-12", "12.05.2023") as the news
    # reader reads them; "Jan-2023" is Excel's way of writing "Jan 2023".
    mentions = find_dates(re.sub(r"(?<=[A-Za-z])-(?=\d)", " ", text))
    if len(mentions) == 1 and mentions[0].start == 0 and mentions[0].end == len(text):
        return resolve_date(mentions[0], None)
    return None


# --- CSV --------------------------------------------------------------------------------

def _decode(path: Path, data: bytes) -> str:
    if not data.strip():
        raise InputError("empty table: the file is empty", path)
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16")
    if b"\x00" in data[:65536]:
        raise InputError("not a table: a binary file", path)
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise InputError("not a table: neither UTF-8 nor Windows-1252 text", path)
    controls = sum(ch < " " and ch not in "\t\r\n\f" for ch in text[:65536])
    if controls > len(text[:65536]) / 100:
        raise InputError("not a table: a binary file", path)
    return text


def _read_csv(path: Path, text: str) -> tuple[list[str], list[tuple[int, list]], str | None]:
    """Header, (line, cells) rows and the delimiter (None for a one-column table)."""
    delimiter, why = _sniff(text)
    if delimiter is None:
        lines = [(i, line.strip()) for i, line in enumerate(text.splitlines(), start=1)
                 if line.strip()]
        # One column and no delimiter: a list of names under a short header. Prose has
        # sentences, in the header's place and in the rows'.
        short = sum(len(line.split()) <= _NAME_WORDS for _, line in lines)
        if len(lines) < 2 or len(lines[0][1].split()) > _NAME_WORDS or why or \
                short < _CONSISTENT * len(lines):
            raise InputError("not a table: no delimiter (comma, semicolon, tab or |) "
                             f"splits its lines into the same number of columns{why}", path)
        return [lines[0][1]], [(i, [line]) for i, line in lines[1:]], None
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows: list[tuple[int, list]] = []
    header: list[str] | None = None
    line = 1
    try:
        for cells in reader:
            cells = [c.strip() or None for c in cells]
            if any(cells):
                if header is None:
                    header = [c or "" for c in cells]
                else:
                    rows.append((line, cells))
            line = reader.line_num + 1
    except csv.Error as exc:
        raise InputError(f"not a readable table: {exc}", path, reader.line_num) from None
    assert header is not None  # the sniffer saw at least a header
    return header, rows, delimiter


def _sniff(text: str) -> tuple[str | None, str]:
    """The delimiter that splits the first lines into one width of two columns or more;
    else None and, when a delimiter splits the header, where it goes wrong."""
    sample = "\n".join(text.splitlines()[:_SAMPLE_LINES])
    best, best_score, why = None, (0, 0), ""
    for delimiter in _DELIMITERS:
        reader = csv.reader(io.StringIO(sample, newline=""), delimiter=delimiter)
        try:
            rows = [(reader.line_num, r) for r in reader if any(c.strip() for c in r)]
        except csv.Error:
            continue
        if not rows or len(rows[0][1]) < 2:
            continue
        width = len(rows[0][1])
        same = sum(len(r) == width for _, r in rows)
        if same >= _CONSISTENT * len(rows):
            if (same, width) > best_score:
                best, best_score = delimiter, (same, width)
        elif not why:
            line, cells = next((n, r) for n, r in rows if len(r) != width)
            why = (f" ({_DELIMITER_NAMES[delimiter]} gives the header {width} columns, "
                   f"line {line} {len(cells)})")
    return best, "" if best else why


# --- XLSX -------------------------------------------------------------------------------

def _read_xlsx(path: Path, sheet: str | None) -> tuple[list[str], list[tuple[int, list]]]:
    # openpyxl is imported here: the text commands need not pay for it.
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(path, data_only=True)
    except Exception as exc:  # zipfile's, XML's and openpyxl's errors share no base class
        raise InputError(f"cannot open as XLSX: {type(exc).__name__}: {exc}", path) from None
    try:
        if sheet is not None and sheet not in workbook.sheetnames:
            raise InputError(f"no sheet {sheet!r}; the sheets are: "
                             f"{', '.join(workbook.sheetnames)}", path)
        worksheet = workbook[sheet] if sheet is not None else workbook.worksheets[0]
        grid = [[_cell(v) for v in row] for row in worksheet.iter_rows(values_only=True)]
        for merged in worksheet.merged_cells.ranges:
            value = grid[merged.min_row - 1][merged.min_col - 1]
            for r in range(merged.min_row - 1, merged.max_row):
                for c in range(merged.min_col - 1, merged.max_col):
                    grid[r][c] = value
    finally:
        workbook.close()
    rows = [(number, cells) for number, cells in enumerate(grid, start=1)
            if any(c is not None for c in cells)]
    if not rows:
        raise InputError("empty table: the sheet is empty", path)
    (_, header), rows = rows[0], rows[1:]
    return ["" if h is None else str(h) for h in header], rows


def _cell(value: object) -> object:
    if isinstance(value, str):
        return value.strip() or None
    if isinstance(value, datetime) and value.time() == time():
        return value.date()  # a date typed into Excel is a datetime at midnight
    return value


# --- columns ----------------------------------------------------------------------------

def _column_names(header: list[str]) -> list[str]:
    """Header cells made unique and non-empty ("column 3", "mines 2")."""
    names: list[str] = []
    seen: set[str] = set()
    for i, cell in enumerate(header, start=1):
        base = " ".join(cell.split()) or f"column {i}"
        name, n = base, 1
        while name.casefold() in seen:
            n += 1
            name = f"{base} {n}"
        seen.add(name.casefold())
        names.append(name)
    return names


def _as_numbers(rows: list[TableRow], column: str, decimal_comma: bool) -> bool:
    """Turn the column's values into numbers if every one is; say whether they were."""
    numbers: list[int | float | None] = []
    for row in rows:
        value = row.values[column]
        if value is None:
            numbers.append(None)
            continue
        if isinstance(value, bool):
            return False
        number = value if isinstance(value, int | float) else \
            _number(value, decimal_comma) if isinstance(value, str) else None
        if number is None:
            return False
        numbers.append(number)
    if all(n is None for n in numbers):
        return False
    for row, number in zip(rows, numbers, strict=True):
        row.values[column] = number
    return True


def _number(text: str, decimal_comma: bool) -> int | float | None:
    """A number written in digits, or None.

    >>> _number("1,305", False), _number("12,5", True), _number("1.234,5", True)
    (1305, 12.5, 1234.5)
    >>> _number("01", False), _number("12 mines", False)
    (None, None)
    """
    text = text.replace("\u00a0", "").replace(" ", "")
    if not _NUMBER.fullmatch(text) or _CODE.match(text):
        return None
    sign, body = (-1, text[1:]) if text[0] == "-" else (1, text.lstrip("+"))
    if decimal_comma and "," in body:
        body = body.replace(".", "").replace(",", ".")
    value = parse_number(body)
    if value is None:
        return None
    written_decimal = "." in body or re.search(r",\d{1,2}$", body)
    return sign * (int(value) if value.is_integer() and not written_decimal else value)
