"""Wrong: a Python loop over rays in a no-loops room."""

import torch


def raytrace_triangle(rays, triangle):
    A, B, C = triangle
    out = []
    for O, D in rays:
        mat = torch.stack([-D, B - A, C - A], dim=-1)
        if torch.linalg.det(mat).abs() < 1e-8:
            out.append(False)
            continue
        s, u, v = torch.linalg.solve(mat, O - A)
        out.append(bool((s >= 0) & (u >= 0) & (v >= 0) & (u + v <= 1)))
    return torch.tensor(out)
