"""Room: Follow the ball: SGD on a 2-D function.

Run torch.optim.SGD on a single point (x, y) and record where it goes.
"""

from collections.abc import Callable

import torch as t
from jaxtyping import Float
from torch import Tensor, optim


def opt_fn_with_sgd(fn: Callable[[Tensor, Tensor], Tensor], xy: Float[Tensor, "2"],
                    lr: float = 0.001, momentum: float = 0.98,
                    n_iters: int = 100) -> Float[Tensor, "n_points 2"]:
    """Minimise fn(x, y) from the starting point `xy` (shape (2,), requires_grad=True).

    Optimise `xy` itself with torch.optim.SGD(lr=lr, momentum=momentum) for `n_iters` steps.
    Return a tensor of shape (n_iters + 1, 2): row 0 is the start, row i the point after
    step i. Rows are detached copies (no grad). `xy` ends at the last point.
    """
    raise NotImplementedError
