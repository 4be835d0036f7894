"""Each link cue, its direction, planned vs done and its date, on short articles written for the tests."""
from __future__ import annotations

from ingest.articles.entities import Mention
from ingest.articles.links import ArticleContext, LinkReader
from ingest.articles.pipeline import extract_file

DATE_LINE = "Thứ sáu, 15/03/2024 10:00"


def links(tmp_path, *sentences: str, date_line: str = DATE_LINE):
    f = tmp_path / "bai.txt"
    f.write_text("Tin tức đổi mới sáng tạo của tỉnh Đồng Nai hôm nay\n" + date_line + "\n" + "\n".join(sentences),
                 encoding="utf-8")
    result = extract_file(f)
    assert result.skipped is None, result.skipped
    names = {e.id: e.name for e in result.entities}
    return {(link.type, names[link.source], names[link.target]): link for link in result.links}


def one(found: dict, type_: str, source: str, target: str):
    hits = [v for (t, s, o), v in found.items() if t == type_ and s.startswith(source) and o.startswith(target)]
    assert hits, f"no {type_} {source} -> {target} in {sorted(found)}"
    return hits[0]


def test_met_with_dated_by_the_sentence(tmp_path):
    found = links(tmp_path, "Chiều 14/3, Sở Công Thương tỉnh Đồng Nai đã có buổi làm việc với đoàn thành phố Osaka (Nhật Bản).")
    link = one(found, "MET_WITH", "Sở Công Thương Đồng Nai", "Osaka")
    assert (link.status, link.date) == ("done", "2024-03-14")
    assert link.evidence.startswith("Chiều 14/3")
    assert one(found, "LOCATED_IN", "Osaka", "Nhật Bản").date is None
    assert one(found, "LOCATED_IN", "Sở Công Thương Đồng Nai", "Đồng Nai")


def test_reception_between_people(tmp_path):
    found = links(tmp_path, "Ông Lê Văn Tâm, Giám đốc Sở Công Thương tỉnh Đồng Nai, tiếp ông John Smith, "
                            "Tổng Lãnh sự Hoa Kỳ tại TP.HCM, sáng ngày 12.3.")
    assert one(found, "MET_WITH", "Lê Văn Tâm", "John Smith").date == "2024-03-12"
    assert one(found, "HOLDS_ROLE", "Lê Văn Tâm", "Sở Công Thương").properties == {"title": "Giám đốc"}
    assert one(found, "HOLDS_ROLE", "John Smith", "Hoa Kỳ").properties["title"] == "Tổng Lãnh sự"


def test_visit_by_a_delegation_and_its_leader(tmp_path):
    found = links(tmp_path, "Chiều 13/3, đoàn công tác tỉnh Đồng Nai đến thăm và làm việc tại Khu công nghệ cao Hòa Lạc.",
                  "Kết quả chuyến công tác tại Nhật Bản của đoàn đại biểu tỉnh Đồng Nai do ông Trần Quốc Huy, "
                  "Phó Chủ tịch UBND tỉnh Đồng Nai dẫn đầu hồi tháng 1 vừa qua đã được báo cáo.")
    assert one(found, "VISITED", "Đồng Nai", "Khu công nghệ cao Hòa Lạc").date == "2024-03-13"
    trip = one(found, "VISITED", "Đồng Nai", "Nhật Bản")
    assert (trip.status, trip.date) == ("done", "2024-01")
    assert one(found, "VISITED", "Trần Quốc Huy", "Nhật Bản")
    assert one(found, "HOLDS_ROLE", "Trần Quốc Huy", "Ủy ban nhân dân Đồng Nai").properties["title"] == "Phó Chủ tịch"


def test_signed_agreement_and_cooperation(tmp_path):
    found = links(tmp_path, "Sở Khoa học và Công nghệ Đồng Nai đã ký kết biên bản ghi nhớ với Viện Công nghệ Osaka.",
                  "Sở Khoa học và Công nghệ Đồng Nai và Hiệp hội Doanh nghiệp Đồng Nai sẽ phối hợp hỗ trợ startup.")
    assert one(found, "SIGNED_AGREEMENT_WITH", "Sở Khoa học và Công nghệ Đồng Nai", "Viện Công nghệ Osaka").status == "done"
    assert not [k for k in found if k[0] == "COOPERATES_WITH" and "Viện" in k[2]]
    coop = one(found, "COOPERATES_WITH", "Sở Khoa học và Công nghệ Đồng Nai", "Hiệp hội Doanh nghiệp")
    assert (coop.status, coop.date) == ("planned", None)


