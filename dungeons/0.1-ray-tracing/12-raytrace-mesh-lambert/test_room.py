"""Cases for raytrace_mesh_lambert: lit, unlit, misses, unit normals, nearest wins, the creature."""

from pathlib import Path

import torch

from arena_dungeon.testing import fresh_seed, assert_tensor_close, call, fail, show_picture

ASSETS = Path(__file__).resolve().parent.parent / "assets"
FACING = torch.tensor([[2.0, 0.0, 0.0], [2.0, 0.0, 2.0], [2.0, 2.0, 0.0]])  # x = 2, normal -x
BACKWARD = torch.tensor([[3.0, -1.0, -1.0], [3.0, 3.0, -1.0], [3.0, -1.0, 3.0]])  # x = 3, normal +x
TOWARDS_CAMERA = torch.tensor([-1.0, 0.0, 0.0])


def _rays(directions, origin=(0.0, 0.0, 0.0)):
    d = torch.tensor(directions, dtype=torch.float32)
    return torch.stack([torch.tensor(origin).expand_as(d), d], dim=1)


def _camera(n, limit, x0):
    ys = torch.linspace(-limit, limit, n)
    rays = torch.zeros(n * n, 2, 3)
    rays[:, 0, 0] = x0
    rays[:, 1, 0] = 1.0
    rays[:, 1, 1] = ys.repeat_interleave(n)
    rays[:, 1, 2] = ys.repeat(n)
    return rays


def _oracle(rays, triangles, light, ambient):
    """Cross-product ray casting and shading in float64: (brightness, ambiguous) per ray."""
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
    u, v, s = (t * p).sum(-1) / det, (Dx * q).sum(-1) / det, (q * e2).sum(-1) / det
    hit = ok & (s >= 0) & (u >= 0) & (v >= 0) & (u + v <= 1)
    depth = torch.where(hit, s * D[..., 0], torch.inf)
    two = depth.topk(min(2, depth.shape[1]), dim=1, largest=False)
    tri = triangles.double()
    n = torch.linalg.cross(tri[:, 1] - tri[:, 0], tri[:, 2] - tri[:, 0])
    n = n / n.norm(dim=-1, keepdim=True)
    bright = (n * light.double()).sum(-1).clamp(min=0)
    out = torch.where(torch.isfinite(two.values[:, 0]), bright[two.indices[:, 0]] + ambient, 0.0)
    margin = torch.stack([s.abs(), u.abs(), v.abs(), (1 - u - v).abs()]).amin(0)
    shaky = (ok & (margin < 1e-4)).any(1)
    if depth.shape[1] > 1:
        shaky |= (two.values[:, 1] - two.values[:, 0]).abs() < 1e-4  # a near tie between surfaces
    return out.float(), shaky


def _compare(got, rays, triangles, light, ambient, what):
    expected, shaky = _oracle(rays, triangles, light, ambient)
    if isinstance(got, torch.Tensor) and got.shape == expected.shape:
        got = torch.where(shaky, expected, got)
    assert_tensor_close(got, expected, call=what, atol=1e-4, rtol=1e-4, dims="nrays")
    return expected


def test_facing_the_light(room):
    """Light straight from the camera onto a facing triangle: 1 + ambient where hit, 0 where not."""
    rays = _rays([[1, 0.25, 0.25], [1, 1.5, 1.5]])
    got = call(room.raytrace_mesh_lambert, rays, FACING[None], TOWARDS_CAMERA, 0.1)
    assert_tensor_close(got, torch.tensor([1.1, 0.0]),
                        call="raytrace_mesh_lambert([hit, miss], facing triangle, light (-1,0,0), 0.1)",
                        dims="nrays")


def test_lit_from_behind_gives_ambient_only(room):
    """Light from behind the triangle: n . light = -1 is clamped to 0, leaving the ambient 0.1."""
    rays = _rays([[1, 0.25, 0.25]])
    got = call(room.raytrace_mesh_lambert, rays, FACING[None], torch.tensor([1.0, 0.0, 0.0]), 0.1)
    assert_tensor_close(got, torch.tensor([0.1]),
                        call="raytrace_mesh_lambert(hit, facing triangle, light (1,0,0), 0.1)",
                        dims="nrays")


def test_misses_stay_dark(room):
    """Rays that hit nothing are 0, not the ambient term and not triangle 0's brightness."""
    rays = _rays([[1, 2.0, 2.0], [-1, 0.2, 0.2], [1, -1.0, 0.5]])
    got = call(room.raytrace_mesh_lambert, rays, FACING[None], TOWARDS_CAMERA, 0.25)
    assert_tensor_close(got, torch.zeros(3),
                        call="raytrace_mesh_lambert(3 missing rays, facing triangle, ambient 0.25)",
                        dims="nrays")


