"""``ecograph query``: the analytics of ``queries/`` on the stored graph, as table, CSV or JSON.

Every command takes the same filter options (defined once in ``filter_options``) and reads
the graph through ``app.cli.context.projected_graph``. Commands whose answer depends on where
entities are or what they belong to (brokers, communities, brief) read the whole projection
and filter inside the query, so that a ``--type MET_WITH`` filter does not also hide the
LOCATED_IN links that place everyone in a country.
"""
from __future__ import annotations

import functools
import json

import click
import pandas as pd

from app.cli.options import filter_options as link_filters
from graph.filters import Filters
from graph.ontology import KINDS, LINK_TYPES
from queries.wording import kind_word

FORMATS = ("table", "csv", "json")


def _weights(ctx, param, values) -> dict[str, float] | None:
    out = {}
    for item in values:
        name, _, w = item.partition("=")
        if name not in LINK_TYPES:
            raise click.BadParameter(f"{item!r}: unknown link type {name!r}")
        try:
            out[name] = float(w)
        except ValueError:
            raise click.BadParameter(f"{item!r}: weight must be a number, as in MET_WITH=1.5") from None
        if out[name] <= 0:
            raise click.BadParameter(f"{item!r}: weight must be positive")
    return out or None


def filter_options(f):
    """The graph filters, plus direction and link weights; the command gets ``filters``, ``directed``, ``weights``."""
    f = click.option("--weight", "weights", multiple=True, callback=_weights, metavar="TYPE=W",
                     help="Override a link type's weight (default table in queries/weights.py), e.g. "
                          "PARTICIPATED_IN=0.2.")(f)
    f = click.option("--directed", is_flag=True,
                     help="Follow link direction (MET_WITH, SIGNED_AGREEMENT_WITH, COOPERATES_WITH go both ways).")(f)
    return link_filters(f)


def format_option(f):
    return click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True,
                        help="Output as an aligned table, CSV or JSON records.")(f)


#: Items of a list shown in a table cell before "+N more".
CELL_ITEMS = 3
#: Longest text shown in a table cell.
CELL_CHARS = 48


def _cell(value) -> str:
    """One table cell as a reader wants it: lists cut with "+N more", no NaN, no scientific
    notation, long text cut."""
    if isinstance(value, (list, tuple)):
        text = ", ".join(map(str, value[:CELL_ITEMS]))
        text += f" +{len(value) - CELL_ITEMS} more" if len(value) > CELL_ITEMS else ""
    elif value is None or (isinstance(value, float) and value != value):
        return ""
    elif isinstance(value, float):
        text = f"{value:.3f}".rstrip("0").rstrip(".") if value != int(value) else str(int(value))
    else:
        text = str(value)
    return text if len(text) <= CELL_CHARS else text[:CELL_CHARS - 1] + "…"


def readable(df: pd.DataFrame) -> pd.DataFrame:
    """``df`` with every cell as ``_cell`` writes it."""
    return df.astype(object).apply(lambda col: col.map(_cell)) if len(df) else df


def emit(df: pd.DataFrame, fmt: str, *, index: bool = False) -> None:
    """Write ``df`` to stdout in ``fmt``: an aligned table a reader can scan (``readable``),
    CSV (lists joined by "; ") or JSON records (lists kept, NaN as null)."""
    if fmt == "csv":
        flat = df.astype(object).apply(lambda col: col.map(lambda x: "; ".join(map(str, x))
                                                          if isinstance(x, (list, tuple)) else x))
        click.echo(flat.to_csv(index=index), nl=False)
    elif fmt == "json":
        data = (df.reset_index() if index else df).astype(object)
        click.echo(json.dumps(data.where(data.notna(), None).to_dict("records"), ensure_ascii=False, indent=2,
                              default=str))
    elif df.empty:
        click.echo("(no rows)")
    else:
        with pd.option_context("display.max_colwidth", CELL_CHARS + 1, "display.width", 250):
            click.echo(readable(df).to_string(index=index))