def test_cooperation_between_pairs(tmp_path):
    found = links(tmp_path, "Hội nghị nhằm thúc đẩy quan hệ hợp tác giữa Việt Nam và Nhật Bản nói chung, "
                            "giữa tỉnh Đồng Nai và tỉnh Aichi nói riêng.")
    assert one(found, "COOPERATES_WITH", "Việt Nam", "Nhật Bản").status == "planned"
    assert one(found, "COOPERATES_WITH", "Đồng Nai", "Aichi")


def test_planned_cues(tmp_path):
    found = links(tmp_path, "Từ tháng 6.2024, Sở Công Thương tỉnh Đồng Nai sẽ phối hợp với Tổng cục Du lịch.",
                  "Kế hoạch hợp tác giữa tỉnh Đồng Nai với thành phố Kobe gồm 5 nội dung.",
                  "Sở Công Thương tỉnh Đồng Nai mong muốn hợp tác với thành phố Yokohama.")
    assert (lambda l: (l.status, l.date))(one(found, "COOPERATES_WITH", "Sở Công Thương", "Tổng cục Du lịch")) == \
        ("planned", "2024-06")
    assert one(found, "COOPERATES_WITH", "Đồng Nai", "Kobe").status == "planned"
    assert one(found, "COOPERATES_WITH", "Sở Công Thương", "Yokohama").status == "planned"


def test_organised_and_attended_events(tmp_path):
    found = links(tmp_path, "Sở Khoa học và Công nghệ Đồng Nai phối hợp với Trung tâm Xúc tiến Đầu tư Đồng Nai tổ chức "
                            "Diễn đàn Đổi mới sáng tạo Đồng Nai 2024 tại TP. Biên Hòa.",
                  "Ông Sato Kenji – Giám đốc Công viên công nghệ Osaka cho biết, 10 doanh nghiệp Nhật Bản sẽ tham dự "
                  "Diễn đàn Đổi mới sáng tạo Đồng Nai 2024.",
                  "Thành phố dự kiến tổ chức Techfest Đồng Nai 2024 vào tháng 10.")
    assert one(found, "ORGANIZED", "Sở Khoa học", "Diễn đàn").date == "2024"
    assert one(found, "ORGANIZED", "Trung tâm Xúc tiến", "Diễn đàn")
    assert one(found, "LOCATED_IN", "Diễn đàn", "Biên Hòa")
    tf = one(found, "ORGANIZED", "Đồng Nai", "Techfest Đồng Nai 2024")
    assert (tf.status, tf.date) == ("planned", "2024-10")
    assert not [k for k in found if k[0] == "PARTICIPATED_IN" and k[1].startswith("Sato")]


def test_participation(tmp_path):
    found = links(tmp_path, "Tỉnh Đồng Nai đã tổ chức Hội chợ Công nghệ Đồng Nai 2023.",
                  "Ông Yamada Taro cũng đã tham dự Hội chợ Công nghệ Đồng Nai 2023.")
    link = one(found, "PARTICIPATED_IN", "Yamada Taro", "Hội chợ")
    assert (link.status, link.date) == ("done", "2023")


def test_runs_founded_supports_invested(tmp_path):
    found = links(tmp_path, "Thành phố đã xây dựng và vận hành Cổng thông tin khởi nghiệp Đồng Nai.",
                  "Sở Khoa học và Công nghệ Đồng Nai đang hoàn thiện Đề án phát triển hệ sinh thái khởi nghiệp giai đoạn 2025-2030.",
                  "Năm 2019, Tập đoàn Sông Xanh đã thành lập Quỹ Đầu tư Sông Xanh Ventures.",
                  "Quỹ Đầu tư Sông Xanh Ventures đã rót vốn vào Công ty Nông Sạch.")
    assert one(found, "RUNS", "Đồng Nai", "Cổng thông tin").status == "done"
    assert one(found, "RUNS", "Sở Khoa học", "Đề án").status == "planned"
    assert one(found, "FOUNDED", "Tập đoàn Sông Xanh", "Quỹ Đầu tư").date == "2019"
    assert one(found, "INVESTED_IN", "Quỹ Đầu tư", "Công ty Nông Sạch").date is None


def test_division_is_part_of_its_department(tmp_path):
    found = links(tmp_path, "Về phía Sở Khoa học và Công nghệ Đồng Nai, bà Hoàng Thị Lan (Trưởng phòng Quản lý Công nghệ) cho biết.")
    assert one(found, "PART_OF", "Phòng Quản lý Công nghệ", "Sở Khoa học")
    assert one(found, "HOLDS_ROLE", "Hoàng Thị Lan", "Phòng Quản lý Công nghệ")


