"""Links per year and new partners per year."""
from __future__ import annotations

from graph.filters import Filters
from queries.timeline import links_per_year, new_partners_per_year
from tests.queries.collector import graphs_left_to_collector


def test_links_per_year_count_distinct_links(eco):
    df = links_per_year(eco, Filters(types=frozenset({"MET_WITH"})))
    assert df.loc["2024", "MET_WITH"] == 4  # the 2024-08-21 meeting reported twice counts once
    assert df.loc["2023", "MET_WITH"] == 1
    assert list(df.columns) == ["MET_WITH", "total"]


def test_undated_links_counted_apart(eco):
    df = links_per_year(eco)
    assert df.index[-1] == "undated"
    assert df.loc["undated", "LOCATED_IN"] == 11


def test_one_entity(eco):
    df = links_per_year(eco, entity="Busan")
    assert df.loc["2024", "total"] == 2  # the meeting and the organisation of FLY ASIA
    assert df.loc["2023", "MET_WITH"] == 1


def test_new_partners_per_year(eco):
    df = new_partners_per_year(eco, entity="Sở KH&CN TP.HCM").set_index("year")
    assert df.loc["2023", "partners"] == "Busan, Trung tâm Khởi nghiệp sáng tạo TP.HCM"
    assert df.loc["2024", "new_partners"] == 3  # KOTRA, IIA, Chungbuk Technopark (Busan is not new)
    assert df.loc["2024", "cumulative"] == 5
    whole = new_partners_per_year(eco).set_index("year")
    assert whole["new_partners"].sum() == whole["cumulative"].iloc[-1]


def test_empty_projection_and_unknown_entity(eco):
    import pytest

    from queries.resolve import EntityLookupError
    from queries.timeline import links_per_year, new_partners_per_year
    from tests.queries.handmade_graphs import projection

    assert links_per_year(projection([], [])).empty and new_partners_per_year(projection([], [])).empty
    with pytest.raises(EntityLookupError, match="closest"):
        links_per_year(eco, entity="Busann")


def test_an_entitys_timeline_leaves_no_graph_to_the_collector(eco):
    with graphs_left_to_collector() as left:
        links_per_year(eco, Filters(status="done"), entity="busan")
    assert left == []
