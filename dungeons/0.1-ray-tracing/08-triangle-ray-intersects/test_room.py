"""Cases for triangle_ray_intersects: inside, outside, behind, edges, parallel, random."""

import torch

from arena_dungeon.testing import fresh_seed, assert_equal, call

TRI = [torch.tensor([2.0, 0.0, 0.0]), torch.tensor([2.0, 2.0, 0.0]), torch.tensor([2.0, 0.0, 2.0])]
ORIGIN = torch.zeros(3)


def _oracle(A, B, C, O, D):
    """Moller-Trumbore with cross products in float64: (hit, distance to the nearest boundary)."""
    A, B, C, O, D = (x.double() for x in (A, B, C, O, D))
    e1, e2 = B - A, C - A
    p = torch.linalg.cross(D, e2)
    det = torch.dot(e1, p)
    if abs(det) < 1e-12:
        return False, 1.0
    t = O - A
    u = torch.dot(t, p) / det
    q = torch.linalg.cross(t, e1)
    v = torch.dot(D, q) / det
    s = torch.dot(e2, q) / det
    hit = bool(s >= 0 and u >= 0 and v >= 0 and u + v <= 1)
    return hit, float(min(abs(s), abs(u), abs(v), abs(1 - u - v)))


def _check(room, D, expected, what, tri=TRI, O=ORIGIN):
    D = torch.tensor(D) if not isinstance(D, torch.Tensor) else D
    got = call(room.triangle_ray_intersects, *tri, O, D)
    assert_equal(got, expected, call=f"triangle_ray_intersects({what})")


def test_ray_through_inside_hits(room):
    """The triangle (2,0,0), (2,2,0), (2,0,2); a ray along (1, .25, .25) hits at u = v = .25."""
    _check(room, [1.0, 0.25, 0.25], True, "D = (1, .25, .25)")


def test_rays_outside_miss(room):
    """Rays passing beyond the long edge (u + v > 1) or left of it (u < 0) miss."""
    _check(room, [1.0, 0.75, 0.75], False, "D = (1, .75, .75), u + v = 1.5")
    _check(room, [1.0, -0.25, 0.25], False, "D = (1, -.25, .25), u < 0")


def test_triangle_behind_origin_misses(room):
    """A ray pointing away (D = (-1, -.25, -.25)) meets the plane only at s = -2: a miss."""
    _check(room, [-1.0, -0.25, -0.25], False, "D = (-1, -.25, -.25), behind")


def test_edges_and_corners_count(room):
    """Hits exactly on the long edge (u + v = 1), at corner A, and at corner B count."""
    _check(room, [1.0, 0.5, 0.5], True, "D = (1, .5, .5), on the edge BC")
    _check(room, [1.0, 0.0, 0.0], True, "D = (1, 0, 0), at corner A")
    _check(room, [1.0, 1.0, 0.0], True, "D = (1, 1, 0), at corner B")


def test_parallel_ray_misses(room):
    """A ray parallel to the plane x = 2 (singular matrix): False, not an error."""
    _check(room, [0.0, 1.0, 0.0], False, "D = (0, 1, 0), parallel")


def test_random_triangles_against_cross_products(room):
    """30 random triangles, rays aimed near them (some backwards), vs a cross-product oracle."""
    torch.manual_seed(fresh_seed(0))
    done = 0
    while done < 30:
        A, B, C = torch.randn(3, 3) + torch.tensor([3.0, 0.0, 0.0])
        O = torch.randn(3) * 0.3
        u, v = torch.rand(2) * 1.4 - 0.2              # aim near the triangle, inside or not
        target = A + u * (B - A) + v * (C - A)
        D = (target - O) * (torch.rand(1) * 2 + 0.2) * (1 if torch.rand(1) < 0.8 else -1)
        expected, margin = _oracle(A, B, C, O, D)
        if margin < 1e-4:
            continue  # too close to an edge to judge fairly in float32
        got = call(room.triangle_ray_intersects, A, B, C, O, D)
        assert_equal(got, expected, call=f"triangle_ray_intersects(random case #{done})")
        done += 1


def test_origin_on_the_triangle_counts(room):
    """A ray starting on the triangle meets it at s = 0, which counts (s >= 0), whichever
    way it points."""
    O = torch.tensor([2.0, 0.5, 0.5])
    _check(room, [1.0, 0.0, 0.0], True, "O = (2, .5, .5) on the triangle, D = (1, 0, 0)", O=O)
    _check(room, [-1.0, 0.5, 0.0], True, "O = (2, .5, .5) on the triangle, D = (-1, .5, 0)", O=O)
