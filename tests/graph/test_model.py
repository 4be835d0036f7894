"""Record validation and stable ids: every bad record is refused with its name and field."""
from __future__ import annotations

import pytest

from graph.model import (Document, Entity, Link, RecordError, check_date, entity_id, validate_batch,
                         validate_document, validate_entity, validate_link)
from graph.names import fold, key, keys, nfc, slug


@pytest.mark.parametrize("entity, message", [
    (Entity("x", "X", "Planet"), r"entity 'x': unknown kind 'Planet'"),
    (Entity("", "X", "City"), r"missing id"),
    (Entity("x", "  ", "City"), r"entity 'x': missing name"),
    (Entity("x", "X", "City", "not a list"), r"aliases must be a list"),
    (Entity("x", "X", "City", [3]), r"alias must be text"),
    (Entity("x", "X", "City", confidence=1.5), r"confidence 1.5"),
    (Entity("x", "X", "City", properties={"a": {"b": 1}}), r"property 'a'"),
])
def test_bad_entities_are_named(entity, message):
    with pytest.raises(RecordError, match=message):
        validate_entity(entity)


@pytest.mark.parametrize("link, message", [
    (Link("a", "b", "LIKES", "d"), r"link 'a' -LIKES-> 'b': unknown link type 'LIKES'"),
    (Link("a", "b", "MET_WITH", "d", status="maybe"), r"status 'maybe'"),
    (Link("a", "b", "MET_WITH", "d", date="21/8/2024"), r"date '21/8/2024' is not ISO 8601"),
    (Link("a", "b", "MET_WITH", "d", date="2024-02-30"), r"not a real date"),
    (Link("a", "", "MET_WITH", "d"), r"missing target"),
    (Link("a", "b", "MET_WITH", ""), r"missing doc"),
])
def test_bad_links_are_named(link, message):
    with pytest.raises(RecordError, match=message):
        validate_link(link)


def test_iso_dates_at_every_precision():
    assert [check_date(d, "x") for d in ("2024", "2024-08", "2024-08-21", None, "")] == \
        ["2024", "2024-08", "2024-08-21", None, None]


def test_batch_merges_the_same_id_and_refuses_conflicting_kinds():
    es, _ = validate_batch([Entity("hcmc", "TP.HCM", "City", ["HCMC"]),
                            Entity("hcmc", "TP.HCM", "City", ["Sài Gòn", "HCMC"])], [])
    assert es[0].aliases == ["TP.HCM", "HCMC", "Sài Gòn"]
    with pytest.raises(RecordError, match=r"entity #2 \('hcmc'\): kind Agency conflicts with kind City"):
        validate_batch([Entity("hcmc", "TP.HCM", "City"), Entity("hcmc", "TP.HCM", "Agency")], [])
    with pytest.raises(RecordError, match=r"link #1"):
        validate_batch([], [Link("a", "b", "NOPE", "d")])


def test_document_needs_a_checksum():
    with pytest.raises(RecordError, match=r"document 'a.txt': missing checksum"):
        validate_document(Document("a.txt", "A", "a.txt", ""))


def test_text_is_stored_in_nfc():
    nfd = "Ho\u0302\u0300 Chi\u0301 Minh"
    assert validate_entity(Entity("x", nfd, "City")).name == "Hồ Chí Minh"
    assert nfc("  a \n b ") == "a b"


def test_ids_are_stable_slugs():
    assert slug("Sở KH&CN TP.HCM") == "so-kh-cn-tp-hcm"
    assert entity_id("Thành phố Hồ Chí Minh") == entity_id("thanh pho  HO CHI MINH") == "thanh-pho-ho-chi-minh"
    assert entity_id("Đà Nẵng") == "da-nang"
    assert slug("🚀🚀") == slug("🚀🚀") and slug("🚀🚀").startswith("x-") and slug("🚀") != slug("🚀🚀")


def test_folding_and_keys():
    assert fold("Thành phố Hồ Chí Minh") == "thanh pho ho chi minh"
    assert key("Sở KH&CN") == key("so kh va cn") == "sokhvacn"
    assert keys("Sở KH&CN") == ["sokhcn", "sokhvacn"]  # & dropped, then read as "và"
    assert keys("Sở KHCN") == ["sokhcn"] and keys("&") == ["va"] and keys("!!") == []


def test_long_names_keep_distinct_ids_of_bounded_length():
    a = slug("Chương trình " + "hỗ trợ khởi nghiệp đổi mới sáng tạo quốc gia " * 4 + "giai đoạn 2021-2025")
    b = slug("Chương trình " + "hỗ trợ khởi nghiệp đổi mới sáng tạo quốc gia " * 4 + "giai đoạn 2026-2030")
    assert a != b and len(a) <= 120 and len(b) <= 120 and not a.endswith("-")
    assert slug("0" * 119 + ":0").count("--") == 0
