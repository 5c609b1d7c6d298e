"""Reference solution: raytrace_triangle."""

import torch
from jaxtyping import Bool, Float
from torch import Tensor


def raytrace_triangle(
    rays: Float[Tensor, "nrays rayPoints=2 dims=3"], triangle: Float[Tensor, "trianglePoints=3 dims=3"]
) -> Bool[Tensor, "nrays"]:
    """For each ray, True if it hits the triangle (edges count). No loops."""
    O, D = rays.unbind(1)
    A, B, C = triangle
    mat = torch.stack([-D, (B - A).expand_as(D), (C - A).expand_as(D)], dim=-1)
    singular = torch.linalg.det(mat).abs() < 1e-8
    mat = torch.where(singular[:, None, None], torch.eye(3), mat)
    s, u, v = torch.linalg.solve(mat, O - A).unbind(-1)
    return (s >= 0) & (u >= 0) & (v >= 0) & (u + v <= 1) & ~singular
