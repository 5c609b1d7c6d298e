"""A linear learning-rate schedule, and the one Adam optimiser for both networks."""

import itertools  # noqa: F401  (itertools.chain joins two parameter iterators)

import torch as t
from torch import nn


class PPOScheduler:
    def __init__(self, optimizer: t.optim.Optimizer, initial_lr: float, end_lr: float, total_phases: int):
        self.optimizer = optimizer
        self.initial_lr = initial_lr
        self.end_lr = end_lr
        self.total_phases = total_phases
        self.n_step_calls = 0

    def step(self) -> None:
        """Count one call; set every param group's lr to initial_lr moved a fraction
        n_step_calls / total_phases of the way to end_lr."""
        raise NotImplementedError


def make_optimizer(actor: nn.Module, critic: nn.Module, total_phases: int, initial_lr: float,
                   end_lr: float = 0.0) -> tuple[t.optim.Adam, PPOScheduler]:
    """One Adam over the actor's and the critic's parameters (lr initial_lr, eps 1e-5, maximising
    the objective), and its PPOScheduler."""
    raise NotImplementedError