def test_those_named_at_the_meeting_met_its_parties(tmp_path):
    found = links(tmp_path, "Sáng 14/3, đoàn đại biểu HĐND tỉnh Đồng Nai đã có buổi làm việc với Sở Tài chính tỉnh Đồng Nai.",
                  "Tại buổi làm việc, đại diện Sở Nội vụ, Tỉnh Đoàn Đồng Nai cũng đã báo cáo kết quả của năm nay.")
    assert one(found, "MET_WITH", "Sở Nội vụ", "Hội đồng nhân dân").date == "2024-03-14"
    assert one(found, "MET_WITH", "Tỉnh Đoàn", "Sở Tài chính")


def test_no_link_without_a_cue(tmp_path):
    found = links(tmp_path, "Đồng Nai và Osaka đều là những địa phương năng động với nhiều doanh nghiệp.")
    assert not [k for k in found if k[0] not in ("LOCATED_IN",)]


def test_investment_and_acquisition(tmp_path):
    found = links(tmp_path, "Ngày 10/3, quỹ đầu tư mạo hiểm Mekong Seed đã rót vốn vào startup FarmBot.",
                  "Tập đoàn Sao Bắc đã mua lại công ty khởi nghiệp PayNow.")
    assert one(found, "INVESTED_IN", "Mekong Seed", "FarmBot").date == "2024-03-10"
    assert one(found, "ACQUIRED", "Tập đoàn Sao Bắc", "PayNow")


def test_both_sides_sign_means_the_meeting_parties(tmp_path):
    found = links(tmp_path, "Sáng 14/3, UBND tỉnh Đồng Nai tiếp đoàn công tác tỉnh Aichi (Nhật Bản).",
                  "Tại buổi tiếp, ông Võ Tấn Đức, Chủ tịch UBND tỉnh cho biết, Đồng Nai mong muốn hợp tác với Aichi.",
                  "Hai bên đã ký kết biên bản ghi nhớ về hợp tác.",
                  "Trước đó, vào tháng 1, đoàn đại biểu tỉnh Đồng Nai đã sang thăm và làm việc tại Nagoya Science Park.")
    assert one(found, "SIGNED_AGREEMENT_WITH", "Ủy ban nhân dân Đồng Nai", "Aichi").date == "2024-03-14"
    assert not [k for k in found if k[0] == "MET_WITH" and k[1] == "Đồng Nai"]
    assert one(found, "VISITED", "Đồng Nai", "Nagoya Science Park").date == "2024-01"


def test_a_bodys_country_after_a_comma_is_no_party(tmp_path):
    found = links(tmp_path, "Hội thảo Đổi mới Đồng Nai 2024 do Sở Khoa học và Công nghệ Đồng Nai phối hợp với "
                            "Ngân hàng Sông Xanh (SXB), Hàn Quốc tổ chức.")
    assert one(found, "ORGANIZED", "Ngân hàng Sông Xanh", "Hội thảo")
    assert one(found, "ORGANIZED", "Sở Khoa học", "Hội thảo")
    assert not [k for k in found if k[0] in ("ORGANIZED", "COOPERATES_WITH") and "Hàn Quốc" in k[1:]]
    found = links(tmp_path, "Năm 2019, Tập đoàn Sao Bắc ký kết hợp tác với Tập đoàn Hanbit - Hàn Quốc, thành lập Công ty "
                            "Sao Hàn.")
    assert one(found, "SIGNED_AGREEMENT_WITH", "Tập đoàn Sao Bắc", "Tập đoàn Hanbit")
    assert not [k for k in found if k[0] == "SIGNED_AGREEMENT_WITH" and "Hàn Quốc" in k[1:]]
    found = links(tmp_path, "Hội nghị do Sở Công Thương tỉnh Đồng Nai phối hợp với Tập đoàn Hanbit – Hàn Quốc, "
                            "Ngân hàng Sông Xanh tổ chức.")
    assert one(found, "COOPERATES_WITH", "Sở Công Thương", "Ngân hàng Sông Xanh")


def test_a_persons_nationality_is_no_party(tmp_path):
    found = links(tmp_path, "Ông Lê Văn Tâm cùng người đồng cấp Hàn Quốc Kim Min-ho đã tham dự "
                            "Diễn đàn Đổi mới sáng tạo Đồng Nai 2024.")
    assert one(found, "PARTICIPATED_IN", "Lê Văn Tâm", "Diễn đàn")
    assert not [k for k in found if k[0] == "PARTICIPATED_IN" and k[1] == "Hàn Quốc"]


def test_continuing_is_not_receiving(tmp_path):
    found = links(tmp_path, "Sau đó, thương hiệu này tiếp tục qua tay Quỹ Đầu tư Sông Xanh.")
    assert not [k for k in found if k[0] == "MET_WITH"]


