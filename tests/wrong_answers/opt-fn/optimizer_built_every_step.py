"""Wrong: builds a fresh optimizer at every step, throwing away its state."""

import torch as t


def opt_fn(fn, xy, optimizer_class, optimizer_hyperparams, n_iters=100):
    points = [xy.detach().clone()]
    for _ in range(n_iters):
        optimizer = optimizer_class([xy], **optimizer_hyperparams)
        optimizer.zero_grad()
        fn(xy[0], xy[1]).backward()
        optimizer.step()
        points.append(xy.detach().clone())
    return t.stack(points)
