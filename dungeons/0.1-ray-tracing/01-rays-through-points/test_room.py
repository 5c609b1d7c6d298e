"""Cases for rays_through_points: layout (origin row, direction row), values, no mutation."""

import torch

from arena_dungeon.testing import fresh_seed, assert_tensor_close, call


def _oracle(origin, points):
    """A slow, obvious loop: one (2, 3) ray per point."""
    rays = torch.zeros(len(points), 2, 3)
    for i in range(len(points)):
        for k in range(3):
            rays[i, 0, k] = origin[k]
            rays[i, 1, k] = points[i, k] - origin[k]
    return rays


def test_one_point_hand_checked(room):
    """origin (1, 2, 3) through (4, 6, 3): the ray [[1, 2, 3], [3, 4, 0]]."""
    origin = torch.tensor([1.0, 2.0, 3.0])
    points = torch.tensor([[4.0, 6.0, 3.0]])
    got = call(room.rays_through_points, origin, points)
    expected = torch.tensor([[[1.0, 2.0, 3.0], [3.0, 4.0, 0.0]]])
    assert_tensor_close(got, expected, call="rays_through_points([1,2,3], [[4,6,3]])",
                        dims="npoints 2 3")


def test_rays_axis_comes_first(room):
    """Three points give (3, 2, 3): one (2, 3) ray per point, not (2, 3, 3)."""
    origin = torch.tensor([0.5, -1.0, 2.0])
    points = torch.tensor([[1.0, 0.0, 0.0], [0.0, 1.0, 0.0], [0.0, 0.0, 1.0]])
    got = call(room.rays_through_points, origin, points)
    assert_tensor_close(got, _oracle(origin, points), call="rays_through_points(origin, 3 points)",
                        dims="npoints 2 3")


def test_origin_row_then_direction_row(room):
    """rays[:, 0] is the origin and rays[:, 1] the direction, not the other way round."""
    origin = torch.tensor([2.0, 3.0, 4.0])
    points = torch.tensor([[2.0, 3.0, 5.0], [7.0, 3.0, 4.0]])
    got = call(room.rays_through_points, origin, points)
    expected = _oracle(origin, points)
    assert_tensor_close(got, expected, call="rays_through_points([2,3,4], 2 points)",
                        dims="npoints 2 3")


def test_random_batch_against_loop(room):
    """50 random points from a random origin, compared with a plain loop."""
    torch.manual_seed(fresh_seed(0))
    origin = torch.randn(3)
    points = torch.randn(50, 3)
    got = call(room.rays_through_points, origin, points)
    assert_tensor_close(got, _oracle(origin, points), call="rays_through_points(origin, 50 points)",
                        dims="npoints 2 3")


def test_empty_batch(room):
    """No points at all: an empty (0, 2, 3) batch of rays."""
    got = call(room.rays_through_points, torch.zeros(3), torch.zeros(0, 3))
    assert_tensor_close(got, torch.zeros(0, 2, 3), call="rays_through_points(origin, 0 points)",
                        dims="npoints 2 3")
