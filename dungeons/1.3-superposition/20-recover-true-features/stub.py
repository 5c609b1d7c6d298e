"""Boss: find the toy model's true features from its activations alone, and score it.

Given, next to this file: toy_model.py (ToyModel), sae_resampling.py (ToySAE with
generate_batch, forward, optimize and both resamplers), toy_base.py (ToySAEConfig and the
lr schedules constant_lr, linear_lr, cosine_decay_lr).
"""

import torch as t
from jaxtyping import Bool, Float
from torch import Tensor

import sae_resampling
from toy_base import ToySAEConfig, constant_lr, cosine_decay_lr, linear_lr  # noqa: F401
from toy_model import ToyModel


def feature_recovery_score(
    W_true: Float[Tensor, "inst d_in feats"],
    W_dec: Float[Tensor, "inst d_sae d_in"],
    alive: Bool[Tensor, "inst d_sae"],
    threshold: float = 0.9,
) -> Float[Tensor, "inst"]:
    """Per instance: the share of true features (columns of W_true) whose direction some
    ALIVE latent's decoder row matches with cosine similarity > threshold (signed: an
    opposite direction does not count). Neither input is assumed normalised."""
    raise NotImplementedError


def recover_features(model: ToyModel, d_sae: int) -> sae_resampling.ToySAE:
    """Train (and return) a sae_resampling.ToySAE with exactly d_sae latents on the hidden
    activations of `model` (all its instances). Don't read model.W yourself: the SAE must
    find the features from the activations. Keep it to a few seconds of training."""
    raise NotImplementedError
