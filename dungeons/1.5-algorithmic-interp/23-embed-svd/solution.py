import torch
from jaxtyping import Float
from torch import Tensor

from grokking import GrokkingTransformer


def embed_SVD(model: GrokkingTransformer) -> Float[Tensor, "k"]:
    """The singular values of the number embeddings W_E[:p] (the "=" row left out),
    largest first. Returns (min(p, d_model),)."""
    return torch.linalg.svdvals(model.W_E[: model.cfg.p])
