"""Reference solution: opt_fn_with_sgd."""

from collections.abc import Callable

import torch as t
from jaxtyping import Float
from torch import Tensor, optim


def opt_fn_with_sgd(fn: Callable[[Tensor, Tensor], Tensor], xy: Float[Tensor, "2"],
                    lr: float = 0.001, momentum: float = 0.98,
                    n_iters: int = 100) -> Float[Tensor, "n_points 2"]:
    optimizer = optim.SGD([xy], lr=lr, momentum=momentum)
    points = [xy.detach().clone()]
    for _ in range(n_iters):
        optimizer.zero_grad()
        fn(xy[0], xy[1]).backward()
        optimizer.step()
        points.append(xy.detach().clone())
    return t.stack(points)
