"""Bonus room: n-step TD targets along a trajectory."""

import torch as t
from jaxtyping import Bool, Float
from torch import Tensor


def n_step_targets(rewards: Float[Tensor, "T"], terminated: Bool[Tensor, "T"],
                   next_values: Float[Tensor, "T"], gamma: float, n: int) -> Float[Tensor, "T"]:
    """For each step i of one env's trajectory, the n-step TD target: the discounted rewards of
    steps i .. i+m-1, plus gamma^m * next_values[i+m-1] unless step i+m-1 terminated, where the
    window stops early at a terminated step or at the end of the trajectory (m <= n).

    next_values[j] is the bootstrap value after step j (max_a Q_target(next_obs[j], a)).
    """
    T = len(rewards)
    steps = t.arange(T)
    targets = t.zeros(T)
    last = steps.clone()
    length = t.zeros(T)
    open_ = t.ones(T, dtype=t.bool)
    for k in range(n):
        j = (steps + k).clamp(max=T - 1)
        inside = open_ & (steps + k < T)
        targets = targets + t.where(inside, gamma ** k * rewards[j], 0.0)
        last = t.where(inside, j, last)
        length = length + inside.float()
        open_ = inside & ~terminated[j]
    return targets + gamma ** length * next_values[last] * (~terminated[last]).float()