def test_a_signed_memorandum_is_not_also_a_cooperation(tmp_path):
    found = links(tmp_path, "Tỉnh Đồng Nai đã ký kết biên bản ghi nhớ hợp tác với Công ty Nông Sạch.")
    assert one(found, "SIGNED_AGREEMENT_WITH", "Đồng Nai", "Công ty Nông Sạch")
    assert not [k for k in found if k[0] == "COOPERATES_WITH"]


def test_an_invitation_is_a_planned_visit_by_the_guest(tmp_path):
    found = links(tmp_path, "Ông Lê Văn Tâm đã mời Tập đoàn Sao Bắc sang thăm tỉnh Đồng Nai.",
                  "Nhận lời mời của ông Lê Văn Tâm, đoàn tỉnh Aichi đã sang thăm Khu công nghệ cao Đồng Nai.")
    visit = one(found, "VISITED", "Tập đoàn Sao Bắc", "Đồng Nai")
    assert visit.status == "planned"
    assert not [k for k in found if k[0] == "VISITED" and k[1].startswith("Lê Văn Tâm")]
    assert one(found, "VISITED", "Aichi", "Khu công nghệ cao").status == "done"


def test_an_event_of_a_later_year_is_planned(tmp_path):
    found = links(tmp_path, "Sở Khoa học và Công nghệ Đồng Nai tham gia Ngày hội Khởi nghiệp Đồng Nai 2025.",
                  "Công ty Nông Sạch đã đăng ký tham dự Hội chợ Công nghệ Biên Hòa, sắp diễn ra tại TP. Biên Hòa.")
    assert one(found, "PARTICIPATED_IN", "Sở Khoa học", "Ngày hội").status == "planned"
    assert one(found, "PARTICIPATED_IN", "Công ty Nông Sạch", "Hội chợ").status == "planned"


def test_a_look_back_takes_no_date_from_the_articles_event(tmp_path):
    found = links(tmp_path, "Sáng 14/3, UBND tỉnh Đồng Nai đã làm việc với Tập đoàn Sao Bắc.",
                  "Trước đó, Sở Công Thương tỉnh Đồng Nai đã làm việc với Công ty Nông Sạch.")
    assert one(found, "MET_WITH", "Ủy ban nhân dân Đồng Nai", "Tập đoàn Sao Bắc").date == "2024-03-14"
    assert one(found, "MET_WITH", "Sở Công Thương", "Công ty Nông Sạch").date is None


def test_verbs_chained_after_an_object_share_the_subject(tmp_path):
    found = links(tmp_path, "Đoàn đại biểu tỉnh Aichi đã làm việc với Sở Công Thương tỉnh Đồng Nai, thăm Khu công nghệ "
                            "cao Đồng Nai và gặp gỡ với đại diện Hiệp hội Doanh nghiệp Đồng Nai.")
    assert one(found, "VISITED", "Aichi", "Khu công nghệ cao")
    assert one(found, "MET_WITH", "Aichi", "Hiệp hội") or one(found, "MET_WITH", "Hiệp hội", "Aichi")
    assert not [k for k in found if k[0] == "MET_WITH" and "Khu công nghệ cao Đồng Nai" in k[1:]]


def test_a_visitor_named_as_the_object_of_a_reception(tmp_path):
    found = links(tmp_path, "Sáng 14/3, ông Võ Tấn Đức, Chủ tịch UBND tỉnh Đồng Nai tiếp ông Suzuki Taro, Thống đốc "
                            "tỉnh Aichi, đang thăm và làm việc tại Việt Nam.")
    assert one(found, "MET_WITH", "Võ Tấn Đức", "Suzuki Taro").date == "2024-03-14"
    assert one(found, "VISITED", "Suzuki Taro", "Việt Nam")
    assert not [k for k in found if k[0] == "VISITED" and k[1] == "Võ Tấn Đức"]


def test_a_visit_made_a_noun_names_the_visitor_after_cua(tmp_path):
    found = links(tmp_path, "Ông Lê Văn Tâm đánh giá cao chuyến thăm Khu công nghệ cao Đồng Nai gần đây của ông Suzuki Taro.")
    assert one(found, "VISITED", "Suzuki Taro", "Khu công nghệ cao")
    assert not [k for k in found if k[0] == "VISITED" and k[1].startswith("Lê Văn Tâm")]


