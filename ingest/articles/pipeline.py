"""Article extraction end to end: files in, one document's entities and links per article out.

Each stage is a module of its own (load, clean, dates, sentences, entities, resolve, links)
so that any one can be replaced without touching the others. One bad or slow file is
reported as skipped with its reason and never stops a batch; a bad manifest stops it before
any file is read (``ManifestError``), since it would misdate every article it names.
"""
from __future__ import annotations

import copy
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

from graph.model import Document, Entity, Link, RecordError, validate_batch, validate_document
from graph.ontology import allows
from ingest.articles.clean import clean
from ingest.articles.dates import after, article_date, find_dates, reference_date
from ingest.articles.entities import Mention, Sentence, article_locality, find_mentions, tokenize
from ingest.articles.links import ArticleContext, LinkReader
from ingest.articles.load import ARTICLE_SUFFIXES, MAX_BYTES, ArticleRejected, load_article
from ingest.articles.manifest import Source, batch_sources
from ingest.articles.resolve import Resolver, candidate, group_mentions
from ingest.articles.sentences import split_sentences

TIME_LIMIT = 20.0  # seconds for one article


class ArticleTimeout(RuntimeError):
    """An article that took longer than the time limit (pathological text)."""


@dataclass
class ArticleResult:
    """One article: its document, entities and links, or the reason it was skipped."""

    path: Path
    document: Document | None = None
    entities: list[Entity] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    skipped: str | None = None
    notes: list[str] = field(default_factory=list)  # e.g. a date line the publication date overrode


@dataclass
class BatchResult:
    """Every article's result, and the entities merged across articles."""

    articles: list[ArticleResult]
    entities: list[Entity]

    @property
    def links(self) -> list[Link]:
        return [link for a in self.articles for link in a.links]

    @property
    def skipped(self) -> list[ArticleResult]:
        return [a for a in self.articles if a.skipped]


def collect_files(paths: Iterable[Path | str]) -> list[Path]:
    """The article files named, with directories expanded (sorted, hidden files left out)."""
    out: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            out += sorted(f for f in p.rglob("*") if f.is_file() and not f.name.startswith(".")
                          and f.suffix.lower() in ARTICLE_SUFFIXES)
        else:
            out.append(p)
    return out


def _refs(mentions: list[Mention], resolver: Resolver) -> dict[tuple[str, ...], str]:
    """Short forms the article (or an earlier one) defined: bracketed acronyms, event names without year."""
    refs: dict[tuple[str, ...], str] = {}
    for m in mentions:
        for alias in m.aliases:
            english = alias.isascii() and len(alias.split()) >= 2 and all(w[:1].isupper() for w in alias.split())
            if (" " not in alias or english) and m.kind != "Person":
                refs[tuple(t.text for t in tokenize(alias))] = m.kind
        if m.kind == "Event" and m.year and m.core and m.core != m.text:
            refs[tuple(t.text for t in tokenize(m.core))] = "Event"
    for e in resolver.entities.values():
        for alias in e.aliases:
            if 3 <= len(alias) <= 12 and alias.isupper() and " " not in alias:
                refs.setdefault((alias,), e.kind)
    return refs


def _dedupe(links: list[Link]) -> list[Link]:
    """One link per (type, ends) in a document: the most confident, with a date if any had one."""
    best: dict[tuple, Link] = {}
    for link in links:
        ends = (link.source, link.target)
        if link.type in ("MET_WITH", "SIGNED_AGREEMENT_WITH", "COOPERATES_WITH"):
            ends = tuple(sorted(ends))
        k = (link.type, *ends)
        prev = best.get(k)
        if prev is None:
            best[k] = link
            continue
        date = prev.date or link.date if prev.status == link.status else None
        if link.confidence > prev.confidence:
            best[k] = prev = link
        prev.date = prev.date or date
    return list(best.values())


def _reference(lines: list[str], source: Source) -> tuple[str | None, int | None, str | None]:
    """The article's reference date, its date line's index, and a note if the line disagreed.

    The publication date from outside wins (``dates.reference_date``); a named edition's year
    is only a guess, used when nothing else is known.
    """
    in_text, date_line = article_date(lines)
    if date_line is None and source.published is not None:
        in_text = None
    date, note = reference_date(in_text, source.published)
    return date, date_line, note


