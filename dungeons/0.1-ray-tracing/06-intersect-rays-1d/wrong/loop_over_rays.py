"""Wrong: loops over rays in a no-loops room."""

import torch


def intersect_rays_1d(rays, segments):
    out = []
    for ray in rays:
        hit = False
        for seg in segments:
            mat = torch.stack([ray[1, :2], seg[0, :2] - seg[1, :2]], dim=-1)
            if torch.linalg.det(mat).abs() < 1e-8:
                continue
            u, v = torch.linalg.solve(mat, seg[0, :2] - ray[0, :2])
            hit = hit or bool((u >= 0) & (v >= 0) & (v <= 1))
        out.append(hit)
    return torch.tensor(out)