def test_attendance_and_support_named_after_the_cue(tmp_path):
    found = links(tmp_path, "Ngày hội Khởi nghiệp Đồng Nai 2024 diễn ra với sự tham dự của Sở Công Thương tỉnh Đồng Nai, "
                            "Hiệp hội Doanh nghiệp Đồng Nai và Tập đoàn Sao Bắc.",
                  "Dự lễ khai mạc có ông Lê Văn Tâm; ông Trần Quốc Huy.",
                  "Vườn ươm Sông Xanh nhận được sự hỗ trợ của Tập đoàn Sao Bắc.",
                  "Chương trình Khởi nghiệp Xanh do Quỹ Đầu tư Sông Xanh tài trợ.")
    for party in ("Sở Công Thương", "Hiệp hội Doanh nghiệp", "Tập đoàn Sao Bắc", "Lê Văn Tâm", "Trần Quốc Huy"):
        assert one(found, "PARTICIPATED_IN", party, "Ngày hội")
    assert one(found, "SUPPORTS", "Tập đoàn Sao Bắc", "Vườn ươm Sông Xanh")
    assert one(found, "SUPPORTS", "Quỹ Đầu tư Sông Xanh", "Chương trình Khởi nghiệp Xanh")
    assert not [k for k in found if k[0] == "SUPPORTS" and k[1] == "Vườn ươm Sông Xanh"]


def test_facts_the_names_know_once_both_ends_are_named(tmp_path):
    found = links(tmp_path, "Ông Lê Văn Tâm đã đến thăm thành phố Osaka.", "Nhật Bản là đối tác lớn của tỉnh.")
    assert one(found, "LOCATED_IN", "Osaka", "Nhật Bản")


def test_a_management_board_runs_the_park_it_is_named_after():
    reader = LinkReader(ArticleContext("bai.txt", "2024-03-15", None))
    first = "Ban Quản lý Khu công nghệ cao Sông Xanh đã làm việc với đoàn."
    name = "Ban Quản lý Khu công nghệ cao Sông Xanh"
    board = Mention(0, len(name), name, "Agency", head="Ban Quản lý", entity="bql")
    reader.read(first, [board], [])
    second = "Khu công nghệ cao Sông Xanh hiện có 40 dự án."
    park = "Khu công nghệ cao Sông Xanh"
    reader.read(second, [Mention(0, len(park), park, "Park", head="Khu công nghệ cao", entity="kcnc")], [])
    assert [(k.type, k.source, k.target) for k in reader.links] == [("RUNS", "bql", "kcnc")]


def test_a_place_after_tai_does_not_join_the_organisers(tmp_path):
    found = links(tmp_path, "Chiều 6/3, tại Biên Hòa, Hiệp hội Doanh nghiệp Đồng Nai phối hợp với Tập đoàn Sao Bắc "
                            "tổ chức Hội chợ Công nghệ Đồng Nai 2024.")
    assert one(found, "ORGANIZED", "Hiệp hội Doanh nghiệp", "Hội chợ")
    assert one(found, "ORGANIZED", "Tập đoàn Sao Bắc", "Hội chợ")
    assert not [k for k in found if k[0] in ("ORGANIZED", "COOPERATES_WITH") and "Biên Hòa" in k[1:]]


def test_listed_hosts_with_their_titles_and_the_next_verb(tmp_path):
    found = links(tmp_path, "Thống đốc tỉnh Aichi Suzuki Taro đã hội kiến Chủ tịch UBND tỉnh Đồng Nai Võ Tấn Đức và Bí thư "
                            "Tỉnh ủy Đồng Nai Lê Văn Tâm; gặp Giám đốc Sở Công Thương tỉnh Đồng Nai Trần Quốc Huy.")
    for host in ("Võ Tấn Đức", "Lê Văn Tâm", "Trần Quốc Huy"):
        assert one(found, "MET_WITH", "Suzuki Taro", host) or one(found, "MET_WITH", host, "Suzuki Taro")
    assert not [k for k in found if k[0] == "MET_WITH" and {k[1], k[2]} == {"Lê Văn Tâm", "Trần Quốc Huy"}]


def test_the_owner_of_a_visit_may_carry_a_title(tmp_path):
    found = links(tmp_path, "Ông Lê Văn Tâm nhắc lại chuyến thăm chính thức Đồng Nai của Thống đốc tỉnh Aichi Suzuki Taro.")
    assert one(found, "VISITED", "Suzuki Taro", "Đồng Nai")


def test_pairs_after_giua_are_the_parties_not_their_partners(tmp_path):
    found = links(tmp_path, "Các thỏa thuận được ký kết tại hội thảo giữa các đối tác kinh doanh của Hàn Quốc và Nhật Bản.",
                  "Hai nước tăng cường hợp tác nhiều mặt với truyền thống lâu dài giữa tỉnh Đồng Nai và tỉnh Aichi.")
    assert not [k for k in found if k[0] == "SIGNED_AGREEMENT_WITH"]
    assert one(found, "COOPERATES_WITH", "Đồng Nai", "Aichi")
    assert len([k for k in found if k[0] == "COOPERATES_WITH"]) == 1


