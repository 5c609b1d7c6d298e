"""Cases for ray_segment_systems: pair axes, columns, z dropped, random batch vs a loop."""

import torch

from arena_dungeon.testing import fresh_seed, assert_tensor_close, call, describe, fail


def _oracle(rays, segments):
    """Two nested loops, one 2x2 system at a time."""
    nr, ns = len(rays), len(segments)
    mat = torch.zeros(nr, ns, 2, 2)
    vec = torch.zeros(nr, ns, 2)
    for i in range(nr):
        for j in range(ns):
            for k in range(2):
                mat[i, j, k, 0] = rays[i, 1, k]
                mat[i, j, k, 1] = segments[j, 0, k] - segments[j, 1, k]
                vec[i, j, k] = segments[j, 0, k] - rays[i, 0, k]
    return mat, vec


def _pair(got, what):
    if not isinstance(got, (tuple, list)) or len(got) != 2:
        fail(f"{what} returned {describe(got)}, expected a pair (mat, vec)", kind="type")
    return got


def _check(room, rays, segments, what):
    mat, vec = _pair(call(room.ray_segment_systems, rays, segments), what)
    emat, evec = _oracle(rays, segments)
    assert_tensor_close(mat, emat, call=f"{what}: mat", dims="nrays nsegments 2 2")
    assert_tensor_close(vec, evec, call=f"{what}: vec", dims="nrays nsegments 2")


def test_one_pair_hand_checked(room):
    """Ray [(0,0,0), (1,2,0)] with segment [(3,4,0), (5,7,0)]: mat [[1,-2],[2,-3]], vec [3,4]."""
    rays = torch.tensor([[[0.0, 0, 0], [1, 2, 0]]])
    segments = torch.tensor([[[3.0, 4, 0], [5, 7, 0]]])
    mat, vec = _pair(call(room.ray_segment_systems, rays, segments), "ray_segment_systems(1 ray, 1 segment)")
    assert_tensor_close(mat, torch.tensor([[[[1.0, -2.0], [2.0, -3.0]]]]),
                        call="ray_segment_systems(1 ray, 1 segment): mat", dims="nrays nsegments 2 2")
    assert_tensor_close(vec, torch.tensor([[[3.0, 4.0]]]),
                        call="ray_segment_systems(1 ray, 1 segment): vec", dims="nrays nsegments 2")


def test_rays_axis_before_segments_axis(room):
    """3 rays and 2 segments give mat (3, 2, 2, 2) and vec (3, 2, 2), in that order."""
    torch.manual_seed(fresh_seed(1))
    rays, segments = torch.randn(3, 2, 3), torch.randn(2, 2, 3)
    rays[..., 2] = 0
    segments[..., 2] = 0
    _check(room, rays, segments, "ray_segment_systems(3 rays, 2 segments)")


def test_directions_are_columns(room):
    """mat[i, j, :, 0] is the direction D_i (a column), not the first row."""
    rays = torch.tensor([[[0.0, 0, 0], [1, 5, 0]]])
    segments = torch.tensor([[[1.0, -1, 0], [1, 1, 0]], [[2.0, 0, 0], [4, 3, 0]]])
    _check(room, rays, segments, "ray_segment_systems(1 ray, 2 segments)")


def test_z_is_dropped(room):
    """Non-zero z coordinates are ignored: only x and y enter the systems."""
    torch.manual_seed(fresh_seed(2))
    rays, segments = torch.randn(2, 2, 3), torch.randn(4, 2, 3)
    _check(room, rays, segments, "ray_segment_systems(2 rays, 4 segments, z != 0)")


def test_random_batch_against_loop(room):
    """7 random rays against 5 random segments, compared with two nested loops."""
    torch.manual_seed(fresh_seed(0))
    rays, segments = torch.randn(7, 2, 3), torch.randn(5, 2, 3)
    _check(room, rays, segments, "ray_segment_systems(7 rays, 5 segments)")
