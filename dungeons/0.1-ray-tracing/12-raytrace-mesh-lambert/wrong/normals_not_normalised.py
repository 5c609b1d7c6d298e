"""Wrong: the normals are not normalised, so big triangles glow brighter than 1."""

import torch


def _nearest(rays, triangles):
    O, D = rays[:, None, 0], rays[:, None, 1]
    A, B, C = triangles[None, :, 0], triangles[None, :, 1], triangles[None, :, 2]
    shape = (len(rays), len(triangles), 3)
    mat = torch.stack([-D.expand(shape), (B - A).expand(shape), (C - A).expand(shape)], dim=-1)
    singular = torch.linalg.det(mat).abs() < 1e-8
    mat = torch.where(singular[..., None, None], torch.eye(3), mat)
    s, u, v = torch.linalg.solve(mat, (O - A).expand(shape)).unbind(-1)
    hit = (s >= 0) & (u >= 0) & (v >= 0) & (u + v <= 1) & ~singular
    return torch.where(hit, s * D[..., 0], torch.inf).min(dim=1)


def _normals(triangles):
    n = torch.linalg.cross(triangles[:, 1] - triangles[:, 0], triangles[:, 2] - triangles[:, 0], dim=-1)
    return n / n.norm(dim=-1, keepdim=True)


def raytrace_mesh_lambert(rays, triangles, light, ambient_intensity, device="cpu"):
    nearest, idx = _nearest(rays, triangles)
    n = torch.linalg.cross(triangles[:, 1] - triangles[:, 0], triangles[:, 2] - triangles[:, 0], dim=-1)
    brightness = (n @ light).clamp(min=0)
    return torch.where(torch.isfinite(nearest), brightness[idx] + ambient_intensity, 0.0)
