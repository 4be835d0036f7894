"""Dataset places resolve to the article pipeline's entities, and homonyms stay apart."""
from __future__ import annotations

from ingest.articles.entities import Mention, known_place
from ingest.articles.resolve import Resolver, candidate, place_entity
from ingest.datasets.places import country_code, locate, state_code


def test_gazetteer_places_get_the_article_ids():
    loc = locate("San Francisco", "California", "USA")
    assert loc.target == place_entity("San Francisco").id == "san-francisco"
    assert {e.id for e in loc.entities} == {"san-francisco", place_entity("USA").id}
    assert place_entity("United States").id == place_entity("USA").id


def test_article_resolver_gives_the_same_id():
    for written, dataset in [("Mỹ", "USA"), ("TP.HCM", "Ho Chi Minh City"), ("Seoul", "Seoul")]:
        place = known_place(written)
        m = Mention(0, 1, written, place.kind, place=place)
        assert Resolver().resolve(candidate(m, None)).id == place_entity(dataset).id


def test_other_towns_carry_their_state_or_country():
    assert locate("Mountain View", "California", "USA").target == "mountain-view-ca"
    assert locate("Mountain View", "CA", "USA").target == "mountain-view-ca"
    assert locate("Redmond WA", None, "USA").target == "redmond-wa"
    assert locate("Toronto", None, "Canada").target == "toronto-can"
    assert locate("Wilmington,", "DE", "USA").target == "wilmington-de"


def test_a_namesake_abroad_is_not_the_gazetteer_city():
    assert locate("Paris", "TX", "USA").target == "paris-tx"
    assert locate("Paris", None, "France").target == place_entity("Paris").id


def test_short_and_long_forms_of_known_cities():
    assert locate("New York City", "New York", "USA").target == "new-york"
    assert locate("NY", "NY", "USA").target == "new-york"
    assert locate("San francisco", "CA", "USA").target == "san-francisco"


def test_hong_kong_as_a_country_is_the_gazetteer_city():
    loc = locate("Hong Kong", None, "Hong Kong")
    assert loc.target == place_entity("Hong Kong").id and [e.kind for e in loc.entities] == ["City"]


def test_unknown_town_without_country_is_dropped():
    assert locate("Springfield", None, None).target is None


def test_codes():
    assert state_code("California") == state_code("ca") == "CA"
    assert country_code("United Kingdom") == country_code("GBR") == "GBR"
    assert country_code("Atlantis") is None