def note(message: str) -> None:
    """A message for the user on stderr, so stdout stays machine-readable."""
    click.echo(message, err=True)


def load(filters: Filters, *, whole: bool = False):
    """The projection for ``filters`` (or all of it when ``whole``); exit 1 when it is empty."""
    from app.cli.context import projected_graph

    G = projected_graph(Filters() if whole else filters)
    if G.number_of_nodes() == 0:
        raise click.ClickException("the graph is empty" + ("" if whole else " under these filters")
                                   + "; load articles or datasets first, or relax the filters")
    return G


def answers(f):
    """Turn bad-input exceptions of the queries into a one-line error and exit code 1."""
    @functools.wraps(f)
    def wrapper(*args, **kwargs):
        try:
            return f(*args, **kwargs)
        except (LookupError, ValueError) as e:
            raise click.ClickException(str(e)) from None
    return wrapper


def _top(df: pd.DataFrame, top: int | None) -> pd.DataFrame:
    return df if top is None else df.head(top)


def _pivots(ctx, param, value):
    if value in ("auto", "exact"):
        return value
    try:
        return int(value)
    except ValueError:
        raise click.BadParameter(f"{value!r}: use auto, exact or a number of pivots") from None


PIVOTS = click.option("--pivots", default="auto", show_default=True, callback=_pivots, metavar="auto|exact|N",
                      help="Betweenness (and closeness): exact, or estimated from N sampled nodes "
                           "(Brandes-Pich); auto estimates on graphs too large for exact values.")
SEED = click.option("--seed", type=int, default=0, show_default=True, help="Seed of the pivot sample.")
WIDE = click.option("--wide", is_flag=True, help="Every column in the table, not only those a reader needs.")
TOP = click.option("--top", type=click.IntRange(min=1), default=None, help="Show only the first N rows.")
ONLY = click.option("--only", type=click.Choice(list(KINDS), case_sensitive=False), default=None,
                    help="Report only entities of this kind (measured on the whole filtered graph).")
def _ties(ctx, param, value: str) -> frozenset[str]:
    from queries.weights import route_types

    chosen = frozenset(x.strip() for x in value.split(",") if x.strip())
    try:
        route_types(chosen)
    except ValueError as e:
        raise click.BadParameter(str(e)) from None
    return chosen


TIES = click.option("--ties", default="interaction,affiliation", show_default=True, callback=_ties,
                    metavar="CLASS,...",
                    help="Tie classes a route may use: interaction, affiliation, co-attendance "
                         "(two parties at one event). Place ties (LOCATED_IN) are never a route.")
#: The columns of ``brokers --between`` a reader needs (JSON, CSV and --wide carry them all), with
#: their Vietnamese headings ({a} and {b} are the two places).
BETWEEN_COLUMNS = {"name": "tên", "kind": "loại", "side": "thuộc phía", "role": "vai trò", "reach_a": "số bên ở {a}",
                   "reach_b": "số bên ở {b}", "partners_a": "đối tác ở {a}", "partners_b": "đối tác ở {b}",
                   "last": "gần nhất"}
#: The columns of the brokers table a reader needs (--wide for all).
BROKER_COLUMNS = ["name", "kind", "group", "betweenness", "constraint", "effective_size", "total", "exclusive_pairs"]
#: The words of ``query path``'s table, per language.
PATH_WORDS = {
    "en": {"path": "path {i} ({n} hops):", "introducers": "who can introduce:", "knows": "knows",
           "no_route": "(no known route from the source's side: approach directly)"},
    "vi": {"path": "đường {i} ({n} bước):", "introducers": "ai có thể giới thiệu:", "knows": "có quan hệ với",
           "no_route": "(chưa rõ đường kết nối từ phía mình: liên hệ trực tiếp)"},
}
LANG = click.option("--lang", type=click.Choice(["vi", "en"]), default="en", show_default=True,
                    help="Language of the sentences (link types, dates, roles).")


