"""Word lists a reader of Vietnamese ecosystem news carries in their head.

Everything the extractor knows about the language lives here, as data, so that a new title or
cue is one line in one list and the rules in ``entities`` and ``links`` stay general; places
come from ``ingest.gazetteer``.
Nothing here names a body, person or event of any particular article.
"""
from __future__ import annotations

import csv
from importlib import resources

from ingest.gazetteer import LOCALITY_PREFIXES, NOT_PLACES, PLACES, Place

# The gazetteer (places, regions that are not places, locality prefixes) lives in
# ``ingest.gazetteer``, shared with the dataset and import loaders; it is re-exported here so
# that the rules keep reading every word list from one module.
__all__ = ["LOCALITY_PREFIXES", "NOT_PLACES", "PLACES", "Place"]

#: The country of a national office held by a Vietnamese name ("Thủ tướng Nguyễn Văn A").
HOME_COUNTRY = "Việt Nam"

#: Words for a language: "tiếng Anh" is English, not the United Kingdom.
LANGUAGE_WORDS = frozenset({"tiếng", "ngôn ngữ", "văn"})

#: Abbreviations read as their expansion when names are compared and canonical names built.
ABBREVIATIONS: dict[str, str] = {
    "KH&CN": "Khoa học và Công nghệ",
    "KHCN": "Khoa học và Công nghệ",
    "KH-CN": "Khoa học và Công nghệ",
    "GD&ĐT": "Giáo dục và Đào tạo",
    "GDĐT": "Giáo dục và Đào tạo",
    "KH&ĐT": "Kế hoạch và Đầu tư",
    "KHĐT": "Kế hoạch và Đầu tư",
    "TT&TT": "Thông tin và Truyền thông",
    "TTTT": "Thông tin và Truyền thông",
    "LĐ-TB&XH": "Lao động - Thương binh và Xã hội",
    "VH-TT&DL": "Văn hóa, Thể thao và Du lịch",
    "TN&MT": "Tài nguyên và Môi trường",
    "NN&PTNT": "Nông nghiệp và Phát triển nông thôn",
    "GTVT": "Giao thông vận tải",
    "ĐMST": "Đổi mới sáng tạo",
    "KNST": "Khởi nghiệp sáng tạo",
    "CNTT": "Công nghệ thông tin",
    "CNC": "Công nghệ cao",
    "UBND": "Ủy ban nhân dân",
    "T.Ư": "Trung ương",
    "TƯ": "Trung ương",
    "TW": "Trung ương",
    "LHTN": "Liên hiệp Thanh niên",
    "LHPN": "Liên hiệp Phụ nữ",
    "KH&KT": "Khoa học và Kỹ thuật",
    "TNCS": "Thanh niên Cộng sản",
    "QLDA": "Quản lý dự án",
    "HĐND": "Hội đồng nhân dân",
    "BQL": "Ban quản lý",
    "KKT": "Khu kinh tế",
    "KCN": "Khu công nghiệp",
    "KCNC": "Khu công nghệ cao",
    "ĐH": "Đại học",
    "ĐHQG": "Đại học Quốc gia",
    "DN": "doanh nghiệp",
    "DNNVV": "doanh nghiệp nhỏ và vừa",
}

