"""Cases for get_trig_sum_directions: against cos and sin of w (x + y) evaluated directly
and normalised, on several (k, p); unit norm and orthogonality."""

import torch

from arena_dungeon.testing import assert_number_close, assert_tensor_close, call, fail, \
    fresh_seed, show_signed


def _oracle(k: int, p: int) -> tuple[torch.Tensor, torch.Tensor]:
    x = torch.arange(p, dtype=torch.float64)
    angle = 2 * torch.pi * k * (x[:, None] + x[None, :]) / p
    c, s = torch.cos(angle), torch.sin(angle)
    return (c / c.norm()).float(), (s / s.norm()).float()


def _dirs(room, k, p):
    out = call(room.get_trig_sum_directions, k, p)
    if not isinstance(out, tuple) or len(out) != 2:
        fail(f"get_trig_sum_directions({k}, {p}) should return a pair (cos_dir, sin_dir), got "
             f"{type(out).__name__}", kind="type")
    return out


def test_unit_and_orthogonal(room):
    """k = 2, p = 7: each direction has norm 1 and they are orthogonal."""
    cos_dir, sin_dir = _dirs(room, 2, 7)
    assert_number_close(float(cos_dir.norm()), 1.0, atol=1e-5, call="cos_dir.norm(), k=2, p=7")
    assert_number_close(float(sin_dir.norm()), 1.0, atol=1e-5, call="sin_dir.norm(), k=2, p=7")
    assert_number_close(float((cos_dir * sin_dir).sum()), 0.0, atol=1e-5,
                        call="(cos_dir * sin_dir).sum(), k=2, p=7")


def test_cos_of_sum(room):
    """k = 3, p = 11: cos_dir is cos(w (x + y)) divided by its norm."""
    cos_dir, _ = _dirs(room, 3, 11)
    assert_tensor_close(cos_dir, _oracle(3, 11)[0], atol=1e-5,
                        call="get_trig_sum_directions(3, 11)[0]", dims="x y")


def test_sin_of_sum(room):
    """k = 4, p = 13: sin_dir is sin(w (x + y)) divided by its norm."""
    _, sin_dir = _dirs(room, 4, 13)
    assert_tensor_close(sin_dir, _oracle(4, 13)[1], atol=1e-5,
                        call="get_trig_sum_directions(4, 13)[1]", dims="x y")


def test_random_frequencies(room):
    """Random k on p = 17 and p = 53, both directions."""
    gen = torch.Generator().manual_seed(fresh_seed(0))
    for p in (17, 53):
        k = int(torch.randint(1, p // 2 + 1, (1,), generator=gen))
        got = _dirs(room, k, p)
        for name, g, e in zip(("cos_dir", "sin_dir"), got, _oracle(k, p)):
            assert_tensor_close(g, e, atol=1e-5, call=f"{name} of get_trig_sum_directions({k}, {p})",
                                dims="x y")
    show_signed(_dirs(room, 3, 53)[0], "cos(w (a + b)) for k = 3, p = 53: constant along every"
                " anti-diagonal a + b = c")
