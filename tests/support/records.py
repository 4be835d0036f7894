"""Lookups the dataset tests share over a batch's records."""
from __future__ import annotations


def entities(batch) -> dict:
    return {e.id: e for e in batch.entities}


def links_to(batch, target: str, type_: str) -> list:
    return [x for x in batch.links if x.target == target and x.type == type_]
