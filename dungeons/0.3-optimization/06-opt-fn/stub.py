"""Room: Race the optimizers.

Any optimizer class, any hyperparameters: run it on a point of a 2-D function and record
the path.
"""

from collections.abc import Callable

import torch as t
from jaxtyping import Float
from torch import Tensor


def opt_fn(fn: Callable[[Tensor, Tensor], Tensor], xy: Float[Tensor, "2"], optimizer_class: type,
           optimizer_hyperparams: dict, n_iters: int = 100) -> Float[Tensor, "n_points 2"]:
    """Minimise fn(x, y) from `xy` (shape (2,), requires_grad=True) with
    optimizer_class([xy], **optimizer_hyperparams), for n_iters steps.

    Return (n_iters + 1, 2): the start, then the point after each step (detached copies).
    """
    raise NotImplementedError
