"""Wrong: records the point before each step only, so the final point is missing."""

import torch as t
from torch import optim


def opt_fn_with_sgd(fn, xy, lr=0.001, momentum=0.98, n_iters=100):
    optimizer = optim.SGD([xy], lr=lr, momentum=momentum)
    points = t.zeros(n_iters, 2)
    for i in range(n_iters):
        points[i] = xy.detach()
        optimizer.zero_grad()
        fn(xy[0], xy[1]).backward()
        optimizer.step()
    return points
