import torch
from jaxtyping import Float
from torch import Tensor

from tiny_lens import HookedTransformer, load_model


def get_comp_score(W_A: Float[Tensor, "d_model d_model"], W_B: Float[Tensor, "d_model d_model"]) -> float:
    """Paste yours from the comp-score room: ||W_A W_B||_F / (||W_A||_F ||W_B||_F), a float."""
    raise NotImplementedError


def generate_single_random_comp_score(model: HookedTransformer) -> float:
    """The composition score of two random matrices shaped like a head's OV or QK: each one
    (d_model, d_head) @ (d_model, d_head)^T, the four factors drawn from torch.randn, scaled by
    model.cfg.init_range like the model's own weights at initialisation.

    Example: on load_model() (d_model 64, d_head 16) the scores are about 0.125, give or take 0.007.
    """
    raise NotImplementedError


def get_comp_score_baseline(model: HookedTransformer, n_samples: int = 300) -> tuple[float, float]:
    """(mean, std) of n_samples calls of generate_single_random_comp_score(model); std with
    correction=0 (the population std, like np.std)."""
    raise NotImplementedError
