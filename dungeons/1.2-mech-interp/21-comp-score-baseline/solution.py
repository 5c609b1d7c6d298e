import torch
from jaxtyping import Float
from torch import Tensor

from tiny_lens import HookedTransformer


def get_comp_score(W_A: Float[Tensor, "d_model d_model"], W_B: Float[Tensor, "d_model d_model"]) -> float:
    norm = torch.linalg.matrix_norm
    return (norm(W_A @ W_B) / (norm(W_A) * norm(W_B))).item()


def generate_single_random_comp_score(model: HookedTransformer) -> float:
    d_model, d_head, scale = model.cfg.d_model, model.cfg.d_head, model.cfg.init_range
    A_left, A_right, B_left, B_right = (torch.randn(d_model, d_head) * scale for _ in range(4))
    return get_comp_score(A_left @ A_right.T, B_left @ B_right.T)


def get_comp_score_baseline(model: HookedTransformer, n_samples: int = 300) -> tuple[float, float]:
    scores = torch.tensor([generate_single_random_comp_score(model) for _ in range(n_samples)])
    return scores.mean().item(), scores.std(correction=0).item()