def extract_file(path: Path | str, known: Iterable[Entity] = (), resolver: Resolver | None = None,
                 time_limit: float = TIME_LIMIT, max_bytes: int = MAX_BYTES, ner: bool = False,
                 source: Source | None = None) -> ArticleResult:
    """Read one article into its document, entities and links (or a ``skipped`` reason).

    ``ner`` adds person names found by underthesea's NER (slower; see ``ingest.articles.ner``).
    ``source`` is what is known from outside the text: the publication date that relative
    dates resolve against, and the URL, title and publisher the document keeps.
    """
    path = Path(path)
    source = source or Source()
    resolver = resolver if resolver is not None else Resolver(known)
    deadline = time.monotonic() + time_limit
    try:
        raw = load_article(path, max_bytes)
        lines = raw.text.split("\n")
        date, date_line, note = _reference(lines, source)
        text = clean(raw.text, raw.title, {date_line} if date_line is not None else set())
        sentences = [s for p in text.paragraphs for s in split_sentences(p)]
        if not sentences:
            raise ArticleRejected(f"{path.name}: no article text left after removing page furniture")
        locality = article_locality("\n".join(text.paragraphs))

        def check_time() -> None:
            if time.monotonic() > deadline:
                raise ArticleTimeout(f"{path.name}: took longer than {time_limit:.0f} s")

        def read(refs: dict | None) -> list[tuple[str, list[Mention], list]]:
            last_city: list = []
            out = []
            for s in sentences:
                check_time()
                found, roles = find_mentions(Sentence(s, locality, last_city), refs or {})
                if ner and refs is not None:
                    from ingest.articles.ner import person_mentions

                    found = sorted(found + person_mentions(s, found), key=lambda m: m.start)
                out.append((s, found, roles))
            return out

        first = read(None)
        parsed = read(_refs([m for _, ms, _ in first for m in ms], resolver))
        mentions = [m for _, ms, _ in parsed for m in ms]
        cands, owner = group_mentions(mentions, locality)
        entities: dict[str, Entity] = {}
        for c in cands:
            e = resolver.resolve(c)
            entities[e.id] = e
        places: dict[str, Mention] = {}
        for m in mentions:
            c = owner.get(id(m))
            m.entity = c.id if c is not None else None
            if m.entity and m.locality is not None and m.kind not in ("City", "Country"):
                pname = m.locality.name
                if pname not in places:
                    pm = Mention(0, 0, pname, m.locality.kind, place=m.locality, confidence=0.9)
                    e = resolver.resolve(candidate(pm, None))
                    entities[e.id] = e
                    pm.entity = e.id
                    places[pname] = pm
                m.loc_entity = places[pname]
        # The day the article reports: its first day-date that is not after publication (a later
        # one is a plan, and dating reported links with it would make them look planned).
        day_dates = [iso for s in sentences for _, iso in find_dates(s, date)
                     if len(iso) == 10 and not after(iso, date)]
        ctx = ArticleContext(path.name, date, day_dates[0] if day_dates else date)
        reader = LinkReader(ctx)
        for k, (s, ms, roles) in enumerate(parsed):
            check_time()
            reader.read(s, ms, roles, headline=k == 0 and s == text.title)
        kinds = {eid: e.kind for eid, e in entities.items()}
        links = [link for link in _dedupe(reader.links)
                 if allows(link.type, kinds.get(link.source, ""), kinds.get(link.target, ""))]
        title = source.title or text.title or sentences[0][:120]
        doc = validate_document(Document(path.name, title, str(path), raw.checksum, date, "article",
                                         url=source.url, publisher=source.publisher))
        ents, links = validate_batch([copy.deepcopy(e) for e in entities.values()], links)
        return ArticleResult(path, doc, ents, links, notes=[f"{path.name}: {note}"] if note else [])
    except (ArticleRejected, ArticleTimeout) as exc:
        return ArticleResult(path, skipped=str(exc))
    except (RecordError, OSError, ValueError) as exc:  # one bad file never stops a batch
        return ArticleResult(path, skipped=f"{path.name}: {exc}")


def _filter(result: ArticleResult, min_confidence: float) -> None:
    keep = {e.id for e in result.entities if e.confidence >= min_confidence}
    result.entities = [e for e in result.entities if e.id in keep]
    result.links = [link for link in result.links if link.confidence >= min_confidence
                    and link.source in keep and link.target in keep]


def extract_paths(paths: Iterable[Path | str], known: Iterable[Entity] = (), min_confidence: float = 0.0,
                  progress: bool = True, time_limit: float = TIME_LIMIT, ner: bool = False,
                  manifest: Path | None = None, published: str | None = None) -> BatchResult:
    """Extract every article under ``paths``, resolving entities across articles and against ``known``.

    ``manifest`` (a CSV, see ``ingest.articles.manifest``) and ``published`` (one date for the
    batch) say when the articles were published; both are checked before any article is read
    and raise ``ManifestError`` naming the manifest row or the option.
    """
    files = collect_files(paths)
    sources = batch_sources(files, manifest, published)
    resolver = Resolver(known)
    results: list[ArticleResult] = []
    bar = None
    if progress and len(files) > 1:
        from tqdm import tqdm

        bar = tqdm(total=len(files), unit="article", file=sys.stderr, desc="extract")
    for f in files:
        result = extract_file(f, resolver=resolver, time_limit=time_limit, ner=ner, source=sources.get(f))
        _filter(result, min_confidence)
        results.append(result)
        if bar is not None:
            bar.update(1)
    if bar is not None:
        bar.close()
    used = {e.id for r in results for e in r.entities}
    merged = [copy.deepcopy(e) for eid, e in resolver.entities.items() if eid in used]
    return BatchResult(results, merged)


def _cited(doc: Document | None) -> dict:
    """The article a link cites, for readers of the prediction file: its title, and URL when given."""
    if doc is None:
        return {}
    return {"title": doc.title, **({"url": doc.url} if doc.url else {})}


def to_prediction(batch: BatchResult) -> dict:
    """The batch in the prediction format of ``shared/eval/README.md`` (links also carry their article's title/URL)."""
    docs = {a.document.id: a.document for a in batch.articles if a.document is not None}
    return {
        "documents": [a.document.id for a in batch.articles if a.document is not None],
        "entities": [{"id": e.id, "name": e.name, "kind": e.kind, "aliases": e.aliases,
                      "confidence": e.confidence, **({"properties": e.properties} if e.properties else {})}
                     for e in batch.entities],
        "relations": [{"source": link.source, "target": link.target, "type": link.type,
                       "status": link.status, "date": link.date, "doc": link.doc,
                       "evidence": link.evidence, "confidence": link.confidence, **_cited(docs.get(link.doc)),
                       **({"properties": link.properties} if link.properties else {})}
                      for link in batch.links],
    }
