"""Room rules checked on the player's syntax tree: no loops, must use, forbid, max lines.

Loops, required and forbidden names are looked for in every function and class of the
file (a helper called by the entry counts as the entry's code; module-level demo code
does not); forbidden names also in imports. `max_lines` measures the entry alone.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass

from arena_dungeon.content import Rules

NONE_INDEX = "[None]"  # in `forbid`: no `x[None]`, `x[:, None]`, `x[..., None]`
MATMUL_OPERATOR = "@"  # in `forbid`: no `a @ b` (nor `a @= b`)
_LOOPS = (ast.For, ast.While, ast.AsyncFor, ast.ListComp, ast.SetComp, ast.DictComp,
          ast.GeneratorExp)


@dataclass(frozen=True)
class Violation:
    line: int
    reason: str


def _names_used(node: ast.AST) -> set[str]:
    """Every name and attribute referred to: `t.einsum` gives {"t", "einsum"}."""
    used: set[str] = set()
    for n in ast.walk(node):
        if isinstance(n, ast.Name):
            used.add(n.id)
        elif isinstance(n, ast.Attribute):
            used.add(n.attr)
        elif isinstance(n, ast.alias):
            used.add(n.name.split(".")[-1])
            if n.asname:
                used.add(n.asname)
    return used


def _entry_node(tree: ast.Module, entry: str) -> ast.AST:
    for node in tree.body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)) \
                and node.name == entry:
            return node
    return tree


def _untouched(node: ast.AST) -> bool:
    """True when a function's body is still just the stub's `raise NotImplementedError`."""
    if not isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
        return False
    body = [n for n in node.body if not (isinstance(n, ast.Expr)
                                         and isinstance(n.value, ast.Constant))]
    if len(body) != 1 or not isinstance(body[0], ast.Raise) or body[0].exc is None:
        return False
    exc = body[0].exc.func if isinstance(body[0].exc, ast.Call) else body[0].exc
    return isinstance(exc, ast.Name) and exc.id == "NotImplementedError"


def check(source: str, rules: Rules, entry: str) -> list[Violation]:
    """The rule violations in `source` (which must already compile).

    An entry still reading `raise NotImplementedError` breaks no rule yet: the cases
    say "not implemented", which is the more useful first message.
    """
    tree = ast.parse(source)
    scope = _entry_node(tree, entry)
    if _untouched(scope):
        return []
    defs = [n for n in tree.body if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef,
                                                   ast.ClassDef))]
    imports = [n for n in tree.body if isinstance(n, (ast.Import, ast.ImportFrom))]
    found: list[Violation] = []
    if rules.no_loops:
        for n in (m for d in defs for m in ast.walk(d)):
            if isinstance(n, _LOOPS):
                what = "a comprehension" if not isinstance(n, (ast.For, ast.While,
                                                               ast.AsyncFor)) else "a loop"
                found.append(Violation(getattr(n, "lineno", 0),
                                        f"{what}: this room asks for a vectorised answer, "
                                        "no Python loops"))
    used = set().union(*(_names_used(d) for d in defs)) if defs else _names_used(scope)
    for name in rules.must_use:
        if name not in used:
            found.append(Violation(getattr(scope, "lineno", 1),
                                   f"`{entry}` must use `{name}` in this room"))
    for n in (m for d in defs + imports for m in ast.walk(d)):
        forbidden: str | None = (
            n.id if isinstance(n, ast.Name) else n.attr if isinstance(n, ast.Attribute)
            else n.name.split(".")[-1] if isinstance(n, ast.alias) else None)
        if forbidden is not None and forbidden in rules.forbid:
            found.append(Violation(getattr(n, "lineno", 0),
                                   f"`{forbidden}` is off-limits in this room (the brief says "
                                   "which tools to use)"))
        elif MATMUL_OPERATOR in rules.forbid and isinstance(n, (ast.BinOp, ast.AugAssign)) \
                and isinstance(n.op, ast.MatMult):
            found.append(Violation(getattr(n, "lineno", 0),
                                   "the `@` operator is off-limits in this room (the brief "
                                   "says which tools to use)"))
        elif NONE_INDEX in rules.forbid and isinstance(n, ast.Subscript) and any(
                isinstance(k, ast.Constant) and k.value is None for k in ast.walk(n.slice)):
            found.append(Violation(getattr(n, "lineno", 0),
                                   "indexing with `None` to add an axis is off-limits in this "
                                   "room (the brief says which tools to use)"))
    if rules.max_lines is not None and scope is not tree:
        segment = ast.get_source_segment(source, scope) or ""
        body = [line for line in segment.splitlines()[1:]
                if line.strip() and not line.strip().startswith("#")]
        doc = ast.get_docstring(scope) if isinstance(scope, (ast.FunctionDef, ast.ClassDef,
                                                              ast.AsyncFunctionDef)) else None
        n_doc = len(doc.splitlines()) + 1 if doc else 0
        if len(body) - n_doc > rules.max_lines:
            found.append(Violation(getattr(scope, "lineno", 1),
                                   f"`{entry}` has {len(body) - n_doc} lines of code; this room "
                                   f"allows {rules.max_lines}"))
    # One report per line is plenty.
    first: dict[int, Violation] = {}
    for v in sorted(found, key=lambda v: v.line):
        first.setdefault(v.line, v)
    return list(first.values())
