"""Reference solution: ray_segment_systems."""

import torch
from jaxtyping import Float
from torch import Tensor


def ray_segment_systems(
    rays: Float[Tensor, "nrays 2 3"], segments: Float[Tensor, "nsegments 2 3"]
) -> tuple[Float[Tensor, "nrays nsegments 2 2"], Float[Tensor, "nrays nsegments 2"]]:
    """The 2x2 system of every (ray, segment) pair, x and y only."""
    O, D = rays[:, 0, :2], rays[:, 1, :2]
    L1, L2 = segments[:, 0, :2], segments[:, 1, :2]
    shape = (len(rays), len(segments), 2)
    mat = torch.stack([D[:, None].expand(shape), (L1 - L2)[None].expand(shape)], dim=-1)
    vec = L1[None] - O[:, None]
    return mat, vec
