"""The cue tables: every row names ontology types and kinds, and the status words do what they say."""
from __future__ import annotations

from graph.ontology import KINDS, LINK_TYPES
from ingest.articles.cues import relation_cues, status_cues


def test_every_relation_cue_uses_ontology_types_and_kinds():
    cues = relation_cues()
    assert len(cues) >= 15
    for cue in cues:
        assert cue.type in LINK_TYPES, cue
        assert cue.subjects and cue.subjects <= set(KINDS), cue
        assert cue.objects and cue.objects <= set(KINDS), cue
        assert cue.reach > 0 and 0 < cue.confidence <= 1, cue
        assert cue.status in ("", "done", "planned"), cue


def test_status_words_match_whole_words_only():
    cues = status_cues()
    assert cues.modal.search("Hai bên sẽ ký kết")
    assert not cues.modal.search("sẽsàng")
    assert cues.past.search("đã làm việc") and cues.past_time.search("tháng 5 vừa qua")
    assert cues.plan.search("kế hoạch hợp tác") and cues.invite.search("đã mời đoàn sang thăm")