# Head nouns of named bodies, longest first within each kind when matched.
AGENCY_HEADS = (
    "Ủy ban nhân dân", "Uỷ ban nhân dân", "UBND", "Hội đồng nhân dân", "Hội đồng Nhân dân", "HĐND",
    "Thành ủy", "Thành uỷ", "Tỉnh ủy", "Tỉnh uỷ", "Thành Đoàn", "Thành đoàn", "Tỉnh Đoàn",
    "Tỉnh đoàn", "Bộ Chính trị", "Chính phủ", "Quốc hội", "Trung ương Đoàn", "T.Ư Đoàn", "TW Đoàn",
    "Trung ương Đảng", "T.Ư Đảng", "Ban Tổ chức", "Sở", "Bộ", "Tổng cục", "Cục",
    "Chi cục", "Vụ", "Phòng", "phòng", "Ban quản lý", "Ban Quản lý", "BQL", "Văn phòng", "Đại sứ quán",
    "Tổng Lãnh sự quán", "Tổng lãnh sự quán", "Lãnh sự quán", "Cơ quan", "Ủy ban", "Uỷ ban",
    "Đảng", "Ban",
)
#: Agency heads that are the body of a locality and take the article's locality when none is written.
LOCAL_HEADS = frozenset({
    "Ủy ban nhân dân", "Uỷ ban nhân dân", "UBND", "Hội đồng nhân dân", "Hội đồng Nhân dân", "HĐND",
    "Thành ủy", "Thành uỷ", "Tỉnh ủy", "Tỉnh uỷ", "Thành Đoàn", "Thành đoàn", "Tỉnh Đoàn",
    "Tỉnh đoàn", "Sở",
})
#: Heads that are a complete name on their own (no further words needed).
STANDALONE_HEADS = frozenset({
    "Ủy ban nhân dân", "Uỷ ban nhân dân", "UBND", "Hội đồng nhân dân", "Hội đồng Nhân dân", "HĐND",
    "Thành ủy", "Thành uỷ", "Tỉnh ủy", "Tỉnh uỷ", "Thành Đoàn", "Thành đoàn", "Tỉnh Đoàn",
    "Tỉnh đoàn", "Bộ Chính trị", "Chính phủ", "Quốc hội", "Trung ương Đoàn", "T.Ư Đoàn", "TW Đoàn",
    "Trung ương Đảng", "T.Ư Đảng",
})
#: Management boards, whose name may run over several zones ("... và các khu công nghiệp ...").
BOARD_HEADS = frozenset({"Ban quản lý", "Ban Quản lý", "BQL"})
#: Heads named by the bodies they unite: "Liên hiệp các Hội ...", "Ban Quản lý các khu công nghiệp ...".
FEDERATION_HEADS = BOARD_HEADS | {"Liên hiệp", "Liên đoàn", "Hiệp hội", "Liên minh"}
#: National bodies: written with Việt Nam after them or not, they are one body ("Chính phủ Việt Nam").
NATIONAL_HEADS = frozenset({"Chính phủ", "Quốc hội", "Bộ Chính trị", "Bộ", "Đảng"})
#: Words of a clause, never of a body's name: a lower-case name stops before them.
CLAUSE_WORDS = frozenset({"này", "đó", "đã", "sẽ", "đang", "được", "bị", "là", "có", "cho", "vừa", "cũng",
                          "không", "thì", "mà", "nhưng", "khi", "nên", "rằng", "vẫn", "đều", "do", "bởi"})
#: Acronyms of common nouns, never a name: "doanh nghiệp FDI", "dự án ODA".
GENERIC_ACRONYMS = frozenset({"FDI", "ODA", "IPO", "CEO", "CTO", "CFO", "GDP", "GRDP", "PPP", "SME", "SMEs", "AI",
                              "IoT", "ICT", "R&D", "PCI", "PAPI", "USD", "VND", "EUR", "KPI", "MoU", "MOU", "B2B",
                              "B2C", "CNTT", "ĐMST", "KNST", "HĐQT", "NĐ-CP", "QĐ-TTg", "OCOP"})
#: Capitalised names that every event or body has, not a body of their own.
GENERIC_NAMES = frozenset({"Ban Tổ chức", "Ban tổ chức", "Ban Giám khảo", "Ban giám khảo", "Ban Thư ký",
                           "Ban Điều hành", "Ban Chỉ đạo", "Ban Cố vấn", "Ban Giám đốc", "Ban Lãnh đạo"})
#: Heads written with or without a word before them that adds nothing ("Trường Đại học X" = "Đại học X").
HEAD_VARIANTS: dict[str, str] = {"Trường Đại học": "Đại học", "Trường đại học": "Đại học",
                                 "trường Đại học": "Đại học", "trường đại học": "Đại học", "ĐH": "Đại học"}
#: Places named like bodies that are only where something happens.
VENUES = ("Trung tâm Hành chính", "Trung tâm hành chính", "Trung tâm Hội nghị", "Cung Văn hóa", "Nhà Văn hóa")
#: Divisions: parts of a larger body (PART_OF the body named around them).
DIVISION_HEADS = frozenset({"Phòng", "phòng", "Vụ", "Cục", "Chi cục", "Ban", "Văn phòng"})

