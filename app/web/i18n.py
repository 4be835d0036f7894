"""Every string the app shows, in English and Vietnamese, and the current language.

Kept in one table so a translator edits one file and a missing translation is a KeyError in
the tests rather than an English word on a Vietnamese page. Entity names are never translated:
they are shown exactly as the graph spells them.
"""
from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from queries.wording import KIND_VI, TYPE_VI  # one table of kinds and link types for pages and answers

LANGS = {"vi": "Tiếng Việt", "en": "English"}
DEFAULT_LANG = "vi"

# key: (English, Vietnamese)
STRINGS: dict[str, tuple[str, str]] = {
    "app_title": ("Ecosystem graph", "Bản đồ hệ sinh thái"),
    "app_caption": ("Who works with whom in the innovation ecosystem — every link dated and sourced.",
                    "Ai làm việc với ai trong hệ sinh thái đổi mới sáng tạo — mỗi liên kết đều có ngày và nguồn."),
    "language": ("Language", "Ngôn ngữ"),
    "database": ("Database", "Cơ sở dữ liệu"),
    "no_database": ("No graph database is reachable.", "Không kết nối được cơ sở dữ liệu đồ thị."),
    "no_database_fix": (
        "Start the embedded database with `ecograph db start` (or check `ecograph db status`), "
        "or set NEO4J_URI, NEO4J_USER and NEO4J_PASSWORD to use your Neo4j; then reload this page.",
        "Khởi động cơ sở dữ liệu nhúng bằng `ecograph db start` (hoặc kiểm tra `ecograph db status`), "
        "hoặc đặt NEO4J_URI, NEO4J_USER và NEO4J_PASSWORD để dùng Neo4j của bạn; sau đó tải lại trang."),
    "db_lost": ("The database stopped answering: {error}", "Cơ sở dữ liệu không còn phản hồi: {error}"),
    "error": ("Could not answer: {error}", "Không thể trả lời: {error}"),
    "empty_graph": ("The graph is empty. Load the demo (`ecograph demo`) or add articles on the Ingest page.",
                    "Đồ thị đang trống. Nạp dữ liệu mẫu (`ecograph demo`) hoặc thêm bài viết ở trang Nạp dữ liệu."),
    "retry": ("Try again", "Thử lại"),
    # pages
    "page_overview": ("Overview", "Tổng quan"),
    "page_explore": ("Explore", "Khám phá"),
    "page_brokers": ("Brokers & centrality", "Trung gian & trung tâm"),
    "page_paths": ("Paths", "Đường kết nối"),
    "page_visit": ("Visit prep", "Chuẩn bị chuyến công tác"),
    "page_timeline": ("Timeline", "Dòng thời gian"),
    "page_ingest": ("Ingest", "Nạp dữ liệu"),
    "page_cypher": ("Cypher console", "Truy vấn Cypher"),
    # filters
    "filters": ("Filters", "Bộ lọc"),
    "kinds": ("Entity kinds", "Loại thực thể"),
    "types": ("Link types", "Loại liên kết"),
    "status": ("Status", "Trạng thái"),
    "status_both": ("done and planned", "đã diễn ra và dự kiến"),
    "status_done": ("done", "đã diễn ra"),
    "status_planned": ("planned", "dự kiến"),
    "years": ("Years", "Năm"),
    "hops": ("Hops from the centre", "Số bước từ tâm"),
    "budget": ("Most entities shown", "Số thực thể tối đa"),
    "size_by": ("Node size by", "Kích thước nút theo"),
    "all": ("all", "tất cả"),
    # measures
    "m_degree": ("Degree", "Bậc"),
    "m_weighted_degree": ("Weighted degree", "Bậc có trọng số"),
    "m_betweenness": ("Betweenness", "Trung gian"),
    "m_closeness": ("Closeness", "Gần gũi"),
    "m_eigenvector": ("Eigenvector", "Vectơ riêng"),
    "m_pagerank": ("PageRank", "PageRank"),
    "m_constraint": ("Constraint", "Ràng buộc"),
    "m_effective_size": ("Effective size", "Quy mô hiệu dụng"),
    "m_total": ("Brokerage roles", "Vai trò trung gian"),
    "explain_degree": ("How many different partners an entity has.",
                       "Số đối tác khác nhau mà thực thể có."),
    "explain_weighted_degree": ("Partners weighted by the strength of each tie: a signed agreement counts "
                                "more than attending the same event.",
                                "Đối tác có tính đến độ mạnh của liên kết: một thỏa thuận đã ký được tính "
                                "nhiều hơn việc cùng dự một sự kiện."),
    "explain_betweenness": ("How often an entity lies on the shortest route between two others: the bodies "
                            "others must go through.",
                            "Mức độ thực thể nằm trên con đường ngắn nhất giữa hai bên khác: những đơn vị "
                            "mà người khác phải đi qua."),
    "explain_closeness": ("How few steps an entity needs to reach everyone else.",
                          "Thực thể cần ít bước đến mức nào để tiếp cận tất cả các bên còn lại."),
    "explain_eigenvector": ("Being tied to entities that are themselves well connected.",
                            "Mức độ gắn với những thực thể cũng có nhiều kết nối."),
    "explain_pagerank": ("Overall influence: many ties, especially from influential partners.",
                         "Ảnh hưởng tổng thể: nhiều liên kết, nhất là từ các đối tác có ảnh hưởng."),
    "explain_constraint": ("Low constraint: the entity's partners do not know each other, so it holds "
                           "structural holes it can bridge.",
                           "Ràng buộc thấp: các đối tác của thực thể không quen nhau, nên nó nắm giữ "
                           "những khoảng trống có thể làm cầu nối."),
    "explain_effective_size": ("Partners that are not redundant with one another.",
                               "Số đối tác không trùng lặp với nhau."),
    "explain_total": ("Times the entity links two others who are not linked themselves, counted by group "
                      "(coordinator, gatekeeper, representative, liaison...).",
                      "Số lần thực thể nối hai bên chưa có liên kết trực tiếp, phân theo nhóm "
                      "(điều phối, người gác cổng, đại diện, liên lạc...)."),
    # common
    "search": ("Find an entity (any name or alias, with or without diacritics)",
               "Tìm thực thể (tên bất kỳ hoặc tên khác, có dấu hoặc không dấu)"),
    "search_placeholder": ("e.g. Busan, so khcn tphcm, Israel Innovation Authority",
                           "ví dụ: Busan, so khcn tphcm, Israel Innovation Authority"),
    "no_match": ("No entity matches {query!r}.", "Không có thực thể nào khớp với {query!r}."),
    "other_matches": ("Other matches", "Kết quả khác"),
    "pick_entity": ("Choose an entity to start.", "Chọn một thực thể để bắt đầu."),
    "download_csv": ("Download CSV", "Tải CSV"),
    "download_html": ("Network (HTML)", "Mạng lưới (HTML)"),
    "download_graphml": ("Network (GraphML)", "Mạng lưới (GraphML)"),
    "download_md": ("Download Markdown", "Tải Markdown"),
    "png_hint": ("The PNG button is in the picture's top-right corner.",
                 "Nút PNG nằm ở góc trên bên phải hình."),
    "legend_kinds": ("Entity kinds", "Loại thực thể"),
    "legend_links": ("Link types", "Loại liên kết"),
    "legend_planned": ("dashed: planned", "nét đứt: dự kiến"),
    "name": ("Name", "Tên"),
    "kind": ("Kind", "Loại"),
    "type": ("Type", "Loại liên kết"),
    "date": ("Date", "Ngày"),
    "evidence": ("Evidence", "Căn cứ"),
    "source": ("Source", "Nguồn"),
    "partner": ("Partner", "Đối tác"),
    "direction": ("Direction", "Chiều"),
    "undated": ("undated", "không rõ ngày"),
    # overview
    "entities": ("Entities", "Thực thể"),
    "links": ("Links", "Liên kết"),
    "documents": ("Sources", "Nguồn"),
    "date_range": ("Period covered", "Giai đoạn"),
    "by_kind": ("Entities by kind", "Thực thể theo loại"),
    "by_type": ("Links by type", "Liên kết theo loại"),
    "sources_title": ("Sources and their dates", "Các nguồn và ngày đăng"),
    "top_brokers": ("Top brokers", "Đầu mối trung gian hàng đầu"),
    "percentile": ("Percentile", "Phân vị"),
    "top_central": ("Most central bodies", "Các đơn vị trung tâm nhất"),
    "recent_links": ("Most recent links", "Liên kết gần đây nhất"),
    "whole_graph": ("The whole graph", "Toàn bộ đồ thị"),
    "graph_top": ("The {n} most central of {total} entities", "{n} thực thể trung tâm nhất trong {total}"),
    "communities": ("Communities (groups that deal mostly with each other)",
                    "Cộng đồng (các nhóm chủ yếu làm việc với nhau)"),
    "modularity": ("modularity {q:.2f}", "độ mô-đun {q:.2f}"),
    "title_col": ("Title", "Tiêu đề"),
    "doc_kind": ("Kind", "Dạng"),
    # explore
    "neighbourhood": ("Neighbourhood of {name}", "Mạng lưới quanh {name}"),
    "cut_notice": ("Large neighbourhood: {shown} of {reached} entities shown, the strongest ties first. "
                   "Hidden: {hidden}. Narrow the filters or raise the limit to see more.",
                   "Mạng lưới lớn: hiển thị {shown} trên {reached} thực thể, ưu tiên liên kết mạnh nhất. "
                   "Đã ẩn: {hidden}. Thu hẹp bộ lọc hoặc tăng giới hạn để xem thêm."),
    "selected": ("Selected entity (or click a node in the picture)",
                 "Thực thể đang chọn (hoặc bấm vào một nút trên hình)"),
    "expand": ("Expand from {name}", "Mở rộng từ {name}"),
    "expanded": ("Also centred on: {names}", "Cũng lấy làm tâm: {names}"),
    "reset_expand": ("Back to one centre", "Quay về một tâm"),
    "aliases": ("Also known as", "Tên khác"),
    "properties": ("Properties", "Thuộc tính"),
    "roles": ("Roles and titles", "Chức vụ"),
    "all_links": ("Every link of {name} ({n})", "Mọi liên kết của {name} ({n})"),
    "no_links": ("No link passes the filters.", "Không có liên kết nào qua bộ lọc."),
    "in_sources": ("Seen in", "Xuất hiện trong"),
    "out": ("→ to", "→ đến"),
    "in": ("← from", "← từ"),
    # brokers
    "group": ("Group: {by}", "Nhóm: {by}"),
    "group_by": ("Group entities by", "Nhóm thực thể theo"),
    "g_country": ("Country", "Quốc gia"),
    "g_city": ("City", "Thành phố"),
    "g_kind": ("Kind", "Loại"),
    "g_type": ("Organisation type", "Dạng tổ chức"),
    "only_kind": ("Show only", "Chỉ hiển thị"),
    "sort_by": ("Measure", "Chỉ số"),
    "top_n": ("Bars shown", "Số cột hiển thị"),
    "tab_brokers": ("Brokers", "Trung gian"),
    "tab_centrality": ("Centrality", "Mức độ trung tâm"),
    "tab_between": ("Who connects two groups", "Ai kết nối hai nhóm"),
    "group_a": ("First group", "Nhóm thứ nhất"),
    "group_b": ("Second group", "Nhóm thứ hai"),
    "what_measures": ("What the measures mean", "Ý nghĩa các chỉ số"),
    "links_behind": ("The links behind the answer", "Các liên kết làm căn cứ"),
    # tie classes (queries.weights.TIE_CLASSES)
    "ties": ("Ties a route may use", "Loại quan hệ được dùng để kết nối"),
    "ties_interaction": ("Dealings (met, signed, cooperated, invested)", "Giao dịch (gặp gỡ, ký kết, hợp tác, đầu tư)"),
    "ties_affiliation": ("Own people and divisions", "Nhân sự và đơn vị trực thuộc"),
    "ties_co-attendance": ("Same event (weak)", "Cùng dự một sự kiện (yếu)"),
    "place_a": ("First place", "Địa phương thứ nhất"),
    "side": ("Side", "Thuộc phía"),
    "role": ("Role", "Vai trò"),
    "reach_in": ("Parties in {place}", "Số bên ở {place}"),
    "partners_in": ("Partners in {place}", "Đối tác ở {place}"),
    "latest": ("Latest tie", "Liên hệ gần nhất"),
    "place_b": ("Second place", "Địa phương thứ hai"),
    # paths
    "from": ("From", "Từ"),
    "to": ("To", "Đến"),
    "k_paths": ("Number of paths", "Số đường"),
    "exclude_types": ("Do not use link types", "Không dùng loại liên kết"),
    "exclude_nodes": ("Do not pass through", "Không đi qua"),
    "weighted": ("Prefer strong ties over fewest steps", "Ưu tiên liên kết mạnh thay vì ít bước nhất"),
    "path_n": ("Path {i}: {hops} step(s)", "Đường {i}: {hops} bước"),
    "paths_found": ("{n} path(s) from {a} to {b}, of {hops} step(s)", "{n} đường từ {a} đến {b}, dài {hops} bước"),
    "no_path": ("{a} and {b} are not connected under these filters.", "{a} và {b} không kết nối với nhau theo bộ lọc này."),
    "pick_two": ("Choose both ends of the path.", "Chọn cả hai đầu của đường kết nối."),
    "introducers": ("Who can introduce you to {b}", "Ai có thể giới thiệu bạn với {b}"),
    "no_introducers": ("No body or person outside {a}'s own side is known to have ties to {b}.",
                       "Chưa thấy đơn vị hay cá nhân nào ngoài phía {a} có quan hệ với {b}."),
    "knows": ("knows", "có quan hệ với"),
    "no_route_to": ("No known route from {a}: approach directly.",
                    "Chưa rõ đường kết nối từ {a}: liên hệ trực tiếp."),
    # visit
    "target": ("Visiting (city, body or event)", "Nơi đến (thành phố, đơn vị hoặc sự kiện)"),
    "home": ("Home organisation", "Đơn vị của mình"),
    "max_hops": ("Longest introduction chain", "Chuỗi giới thiệu dài nhất"),
    "top_inter": ("Intermediaries listed", "Số đầu mối trung gian"),
    "pick_visit": ("Choose the place or body to visit and your own organisation.",
                   "Chọn nơi đến và đơn vị của mình."),
    "v_actors": ("Bodies on the target side", "Đơn vị phía đối tác"),
    "v_links": ("Existing links", "Liên kết đã có"),
    "v_planned": ("Planned", "Dự kiến"),
    "intermediaries": ("Best intermediaries", "Đầu mối trung gian phù hợp nhất"),
    # timeline
    "per_year": ("Links per year and type", "Liên kết theo năm và loại"),
    "year": ("Year", "Năm"),
    "cumulative": ("Cumulative", "Lũy kế"),
    "partners": ("Partners", "Đối tác"),
    "new_partners": ("New partners per year", "Đối tác mới theo năm"),
    "entity_optional": ("Only the links of (optional)", "Chỉ các liên kết của (không bắt buộc)"),
    "undated_note": ("{n} link(s) have no date and are not on the chart.",
                     "{n} liên kết không rõ ngày nên không có trên biểu đồ."),
    # ingest
    "upload": ("Files to add", "Tệp cần thêm"),
    "ingest_kind": ("What the files are", "Loại tệp"),
    "ik_articles": ("news articles (.txt, .html)", "bài báo (.txt, .html)"),
    "ik_import": ("a graph file (.json, two CSVs, Kumu .xlsx)", "tệp đồ thị (.json, hai tệp CSV, Kumu .xlsx)"),
    "ik_yc": ("Y Combinator startups CSV", "CSV startup Y Combinator"),
    "extract": ("Read the files", "Đọc các tệp"),
    "review": ("Review before adding", "Xem lại trước khi thêm"),
    "new_entities": ("New entities", "Thực thể mới"),
    "merged_entities": ("Merged with entities already in the graph", "Gộp với thực thể đã có"),
    "new_links": ("Links", "Liên kết"),
    "commit": ("Add to the graph", "Thêm vào đồ thị"),
    "discard": ("Discard", "Bỏ qua"),
    "committed": ("Added {docs} document(s): {new} new entities, {merged} merged, {links} links.",
                  "Đã thêm {docs} tài liệu: {new} thực thể mới, {merged} được gộp, {links} liên kết."),
    "unchanged": ("{name}: already in the graph, unchanged.", "{name}: đã có trong đồ thị, không thay đổi."),
    "discarded": ("Nothing was added.", "Không có gì được thêm."),
    "file_error": ("{error}", "{error}"),
    "nothing_read": ("Nothing could be read from these files.", "Không đọc được gì từ các tệp này."),
    "doc_summary": ("{name}: {entities} entities, {links} links", "{name}: {entities} thực thể, {links} liên kết"),
    # cypher
    "cypher_help": ("Read-only: MATCH ... RETURN queries. Anything that writes (CREATE, MERGE, SET, DELETE...) "
                    "is refused before it reaches the database.",
                    "Chỉ đọc: các truy vấn MATCH ... RETURN. Mọi lệnh ghi (CREATE, MERGE, SET, DELETE...) "
                    "bị từ chối trước khi tới cơ sở dữ liệu."),
    "query": ("Query", "Truy vấn"),
    "params": ("Parameters (JSON)", "Tham số (JSON)"),
    "bad_params": ("Parameters must be a JSON object, e.g. {{\"name\": \"Busan\"}}: {error}",
                   "Tham số phải là một đối tượng JSON, ví dụ {{\"name\": \"Busan\"}}: {error}"),
    "run": ("Run", "Chạy"),
    "refused": ("Refused: {error}", "Bị từ chối: {error}"),
    "rows": ("{n} row(s)", "{n} dòng"),
    "truncated": ("Only the first {n} rows are shown.", "Chỉ hiển thị {n} dòng đầu tiên."),
    "as_network": ("Returned entities and links", "Các thực thể và liên kết trả về"),
    "limit": ("Most rows", "Số dòng tối đa"),
}


