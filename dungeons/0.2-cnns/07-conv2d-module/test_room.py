"""Cases for Conv2d: one weight Parameter (out, in, k, k), fan-in init bound, forward."""

import math
import random

import torch
import torch.nn.functional as F
from torch import nn

from arena_dungeon.testing import fresh_seed, assert_tensor_close, call, fail


def _layout(module):
    return [(name, tuple(p.shape)) for name, p in module.named_parameters()]


def test_weight_is_the_only_parameter(room):
    """Conv2d(4, 5, 3) owns exactly one Parameter, weight of shape (5, 4, 3, 3)."""
    mine = room.Conv2d(4, 5, 3)
    got, expected = _layout(mine), _layout(nn.Conv2d(4, 5, 3, bias=False))
    if not got:
        fail("Conv2d(4, 5, 3) has no parameters: wrap the weight in nn.Parameter(...)",
             kind="type")
    if got != expected:
        fail(f"Conv2d(4, 5, 3) has parameters {got}, expected {expected}", kind="shape",
             details="One parameter named `weight`, shaped (out_channels, in_channels, k, k), "
                     "and no bias.")


def test_init_bound_uses_the_fan_in(room):
    """Conv2d(100, 100, 3): weights fill [-1/30, 1/30], since the fan-in is 100 * 3 * 3."""
    torch.manual_seed(fresh_seed(0))
    w = room.Conv2d(100, 100, 3).weight.detach()
    bound = 1 / math.sqrt(100 * 3 * 3)
    lo, hi = w.min().item(), w.max().item()
    if hi > bound + 1e-6 or lo < -bound - 1e-6:
        fail(f"weights range over [{lo:.4f}, {hi:.4f}], outside +-1/sqrt(900) = +-{bound:.4f}",
             kind="value", details="The fan-in of one output is in_channels * k * k.")
    if hi < bound - 1e-3 or lo > -bound + 1e-3:
        fail(f"weights only range over [{lo:.4f}, {hi:.4f}]; expected them to fill "
             f"[-{bound:.4f}, {bound:.4f}]", kind="value",
             details="Uniform in [-b, b] with b = 1/sqrt(in_channels * k * k).")
    if abs(w.std().item() - bound / math.sqrt(3)) > 0.03 * bound:
        fail(f"weight std is {w.std().item():.4f}, expected b/sqrt(3) = "
             f"{bound / math.sqrt(3):.4f} for a uniform draw", kind="value")


def test_forward_matches_torch_conv2d(room):
    """Ten random shapes, kernels 1-5, strides 1-3, paddings 0-2, against F.conv2d."""
    rng = random.Random(0)
    torch.manual_seed(fresh_seed(0))
    for _ in range(10):
        b, cin, cout = rng.randint(1, 3), rng.randint(1, 4), rng.randint(1, 5)
        k, stride, padding = rng.randint(1, 5), rng.randint(1, 3), rng.randint(0, 2)
        h, w = rng.randint(k, 12), rng.randint(k, 12)
        mine = room.Conv2d(cin, cout, k, stride=stride, padding=padding)
        x = torch.randn(b, cin, h, w)
        with torch.no_grad():
            got = call(mine, x)
        expected = F.conv2d(x, mine.weight.detach(), stride=stride, padding=padding)
        assert_tensor_close(got, expected,
                            call=f"Conv2d({cin}, {cout}, {k}, stride={stride}, "
                                 f"padding={padding})(x) for x {tuple(x.shape)}",
                            dims="batch out_channels out_height out_width", atol=1e-5)


def test_defaults_are_stride_1_and_no_padding(room):
    """Conv2d(2, 3, 3) on (1, 2, 7, 6) gives (1, 3, 5, 4)."""
    torch.manual_seed(fresh_seed(3))
    mine = room.Conv2d(2, 3, 3)
    x = torch.randn(1, 2, 7, 6)
    with torch.no_grad():
        got = call(mine, x)
    assert_tensor_close(got, F.conv2d(x, mine.weight.detach()), call="Conv2d(2, 3, 3)(x)",
                        dims="batch out_channels out_height out_width")


