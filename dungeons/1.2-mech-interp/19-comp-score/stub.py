import torch
from jaxtyping import Float
from torch import Tensor


def get_comp_score(W_A: Float[Tensor, "d_model d_model"], W_B: Float[Tensor, "d_model d_model"]) -> float:
    """Composition score ||W_A @ W_B||_F / (||W_A||_F * ||W_B||_F), as a Python float.

    Example: W_A = diag(1, 0), W_B = diag(0, 1) -> 0.0; W_A = W_B = diag(1, 0) -> 1.0.
    """
    raise NotImplementedError