def lang() -> str:
    """The language chosen in the sidebar (kept in the URL as ``lang``)."""
    value = st.session_state.get("lang") or st.query_params.get("lang") or DEFAULT_LANG
    return value if value in LANGS else DEFAULT_LANG


def t(key: str, **values: object) -> str:
    """The string ``key`` in the current language, formatted with ``values``."""
    en, vi = STRINGS[key]
    text = vi if lang() == "vi" else en
    return text.format(**values) if values else text


def kind_label(kind: str | None) -> str:
    """A node kind as the reader knows it (Vietnamese names for the ontology's labels)."""
    if kind is None:
        return "?"
    return KIND_VI.get(kind, kind) if lang() == "vi" else kind


def type_label(type_: str | None) -> str:
    """A link type in words; the ontology's name stays visible in English for Cypher users."""
    if type_ is None:
        return "?"
    return TYPE_VI.get(type_, type_) if lang() == "vi" else type_


def fixed(options, label) -> Callable[[object], str]:
    """``label`` applied now to every option, as a lookup: a widget's ``format_func``.

    Streamlit may call ``format_func`` outside the page run (``AppTest`` does), where the
    session's language cannot be read; a table made during the run keeps the labels right.
    """
    table = {o: label(o) for o in options}
    return lambda o: table.get(o, str(o))
