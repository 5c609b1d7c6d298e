"""Reference solution: topological_sort (depth-first search with two marks)."""

from collections.abc import Callable, Hashable


def topological_sort(node: Hashable, get_children: Callable) -> list:
    """Return the nodes reachable from `node`, every node after all of its children."""
    result: list = []
    done: set = set()       # finished: already in result
    on_path: set = set()    # being visited: on the current path from `node`

    def visit(n: Hashable) -> None:
        if n in done:
            return
        if n in on_path:
            raise ValueError("the graph has a cycle")
        on_path.add(n)
        for child in get_children(n):
            visit(child)
        on_path.remove(n)
        done.add(n)
        result.append(n)

    visit(node)
    return result