def test_slanted_light_uses_unit_normals(room):
    """Light (-0.6, 0.8, 0) on a triangle with |(B-A)x(C-A)| = 4: brightness 0.6, not 2.4."""
    rays = _rays([[1, 0.25, 0.25]])
    got = call(room.raytrace_mesh_lambert, rays, FACING[None], torch.tensor([-0.6, 0.8, 0.0]), 0.0)
    assert_tensor_close(got, torch.tensor([0.6]),
                        call="raytrace_mesh_lambert(hit, facing triangle, light (-.6,.8,0), 0)",
                        dims="nrays")


def test_nearest_triangle_decides(room):
    """Far triangle (facing away, brightness 0) listed first; through both, the near one (0.6) shows."""
    rays = _rays([[1, 0.25, 0.25], [1, -0.2, -0.2]])
    light = torch.tensor([-0.6, 0.0, 0.8])
    got = call(room.raytrace_mesh_lambert, rays, torch.stack([BACKWARD, FACING]), light, 0.1,
               device="cpu")
    assert_tensor_close(got, torch.tensor([0.7, 0.1]),
                        call="raytrace_mesh_lambert([both, far only], [far, near], light, 0.1)",
                        dims="nrays")
    if got.device.type != "cpu":
        fail(f"the result is on {got.device}; return it on the CPU", kind="device")


# Tilted plane through (3, .75, .75) with unit normal (-0.6, 0, 0.8): fully lit by that light.
BRIGHT_FAR = torch.tensor([[2.2, -0.25, 0.15], [5.4, -0.25, 2.55], [2.2, 3.75, 0.15]])


def test_nearer_dim_triangle_hides_a_brighter_one(room):
    """The far triangle faces the light squarely (brightness 1), the near one only at 0.6:
    through both, the near one still shows (0.7), in either list order; a ray that meets
    only the far one shows 1.1. Picking the brightest hit, or the first or last listed, fails."""
    rays = _rays([[1, 0.25, 0.25], [2.52, 2.15, 0.39]])
    light = torch.tensor([-0.6, 0.0, 0.8])
    for order, tris in [("[near, far]", torch.stack([FACING, BRIGHT_FAR])),
                        ("[far, near]", torch.stack([BRIGHT_FAR, FACING]))]:
        got = call(room.raytrace_mesh_lambert, rays, tris, light, 0.1)
        assert_tensor_close(got, torch.tensor([0.7, 1.1]),
                            call=f"raytrace_mesh_lambert([both, far only], {order}, light "
                                 "(-.6, 0, .8), 0.1)", dims="nrays", atol=1e-4)


def test_random_scene_against_oracle(room):
    """150 random rays against 25 random triangles and a random light, vs a float64 oracle."""
    torch.manual_seed(fresh_seed(0))
    tris = torch.randn(25, 3, 3) * 0.8 + torch.tensor([3.0, 0.0, 0.0])
    rays = torch.stack([torch.randn(150, 3) * 0.3,
                        torch.randn(150, 3) * 0.3 + torch.tensor([1.0, 0.0, 0.0])], dim=1)
    light = torch.randn(3)
    light = light / light.norm()
    got = call(room.raytrace_mesh_lambert, rays, tris, light, 0.05)
    expected = _compare(got, rays, tris, light, 0.05, "raytrace_mesh_lambert(150 random rays, 25 triangles)")
    if not 30 < int((expected > 0).sum()) < 140:
        fail("the test's own random scene is broken", kind="harness")


def test_renders_the_lit_creature(room):
    """The creature under a light from the upper left of the camera, 40x40 rays."""
    mesh = torch.load(ASSETS / "mesh.pt", weights_only=True)
    rays = _camera(40, 0.6, -2.0)
    light = torch.tensor([-1.0, -0.6, 0.8])
    light = light / light.norm()
    got = call(room.raytrace_mesh_lambert, rays, mesh, light, 0.1)
    _compare(got, rays, mesh, light, 0.1, "raytrace_mesh_lambert(40x40 camera, creature)")
    show_picture((got.view(40, 40).T.flip(0) / 1.1).clamp(0, 1),
                 "the creature in your light (Lambert shading + ambient)")


def test_ray_starting_on_a_triangle_sees_it(room):
    """A ray whose origin lies on the facing triangle meets it at s = 0, which counts
    (s >= 0): it shows the triangle's 1 + ambient, not the dark of a miss."""
    rays = _rays([[1.0, 0.0, 0.0]], origin=(2.0, 0.5, 0.5))
    got = call(room.raytrace_mesh_lambert, rays, FACING[None], TOWARDS_CAMERA, 0.1)
    assert_tensor_close(got, torch.tensor([1.1]),
                        call="raytrace_mesh_lambert(ray from (2, .5, .5) on the triangle, facing "
                             "triangle, light (-1,0,0), 0.1)", dims="nrays")
