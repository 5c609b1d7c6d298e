"""Cases for intersect_rays_1d: a fan against walls, parallel pairs, end points, a random batch."""

import torch

from arena_dungeon.testing import fresh_seed, assert_tensor_equal, call, fail


def _fan(n, y_limit):
    rays = torch.zeros(n, 2, 3)
    rays[:, 1, 0] = 1.0
    rays[:, 1, 1] = torch.linspace(-y_limit, y_limit, n)
    return rays


def _pair_uv(r, s):
    """(u, v) of one ray and one segment by Cramer's rule in float64, or None if parallel."""
    (ox, oy), (dx, dy) = r[0, :2].tolist(), r[1, :2].tolist()
    (ax, ay), (bx, by) = s[0, :2].tolist(), s[1, :2].tolist()
    m00, m01, m10, m11 = dx, ax - bx, dy, ay - by
    rx, ry = ax - ox, ay - oy
    det = m00 * m11 - m01 * m10
    if abs(det) < 1e-8:
        return None
    return (rx * m11 - m01 * ry) / det, (m00 * ry - rx * m10) / det


def _oracle(rays, segments):
    """Any hit per ray, by a double loop; also whether some pair sits on a boundary."""
    hits, shaky = [], []
    for r in rays:
        hit, close = False, False
        for s in segments:
            uv = _pair_uv(r, s)
            if uv is None:
                continue
            u, v = uv
            hit |= u >= 0 and 0 <= v <= 1
            close |= min(abs(u), abs(v), abs(v - 1)) < 1e-4
        hits.append(hit)
        shaky.append(close)
    return torch.tensor(hits), torch.tensor(shaky)


WALLS = torch.tensor([
    [[1.0, -12.0, 0.0], [1.0, -6.0, 0.0]],
    [[-2.0, 12.0, 0.0], [-1.0, 4.0, 0.0]],
    [[2.0, 13.0, 0.0], [3.0, 25.0, 0.0]],
])


def _check_bool(got, what):
    if isinstance(got, torch.Tensor) and got.dtype != torch.bool:
        fail(f"{what} returned {got.dtype}, expected a bool tensor (comparisons combined with "
             "& and reduced with any give one)", kind="dtype")


def test_fan_against_three_walls(room):
    """Nine rays y = -10..10 against three walls: rays 0, 1 and 7 hit something."""
    rays = _fan(9, 10.0)
    got = call(room.intersect_rays_1d, rays, WALLS)
    expected = torch.tensor([True, True, False, False, False, False, False, True, False])
    assert_tensor_equal(got, expected, call="intersect_rays_1d(make_rays_1d(9, 10), 3 walls)",
                        dims="nrays")
    _check_bool(got, "intersect_rays_1d(...)")


def test_wall_behind_origin_is_not_hit(room):
    """Only the wall at x in [-2, -1] (behind every ray): no ray hits."""
    got = call(room.intersect_rays_1d, _fan(9, 10.0), WALLS[1:2])
    assert_tensor_equal(got, torch.zeros(9, dtype=torch.bool),
                        call="intersect_rays_1d(make_rays_1d(9, 10), wall behind)", dims="nrays")


def test_parallel_pair_is_not_a_hit(room):
    """Ray 0 runs parallel to the wall (singular system): a miss, and ray 1 still hits."""
    rays = torch.tensor([[[0.0, 0, 0], [1, 0, 0]], [[0.0, 0, 0], [1, 0.5, 0]]])
    wall = torch.tensor([[[0.5, 0.5, 0.0], [1.5, 0.5, 0.0]]])
    got = call(room.intersect_rays_1d, rays, wall)
    assert_tensor_equal(got, torch.tensor([False, True]),
                        call="intersect_rays_1d(2 rays, wall along y=0.5)", dims="nrays")


def test_end_points_count(room):
    """Rays through each end of a wall (v = 0 and v = 1) hit it; one just outside misses."""
    rays = torch.tensor([[[0.0, 0, 0], [1, 1, 0]], [[0.0, 0, 0], [1, -1, 0]],
                         [[0.0, 0, 0], [1, 1.5, 0]]])
    wall = torch.tensor([[[1.0, 1.0, 0.0], [1.0, -1.0, 0.0]]])
    got = call(room.intersect_rays_1d, rays, wall)
    assert_tensor_equal(got, torch.tensor([True, True, False]),
                        call="intersect_rays_1d(rays through the ends, wall x=1)", dims="nrays")


def test_random_batch_against_loop(room):
    """40 random rays against 6 random segments, compared with a double loop."""
    torch.manual_seed(fresh_seed(0))
    rays = torch.randn(40, 2, 3)
    segments = torch.randn(6, 2, 3) * 2
    rays[..., 2] = 0
    segments[..., 2] = 0
    got = call(room.intersect_rays_1d, rays, segments)
    expected, shaky = _oracle(rays, segments)
    if isinstance(got, torch.Tensor) and got.shape == expected.shape:
        got = torch.where(shaky, expected, got)  # ignore rays that graze an end point
    assert_tensor_equal(got, expected, call="intersect_rays_1d(40 random rays, 6 segments)",
                        dims="nrays")
    _check_bool(got, "intersect_rays_1d(40 random rays, 6 segments)")


def test_ray_starting_on_a_wall_hits(room):
    """A ray whose origin lies on the wall meets it at u = 0, which counts (u >= 0); the
    ray beside it, starting past the wall, misses."""
    rays = torch.tensor([[[1.0, 0.0, 0.0], [1.0, 0.0, 0.0]], [[1.5, 0.0, 0.0], [1.0, 0.0, 0.0]]])
    wall = torch.tensor([[[1.0, -1.0, 0.0], [1.0, 1.0, 0.0]]])
    got = call(room.intersect_rays_1d, rays, wall)
    assert_tensor_equal(got, torch.tensor([True, False]),
                        call="intersect_rays_1d(rays from (1, 0) and (1.5, 0) along +x, wall x=1)",
                        dims="nrays")
