"""The optional underthesea NER: bare person names that no honorific or title introduces."""
from __future__ import annotations

from ingest.articles.entities import Sentence, find_mentions
from ingest.articles.ner import person_mentions

TEXT = "Tại hội thảo, Nguyễn Văn Toàn phát biểu về chuyển đổi số ở Busan và Sở KH&CN Đà Nẵng."


def test_bare_name_is_found_only_by_the_ner():
    found, _ = find_mentions(Sentence(TEXT, None, []), {})
    assert not [m for m in found if m.kind == "Person"]
    people = person_mentions(TEXT, found)
    assert [m.text for m in people] == ["Nguyễn Văn Toàn"]


def test_ner_hits_inside_known_names_or_on_places_are_dropped():
    found, _ = find_mentions(Sentence(TEXT, None, []), {})
    assert all(m.text not in ("Busan", "Đà Nẵng") for m in person_mentions(TEXT, found))
