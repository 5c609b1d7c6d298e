"""Wrong: each ray shows the brightest triangle it hits, not the nearest one."""

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
    O, D = rays[:, None, 0], rays[:, None, 1]
    A, B, C = triangles[None, :, 0], triangles[None, :, 1], triangles[None, :, 2]
    shape = (len(rays), len(triangles), 3)
    mat = torch.stack([-D.expand(shape), (B - A).expand(shape), (C - A).expand(shape)], dim=-1)
    singular = torch.linalg.det(mat).abs() < 1e-8
    mat = torch.where(singular[..., None, None], torch.eye(3), mat)
    s, u, v = torch.linalg.solve(mat, (O - A).expand(shape)).unbind(-1)
    hit = (s >= 0) & (u >= 0) & (v >= 0) & (u + v <= 1) & ~singular
    brightness = (_normals(triangles) @ light).clamp(min=0)
    best = torch.where(hit, brightness[None, :], -1.0).amax(dim=1)
    return torch.where(best >= 0, best + ambient_intensity, 0.0)
