"""Wrong: gives every leaf a .grad, even those with requires_grad False."""

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
    start = np.ones_like(end_node.array) if end_grad is None else end_grad.array
    grads: dict[Tensor, Arr] = {end_node: start}
    for node in sorted_computational_graph(end_node):
        grad = grads.pop(node)
        if node.is_leaf:
            if True:
                node.grad = Tensor(grad if node.grad is None else node.grad.array + grad)
            continue
        recipe = node.recipe
        for position, parent in recipe.parents.items():
            back_fn = BACK_FUNCS.get_back_func(recipe.func, position)
            parent_grad = back_fn(grad, node.array, *recipe.args, **recipe.kwargs)
            grads[parent] = parent_grad if parent not in grads else grads[parent] + parent_grad
