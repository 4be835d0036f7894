"""Finding entities by id, name or alias."""
from __future__ import annotations

import pytest

from queries.resolve import EntityLookupError, find_entities, find_entity


@pytest.mark.parametrize("query", ["tp-hcm", "TP.HCM", "tp hcm", "Thành phố Hồ Chí Minh", "thanh pho ho chi minh",
                                   "TP HỒ CHÍ MINH"])
def test_any_spelling_finds_the_city(eco, query):
    assert find_entity(eco, query) == "tp-hcm"


@pytest.mark.parametrize(("stored", "query"), [
    ("Sở KH&CN Hà Nội", "so khcn ha noi"), ("Sở KH&CN Hà Nội", "SỞ KHCN HÀ NỘI"),
    ("Sở KH&CN Hà Nội", "so kh va cn ha noi"), ("Sở KHCN Hà Nội", "Sở KH&CN Hà Nội")])
def test_an_ampersand_typed_or_left_out(eco, stored, query):
    eco.add_node("dost-hn", name=stored, kind="Agency", aliases=[])  # an id that does not spell the name
    assert find_entity(eco, query) == "dost-hn"


def test_unknown_name_suggests_the_closest(eco):
    with pytest.raises(EntityLookupError, match="Busan") as e:
        find_entity(eco, "Busann")
    assert ("busan", "Busan", "City") in e.value.candidates


def test_ambiguous_name_lists_candidates(eco):
    eco.add_node("sihub-2", name="SIHUB", kind="Organization", aliases=[])
    with pytest.raises(EntityLookupError, match="2 entities") as e:
        find_entity(eco, "sihub")
    assert {c[0] for c in e.value.candidates} == {"spark", "sihub-2"}


def test_several_names_in_order_without_duplicates(eco):
    assert find_entities(eco, ["IIA", "Busan", "busan"]) == ["iia", "busan"]


def test_index_is_rebuilt_when_entities_are_added(eco):
    assert find_entity(eco, "busan") == "busan"  # builds and keeps the index
    eco.add_node("new-fund", name="Quỹ Mới", kind="Fund", aliases=["New Fund"])
    assert find_entity(eco, "quy moi") == "new-fund"


def test_exact_spelling_before_the_index_and_ambiguity_after(eco):
    eco.add_node("sihub-2", name="SIHUB", kind="Organization", aliases=[])
    with pytest.raises(EntityLookupError, match="2 entities"):
        find_entity(eco, "SIHUB")  # typed exactly as both carry it: still ambiguous
    assert find_entity(eco, "KOTRA TP.HCM") == "kotra-hcm"
