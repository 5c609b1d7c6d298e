"""Wrong: records xy.detach() (a view of the same storage), so every row is the final point."""

import torch as t
from torch import optim


def opt_fn_with_sgd(fn, xy, lr=0.001, momentum=0.98, n_iters=100):
    optimizer = optim.SGD([xy], lr=lr, momentum=momentum)
    points = [xy.detach()]
    for _ in range(n_iters):
        optimizer.zero_grad()
        fn(xy[0], xy[1]).backward()
        optimizer.step()
        points.append(xy.detach())
    return t.stack(points)