GROUP_BY = click.option("--by", "group_by", default="country", show_default=True,
                        help="Grouping: country or city (from LOCATED_IN links), kind, or any entity property.")


@click.group("query", context_settings={"help_option_names": ["-h", "--help"]})
def query() -> None:
    """Ask the graph: centrality, brokers, paths, neighbourhoods, communities, timelines, visit briefs.

    Every answer is computed on a projection of the stored graph, after the filters.
    Exit codes: 0 answer (possibly "not connected"), 1 bad input or empty graph, 2 usage error.
    """


@query.command("centrality")
@filter_options
@ONLY
@click.option("--measure", "names", multiple=True,
              type=click.Choice(["degree", "weighted_degree", "betweenness", "closeness", "eigenvector", "pagerank"]),
              help="Compute only these measures (repeat); default all.")
@click.option("--by", default=None, help="Sort by this measure (default: pagerank, or the first --measure).")
@click.option("--engine", type=click.Choice(["auto", "networkx", "igraph"]), default="auto", show_default=True,
              help="Engine for betweenness and closeness; auto uses igraph on large graphs.")
@PIVOTS
@SEED
@TIES
@WIDE
@TOP
@format_option
@answers
def centrality_cmd(filters, directed, weights, only, names, by, engine, pivots, seed, ties, wide, top, fmt):
    """Degree, weighted degree, betweenness, closeness, eigenvector and PageRank, with rank and percentile.

    The table shows names, kinds, the measures and the rank by the sort measure; --wide adds
    ids, every rank and every percentile (JSON and CSV always carry them).
    """
    from queries.centrality import MEASURES, centrality

    names = names or MEASURES
    by = by or ("pagerank" if "pagerank" in names else names[0])
    df = centrality(load(filters), filters, kind=only, directed=directed, weights=weights, names=names,
                    by=by, engine=engine, pivots=pivots, seed=seed, ties=ties)
    emit(_top(df if fmt != "table" or wide else df[[f"{by}_rank", "name", "kind", *names]], top), fmt)


@query.command("brokers")
@filter_options
@GROUP_BY
@ONLY
@click.option("--between", nargs=2, metavar="A B", default=None,
              help='Which bodies and people connect place A and place B (countries or cities), and how '
                   '(e.g. --between "Việt Nam" "Hàn Quốc"); --by does not apply.')
@click.option("--links", "show_links", is_flag=True, help="With --between: list the links behind the answer.")
@click.option("--roles", is_flag=True, help="Brokerage roles in full: counts, expected counts and z-scores.")
@click.option("--cut-points", is_flag=True, help="Bridges and articulation points instead.")
@click.option("--engine", type=click.Choice(["auto", "networkx", "igraph"]), default="auto", show_default=True,
              help="Engine for betweenness.")
