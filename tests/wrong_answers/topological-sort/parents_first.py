"""Wrong: appends a node before its children (pre-order)."""


def topological_sort(node, get_children):
    result, done, on_path = [], set(), set()

    def visit(n):
        if n in done:
            return
        if n in on_path:
            raise ValueError("cycle")
        on_path.add(n)
        result.append(n)
        for child in get_children(n):
            visit(child)
        on_path.remove(n)
        done.add(n)

    visit(node)
    return result
