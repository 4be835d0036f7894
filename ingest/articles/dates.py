"""The article's own date and every relative date in it, as ISO at the precision the text gives.

News writes "Chiều 21/8" and "tháng 10" and "quý IV năm nay" and leaves the year to the date
line at the top of the page; a link dated from the sentence alone would have no year. So the
reference date is settled first (``reference_date``: the publication date given from outside,
made more precise by a date line that agrees with it, or the date line alone) and every
expression in the body is resolved against it. A relative form ("ngày 19/5", "tháng tới")
without a known reference stays undated, and a date far from the reference is never taken
(``PLAUSIBLE_YEARS``): a date is never invented.
"""
from __future__ import annotations

import datetime as dt
import re

# Date lines: "Thứ năm, 22/08/2024 13:20", "27-05-2020", "15.08.2018", "ngày 5 tháng 6 năm 2023".
_FULL_DATE = re.compile(r"(?<!\d)(\d{1,2})\s?([/.-])\s?(\d{1,2})\2\s?((?:19|20)\d\d)(?!\d)")
_WORDY_DATE = re.compile(r"ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+((?:19|20)\d\d)", re.IGNORECASE)
_DATE_LINE = re.compile(r"^\s*(?:(?:thứ\s+\w+|chủ\s+nhật)\s*,?\s*)?(?:ngày\s+)?"
                        r"(\d{1,2}[/.-]\d{1,2}[/.-](?:19|20)\d\d|\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4})"
                        r"\s*(?:[-|,]?\s*\d{1,2}[:h]\d{2}(?:\s*(?:\(?GMT[+-]\d+\)?|AM|PM))?)?\s*$",
                        re.IGNORECASE)
# A year inside a capitalised name: "Techfest Hải Phòng 2023", "FLY ASIA 2024".
_NAME_YEAR = re.compile(r"(?<![Nn]ăm )(?<![Đđ]oạn )(?<![-/–\d])\b([A-ZĐ][\w]*(?:\s+[A-ZĐ][\w]*){0,4})\s+"
                        r"((?:19|20)\d\d)\b(?![-/–]\s?\d)")

# Expressions inside a sentence, most precise first.
_DAY_MONTH = re.compile(
    r"(?:(?:sáng|chiều|tối|trưa|đêm|hôm|ngày|từ|đến|vào|tới)\s+(?:ngày\s+)?)"
    r"(\d{1,2})\s?[/.-]\s?(\d{1,2})(?!\d)(?:\s?[/.-]\s?((?:19|20)\d\d))?(?![\d,/.]\d)",
    re.IGNORECASE)
# A run of days in one month, dated by its first: "2 ngày 12-13/4", "từ 12 - 14/9", "từ 4-8/6/2017".
_DAY_RANGE = re.compile(r"(?<![\d/.])(\d{1,2})\s?[-–]\s?\d{1,2}\s?/\s?(\d{1,2})(?:\s?/\s?((?:19|20)\d\d))?"
                        r"(?![\d/]|\.\d)")
_MONTH = re.compile(r"tháng\s+(\d{1,2})(?:\s?(?:[/.]|năm)\s?((?:19|20)\d\d)|\s+năm\s+(nay|tới|sau|ngoái|trước))?"
                    r"(?!\s?[/.]\d)", re.IGNORECASE)
_YEAR_SHIFT = {"nay": 0, "tới": 1, "sau": 1, "ngoái": -1, "trước": -1}
_QUARTER = re.compile(r"quý\s+(IV|III|II|I|[1-4])(?:\s?(?:[/.]|năm)\s?((?:19|20)\d\d)|\s+năm\s+(nay|tới|sau|ngoái|trước))?",
                      re.IGNORECASE)
