"""Deciding whether a typed Cypher query only reads, by parsing it.

The app's console runs what a user types. A keyword search would refuse ``RETURN 'CREATE'``
and miss a write hidden behind odd spacing or a comment; a parser sees clauses. The
openCypher grammar of ``antlr4-cypher`` is used as a whitelist: a query must parse as a
whole, contain no updating clause (CREATE, MERGE, SET, DELETE, REMOVE), and call only the
read-only procedures listed here. Whatever the grammar does not know (LOAD CSV, FOREACH,
CALL subqueries, schema and admin commands, several statements) does not parse and is
refused too. The store also runs an accepted query in a transaction it rolls back, because
ArcadeDB does not refuse writes in read transactions (see ``graph.dialect``).
"""
from __future__ import annotations

from antlr4 import CommonTokenStream, InputStream
from antlr4.error.ErrorListener import ErrorListener
from antlr4.tree.Tree import ParseTree, TerminalNode
from antlr4_cypher import CypherLexer, CypherParser

MAX_LENGTH = 5000

#: Procedures a read-only console may call.
READ_PROCEDURES = frozenset({
    "db.labels", "db.relationshiptypes", "db.propertykeys", "db.schema.visualization",
    "db.schema.nodetypeproperties", "db.schema.reltypeproperties", "dbms.components",
})
_UPDATING = ("updatingStatement", "createSt", "mergeSt", "setSt", "deleteSt", "removeSt")
_FUNCTION_NAMESPACES_REFUSED = ("apoc.", "dbms.", "db.", "gds.")


class WriteRefused(ValueError):
    """A query the console will not run; the message says why."""


class _Errors(ErrorListener):
    def __init__(self) -> None:
        self.first: str | None = None

    def syntaxError(self, recognizer, offending, line, column, msg, e) -> None:  # noqa: N802 (ANTLR's name)
        if self.first is None:
            self.first = f"line {line}, column {column + 1}: {msg}"


def _rule(node: ParseTree) -> str:
    return CypherParser.ruleNames[node.getRuleIndex()]


def _walk(node: ParseTree):
    stack = [node]
    while stack:
        n = stack.pop()
        if isinstance(n, TerminalNode):
            continue
        yield n
        stack.extend(n.getChildren())


def _invoked(node: ParseTree) -> str:
    """The procedure or function name a CALL or an invocation node names."""
    for child in node.getChildren():
        if not isinstance(child, TerminalNode) and _rule(child) == "invocationName":
            return child.getText()
    return "?"


def _first_word(node: ParseTree) -> str:
    for n in _walk(node):
        for child in n.getChildren():
            if isinstance(child, TerminalNode) and child.getText().strip():
                return child.getText().upper()
    return "?"


def check_read_only(query: str) -> None:
    """Raise ``WriteRefused`` unless ``query`` is a single query that only reads."""
    if not query.strip():
        raise WriteRefused("the query is empty")
    if len(query) > MAX_LENGTH:
        raise WriteRefused(f"the query is longer than {MAX_LENGTH} characters")
    errors = _Errors()
    lexer = CypherLexer(InputStream(query))
    parser = CypherParser(CommonTokenStream(lexer))
    for part in (lexer, parser):
        part.removeErrorListeners()
        part.addErrorListener(errors)
    tree = parser.script()
    if errors.first is not None:
        raise WriteRefused(f"only single read queries (MATCH ... RETURN) are accepted; this one "
                           f"is not one ({errors.first})")
    for node in _walk(tree):
        rule = _rule(node)
        if rule in _UPDATING:
            raise WriteRefused(f"the console only reads: {_first_word(node)} changes the graph")
        if rule in ("standaloneCall", "queryCallSt"):
            name = _invoked(node)
            if name.lower() not in READ_PROCEDURES:
                raise WriteRefused(f"the console only calls read-only procedures "
                                   f"({', '.join(sorted(READ_PROCEDURES))}), not {name}")
        if rule == "functionInvocation" and _invoked(node).lower().startswith(_FUNCTION_NAMESPACES_REFUSED):
            raise WriteRefused(f"the console does not call the function {_invoked(node)}")
