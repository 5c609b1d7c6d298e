"""Cases for raytrace_mesh: nearest hit, misses as inf, behind, parallel, random, the creature."""

from pathlib import Path

import torch

from arena_dungeon.testing import fresh_seed, assert_tensor_close, call, fail, show_picture

ASSETS = Path(__file__).resolve().parent.parent / "assets"
INF = float("inf")
NEAR = torch.tensor([[2.0, 0.0, 0.0], [2.0, 2.0, 0.0], [2.0, 0.0, 2.0]])   # plane x = 2
FAR = torch.tensor([[3.0, -1.0, -1.0], [3.0, 3.0, -1.0], [3.0, -1.0, 3.0]])  # plane x = 3, bigger


def _rays(directions, origin=(0.0, 0.0, 0.0)):
    d = torch.tensor(directions, dtype=torch.float32)
    return torch.stack([torch.tensor(origin).expand_as(d), d], dim=1)


def _camera(n, limit, x0):
    """n x n rays from (x0, 0, 0) through (x0 + 1, y, z); y slow, z fast."""
    ys = torch.linspace(-limit, limit, n)
    rays = torch.zeros(n * n, 2, 3)
    rays[:, 0, 0] = x0
    rays[:, 1, 0] = 1.0
    rays[:, 1, 1] = ys.repeat_interleave(n)
    rays[:, 1, 2] = ys.repeat(n)
    return rays


def _oracle(rays, triangles):
    """Moller-Trumbore over all pairs in float64: (nearest depth, near_an_edge) per ray."""
    O, D = rays.double()[:, None, 0], rays.double()[:, None, 1]
    A, B, C = triangles.double()[None].unbind(2)
    e1, e2 = (B - A).expand(len(rays), -1, -1), (C - A).expand(len(rays), -1, -1)
    Dx = D.expand_as(e1)
    p = torch.linalg.cross(Dx, e2)
    det = (p * e1).sum(-1)
    ok = det.abs() > 1e-12
    det = torch.where(ok, det, torch.ones_like(det))
    t = (O - A).expand_as(e1)
    q = torch.linalg.cross(t, e1)
    u = (t * p).sum(-1) / det
    v = (Dx * q).sum(-1) / det
    s = (q * e2).sum(-1) / det
    hit = ok & (s >= 0) & (u >= 0) & (v >= 0) & (u + v <= 1)
    depth = torch.where(hit, s * D[..., 0], torch.inf).amin(1)
    margin = torch.stack([s.abs(), u.abs(), v.abs(), (1 - u - v).abs()]).amin(0)
    shaky = (ok & (margin < 1e-4)).any(1)
    return depth.float(), shaky


def _compare(got, rays, triangles, what):
    expected, shaky = _oracle(rays, triangles)
    if isinstance(got, torch.Tensor) and got.shape == expected.shape:
        got = torch.where(shaky, expected, got)  # rays grazing an edge could go either way
    assert_tensor_close(got, expected, call=what, atol=1e-4, rtol=1e-4, dims="nrays")
    return expected


def test_single_triangle_hand_checked(room):
    """One triangle in x = 2: a hit at depth 2, a miss (inf), and D = (2, .5, .5): depth s*D_x = 2."""
    rays = _rays([[1, 0.25, 0.25], [1, 0.75, 0.75], [2, 0.5, 0.5]])
    got = call(room.raytrace_mesh, rays, NEAR[None])
    assert_tensor_close(got, torch.tensor([2.0, INF, 2.0]),
                        call="raytrace_mesh(3 rays, 1 triangle at x=2)", dims="nrays")


def test_nearest_of_two_triangles(room):
    """Far triangle listed first: a ray through both sees the near one (2), others see 3 or inf."""
    rays = _rays([[1, 0.25, 0.25], [1, -0.2, -0.2], [1, 1.5, 1.5]])
    got = call(room.raytrace_mesh, rays, torch.stack([FAR, NEAR]))
    assert_tensor_close(got, torch.tensor([2.0, 3.0, INF]),
                        call="raytrace_mesh(3 rays, [far triangle, near triangle])", dims="nrays")


