import torch
from jaxtyping import Float
from torch import Tensor


def project_onto_direction(batch_vecs: Float[Tensor, "n *batch"],
                           v: Float[Tensor, "n"]) -> Float[Tensor, "n *batch"]:
    """The component of each vector of `batch_vecs` along `v`.

    batch_vecs: (n, ...): the vectors run along the FIRST axis (one vector per index of
    the other axes). v: (n,), any non-zero length. Returns (n, ...), each vector replaced
    by its projection onto the line spanned by v.
    """
    unit = v / v.norm()
    coeffs = torch.einsum("n...,n->...", batch_vecs, unit)
    return torch.einsum("...,n->n...", coeffs, unit)
