"""Wrong: passes on only the learning rate, dropping momentum, betas and the rest."""

import torch as t


def opt_fn(fn, xy, optimizer_class, optimizer_hyperparams, n_iters=100):
    optimizer = optimizer_class([xy], lr=optimizer_hyperparams["lr"])
    points = [xy.detach().clone()]
    for _ in range(n_iters):
        optimizer.zero_grad()
        fn(xy[0], xy[1]).backward()
        optimizer.step()
        points.append(xy.detach().clone())
    return t.stack(points)
