"""Cases for topological_sort: a chain, a node with no children, branching, a diamond,
a unique order through a rejoining edge, cycles, and a random DAG checked for validity."""

import random

from arena_dungeon.testing import call, describe, fail


class Node:
    def __init__(self, name, *children):
        self.name = name
        self.children = list(children)

    def __repr__(self):
        return self.name


def _children(n):
    return n.children


def _names(nodes):
    return "[" + ", ".join(getattr(n, "name", describe(n)) for n in nodes) + "]"


def _sort(room, node, label):
    got = call(room.topological_sort, node, _children)
    if not isinstance(got, list):
        fail(f"topological_sort({label}) returned {describe(got)}, expected a list",
             kind="type")
    return got


def _reachable(node):
    seen, stack = set(), [node]
    while stack:
        n = stack.pop()
        if n not in seen:
            seen.add(n)
            stack.extend(n.children)
    return seen


def _check_valid(got, node, label):
    """Every reachable node once, no other node, children before parents, node last."""
    where = f"topological_sort({label}) = {_names(got)}" if len(got) <= 12 else \
        f"topological_sort({label})"
    counts = {}
    for n in got:
        counts[n] = counts.get(n, 0) + 1
    twice = [n for n, c in counts.items() if c > 1]
    if twice:
        fail(f"{where}: listed more than once: {_names(twice[:3])}; each node belongs "
             "in the list exactly once", kind="value")
    reach = _reachable(node)
    missing = [n for n in reach if n not in counts]
    if missing:
        fail(f"{where}: missing {_names(sorted(missing, key=lambda n: n.name)[:3])}",
             kind="value")
    extra = [n for n in got if n not in reach]
    if extra:
        fail(f"{where}: {_names(extra[:3])} cannot be reached from {node.name}",
             kind="value")
    pos = {n: i for i, n in enumerate(got)}
    for n in got:
        for c in n.children:
            if pos[c] > pos[n]:
                fail(f"{where}: {n.name} comes before its child {c.name}; every node must "
                     "come after all of its children", kind="value")
    if got[-1] is not node:
        fail(f"{where}: the last node is {got[-1].name}, expected {node.name}", kind="value")


def test_chain(room):
    """x -> y -> z: [z, y, x]."""
    z = Node("z")
    y = Node("y", z)
    x = Node("x", y)
    got = _sort(room, x, "x -> y -> z")
    if got != [z, y, x]:
        fail(f"topological_sort(x -> y -> z) returned {_names(got)}, expected [z, y, x]",
             kind="value")


def test_no_children(room):
    """A lone node: [node]."""
    a = Node("a")
    got = _sort(room, a, "a lone node a")
    if got != [a]:
        fail(f"topological_sort(a lone node) returned {_names(got)}, expected [a]",
             kind="value")


def test_branching(room):
    """w -> x -> z and w -> y: any valid order of the four nodes."""
    z = Node("z")
    x, y = Node("x", z), Node("y")
    w = Node("w", x, y)
    _check_valid(_sort(room, w, "w -> x -> z, w -> y"), w, "w -> x -> z, w -> y")


def test_diamond_lists_shared_node_once(room):
    """w -> x, w -> y, x -> z, y -> z: z reached twice, listed once."""
    z = Node("z")
    x, y = Node("x", z), Node("y", z)
    w = Node("w", x, y)
    label = "w -> x, w -> y, x -> z, y -> z"
    _check_valid(_sort(room, w, label), w, label)


def test_rejoining_has_one_answer(room):
    """w -> z, w -> x, x -> y, y -> z: only [z, y, x, w] is valid."""
    z = Node("z")
    y = Node("y", z)
    x = Node("x", y)
    w = Node("w", z, x)
    label = "w -> z, w -> x, x -> y, y -> z"
    got = _sort(room, w, label)
    _check_valid(got, w, label)
    if got != [z, y, x, w]:
        fail(f"topological_sort({label}) returned {_names(got)}, expected [z, y, x, w]",
             kind="value")


def test_cycle_raises(room):
    """a -> b -> c -> b, and a self-loop s -> s: both raise ValueError."""
    a, b, c = Node("a"), Node("b"), Node("c")
    a.children, b.children, c.children = [b], [c], [b]
    s = Node("s")
    s.children = [s]
    for start, label in [(a, "a -> b -> c -> b"), (s, "s -> s")]:
        try:
            got = room.topological_sort(start, _children)
        except ValueError:
            continue
        except RecursionError:
            fail(f"topological_sort({label}) recursed forever (RecursionError); detect the "
                 "cycle and raise ValueError", kind="value")
        fail(f"topological_sort({label}) returned {_names(got) if isinstance(got, list) else describe(got)}"
             "; a graph with a cycle has no valid order: raise ValueError", kind="value")


def test_random_dag(room):
    """60 nodes, edges only from higher to lower numbers (seeded): a valid order."""
    rng = random.Random(0)
    nodes = [Node(f"n{i}") for i in range(60)]
    for i, n in enumerate(nodes[1:], start=1):
        n.children = rng.sample(nodes[:i], k=min(i, rng.randint(1, 4)))
    top = nodes[-1]
    _check_valid(_sort(room, top, "a random 60-node DAG"), top, "a random 60-node DAG")