def test_triangle_behind_camera_is_ignored(room):
    """A triangle at x = -2 (s < 0) must not count: the depth is the one at x = 3."""
    behind = NEAR * torch.tensor([-1.0, 1.0, 1.0])
    rays = _rays([[1, 0.2, 0.2], [1, -0.3, -0.3]])
    got = call(room.raytrace_mesh, rays, torch.stack([behind, FAR]))
    assert_tensor_close(got, torch.tensor([3.0, 3.0]),
                        call="raytrace_mesh(2 rays, [triangle behind, triangle at x=3])", dims="nrays")


def test_parallel_ray_misses(room):
    """A ray parallel to the triangle's plane is a miss (inf), even where its fake solution looks good."""
    rays = torch.tensor([[[2.1, 0.2, 0.2], [0.0, 1.0, 0.0]], [[0.0, 0.0, 0.0], [1.0, 0.3, 0.3]]])
    got = call(room.raytrace_mesh, rays, NEAR[None])
    assert_tensor_close(got, torch.tensor([INF, 2.0]),
                        call="raytrace_mesh([parallel ray, hitting ray], triangle)", dims="nrays")


def test_one_depth_per_ray(room):
    """5 rays and 2 triangles give 5 depths, and 2 rays against 5 triangles give 2."""
    torch.manual_seed(fresh_seed(1))
    rays = _camera(3, 0.5, 0.0)[:5]
    tris = torch.stack([NEAR, FAR])
    _compare(call(room.raytrace_mesh, rays, tris), rays, tris, "raytrace_mesh(5 rays, 2 triangles)")
    rays2 = rays[:2]
    tris5 = torch.randn(5, 3, 3) + torch.tensor([3.0, 0.0, 0.0])
    _compare(call(room.raytrace_mesh, rays2, tris5), rays2, tris5, "raytrace_mesh(2 rays, 5 triangles)")


def test_random_scene_against_cross_products(room):
    """150 random rays against 25 random triangles, compared with a cross-product oracle."""
    torch.manual_seed(fresh_seed(0))
    tris = torch.randn(25, 3, 3) * 0.8 + torch.tensor([3.0, 0.0, 0.0])
    tris[::5] *= torch.tensor([-1.0, 1.0, 1.0])  # a few behind the origin
    rays = torch.stack([torch.randn(150, 3) * 0.3,
                        torch.randn(150, 3) * 0.3 + torch.tensor([1.0, 0.0, 0.0])], dim=1)
    got = call(room.raytrace_mesh, rays, tris)
    expected = _compare(got, rays, tris, "raytrace_mesh(150 random rays, 25 triangles)")
    if not 30 < int(torch.isfinite(expected).sum()) < 140:
        fail("the test's own random scene is broken", kind="harness")


def test_renders_the_creature(room):
    """The dungeon's 400-triangle creature seen by a 40x40 camera at x = -2."""
    mesh = torch.load(ASSETS / "mesh.pt", weights_only=True)
    rays = _camera(40, 0.6, -2.0)
    got = call(room.raytrace_mesh, rays, mesh)
    expected = _compare(got, rays, mesh, "raytrace_mesh(40x40 camera, creature mesh)")
    depth = expected.view(40, 40).T.flip(0)  # rows = z from top, columns = y
    hit = torch.isfinite(depth)
    near, far = depth[hit].min(), depth[hit].max()
    img = torch.where(hit, 1.0 - 0.75 * (depth - near) / (far - near), torch.zeros_like(depth))
    show_picture(img, "the creature, traced by your raytrace_mesh (brighter = nearer)")


def test_ray_starting_on_a_triangle_sees_it(room):
    """A ray starting on the near triangle meets it at s = 0 (depth 0), which counts
    (s >= 0); skipping it would show the triangle behind at depth 1."""
    rays = _rays([[1.0, 0.0, 0.0], [1.0, 0.1, 0.1]], origin=(2.0, 0.5, 0.5))
    got = call(room.raytrace_mesh, rays, torch.stack([NEAR, FAR]))
    assert_tensor_close(got, torch.tensor([0.0, 0.0]),
                        call="raytrace_mesh(2 rays from (2, .5, .5) on the near triangle, "
                             "[near, far])", dims="nrays")
