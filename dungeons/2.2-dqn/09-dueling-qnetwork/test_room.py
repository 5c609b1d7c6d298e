"""Cases for DuelingQNetwork: the parts and their sizes, the output shape, the mean of Q over
actions equal to the value head (the advantages centred per row), the advantages' differences
kept, and a ReLU between layers."""

import torch

from arena_dungeon.testing import assert_equal, assert_shape, assert_tensor_close, fail


def _net(room, seed=0, *args):
    torch.manual_seed(seed)
    net = room.DuelingQNetwork(*(args or ((4,), 3)))
    for name in ("body", "value_head", "advantage_head"):
        if not hasattr(net, name):
            fail(f"DuelingQNetwork has no attribute `{name}`: the brief names the three parts "
                 "body, value_head and advantage_head", kind="type")
    return net


def _parts(net, x):
    h = net.body(x)
    return net.value_head(h), net.advantage_head(h)


def test_parts_and_sizes(room):
    """DuelingQNetwork((4,), 3): body 4->120->84 (10,764 parameters), value head 84->1 (85), advantage head 84->3 (255)."""
    net = _net(room)
    for part, want in (("body", 10764), ("value_head", 85), ("advantage_head", 255)):
        got = sum(p.numel() for p in getattr(net, part).parameters())
        assert_equal(got, want, call=f"parameters of DuelingQNetwork((4,), 3).{part}")


def test_output_shape(room):
    """A batch of 5 observations (5, 4), 3 actions: Q-values (5, 3)."""
    net = _net(room)
    assert_shape(net(torch.randn(5, 4)), (5, 3), call="DuelingQNetwork((4,), 3)(x of shape (5, 4))",
                 dims="batch actions")


def test_mean_over_actions_is_the_value(room):
    """64 random observations, 3 actions: Q.mean(-1) equals the value head's output, row by row (the advantages centred over each row's actions)."""
    net = _net(room, 1)
    x = torch.randn(64, 4)
    with torch.no_grad():
        q = net(x)
        value, _ = _parts(net, x)
    assert_tensor_close(q.mean(-1), value.squeeze(-1), atol=1e-5,
                        call="DuelingQNetwork(x).mean(-1) (should be value_head(body(x)))", dims="batch")


def test_advantage_differences_kept(room):
    """Q[:, a] - Q[:, b] equals A[:, a] - A[:, b]: centring shifts a row, it never rescales it (6 actions, hidden [16])."""
    net = _net(room, 2, (5,), 6, [16])
    x = torch.randn(32, 5)
    with torch.no_grad():
        q = net(x)
        _, adv = _parts(net, x)
    assert_tensor_close(q - q[:, :1], adv - adv[:, :1], atol=1e-5,
                        call="Q - Q[:, :1] (should be A - A[:, :1])", dims="batch actions")


def test_relu_in_the_body(room):
    """The body is not affine: body(x) + body(-x) differs from 2 body(0) for random x."""
    net = _net(room, 3)
    x = torch.randn(64, 4) * 3
    with torch.no_grad():
        gap = (net.body(x) + net.body(-x) - 2 * net.body(torch.zeros(1, 4))).abs().max().item()
    if gap < 1e-4:
        fail("body(x) + body(-x) = 2 body(0) for 64 random x: the body is affine. Put a ReLU "
             "after each of its Linear layers", kind="value")