def test_sign_inside_a_name_is_no_signing(tmp_path):
    found = links(tmp_path, "Sở Tài chính Đồng Nai và Trung tâm Lưu ký Chứng khoán đã cập nhật thông tin.")
    assert not [k for k in found if k[0] == "SIGNED_AGREEMENT_WITH"]


def test_a_visitor_not_recognised_is_not_replaced_by_the_host(tmp_path):
    found = links(tmp_path, "Chủ tịch UBND tỉnh Đồng Nai Võ Tấn Đức tiếp ngài Xy Zed, đặc phái viên, cùng đoàn công tác "
                            "đang thăm và làm việc tại Việt Nam.")
    assert {k[1] for k in found if k[0] == "VISITED"} <= {"Xy Zed"}  # the guest, never the host


def test_where_a_company_comes_from(tmp_path):
    found = links(tmp_path, "Startup NhaXanh từ Việt Nam sẽ niêm yết trên sàn Nasdaq của Mỹ.",
                  "Nhiều doanh nghiệp đến từ Hàn Quốc như Công ty Hanbit, Công ty Daon đã tham dự.")
    assert one(found, "LOCATED_IN", "NhaXanh", "Việt Nam")
    assert one(found, "LOCATED_IN", "Nasdaq", "Hoa Kỳ")
    assert one(found, "LOCATED_IN", "Công ty Hanbit", "Hàn Quốc")
    assert one(found, "LOCATED_IN", "Công ty Daon", "Hàn Quốc")


def test_a_place_inside_a_longer_object_is_not_the_object(tmp_path):
    found = links(tmp_path, "Tỉnh Đồng Nai đã hợp tác với các nhà sản xuất ô tô Nhật Bản.",
                  "Đoàn tỉnh Aichi đã thăm và làm việc tại các ngân hàng trên địa bàn TP. Biên Hòa.",
                  "Ông Suzuki Taro đã thăm chính thức Nhật Bản và gặp Hội hữu nghị Việt Nam - Hàn Quốc.")
    assert not [k for k in found if k[0] in ("COOPERATES_WITH", "VISITED", "MET_WITH")
                and k[2] in ("Nhật Bản", "Biên Hòa", "Hàn Quốc", "Việt Nam") and k[1] != "Suzuki Taro"]
    assert one(found, "VISITED", "Suzuki Taro", "Nhật Bản")
    assert not [k for k in found if k[0] == "MET_WITH" and k[1:] in (("Suzuki Taro", "Việt Nam"), ("Suzuki Taro", "Hàn Quốc"))]


def test_the_visit_of_someone_not_named_has_no_visitor(tmp_path):
    found = links(tmp_path, "Ông Lê Văn Tâm nhắc lại chuyến thăm Đồng Nai của Nhà vua Xứ Sở.",
                  "Chuyến thăm chính thức của ông Suzuki Taro tới Việt Nam đã thành công.")
    assert not [k for k in found if k[0] == "VISITED" and k[1].startswith("Lê Văn Tâm")]
    assert one(found, "VISITED", "Suzuki Taro", "Việt Nam")


def test_links_during_a_visit_are_dated_by_its_month(tmp_path):
    found = links(tmp_path, "Sáng 14/3, UBND tỉnh Đồng Nai tiếp đoàn đại biểu tỉnh Aichi.",
                  "Trong thời gian ở thăm Việt Nam, đoàn đại biểu tỉnh Aichi đã làm việc với Tập đoàn Sao Bắc.")
    assert one(found, "MET_WITH", "Ủy ban nhân dân Đồng Nai", "Aichi").date == "2024-03-14"
    met = [v for (t, s, o), v in found.items() if t == "MET_WITH" and "Sao Bắc" in s + o]
    assert met and met[0].date == "2024-03"


def test_every_listed_party_gets_a_link(tmp_path):
    found = links(tmp_path, "Sở Khoa học và Công nghệ Đồng Nai, Hiệp hội Doanh nghiệp Đồng Nai và Tập đoàn Sao Bắc phối hợp "
                            "tổ chức Ngày hội Khởi nghiệp Đồng Nai 2024.",
                  "Ngày 12/3, Tỉnh Đoàn Đồng Nai cùng với Quỹ Đầu tư Sông Xanh đã ký kết biên bản ghi nhớ với Tập đoàn "
                  "Sao Bắc, Công ty Nông Sạch và Vườn ươm Sông Xanh.")
    for party in ("Sở Khoa học", "Hiệp hội Doanh nghiệp", "Tập đoàn Sao Bắc"):
        assert one(found, "ORGANIZED", party, "Ngày hội")
    for a in ("Tỉnh Đoàn", "Quỹ Đầu tư Sông Xanh"):
        for b in ("Tập đoàn Sao Bắc", "Công ty Nông Sạch", "Vườn ươm Sông Xanh"):
            assert one(found, "SIGNED_AGREEMENT_WITH", a, b).date == "2024-03-12"


