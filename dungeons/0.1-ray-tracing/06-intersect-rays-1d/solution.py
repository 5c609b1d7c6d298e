"""Reference solution: intersect_rays_1d."""

import torch
from jaxtyping import Bool, Float
from torch import Tensor


def intersect_rays_1d(
    rays: Float[Tensor, "nrays 2 3"], segments: Float[Tensor, "nsegments 2 3"]
) -> Bool[Tensor, "nrays"]:
    """For each ray, True if it intersects any segment (z ignored). No loops."""
    O, D = rays[:, None, 0, :2], rays[:, None, 1, :2]          # (nrays, 1, 2)
    L1, L2 = segments[None, :, 0, :2], segments[None, :, 1, :2]  # (1, nsegments, 2)
    shape = (len(rays), len(segments), 2)
    mat = torch.stack([D.expand(shape), (L1 - L2).expand(shape)], dim=-1)
    vec = L1 - O
    singular = torch.linalg.det(mat).abs() < 1e-8
    mat = torch.where(singular[..., None, None], torch.eye(2), mat)
    u, v = torch.linalg.solve(mat, vec).unbind(-1)
    hits = (u >= 0) & (v >= 0) & (v <= 1) & ~singular
    return hits.any(dim=1)
