"""The one set of filters that projections, exports and queries all take."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Filters:
    """Which part of the graph to look at; None means no restriction.

    Dates compare as ISO strings at the link's own precision, so ``date_from="2024"`` keeps a
    link dated ``2024-08-21`` and one dated ``2024``; links without a date are kept unless a
    date window is given.
    """

    kinds: frozenset[str] | None = None
    types: frozenset[str] | None = None
    status: str | None = None
    date_from: str | None = None
    date_to: str | None = None
    sources: frozenset[str] | None = None
    min_confidence: float = 0.0

    def keeps_link(self, attrs: dict) -> bool:
        """Whether a link with these attributes passes the link filters (ends are checked apart)."""
        if self.types is not None and attrs.get("type") not in self.types:
            return False
        if self.status is not None and attrs.get("status") != self.status:
            return False
        if self.sources is not None and attrs.get("doc") not in self.sources:
            return False
        if (attrs.get("confidence") or 0.0) < self.min_confidence:
            return False
        date = attrs.get("date")
        if self.date_from is not None and (not date or date[: len(self.date_from)] < self.date_from):
            return False
        if self.date_to is not None and (not date or date[: len(self.date_to)] > self.date_to):
            return False
        return True

    def keeps_node(self, attrs: dict) -> bool:
        """Whether a node with these attributes passes the kind filter."""
        return self.kinds is None or attrs.get("kind") in self.kinds