def test_agents_named_after_bo_or_tu(tmp_path):
    found = links(tmp_path, "Quỹ Đầu tư Sông Xanh được dẫn dắt bởi ông Trần Quốc Huy.",
                  "Công ty Nông Sạch được sáng lập bởi bà Hoàng Thị Lan.",
                  "Năm 2023, startup FarmBot đã nhận vốn đầu tư từ Quỹ Đầu tư Sông Xanh.",
                  "Startup PayNow được ươm tạo bởi Vườn ươm Sông Xanh.")
    assert one(found, "HOLDS_ROLE", "Trần Quốc Huy", "Quỹ Đầu tư Sông Xanh").date is None
    assert one(found, "FOUNDED", "Hoàng Thị Lan", "Công ty Nông Sạch")
    assert one(found, "INVESTED_IN", "Quỹ Đầu tư Sông Xanh", "FarmBot").date == "2023"
    assert one(found, "SUPPORTS", "Vườn ươm Sông Xanh", "PayNow")


def test_a_meeting_made_a_noun_after_cua_has_no_known_subject(tmp_path):
    found = links(tmp_path, "Ông Suzuki Taro cảm ơn ông Lê Văn Tâm; thông báo với ông Lê Văn Tâm kết quả của cuộc hội đàm "
                            "với ông Trần Quốc Huy.")
    assert not [k for k in found if k[0] == "MET_WITH" and {k[1], k[2]} == {"Lê Văn Tâm", "Trần Quốc Huy"}]


def test_an_unnamed_event_is_not_the_named_one_after_it(tmp_path):
    found = links(tmp_path, "Tập đoàn Sao Bắc tổ chức hội thảo về nông nghiệp trong khuôn khổ Ngày hội Khởi nghiệp Đồng Nai 2024.",
                  "Sở Công Thương tỉnh Đồng Nai tổ chức Hội chợ Công nghệ Đồng Nai 2024, đồng thời tham gia Diễn đàn "
                  "Đổi mới Biên Hòa 2024.")
    assert not [k for k in found if k[0] == "ORGANIZED" and k[1] == "Tập đoàn Sao Bắc"]
    assert one(found, "ORGANIZED", "Sở Công Thương", "Hội chợ")
    assert not [k for k in found if k[0] == "ORGANIZED" and k[2].startswith("Diễn đàn")]


def test_a_division_is_not_part_of_a_peer_or_of_a_titles_body(tmp_path):
    found = links(tmp_path, "Ban Tổ chức Trung ương và Ban Tuyên giáo Trung ương tổ chức Hội nghị Báo cáo viên Đồng Nai 2024.",
                  "Tham dự chương trình Giao lưu có ông Trần Quốc Huy, Ủy viên Tỉnh ủy, Trưởng Ban Dân vận.")
    assert not [k for k in found if k[0] == "PART_OF" and k[2].startswith("Ban")]
    assert not [k for k in found if k[0] == "PART_OF" and k[1].startswith("Ban Dân vận")]


def test_status_words_inside_names_do_not_count(tmp_path):
    found = links(tmp_path, "Hội thảo do Sở Kế hoạch và Đầu tư tỉnh Đồng Nai phối hợp với Tập đoàn Sao Bắc tổ chức.")
    assert one(found, "COOPERATES_WITH", "Sở Kế hoạch", "Tập đoàn Sao Bắc").status == "done"


def test_a_passive_agent_must_stand_next_to_its_verb(tmp_path):
    found = links(tmp_path, "Tập đoàn Sao Bắc do ông Trần Quốc Huy làm Chủ tịch vừa công bố nghị quyết về việc thành lập "
                            "Công ty Sao Bắc Xanh.")
    assert not [k for k in found if k[0] == "FOUNDED" and k[1].startswith("Trần Quốc Huy")]


def test_a_place_after_an_unknown_name_or_a_borrowed_name_is_no_party(tmp_path):
    found = links(tmp_path, "Ca sĩ Mai đã có mặt tại đảo Hòn Khoai, Đồng Nai để tham gia chương trình Khởi nghiệp Xanh.",
                  "Đài Phát thanh Đồng Nai và tỉnh Aichi hợp tác truyền thông.",
                  "Đơn vị gửi lời cảm ơn tới Tập đoàn Sao Bắc đã dành nhiều tâm huyết cho công tác tổ chức Hội chợ "
                  "Công nghệ Đồng Nai 2024.")
    assert not [k for k in found if k[0] == "PARTICIPATED_IN" and k[1] == "Đồng Nai"]
    assert not [k for k in found if k[0] == "COOPERATES_WITH" and "Đồng Nai" in (k[1], k[2])]
    assert not [k for k in found if k[0] == "ORGANIZED"]


