"""Room: measure each feature's norm and superposition in a toy model's W."""

import einops
import torch as t
from jaxtyping import Float
from torch import Tensor


def feature_norms_and_superposition(
    W: Float[Tensor, "inst d_hidden feats"],
) -> tuple[Float[Tensor, "inst feats"], Float[Tensor, "inst feats"]]:
    """For each instance and feature f (column W_f = W[:, f]):

    norms[i, f]         = ||W_f||
    superposition[i, f] = sum over g != f of (Ŵ_f . W_g) ** 2, with Ŵ_f = W_f / (||W_f|| + 1e-5)

    Example (1 instance), columns (1, 0), (0, 2), (1, 1):
    norms [1, 2, 1.414], superposition [1, 1, 2.5]. No loops.
    """
    raise NotImplementedError
