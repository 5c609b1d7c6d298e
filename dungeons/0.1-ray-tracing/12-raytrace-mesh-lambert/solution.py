"""Reference solution: raytrace_mesh_lambert."""

import torch
from jaxtyping import Float
from torch import Tensor


def raytrace_mesh_lambert(
    rays: Float[Tensor, "nrays points=2 dims=3"],
    triangles: Float[Tensor, "ntriangles points=3 dims=3"],
    light: Float[Tensor, "dims=3"],
    ambient_intensity: float,
    device: str = "cpu",
) -> Float[Tensor, "nrays"]:
    """Lambert-shaded brightness per ray: nearest triangle's max(n . light, 0) + ambient, else 0."""
    rays, triangles, light = rays.to(device), triangles.to(device), light.to(device)
    O, D = rays[:, None, 0], rays[:, None, 1]
    A, B, C = triangles[None, :, 0], triangles[None, :, 1], triangles[None, :, 2]
    shape = (len(rays), len(triangles), 3)
    mat = torch.stack([-D.expand(shape), (B - A).expand(shape), (C - A).expand(shape)], dim=-1)
    singular = torch.linalg.det(mat).abs() < 1e-8
    mat = torch.where(singular[..., None, None], torch.eye(3, device=device), mat)
    s, u, v = torch.linalg.solve(mat, (O - A).expand(shape)).unbind(-1)
    hit = (s >= 0) & (u >= 0) & (v >= 0) & (u + v <= 1) & ~singular
    nearest, idx = torch.where(hit, s * D[..., 0], torch.inf).min(dim=1)

    normals = torch.linalg.cross(triangles[:, 1] - triangles[:, 0], triangles[:, 2] - triangles[:, 0], dim=-1)
    normals = normals / normals.norm(dim=-1, keepdim=True)
    brightness = torch.einsum("td,d->t", normals, light).clamp(min=0)
    shaded = torch.where(torch.isfinite(nearest), brightness[idx] + ambient_intensity, 0.0)
    return shaded.cpu()
