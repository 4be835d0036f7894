"""One entity per real thing: alias families within an article, across articles and against the store."""
from __future__ import annotations

from graph.model import Entity
from ingest.articles.entities import Sentence, find_mentions
from ingest.articles.lexicon import PLACES
from ingest.articles.resolve import Resolver, expand, group_mentions, match_key

CAN_THO = next(p for p in PLACES if p.name == "Cần Thơ")


def resolve(*sentences: str, locality=CAN_THO, resolver: Resolver | None = None):
    last: list = []
    mentions = [m for s in sentences for m in find_mentions(Sentence(s, locality, last), {})[0]]
    cands, owner = group_mentions(mentions, locality)
    resolver = resolver or Resolver()
    entities = [resolver.resolve(c) for c in cands]
    return entities, mentions, owner


def test_abbreviations_expand():
    assert expand("Sở KH&CN") == "Sở Khoa học và Công nghệ"
    assert match_key("Sở KH&CN") == match_key("Sở Khoa học và Công nghệ") == match_key("Sở KHCN")
    assert match_key("UBND") == match_key("Ủy ban nhân dân")


def test_city_spellings_are_one_city():
    entities, _, _ = resolve("TP.HCM, TP. Hồ Chí Minh, TPHCM và Thành phố Hồ Chí Minh cùng Sài Gòn.")
    assert [(e.id, e.kind) for e in entities] == [("thanh-pho-ho-chi-minh", "City")]
    assert {"TP.HCM", "TPHCM", "Sài Gòn"} <= set(entities[0].aliases)


def test_department_full_abbreviated_and_without_city_is_one_agency():
    entities, _, _ = resolve("Sở KH&CN TP. Cần Thơ đã họp.", "Sở Khoa học và Công nghệ thành phố Cần Thơ cho biết.",
                             "Sở Khoa học và Công nghệ đang hoàn thiện đề án.")
    agencies = [e for e in entities if e.kind == "Agency"]
    assert len(agencies) == 1
    assert agencies[0].name == "Sở Khoa học và Công nghệ Cần Thơ"
    assert "Sở Khoa học và Công nghệ" in agencies[0].aliases


def test_people_given_name_and_romanisations():
    entities, _, _ = resolve("Bà Võ Thị Hồng Nhung (Giám đốc Sở Tài chính Cần Thơ) phát biểu.",
                             "Theo bà Nhung, ngân sách tăng.",
                             "Ông Lee, Jae - Won - Giám đốc Văn phòng xúc tiến đầu tư tỉnh Gyeonggi cho biết.",
                             "Ông Lee Jae – Won nói thêm.")
    people = sorted(e.name for e in entities if e.kind == "Person")
    assert people == ["Lee Jae-Won", "Võ Thị Hồng Nhung"]


def test_bare_given_name_of_nobody_is_dropped():
    entities, _, _ = resolve("Theo bà Lan, thành phố đang phát triển.")
    assert not [e for e in entities if e.kind == "Person"]


def test_management_board_and_investment_office_of_one_zone_are_one_authority():
    entities, _, _ = resolve("BQL KKT tự do (GFEZ) (Hàn Quốc) tham dự.",
                             "Ông Kim, Giám đốc Văn phòng đầu tư kinh tế tự do tỉnh Gyeonggi cho biết.")
    assert len([e for e in entities if e.kind == "Agency"]) == 1


def test_programme_title_and_body_forms_merge():
    entities, _, _ = resolve("Cần Thơ hoàn thiện Đề án hỗ trợ khởi nghiệp 2021-2025.",
                             "Đề án hỗ trợ phát triển hệ sinh thái khởi nghiệp thành phố giai đoạn 2021-2025 có 5 nội dung.")
    assert len([e for e in entities if e.kind == "Program"]) == 1


def test_edition_and_series_stay_apart_across_articles():
    r = Resolver()
    resolve("Cần Thơ đã tổ chức 5 kỳ Techfest.", resolver=r)
    resolve("Techfest Cần Thơ 2024 đang diễn ra.", resolver=r)
    events = sorted(e.name for e in r.entities.values() if e.kind == "Event")
    assert events == ["Techfest Cần Thơ", "Techfest Cần Thơ 2024"]


def test_across_articles_same_id_and_aliases_united():
    r = Resolver()
    first, _, _ = resolve("Sở KH&CN TP. Cần Thơ đã họp.", resolver=r)
    second, _, _ = resolve("Sở Khoa học và Công nghệ Cần Thơ cho biết.", resolver=r)
    a1 = next(e for e in first if e.kind == "Agency")
    a2 = next(e for e in second if e.kind == "Agency")
    assert a1.id == a2.id and {"Sở KH&CN TP. Cần Thơ", "Sở Khoa học và Công nghệ Cần Thơ"} <= set(a2.aliases)


def test_known_entities_from_the_store_are_reused_with_their_ids():
    known = [Entity("ct-dost", "Sở Khoa học và Công nghệ TP. Cần Thơ", "Agency", ["Can Tho DOST"]),
             Entity("gyeonggi", "Gyeonggi", "City", ["Gyeonggi-do"]),
             Entity("mai-xuan-truong", "Mai Xuân Trường", "Person", [])]
    entities, _, _ = resolve("Sở KH&CN Cần Thơ làm việc với tỉnh Gyeongi.", "Ông Mai Xuan Truong phát biểu.",
                             resolver=Resolver(known))
    assert {e.id for e in entities} == {"ct-dost", "gyeonggi", "mai-xuan-truong"}
    assert "Sở KH&CN Cần Thơ" in next(e for e in entities if e.id == "ct-dost").aliases


def test_ids_are_stable_slugs():
    a, _, _ = resolve("Trung tâm Khởi nghiệp sáng tạo Cần Thơ khai trương.")
    b, _, _ = resolve("Trung tâm Khởi nghiệp sáng tạo Cần Thơ khai trương.")
    assert [e.id for e in a] == [e.id for e in b] == ["trung-tam-khoi-nghiep-sang-tao-can-tho"]


def test_names_one_letter_apart_stay_apart():
    r = Resolver()
    a, _, _ = resolve("Ông Nguyễn Văn An phát biểu.", "Sở Tài chính tỉnh Hà Nam họp.", resolver=r)
    b, _, _ = resolve("Ông Nguyễn Văn Anh phát biểu.", "Sở Tài chính TP. Hà Nội họp.", resolver=r)
    assert not {e.id for e in a} & {e.id for e in b}


def test_local_body_without_its_city_never_matches_another_citys_body():
    r = Resolver()
    a, _, _ = resolve("Sở Giáo dục và Đào tạo đã báo cáo.", resolver=r)
    b, _, _ = resolve("Sở Giáo dục và Đào tạo đã báo cáo.", locality=next(p for p in PLACES if p.name == "Hà Nội"),
                      resolver=r)
    assert [e.name for e in a] == ["Sở Giáo dục và Đào tạo Cần Thơ"]
    assert [e.name for e in b] == ["Sở Giáo dục và Đào tạo Hà Nội"]
