"""The graph model (ontology, records, ids) and the store that speaks Cypher over Bolt."""