def test_the_owner_of_a_visit_after_a_few_words(tmp_path):
    found = links(tmp_path, "Quan hệ hai nước phát triển mạnh, nổi bật là chuyến thăm cấp nhà nước tới Việt Nam lần đầu "
                            "tiên của Nhà vua Xứ Sở.")
    assert not [k for k in found if k[0] == "VISITED"]


def test_a_bracketed_country_after_cung_places_only_its_neighbour(tmp_path):
    found = links(tmp_path, "Năm 2013, Viện Công nghệ Đồng Nai cùng Tập đoàn Hanbit (Hàn Quốc) đã ký biên bản ghi nhớ.")
    assert one(found, "LOCATED_IN", "Tập đoàn Hanbit", "Hàn Quốc")
    assert not [k for k in found if k[0] == "LOCATED_IN" and k[1].startswith("Viện") and k[2] == "Hàn Quốc"]


def test_investment_purchase_and_signing_with_amounts_and_long_titles(tmp_path):
    found = links(tmp_path, "Quỹ Đầu tư Sông Xanh đã rót 5 triệu USD vào startup FarmBot.",
                  "Tập đoàn Sao Bắc mua lại 30% cổ phần của Công ty Nông Sạch.",
                  "Tỉnh Đồng Nai đã ký thỏa thuận hợp tác chiến lược toàn diện với Tập đoàn Hanbit.",
                  "Ông Lê Văn Tâm ký kết văn bản với sự chứng kiến của Tập đoàn Sao Bắc.")
    assert one(found, "INVESTED_IN", "Quỹ Đầu tư Sông Xanh", "FarmBot")
    assert one(found, "ACQUIRED", "Tập đoàn Sao Bắc", "Công ty Nông Sạch")
    assert one(found, "SIGNED_AGREEMENT_WITH", "Đồng Nai", "Tập đoàn Hanbit")
    assert not [k for k in found if k[0] == "COOPERATES_WITH" and "Tập đoàn Hanbit" in k[1:]]
    assert not [k for k in found if k[0] == "SIGNED_AGREEMENT_WITH" and "Tập đoàn Sao Bắc" in k[1:]]


def test_a_place_owning_the_subject_is_not_the_subject(tmp_path):
    found = links(tmp_path, "Năm nay, các doanh nghiệp điện tử của Hàn Quốc dự kiến tham dự Hội chợ Công nghệ Đồng Nai 2024.",
                  "Đoàn công tác của tỉnh Aichi đã đến thăm Khu công nghệ cao Đồng Nai.")
    assert not [k for k in found if k[0] == "PARTICIPATED_IN" and k[1] == "Hàn Quốc"]
    assert one(found, "VISITED", "Aichi", "Khu công nghệ cao")


def test_negated_and_unowned_verbs_and_distant_attendees(tmp_path):
    found = links(tmp_path, "Sau sự việc, Sở Công Thương tỉnh Đồng Nai tuyên bố dừng hoạt động phối hợp với Tập đoàn Sao Bắc.",
                  "Tỉnh Đồng Nai không chỉ hợp tác với Tập đoàn Hanbit mà còn mở rộng đầu tư.",
                  "Ông Lê Văn Tâm đánh giá cao chuyến thăm chính thức Nhật Bản vừa qua.",
                  "Ông Trần Quốc Huy cho biết kể từ khi thành lập, Hiệp hội Doanh nghiệp Đồng Nai luôn hỗ trợ hội viên.",
                  "Hội chợ Công nghệ Đồng Nai 2024 có sự tham dự của lãnh đạo hai tỉnh và hàng trăm doanh nghiệp, "
                  "trong đó nhiều đơn vị đến từ tỉnh Aichi.")
    assert not [k for k in found if k[0] == "COOPERATES_WITH" and "Tập đoàn Sao Bắc" in k[1:]]
    assert one(found, "COOPERATES_WITH", "Đồng Nai", "Tập đoàn Hanbit")
    assert not [k for k in found if k[0] in ("VISITED", "FOUNDED", "PARTICIPATED_IN")]


def test_a_visit_still_to_come_is_planned(tmp_path):
    found = links(tmp_path, "Nhân chuyến thăm chính thức Nhật Bản của ông Lê Văn Tâm sẽ diễn ra vào tuần tới, báo chí "
                            "đã phỏng vấn ông Trần Quốc Huy.")
    assert one(found, "VISITED", "Lê Văn Tâm", "Nhật Bản").status == "planned"