_YEAR = re.compile(r"năm\s+((?:19|20)\d\d)(?![-–/]\d)", re.IGNORECASE)
_RELATIVE_YEAR = re.compile(r"năm\s+(nay|tới|sau|ngoái|trước)\b", re.IGNORECASE)
_PAST = re.compile(r"vừa qua|trước đó|hồi", re.IGNORECASE)
# "tháng tới" (next month), but not a count ("6 tháng sau") or a span ("các tháng tới").
_RELATIVE_MONTH = re.compile(r"(?<!\d\s)(?<!\d)(?<!các\s)(?<!những\s)\btháng\s+(này|tới|sau|trước)\b",
                             re.IGNORECASE)
_MONTH_SHIFT = {"này": 0, "tới": 1, "sau": 1, "trước": -1}
# Words that end no name before a year: date words ("Năm 2017") and counts ("Hơn 2000 doanh nghiệp").
_NOT_NAME_END = frozenset({"Năm", "Tháng", "Đến", "Từ", "Trong", "Vào", "Quý", "Đoạn", "Cuối", "Đầu",
                           "Hơn", "Gần", "Khoảng", "Trên", "Dưới", "Tới", "Tổng", "Hàng", "Có", "Với",
                           "Cả", "Chỉ", "Mỗi", "Thêm", "Là", "Được", "Nhận", "Top"})

#: How many years before and after the reference a date may lie. News reports what happened
#: lately and what is planned; a year further out is a number or another clause's year (a
#: founding year, "hơn 2000 doanh nghiệp") read as a date, and dating a link with it would
#: invent a date. Plans reach further ahead ("đến năm 2030") than reports reach back.
PLAUSIBLE_YEARS = (5, 15)


def _iso(year: int, month: int | None = None, day: int | None = None) -> str | None:
    try:
        dt.date(year, month or 1, day or 1)
    except ValueError:
        return None
    if day:
        return f"{year:04d}-{month:02d}-{day:02d}"
    if month:
        return f"{year:04d}-{month:02d}"
    return f"{year:04d}"


def article_date(lines: list[str], head: int = 15) -> tuple[str | None, int | None]:
    """The date of the article's date line among its first ``head`` lines, and that line's index.

    Without a date line, the year of a named edition ("Techfest Hải Phòng 2023") stands in,
    when the text names exactly one such year and, as a reference, that year would keep some
    year the text writes ("năm 2017") plausible: a count misread as a name's year would not.
    """
    for i, line in enumerate(lines[:head]):
        if _DATE_LINE.match(line):
            m = _FULL_DATE.search(line)
            if m:
                iso = _iso(int(m.group(4)), int(m.group(3)), int(m.group(1)))
            else:
                w = _WORDY_DATE.search("ngày " + line.strip()) or _WORDY_DATE.search(line)
                iso = _iso(int(w.group(3)), int(w.group(2)), int(w.group(1))) if w else None
            if iso:
                return iso, i
    years = {m.group(2) for line in lines for m in _NAME_YEAR.finditer(line)
             if m.group(1).split()[-1] not in _NOT_NAME_END}
    if len(years) != 1:
        return None, None
    year = years.pop()
    written = {m.group(1) for line in lines for m in _YEAR.finditer(line)}
    return (year, None) if not written or any(plausible(w, year) for w in written) else (None, None)


def reference_date(in_text: str | None, published: str | None) -> tuple[str | None, str | None]:
    """The date relative expressions resolve against, and a note when text and outside disagree.

    The publication date given from outside the text (a manifest, ``--published``) is the
    truth: it wins over the date line. A date line that agrees with it (the same at the
    outside date's precision) only adds precision: "2017" and "19/05/2017" give 2017-05-19.
    """
    if published is None or in_text is None:
        return published or in_text, None
    if in_text.startswith(published):
        return in_text, None
    if published.startswith(in_text):
        return published, None
    return published, f"the date line says {in_text}, the publication date given is {published}: using {published}"


def after(iso: str, ref: str | None) -> bool:
    """Whether ``iso`` is later than ``ref`` at the precision both give ("2017-07" is not after "2017")."""
    return ref is not None and iso[:len(ref)] > ref[:len(iso)]