@PIVOTS
@SEED
@TIES
@LANG
@WIDE
@TOP
@format_option
@answers
def brokers_cmd(filters, directed, weights, group_by, only, between, show_links, roles, cut_points, engine, pivots,
                seed, ties, lang, wide, top, fmt):
    """Bridging organisations: betweenness, Burt's constraint and effective size, Gould-Fernandez roles.

    Roles (coordinator, itinerant, gatekeeper, representative, liaison) are counted for the
    grouping --by, with z-scores against a random graph of the same density; "exclusive_pairs"
    are the pairs of groups that only this entity connects.
    """
    from queries import brokers as b
    from queries.between import side_brokers
    from queries.cuts import cut_points as find_cuts
    from queries.roles import ROLES

    G = load(filters, whole=True)
    if between:
        res = side_brokers(G, between[0], between[1], filters, ties=ties, weights=weights, lang=lang)
        note(res.message)
        if show_links:
            emit(_top(res.links, top), fmt)
        elif fmt != "table" or wide:
            emit(_top(res.brokers, top), fmt)
        else:
            table = res.brokers[list(BETWEEN_COLUMNS)]
            if lang == "vi":
                a, b = (G.nodes[p].get("name", p) for p in (res.sides.a, res.sides.b))
                table = table.assign(kind=table["kind"].map(lambda k: kind_word(k, lang))).rename(
                    columns={c: h.format(a=a, b=b) for c, h in BETWEEN_COLUMNS.items()})
            emit(_top(table, top), fmt)
    elif cut_points:
        cuts = find_cuts(G, filters, ties=ties)
        note(f"{len(cuts.bridges)} bridges, {len(cuts.articulation_points)} articulation points")
        emit(_top(cuts.articulation_points, top), fmt)
        if fmt == "table":
            click.echo("")
        emit(_top(cuts.bridges, top), fmt)
    elif roles:
        df = b.brokerage_roles(G, group_by, filters, directed=directed, kind=only, ties=ties)
        emit(_top(df if fmt != "table" or wide else df[["name", "kind", "group", *ROLES, "total"]], top), fmt)
    else:
        df = b.brokers(G, group_by, filters, directed=directed, weights=weights, kind=only, engine=engine,
                       pivots=pivots, seed=seed, ties=ties)
        emit(_top(df if fmt != "table" or wide else df[BROKER_COLUMNS], top), fmt)


@query.command("path")
@filter_options
@click.argument("source")
@click.argument("target")
@click.option("-k", "k", type=int, default=1, show_default=True, help="How many shortest simple paths (1-50).")
@click.option("--exclude-type", "exclude_types", multiple=True, type=click.Choice(list(LINK_TYPES)),
              help="Do not walk on links of this type (repeat).")
@click.option("--exclude", "exclude_nodes", multiple=True, help="Do not pass through this entity (repeat).")
@click.option("--weighted", is_flag=True, help="Prefer strong ties (distance 1/weight) over fewest hops.")
@click.option("--top", type=click.IntRange(min=1), default=5, show_default=True, help="Most introducers listed.")
@TIES
@LANG
@format_option
@answers
def path_cmd(filters, directed, weights, source, target, k, exclude_types, exclude_nodes, weighted, top, ties, lang,
             fmt):
    """How SOURCE reaches TARGET (ids, names or aliases), and who can introduce SOURCE to TARGET.

    The shortest path(s) through real ties (never through a city or a country), each hop with
    its date, status and source; then the bodies and people who know TARGET's side, with the
    route to each. CSV holds the hops of the paths; JSON the paths and the introducers.
    """
    from queries.introductions import introductions
    from queries.paths import find_paths

    G = load(filters, whole=True)
    res = find_paths(G, source, target, filters, k=k, exclude_types=exclude_types, exclude_nodes=exclude_nodes,
                     weighted=weighted, weights=weights, directed=directed, ties=ties, lang=lang)
    intro = introductions(G, res.source, res.target, filters, ties=ties, top=top, weights=weights, lang=lang)
    note(res.message)
    note(intro.message)
    if fmt == "csv":
        emit(res.to_frame(), fmt)
    elif fmt == "json":
        frames = {"paths": res.to_frame(), "introducers": intro.to_frame()}
        click.echo(json.dumps({k: v.astype(object).where(v.notna(), None).to_dict("records")
                               for k, v in frames.items()}, ensure_ascii=False, indent=2, default=str))
    else:
        words = PATH_WORDS[lang]
        for i, p in enumerate(res.paths, 1):
            click.echo(words["path"].format(i=i, n=len(p.hops)))
            for h in p.hops:
                click.echo(f"  {h.text}")
        if intro.introducers:
            click.echo(("\n" if res.paths else "") + words["introducers"])
        for i, x in enumerate(intro.introducers, 1):
            click.echo(f"{i}. {x.name} ({kind_word(x.kind, lang)}): {words['knows']} {', '.join(x.knows)}")
            if not x.reachable:
                click.echo(f"   {words['no_route']}")
            for h in x.hops:
                click.echo(f"   - {h.text}")


