"""Analytics over a networkx projection of the graph: plain functions, explained answers."""
