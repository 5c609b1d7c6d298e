"""Room: Topological sort.

List every node reachable from `node`, each after all of its children, `node` last.
"""

from collections.abc import Callable, Hashable


def topological_sort(node: Hashable, get_children: Callable) -> list:
    """Return the nodes reachable from `node` (itself included), each exactly once,
    every node after all of its children; so `node` comes last.

    get_children(n) returns the children of n (any iterable of nodes).
    Raise ValueError if the graph reachable from `node` has a cycle.

    Example: x -> y -> z (x's child is y, y's child is z): [z, y, x].
    """
    raise NotImplementedError
