"""Cases for Discriminator: shapes and output range, the parameter layout (default and small
sizes), and outputs against a functional reference after copying the same random weights in."""

import torch
from torch import nn

from arena_dungeon.testing import assert_shape, call, fail, load_asset_module

ref = load_asset_module(__file__, "reference")
BIAS_NOTE = ("Every Conv2d and the Linear have bias=False; batch norm (not on the first "
             "block) brings weight and bias, in that order.")


def _make(room, *args):
    torch.manual_seed(0)
    model = room.Discriminator(*args)
    if not isinstance(model, nn.Module):
        fail(f"Discriminator(...) made a {type(model).__name__}, expected an nn.Module",
             kind="type")
    model.train()
    return model


def _expected_layers(n):
    blocks = ["Conv2d, LeakyReLU"] + ["Conv2d, BatchNorm2d, LeakyReLU"] * (n - 1)
    return ", ".join(blocks) + ", Rearrange, Linear, Sigmoid"


def _compare(room, args, batch, seed):
    size, chans, hidden = args
    model = _make(room, *args)
    ref.check_spec(model, ref.discriminator_spec(size, chans, hidden),
                   f"Discriminator{args}", BIAS_NOTE)
    p = ref.random_params(ref.discriminator_spec(size, chans, hidden), seed)
    ref.load_in_order(model, p)
    x = torch.randn(batch, chans, size, size, generator=torch.Generator().manual_seed(seed + 1))
    ref.close_or_show_layers(call(model, x), ref.discriminate(p, x, hidden), model,
                             _expected_layers(len(hidden)),
                             call=f"Discriminator{args}(x) with the test's weights, train mode",
                             dims="batch", atol=1e-5, rtol=1e-4)


def test_output_shape_and_range(room):
    """Discriminator(16, 3, [4, 8]) maps (5, 3, 16, 16) images to (5,) probabilities in (0, 1)."""
    model = _make(room, 16, 3, [4, 8])
    out = call(model, torch.randn(5, 3, 16, 16))
    assert_shape(out, (5,), call="Discriminator(16, 3, [4, 8])(x), x: (5, 3, 16, 16)",
                 dims="batch")
    if out.min() <= 0 or out.max() >= 1:
        fail(f"the outputs range from {out.min().item():.3g} to {out.max().item():.3g}, "
             "expected probabilities in (0, 1): end with Sigmoid", kind="value")


def test_default_parameter_layout(room):
    """Discriminator() with the defaults: the parameter shapes of the brief's layers, in order."""
    model = _make(room)
    ref.check_spec(model, ref.discriminator_spec(64, 3, [128, 256, 512]), "Discriminator()",
                   BIAS_NOTE)


def test_small_parameter_layout(room):
    """Discriminator(16, 3, [4, 8]): Conv(3, 4), Conv(4, 8), BN(8), Linear(8*4*4, 1)."""
    model = _make(room, 16, 3, [4, 8])
    ref.check_spec(model, ref.discriminator_spec(16, 3, [4, 8]), "Discriminator(16, 3, [4, 8])",
                   BIAS_NOTE)


def test_forward_matches_reference_with_copied_weights(room):
    """With copied weights, Discriminator(16, 3, [4, 8])(x) equals the reference."""
    _compare(room, (16, 3, [4, 8]), batch=6, seed=1)


def test_three_blocks_one_channel(room):
    """Discriminator(24, 1, [4, 6, 8]): greyscale, three blocks down to 3 x 3, against the reference."""
    _compare(room, (24, 1, [4, 6, 8]), batch=4, seed=2)
