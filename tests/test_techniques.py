"""The codex through `arena dev check`'s page checks: every technique page has its shape and
every example prints what its page says it prints; every sub-problem example parses; the
agreed ids all have pages.

The examples run in this process (`arena dev check` runs the same code in a child process),
through the verdict cache (tests/conftest.py): a page whose examples and environment did not
change since they last passed is not run again.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from arena_dungeon.content import load_techniques
from arena_dungeon.dev import examples, static
from tests.conftest import DEV_CACHE

ROOT = Path(__file__).resolve().parent.parent
TECHNIQUES_DIR = ROOT / "techniques"

# The agreed ids from docs/AUTHORING.md ("Agreed ids").
AGREED_TECHNIQUES = [
    "einsum", "rearrange", "repeat", "reduce", "broadcasting", "indexing", "arange-linspace",
    "gather", "where", "stack-cat", "squeeze-unsqueeze", "reductions", "initialisation",
    "as-strided", "linalg-solve", "nn-module", "device-dtype", "config-objects", "hooks",
    "training-step", "evaluation", "context-managers", "experiment-logging", "jaxtyping",
    "random-sampling", "train-eval-modes", "module-composition", "layer-norm", "causal-mask",
    "residual-stream", "decoding",
]
AGREED_SUBPROBLEMS = [
    "matrix-multiply", "batched-dot-product", "outer-product", "pairwise-differences",
    "sliding-window", "padding", "masking", "normalise-along-axis", "reduce-then-broadcast",
    "pick-per-row", "one-hot", "argmax-accuracy", "linear-system", "causal-masking",
    "softmax-over-axis", "structured-tensors", "diagonal", "assemble-from-parts",
    "sampling-from-distribution", "stateful-modules", "module-composition", "training-loop",
    "intervening-on-activations",
]

TECHNIQUES, SUBPROBLEMS = load_techniques(TECHNIQUES_DIR)



@pytest.mark.parametrize("tech_id", sorted(TECHNIQUES))
def test_technique_page(tech_id: str) -> None:
    """Its shape, then each example runs and prints its `output`."""
    path = TECHNIQUES_DIR / f"{tech_id}.yaml"
    tech = TECHNIQUES[tech_id]
    problems = static.technique_problems(tech, path, TECHNIQUES) + \
        examples.checked_page(tech, path, DEV_CACHE)
    assert not problems, "\n".join(str(p) for p in problems)


@pytest.mark.parametrize("sub_id", sorted(SUBPROBLEMS))
def test_subproblem_page(sub_id: str) -> None:
    problems = static.subproblem_problems(SUBPROBLEMS[sub_id],
                                          TECHNIQUES_DIR / "subproblems" / f"{sub_id}.yaml")
    assert not problems, "\n".join(str(p) for p in problems)


def test_every_agreed_technique_has_a_page() -> None:
    missing = [t for t in AGREED_TECHNIQUES if t not in TECHNIQUES]
    assert not missing, f"no page in techniques/ for: {missing}"


def test_every_agreed_subproblem_has_a_page() -> None:
    missing = [s for s in AGREED_SUBPROBLEMS if s not in SUBPROBLEMS]
    assert not missing, f"no page in techniques/subproblems/ for: {missing}"
