"""Reference solution: opt_fn."""

from collections.abc import Callable

import torch as t
from jaxtyping import Float
from torch import Tensor


def opt_fn(fn: Callable[[Tensor, Tensor], Tensor], xy: Float[Tensor, "2"], optimizer_class: type,
           optimizer_hyperparams: dict, n_iters: int = 100) -> Float[Tensor, "n_points 2"]:
    optimizer = optimizer_class([xy], **optimizer_hyperparams)
    points = [xy.detach().clone()]
    for _ in range(n_iters):
        optimizer.zero_grad()
        fn(xy[0], xy[1]).backward()
        optimizer.step()
        points.append(xy.detach().clone())
    return t.stack(points)
