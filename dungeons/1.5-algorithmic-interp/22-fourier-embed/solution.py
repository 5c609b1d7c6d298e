from jaxtyping import Float
from torch import Tensor

from fourier_basis import make_fourier_basis
from grokking import GrokkingTransformer


def fourier_embed(model: GrokkingTransformer) -> Float[Tensor, "p"]:
    """How much of the token embedding lies on each Fourier component.

    model.W_E: (p + 1, d_model), the last row is the "=" token (not a number: drop it).
    Returns (p,): entry i is the squared norm of component i of the number embeddings,
    i.e. the sum over d_model of (basis @ W_E[:p])[i] ** 2.
    """
    p = model.cfg.p
    basis, _ = make_fourier_basis(p)
    return (basis @ model.W_E[:p]).pow(2).sum(dim=1)
