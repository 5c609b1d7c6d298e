"""Wrong: no 'finished' set, so a node with two parents is listed twice."""


def topological_sort(node, get_children):
    result, on_path = [], set()

    def visit(n):
        if n in on_path:
            raise ValueError("cycle")
        on_path.add(n)
        for child in get_children(n):
            visit(child)
        on_path.remove(n)
        result.append(n)

    visit(node)
    return result
