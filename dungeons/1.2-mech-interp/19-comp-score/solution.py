import torch
from jaxtyping import Float
from torch import Tensor


def get_comp_score(W_A: Float[Tensor, "d_model d_model"], W_B: Float[Tensor, "d_model d_model"]) -> float:
    """Composition score ||W_A @ W_B||_F / (||W_A||_F * ||W_B||_F), as a Python float."""
    norm = torch.linalg.matrix_norm
    return (norm(W_A @ W_B) / (norm(W_A) * norm(W_B))).item()