def plausible(iso: str, ref: str | int | None) -> bool:
    """Whether a date's year lies within ``PLAUSIBLE_YEARS`` of the reference (always, without one)."""
    if ref is None:
        return True
    ref_year = ref if isinstance(ref, int) else int(ref[:4])
    years_before, years_after = PLAUSIBLE_YEARS
    return ref_year - years_before <= int(iso[:4]) <= ref_year + years_after


def _year_of(ref: str | None) -> int | None:
    return int(ref[:4]) if ref else None


def _month_year(month: int, year: int | None, ref: str | None, text: str, at: int) -> int | None:
    """The year of a month written without one: the reference year, or the one before for a past month."""
    if year:
        return year
    ref_year = _year_of(ref)
    if ref_year is None:
        return None
    ref_month = int(ref[5:7]) if ref and len(ref) >= 7 else None
    window = text[max(0, at - 12): at + 40]
    if ref_month and month > ref_month and _PAST.search(window):
        return ref_year - 1
    return ref_year


def find_dates(text: str, ref: str | None) -> list[tuple[int, str]]:
    """Every date expression in ``text`` as (character offset, ISO), resolved against ``ref``.

    Relative forms need ``ref``; with it, dates outside ``PLAUSIBLE_YEARS`` of it are left out.
    """
    found: list[tuple[int, str]] = []
    taken: list[range] = []

    def add(start: int, end: int, iso: str | None) -> None:
        if iso and not any(start in r or end - 1 in r for r in taken):
            taken.append(range(start, end))
            if plausible(iso, ref):
                found.append((start, iso))

    for m in _DAY_RANGE.finditer(text):
        year = int(m.group(3)) if m.group(3) else _month_year(int(m.group(2)), None, ref, text, m.start())
        if year:
            add(m.start(), m.end(), _iso(year, int(m.group(2)), int(m.group(1))))
    for m in _FULL_DATE.finditer(text):
        add(m.start(), m.end(), _iso(int(m.group(4)), int(m.group(3)), int(m.group(1))))
    for m in _DAY_MONTH.finditer(text):
        year = int(m.group(3)) if m.group(3) else _month_year(int(m.group(2)), None, ref, text, m.start())
        if year:
            add(m.start(), m.end(), _iso(year, int(m.group(2)), int(m.group(1))))
    for m in _MONTH.finditer(text):
        given = int(m.group(2)) if m.group(2) else None
        if m.group(3) and _year_of(ref):
            given = _year_of(ref) + _YEAR_SHIFT[m.group(3).lower()]
        year = _month_year(int(m.group(1)), given, ref, text, m.start())
        if year:
            add(m.start(), m.end(), _iso(year, int(m.group(1))))
    for m in _QUARTER.finditer(text):
        year = int(m.group(2)) if m.group(2) else _year_of(ref)
        if m.group(3) and year:
            year += _YEAR_SHIFT[m.group(3).lower()]
        if year:
            add(m.start(), m.end(), _iso(year))
    for m in _YEAR.finditer(text):
        add(m.start(), m.end(), _iso(int(m.group(1))))
    ref_year = _year_of(ref)
    if ref_year:
        for m in _RELATIVE_YEAR.finditer(text):
            add(m.start(), m.end(), _iso(ref_year + _YEAR_SHIFT[m.group(1).lower()]))
    if ref and len(ref) >= 7:
        for m in _RELATIVE_MONTH.finditer(text):
            month = ref_year * 12 + int(ref[5:7]) - 1 + _MONTH_SHIFT[m.group(1).lower()]
            add(m.start(), m.end(), _iso(month // 12, month % 12 + 1))
    return sorted(found)


def date_near(text: str, ref: str | None, at: int) -> str | None:
    """The date expression in ``text`` closest to offset ``at`` (a link's cue), or None."""
    found = find_dates(text, ref)
    if not found:
        return None
    return min(found, key=lambda f: (abs(f[0] - at), -len(f[1])))[1]
