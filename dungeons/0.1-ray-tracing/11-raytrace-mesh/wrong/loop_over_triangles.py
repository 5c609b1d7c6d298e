"""Wrong: loops over triangles in a no-loops room."""

import torch


def raytrace_mesh(rays, triangles):
    O, D = rays.unbind(1)
    best = torch.full((len(rays),), torch.inf)
    for A, B, C in triangles:
        mat = torch.stack([-D, (B - A).expand_as(D), (C - A).expand_as(D)], dim=-1)
        singular = torch.linalg.det(mat).abs() < 1e-8
        mat = torch.where(singular[:, None, None], torch.eye(3), mat)
        s, u, v = torch.linalg.solve(mat, O - A).unbind(-1)
        hit = (s >= 0) & (u >= 0) & (v >= 0) & (u + v <= 1) & ~singular
        best = torch.minimum(best, torch.where(hit, s * D[:, 0], torch.inf))
    return best
