"""Names that are also common words need a cue, and library alternates that are words are dropped."""
from __future__ import annotations

from ingest.gazetteer import PLACES, find_place
from ingest.gazetteer.words import is_ambiguous, keep_alternates, plain_alternate


def test_common_vietnamese_words_are_never_unconditional_aliases():
    for word in ("Nam", "Hà", "Long", "An", "Bình"):
        assert all(word not in p.aliases or word in p.ambiguous for p in PLACES), word


def test_place_names_that_are_words_are_flagged():
    assert find_place("Anh").needs_cue("Anh")
    assert find_place("Pháp").needs_cue("Pháp")
    assert find_place("Vinh").needs_cue("Vinh")
    assert find_place("Hòa Bình").needs_cue("Hòa Bình")
    assert not find_place("Hải Phòng").needs_cue("Hải Phòng")
    assert not find_place("Busan").ambiguous


def test_ambiguity_rule():
    assert is_ambiguous("Đức") and is_ambiguous("Mỹ") and is_ambiguous("Thủ đô")
    assert not is_ambiguous("Bình Định") and not is_ambiguous("Huế") and not is_ambiguous("Seoul")


def test_basic_filter_drops_codes_keys_short_names_and_words():
    assert not plain_alternate("PUS")  # a code
    assert not plain_alternate("busansi")  # a lower-case search key
    assert not plain_alternate("Sol")  # shorter than four letters
    assert not plain_alternate("Bình")  # a single common Vietnamese word
    assert not plain_alternate("釜山")  # another script
    assert plain_alternate("Phủ San")


def test_only_vietnamese_spellings_and_their_twins_are_kept():
    names = ["Bousan", "Busán", "PUS", "Phu San", "Phủ San", "Pusan", "busansi", "Бусан", "Sol", "Long"]
    assert keep_alternates(names) == ["Phủ San", "Phu San"]
    assert keep_alternates(["Moskau", "Mosca", "Matxcơva", "Mát-xcơ-va"]) == ["Matxcơva", "Mát-xcơ-va"]
    assert keep_alternates(["Moskau", "Pekín"]) == []
