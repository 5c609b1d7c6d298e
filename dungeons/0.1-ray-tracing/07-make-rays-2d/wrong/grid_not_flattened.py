"""Wrong: returns (ny, nz, 2, 3) instead of flattening the grid."""

import torch


def make_rays_2d(num_pixels_y, num_pixels_z, y_limit, z_limit):
    rays = torch.zeros(num_pixels_y, num_pixels_z, 2, 3)
    rays[..., 1, 0] = 1.0
    rays[..., 1, 1] = torch.linspace(-y_limit, y_limit, num_pixels_y)[:, None]
    rays[..., 1, 2] = torch.linspace(-z_limit, z_limit, num_pixels_z)[None, :]
    return rays
