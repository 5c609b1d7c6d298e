"""Room: the dimensionality of each feature, D_f = ||W_f||^2 / sum_g (Ŵ_f . W_g)^2."""

import einops
from jaxtyping import Float
from torch import Tensor


def compute_dimensionality(W: Float[Tensor, "n_inst d_hidden n_features"]) -> Float[Tensor, "n_inst n_features"]:
    """D_f = ||W_f||^2 / sum over ALL g (f included) of (Ŵ_f . W_g)^2, Ŵ_f = W_f / (||W_f|| + 1e-8).

    W_f = W[i, :, f]. A zero column has dimensionality 0 (not NaN). No loops.
    Example (1 instance): columns (2, 0), (-1, 0) -> [0.8, 0.2].
    """
    norms = W.norm(dim=1)
    W_hat = W / (norms.unsqueeze(1) + 1e-8)
    dots = einops.einsum(W_hat, W, "inst hidden f, inst hidden g -> inst f g")
    return norms.pow(2) / dots.pow(2).sum(-1).clamp(min=1e-12)
