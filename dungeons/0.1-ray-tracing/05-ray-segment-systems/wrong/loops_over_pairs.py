"""Wrong: correct values, but built with Python loops in a no-loops room."""

import torch


def ray_segment_systems(rays, segments):
    mats, vecs = [], []
    for r in rays:
        for s in segments:
            mats.append(torch.stack([r[1, :2], s[0, :2] - s[1, :2]], dim=-1))
            vecs.append(s[0, :2] - r[0, :2])
    n, m = len(rays), len(segments)
    return torch.stack(mats).reshape(n, m, 2, 2), torch.stack(vecs).reshape(n, m, 2)