ORG_HEADS = (
    "Trung tâm", "Viện", "Trường Đại học", "Trường đại học", "Đại học", "Học viện", "Hiệp hội",
    "Hội Liên hiệp",
    "Câu lạc bộ", "Liên minh", "Mạng lưới", "Tổ chức", "Tập đoàn", "Tổng công ty", "Công ty",
    "Liên hiệp", "Liên đoàn",
    "Vườn ươm", "Ngân hàng", "Hội",
)
FUND_HEADS = ("Quỹ",)
PARK_HEADS = (
    "Công viên công nghệ", "công viên công nghệ", "Công viên phần mềm", "công viên phần mềm",
    "Khu công nghệ cao", "khu công nghệ cao", "Khu công nghiệp", "khu công nghiệp", "KCN",
    "Khu công nghệ thông tin tập trung", "Khu chế xuất", "Khu kinh tế", "KKT", "KCNC",
)
#: Common nouns written before a company's own name: "startup MoMo", "quỹ đầu tư mạo hiểm ThinkZone".
DESCRIPTORS = (
    ("startup", "Startup"), ("công ty khởi nghiệp", "Startup"), ("doanh nghiệp khởi nghiệp", "Startup"),
    ("nền tảng khởi nghiệp", "Startup"), ("quỹ đầu tư mạo hiểm", "Fund"), ("quỹ đầu tư", "Fund"),
    ("quỹ", "Fund"), ("nhà đầu tư", "Fund"), ("chương trình", "Program"),
    ("trung tâm khởi nghiệp", "Organization"), ("trung tâm đổi mới sáng tạo", "Organization"), ("vườn ươm", "Organization"), ("tổ chức ươm tạo", "Organization"),
    ("trường đại học", "Organization"), ("tập đoàn", "Organization"), ("công ty", "Organization"),
    ("doanh nghiệp", "Organization"), ("hãng hàng không", "Organization"), ("hãng", "Organization"),
    ("ngân hàng", "Organization"), ("sàn", "Organization"), ("sàn chứng khoán", "Organization"),
)

#: Words that open a list of names after a common noun ("các doanh nghiệp như A, B và C").
LIST_INTRODUCERS = frozenset({"như", "gồm", "là", ":"})
#: Words joining the names of a list.
LIST_JOINERS = frozenset({"và", "hay", "hoặc", "cùng"})

#: Nationality words that follow a common noun without naming anything ("startup Việt").
NATIONALITIES = frozenset("Việt Hàn Nhật Trung Mỹ Thái Lào Pháp Đức Anh Nga Ấn Úc Israel Singapore".split())

#: English heads written after the proper name: "Chungbuk Technopark".
PARK_SUFFIXES = ("Technopark", "Techno Park", "Science Park", "Hi-Tech Park", "Software Park")
EVENT_HEADS = (
    "Lễ hội", "lễ hội", "Diễn đàn", "diễn đàn", "Hội nghị", "hội nghị", "Hội thảo", "hội thảo",
    "Tuần lễ", "tuần lễ", "Cuộc thi", "cuộc thi", "Triển lãm", "triển lãm", "Hội chợ", "hội chợ",
    "Ngày hội", "ngày hội", "Chợ công nghệ", "Techfest", "TECHFEST", "Techmart", "Festival",
    "Summit", "Hackathon",
)
#: Event heads that name a known series even with nothing after them.
SERIES_HEADS = frozenset({"Techfest", "TECHFEST", "Techmart"})
PROGRAM_HEADS = (
    "Đề án", "đề án", "Chương trình", "Kế hoạch", "Nghị quyết", "Nghị định", "Quyết định",
    "Thông tư", "Luật", "Chiến lược", "Nền tảng", "nền tảng", "Cổng thông tin", "cổng thông tin",
    "Sàn giao dịch công nghệ", "Dự án",
)

