"""toy_base: the skeleton every 1.3 room builds on. Nothing in it is an exercise.

GIVEN code: read it and import from it, but don't edit it (grading always uses the shipped
copy, whatever this file says). What is in it:

- `ToyModelConfig`: the toy model's sizes. `n_inst` models (instances) are trained side
  by side, each with its own weights, feature probability and importance.
- `ToyModelBase`: the toy model's parameters and data settings, no methods yet:
    W:                   (inst, d_hidden, feats)   xavier-normal
    b_final:             (inst, feats)             zeros
    feature_probability: (inst, feats)             chance that a feature is non-zero
    importance:          (inst, feats)             weight of a feature's error in the loss
- `constant_lr`, `linear_lr`, `cosine_decay_lr`: learning-rate schedules, as multipliers:
  the learning rate at `step` (0-based) of `steps` is `lr * lr_scale(step, steps)`.
- `ToySAEConfig`: the sparse autoencoder's sizes and loss weights (rooms 11 on).
- `rectangle(x, width)`: 1 where |x| < width / 2, else 0 (the JumpReLU rooms' kernel).
"""

import math
from dataclasses import dataclass
from typing import Literal

import torch as t
from jaxtyping import Float
from torch import Tensor, nn


@dataclass
class ToyModelConfig:
    n_inst: int                      # independent models trained at once
    n_features: int = 5
    d_hidden: int = 2
    n_correlated_pairs: int = 0      # features 0 .. 2*n_correlated_pairs - 1 (rooms 6-7)
    n_anticorrelated_pairs: int = 0  # the next 2*n_anticorrelated_pairs features


class ToyModelBase(nn.Module):
    """The toy model's parameters; ToyModel (rooms 1-3) adds forward, generate_batch, calculate_loss."""

    W: Float[Tensor, "inst d_hidden feats"]
    b_final: Float[Tensor, "inst feats"]

    def __init__(self, cfg: ToyModelConfig, feature_probability: float | Tensor = 0.01,
                 importance: float | Tensor = 1.0, device: str = "cpu"):
        super().__init__()
        self.cfg = cfg
        shape = (cfg.n_inst, cfg.n_features)
        # A float, a (feats,) row, an (inst, 1) column or a full (inst, feats) table.
        self.feature_probability = t.as_tensor(feature_probability, dtype=t.float32).to(device).broadcast_to(shape)
        self.importance = t.as_tensor(importance, dtype=t.float32).to(device).broadcast_to(shape)
        self.W = nn.Parameter(nn.init.xavier_normal_(t.empty((cfg.n_inst, cfg.d_hidden, cfg.n_features))))
        self.b_final = nn.Parameter(t.zeros((cfg.n_inst, cfg.n_features)))
        self.to(device)


def constant_lr(step: int, steps: int) -> float:
    return 1.0


def linear_lr(step: int, steps: int) -> float:
    return 1 - (step / steps)


def cosine_decay_lr(step: int, steps: int) -> float:
    return math.cos(0.5 * math.pi * step / (steps - 1))


@dataclass
class ToySAEConfig:
    n_inst: int
    d_in: int                         # the size of what the SAE reads (the toy model's d_hidden)
    d_sae: int                        # the number of latents
    sparsity_coeff: float = 0.2       # weight of the L1 penalty
    weight_normalize_eps: float = 1e-8
    tied_weights: bool = False        # W_dec is W_enc transposed, not a parameter of its own
    architecture: Literal["standard", "gated", "jumprelu"] = "standard"
    # JumpReLU only (rooms 17-19)
    jumprelu_init_threshold: float = 0.001
    jumprelu_bandwidth: float = 0.001
    jumprelu_sparsity_coeff: float = 0.1


def rectangle(x: Tensor, width: float = 1.0) -> Tensor:
    """1.0 where -width / 2 < x < width / 2, else 0.0 (same shape and dtype as x)."""
    return ((x > -width / 2) & (x < width / 2)).to(x.dtype)
