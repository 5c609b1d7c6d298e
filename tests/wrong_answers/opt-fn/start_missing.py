"""Wrong: records only the points after each step, leaving out the start."""

import torch as t


def opt_fn(fn, xy, optimizer_class, optimizer_hyperparams, n_iters=100):
    optimizer = optimizer_class([xy], **optimizer_hyperparams)
    points = []
    for _ in range(n_iters):
        optimizer.zero_grad()
        fn(xy[0], xy[1]).backward()
        optimizer.step()
        points.append(xy.detach().clone())
    return t.stack(points)
