"""Wrong: never zeroes the gradient, so each step uses the sum of all past gradients."""

import torch as t
from torch import optim


def opt_fn_with_sgd(fn, xy, lr=0.001, momentum=0.98, n_iters=100):
    optimizer = optim.SGD([xy], lr=lr, momentum=momentum)
    points = [xy.detach().clone()]
    for _ in range(n_iters):
        fn(xy[0], xy[1]).backward()
        optimizer.step()
        points.append(xy.detach().clone())
    return t.stack(points)