#: Lower-case words (whole terms, not syllables) that may continue a body, event or programme name:
#: "Trung tâm Hỗ trợ khởi nghiệp sáng tạo", "nền tảng trực tuyến thúc đẩy hoạt động đổi mới sáng tạo".
DOMAIN_TERMS = tuple(t.lower() for t in """
khoa học|công nghệ|đổi mới|sáng tạo|khởi nghiệp|phát triển|sở hữu|trí tuệ|quản lý|đầu tư|kinh tế|tự do
thế giới|quốc gia|quốc tế|nhân dân|thông tin|truyền thông|hỗ trợ|đào tạo|giáo dục|kế hoạch|doanh nghiệp
nghiên cứu|công nghệ cao|cao|phần mềm|số|chuyển đổi số|chuyển đổi|năng lượng|tài chính|ngân hàng|xúc tiến
thương mại|ươm tạo|dịch vụ|hợp tác|vốn|mạo hiểm|hệ sinh thái|sinh thái|trực tuyến|thúc đẩy|hoạt động
tiêu chuẩn|đo lường|chất lượng|ứng dụng|kỹ thuật|kĩ thuật|công nghiệp|nông nghiệp|y tế|môi trường
tài nguyên|lao động|xã hội|văn hóa|văn hoá|thể thao|du lịch|giao thông|vận tải|xây dựng|nội vụ|ngoại vụ
tư pháp|doanh nhân|trẻ|sinh viên|nhỏ và vừa|toàn cầu|châu Á|châu Âu|khu vực|địa phương|mở|thị trường
nhân lực|tài năng|chuyên gia|bán dẫn|trí tuệ nhân tạo|xanh|bền vững|thông minh|đô thị|cấp|hệ thống
chính sách|thường niên|lần thứ|mạng lưới|liên kết|kết nối|cung cầu|trung tâm|điều hành|tăng tốc|đại học
chiến lược|tự động hóa|dữ liệu|điện tử|công thương|cổ phần|trách nhiệm hữu hạn|xuất nhập khẩu|sản xuất
chế tạo|nhà nước|logistics|tỉnh|thành phố
trao đổi|bách khoa|thiên thần|sinh học|học thuật|giao lưu
""".replace("\n", "|").strip("|").split("|"))
#: Terms that continue an event's descriptive name only ("hội nghị kết nối giữa doanh nghiệp ...").
EVENT_TERMS = ("kết nối", "cung cầu", "giao thương", "đối tác", "doanh nghiệp", "giao lưu", "xúc tiến")

#: Titles that precede a body ("Phó Giám đốc Sở ...") or a name ("Phó Chủ tịch UBND TP X Lê Văn A").
def read_table(name: str) -> list[dict[str, str]]:
    """The rows of ``data/NAME.tsv``: ``#`` lines are comments, the first other line the header."""
    text = resources.files("ingest.articles").joinpath("data", f"{name}.tsv").read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


def _title_forms(title: str) -> set[str]:
    """A title as written, with its later words also in lower case ("Phó chủ tịch", "Tổng giám đốc")."""
    first, *rest = title.split(" ")
    return {title, " ".join([first] + [w.lower() if not w.isupper() else w for w in rest])}


#: Title -> where it is held: "body" (the body named after it) or "country" (a national office).
TITLE_HOLDS: dict[str, str] = {form: row["holds_at"] for row in read_table("titles")
                               for form in _title_forms(row["title"])}
#: Titles that precede a body ("Phó Giám đốc Sở ...") or a name, longest first.
TITLES = tuple(sorted(TITLE_HOLDS, key=len, reverse=True))

HONORIFICS = ("ông", "bà", "Ông", "Bà", "ngài", "Ngài", "TS.", "ThS.", "PGS.", "GS.",
              "PGS.TS", "GS.TS", "TS", "ThS", "Mr.", "Ms.", "Mrs.", "Dr.")

#: Vietnamese family names: a run of capitalised syllables after a title starts a name with one.
SURNAMES = frozenset("""
Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý Đào Đoàn Vương Trịnh
Trương Lâm Phùng Mai Tô Hà Đinh Lương Lưu Tạ Châu Quách Cao Thái Kiều Khổng Triệu Mạc Văn La
Tăng Đàm Chu Ông Từ Thân Nghiêm Âu Lại Giang Tôn Lò Kim Mã
""".split())

#: Capitalised words that open a sentence or clause and are never part of a name.
NOT_NAME_WORDS = frozenset("""
Tại Theo Trong Với Về Từ Đến Sau Trước Khi Ngoài Đây Đó Này Các Những Một Hai Ba Bốn Năm Sáu
Bảy Tám Chín Mười Ông Bà Cũng Còn Và Nhưng Tuy Nếu Vì Do Để Được Là Có Thông Chia Phát
Cho Nhằm Hiện Đặc Đồng Thống Mỗi Mới Ngày Tháng Sáng Chiều Tối Trưa Hôm Thứ Chủ Phó Giám
""".split())
