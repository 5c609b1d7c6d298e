"""Wrong: one visited set marked on entry; a cycle is silently ignored."""


def topological_sort(node, get_children):
    result, seen = [], set()

    def visit(n):
        if n in seen:
            return
        seen.add(n)
        for child in get_children(n):
            visit(child)
        result.append(n)

    visit(node)
    return result