@query.command("ego")
@filter_options
@click.argument("names", nargs=-1, required=True)
@click.option("--hops", type=int, default=1, show_default=True, help="Neighbourhood radius (1-3).")
@click.option("--budget", type=int, default=100, show_default=True,
              help="Most entities returned, keeping the strongest and most central.")
@format_option
@answers
def ego_cmd(filters, directed, weights, names, hops, budget, fmt):
    """The neighbourhood of NAMES... (ids, names or aliases), and what the budget cut."""
    from queries.ego import ego_network

    res = ego_network(load(filters), names, filters, hops=hops, budget=budget, directed=directed, weights=weights)
    note(res.message)
    emit(res.nodes, fmt)


@query.command("communities")
@filter_options
@click.option("--resolution", type=float, default=1.0, show_default=True, help="Louvain resolution (>1: smaller).")
@click.option("--seed", type=int, default=0, show_default=True, help="Random seed, for repeatable results.")
@click.option("--places", default="country", show_default=True, help="Grouping used to describe places.")
@click.option("--min-size", type=click.IntRange(min=1), default=2, show_default=True,
              help="Leave out communities smaller than this.")
@TOP
@format_option
@answers
def communities_cmd(filters, directed, weights, resolution, seed, places, min_size, top, fmt):
    """Louvain communities with modularity, each described by its largest members, kinds and places."""
    from queries.communities import communities

    if directed:
        note("communities are found on the undirected graph; --directed is ignored")
    res = communities(load(filters, whole=True), filters, weights=weights, resolution=resolution, seed=seed,
                      places=places, min_size=min_size)
    note(f"modularity {res.modularity:.3f}, {len(set(res.membership.values()))} communities")
    emit(_top(res.table, top), fmt)


@query.command("timeline")
@filter_options
@click.option("--entity", default=None, help="Only this entity's links (id, name or alias).")
@click.option("--new-partners", is_flag=True, help="New partners per year instead of links per year and type.")
@format_option
@answers
def timeline_cmd(filters, directed, weights, entity, new_partners, fmt):
    """Links per year and type, or new partners per year, for the whole graph or one entity."""
    from queries.timeline import links_per_year, new_partners_per_year

    G = load(filters)
    if new_partners:
        emit(new_partners_per_year(G, filters, entity=entity), fmt)
    else:
        emit(links_per_year(G, filters, entity=entity), fmt, index=True)


@query.command("brief")
@filter_options
@click.argument("target")
@click.option("--home", required=True, help="The home organisation (id, name or alias).")
@click.option("--lang", type=click.Choice(["vi", "en"]), default="vi", show_default=True,
              help="Language of the whole brief.")
@click.option("--top", type=click.IntRange(min=1), default=10, show_default=True, help="Most introducers listed.")
@click.option("--max-hops", type=click.IntRange(2, 4), default=3, show_default=True,
              help="Longest home-to-target path an intermediary may lie on.")
@click.option("--format", "fmt", type=click.Choice(["markdown", "json"]), default="markdown", show_default=True,
              help="Markdown for reading, JSON for tools.")
@TIES
@answers
def brief_cmd(filters, directed, weights, target, home, lang, top, max_hops, fmt, ties):
    """Visit brief for a delegation of --home to TARGET (a city, body or event).

    Target-side actors by kind with people and titles, existing links with sources, planned
    links, and the best intermediaries with the reason for each.
    """
    from queries.brief import to_json, to_markdown, visit_brief

    b = visit_brief(load(filters, whole=True), target, home, filters, top=top, max_hops=max_hops, weights=weights,
                    ties=ties, lang=lang)
    if fmt == "json":
        click.echo(json.dumps({"lang": lang, **to_json(b)}, ensure_ascii=False, indent=2, default=str))
    else:
        click.echo(to_markdown(b), nl=False)
