"""Cases for QNetwork: CartPole's 10,934 parameters, the output shape, other hidden sizes,
a ReLU between layers (the network is not affine) and none after the last (Q-values can be
negative)."""

import torch

from arena_dungeon.testing import fresh_seed, assert_equal, assert_shape, fail


def _count(net) -> int:
    return sum(p.numel() for p in net.parameters())


def test_cartpole_parameter_count(room):
    """QNetwork((4,), 2): 4*120+120 + 120*84+84 + 84*2+2 = 10,934 parameters."""
    net = room.QNetwork((4,), 2)
    got = _count(net)
    if got != 10934:
        fail(f"QNetwork((4,), 2) has {got:,} parameters, expected 10,934 (Linear 4->120, "
             "120->84, 84->2, each with a bias)", kind="value")


def test_output_shape(room):
    """A batch of 7 CartPole observations (7, 4) gives Q-values (7, 2)."""
    torch.manual_seed(fresh_seed(0))
    net = room.QNetwork((4,), 2)
    assert_shape(net(torch.randn(7, 4)), (7, 2), call="QNetwork((4,), 2)(x of shape (7, 4))",
                 dims="batch actions")


def test_other_hidden_sizes(room):
    """QNetwork((3,), 5, [10]) has 95 parameters and QNetwork((6,), 3, [32, 32, 16]) 1,859."""
    for args, want in ((((3,), 5, [10]), 95), (((6,), 3, [32, 32, 16]), 1859)):
        net = room.QNetwork(*args)
        assert_equal(_count(net), want, call=f"parameters of QNetwork{args}")
        assert_shape(net(torch.randn(2, args[0][0])), (2, args[1]),
                     call=f"QNetwork{args}(x of shape (2, {args[0][0]}))", dims="batch actions")


def test_relu_between_layers(room):
    """Without a non-linearity, stacked Linears collapse to one affine map: then Q(x) + Q(-x) = 2 Q(0) for every x."""
    torch.manual_seed(fresh_seed(1))
    net = room.QNetwork((4,), 2)
    x = torch.randn(64, 4) * 3
    with torch.no_grad():
        gap = (net(x) + net(-x) - 2 * net(torch.zeros(1, 4))).abs().max().item()
    if gap < 1e-4:
        fail("Q(x) + Q(-x) equals 2 Q(0) for 64 random x: the network is affine. Put a ReLU "
             "after each hidden Linear layer", kind="value")


def test_q_values_can_be_negative(room):
    """The last layer is linear: some of 256 random observations get negative Q-values (CartPole's are positive, others' are not)."""
    torch.manual_seed(fresh_seed(2))
    net = room.QNetwork((4,), 2)
    with torch.no_grad():
        q = net(torch.randn(256, 4) * 3)
    if (q < 0).sum() == 0:
        fail(f"no Q-value of 256 random observations is negative (min {q.min().item():.3f}): "
             "something after the last Linear (a ReLU, a softmax) forces them >= 0. A Q-value "
             "is an expected return, which can be any real number", kind="value")
