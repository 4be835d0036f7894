"""The words answers are written in, English or Vietnamese: link types, kinds, roles, dates.

A delegation reads a brief in one language; a raw type name (``MET_WITH``) or an English word
in a Vietnamese brief is a word it cannot use. Every sentence the queries write (a link, a
role, a date) takes its words from here, and ``app.web.i18n`` shows the same words on the
pages. Entity names and article titles are never translated.
"""
from __future__ import annotations

LANGS = ("en", "vi")

KIND_VI = {"Country": "Quốc gia", "City": "Thành phố/Tỉnh", "Agency": "Cơ quan nhà nước", "Park": "Khu công nghệ",
           "Fund": "Quỹ đầu tư", "Startup": "Startup", "Organization": "Tổ chức", "Event": "Sự kiện",
           "Program": "Chương trình", "Person": "Cá nhân"}
TYPE_VI = {"LOCATED_IN": "đặt tại", "PART_OF": "trực thuộc", "HOLDS_ROLE": "giữ chức vụ", "MET_WITH": "làm việc với",
           "VISITED": "đến thăm", "SIGNED_AGREEMENT_WITH": "ký kết với", "COOPERATES_WITH": "hợp tác với",
           "ORGANIZED": "tổ chức", "PARTICIPATED_IN": "tham gia", "RUNS": "vận hành", "SUPPORTS": "hỗ trợ",
           "INVESTED_IN": "đầu tư vào", "FOUNDED": "sáng lập", "ACQUIRED": "mua lại"}
#: Gould-Fernandez roles (``queries.roles.ROLES``) in Vietnamese.
ROLE_VI = {"coordinator": "điều phối nội bộ", "itinerant": "trung gian từ bên ngoài", "gatekeeper": "gác cổng",
           "representative": "đại diện", "liaison": "cầu nối hai bên"}
#: Words of the sentences: key -> (English, Vietnamese).
WORDS = {
    "undated": ("undated", "chưa rõ ngày"),
    "planned": ("planned", "dự kiến"),
    "source": ("source", "nguồn"),
    "unknown_source": ("unknown source", "nguồn không rõ"),
    "more": ("more", "mục khác"),
    "paths_found": ("{n} path(s) between {a} and {b}; hops: {hops}", "{n} đường giữa {a} và {b}; số bước: {hops}"),
    "fewer_paths": (" (only {n} of the {k} asked for exist)", " (chỉ có {n} trong {k} đường được yêu cầu)"),
    "not_connected": ("{a} and {b} are not connected under these filters",
                      "{a} và {b} chưa kết nối với nhau theo bộ lọc này"),
    "introducers_found": ("{n} introducer(s) know {b}'s side; {r} of them are within {h} tie(s) of {a}'s side",
                          "{n} đơn vị/cá nhân có quan hệ với phía {b}; {r} trong số đó cách phía {a} "
                          "không quá {h} mối quan hệ"),
    "no_introducers": ("no body or person outside {a}'s side is known to have ties to {b}",
                       "chưa thấy đơn vị hay cá nhân nào ngoài phía {a} có quan hệ với {b}"),
    "brokers_found": ("{n} broker(s) connect {a} and {b}", "{n} đơn vị/cá nhân kết nối {a} và {b}"),
    "no_brokers": ("no body or person has ties to both {a} and {b}",
                   "chưa có đơn vị hay cá nhân nào có quan hệ với cả {a} và {b}"),
}
#: Letters only Vietnamese writes (lower case): a text holding one is Vietnamese.
VI_LETTERS = frozenset("ăâđêôơưáàảãạấầẩẫậắằẳẵặéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ")


def check_lang(lang: str) -> None:
    """Raise ValueError unless ``lang`` is one of ``LANGS``."""
    if lang not in LANGS:
        raise ValueError(f"lang must be one of {', '.join(LANGS)}, not {lang!r}")


def word(key: str, lang: str) -> str:
    """The word ``key`` of ``WORDS`` in ``lang``."""
    return WORDS[key][LANGS.index(lang)]


def say(key: str, lang: str, **values: object) -> str:
    """The sentence ``key`` of ``WORDS`` in ``lang`` with ``values`` filled in."""
    return word(key, lang).format(**values)


def written_in(text: str, lang: str) -> bool:
    """Whether ``text`` (a quoted sentence of a source) is in ``lang``, judged by its letters:
    Vietnamese if it holds a letter only Vietnamese writes, English otherwise."""
    vietnamese = any(c in VI_LETTERS for c in text.lower())
    return vietnamese == (lang == "vi")


def type_word(type_: str | None, lang: str) -> str:
    """A link type as ``lang`` writes it: the type name in English, a verb phrase in Vietnamese."""
    return TYPE_VI.get(type_ or "", type_ or "?") if lang == "vi" else type_ or "?"


def kind_word(kind: str | None, lang: str) -> str:
    """An entity kind in ``lang``."""
    return KIND_VI.get(kind or "", kind or "?") if lang == "vi" else kind or "?"


def role_word(role: str, lang: str) -> str:
    """A role or roles joined by ``/`` (``queries.roles.main_role``) in ``lang``."""
    return "/".join(ROLE_VI.get(r, r) for r in role.split("/")) if lang == "vi" and role else role


def date_word(date: str | None, lang: str) -> str:
    """An ISO date at its own precision (``2024``, ``2024-08``, ``2024-08-21``) as ``lang`` writes
    it: unchanged in English, ``21/08/2024``, ``08/2024`` or ``2024`` in Vietnamese."""
    if not date:
        return word("undated", lang)
    return "/".join(reversed(date.split("-"))) if lang == "vi" else date


def more_word(n: int, lang: str) -> str:
    """``+N more`` in ``lang``."""
    return f"+{n} {word('more', lang)}"