def test_kernel_stride_padding_as_pairs(room):
    """Conv2d(4, 5, (3, 3)) and Conv2d(2, 3, (3, 2), stride=(2, 1), padding=(1, 0)), as torch."""
    torch.manual_seed(fresh_seed(5))
    made = "Conv2d(4, 5, (3, 3))"
    try:
        square = room.Conv2d(4, 5, (3, 3))
        made = "Conv2d(2, 3, (3, 2), stride=(2, 1), padding=(1, 0))"
        oblong = room.Conv2d(2, 3, (3, 2), stride=(2, 1), padding=(1, 0))
    except (TypeError, ValueError) as exc:
        fail(f"{made} raised {type(exc).__name__}: {exc}", kind="type",
             details="kernel_size, stride and padding may each be an int or a (height, width) "
                     "pair: force_pair turns either into a pair.")
    for module, call_text, expected in (
            (square, "Conv2d(4, 5, (3, 3))", (5, 4, 3, 3)),
            (oblong, "Conv2d(2, 3, (3, 2), ...)", (3, 2, 3, 2))):
        got = tuple(module.weight.shape)
        if got != expected:
            fail(f"{call_text}.weight has shape {got}, expected {expected}", kind="shape",
                 details="(out_channels, in_channels, kernel_height, kernel_width)")
    x = torch.randn(1, 2, 7, 6)
    with torch.no_grad():
        got = call(oblong, x)
    expected = F.conv2d(x, oblong.weight.detach(), stride=(2, 1), padding=(1, 0))
    assert_tensor_close(got, expected, call="Conv2d(2, 3, (3, 2), stride=(2, 1), "
                                            "padding=(1, 0))(x) for x (1, 2, 7, 6)",
                        dims="batch out_channels out_height out_width", atol=1e-5)


def test_loads_nn_conv2d_weights(room):
    """nn.Conv2d(3, 6, 3, bias=False)'s state_dict loads into Conv2d(3, 6, 3)."""
    torch.manual_seed(fresh_seed(4))
    ref = nn.Conv2d(3, 6, 3, stride=2, padding=1, bias=False)
    mine = room.Conv2d(3, 6, 3, stride=2, padding=1)
    try:
        mine.load_state_dict(ref.state_dict())
    except RuntimeError as exc:
        fail("load_state_dict(nn.Conv2d(3, 6, 3, bias=False).state_dict()) failed: "
             + str(exc).splitlines()[0], kind="shape")
    x = torch.randn(2, 3, 9, 9)
    with torch.no_grad():
        assert_tensor_close(call(mine, x), ref(x), call="Conv2d(3, 6, 3, 2, 1)(x)",
                            dims="batch out_channels out_height out_width")


def test_extra_repr_names_the_settings(room):
    """repr(Conv2d(3, 8, 5, stride=2, padding=1)) mentions all five settings."""
    text = repr(room.Conv2d(3, 8, 5, stride=2, padding=1))
    for part in ("in_channels=3", "out_channels=8", "kernel_size=5", "stride=2", "padding=1"):
        if part not in text:
            fail(f"repr(Conv2d(3, 8, 5, stride=2, padding=1)) is {text!r}: it should mention "
                 f"{part!r}", kind="value")


def test_init_bound_with_unequal_channels_and_kernel_sides(room):
    """Conv2d(8, 200, (1, 5)): the fan-in is 8 * 1 * 5 = 40, so the weights fill
    [-1/sqrt(40), 1/sqrt(40)]; neither out_channels nor a squared kernel side enters it."""
    torch.manual_seed(fresh_seed(1))
    w = room.Conv2d(8, 200, (1, 5)).weight.detach()
    bound = 1 / math.sqrt(8 * 1 * 5)
    lo, hi = w.min().item(), w.max().item()
    if hi > bound + 1e-6 or lo < -bound - 1e-6 or hi < 0.97 * bound or lo > -0.97 * bound:
        fail(f"Conv2d(8, 200, (1, 5)) weights range over [{lo:.4f}, {hi:.4f}], expected them "
             f"to fill +-1/sqrt(8 * 1 * 5) = +-{bound:.4f}", kind="value",
             details="The fan-in of one output is in_channels * kernel height * kernel width: "
                     "the inputs one output reads, not the outputs one input feeds.")
