"""Room: Backprop.

The framework from the previous rooms is given in autograd_graph.py, next to this file.
Write `backprop`: walk the graph from the end tensor back to the leaves, and leave each
leaf's gradient in its `.grad`.
"""

import numpy as np

from autograd_graph import BACK_FUNCS, Arr, Tensor, sorted_computational_graph


def backprop(end_node: Tensor, end_grad: Tensor | None = None) -> None:
    """Accumulate d(end_node)/d(leaf) into leaf.grad for every leaf that requires grad.

    end_grad: the gradient to start from, shaped like end_node; None means all ones.
    Go through sorted_computational_graph(end_node), keeping a dict Tensor -> gradient
    array. A leaf that requires grad adds its gradient into .grad (a Tensor); any other
    node sends grad to each parent through BACK_FUNCS.get_back_func(recipe.func, position).
    Only leaves get a .grad. Returns None.
    """
    raise NotImplementedError
