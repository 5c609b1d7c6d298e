"""Cases for Generator: shapes and output range, the parameter layout (default and small
sizes), and outputs against a functional reference after copying the same random weights in."""

import torch
from torch import nn

from arena_dungeon.testing import assert_shape, call, fail, load_asset_module

ref = load_asset_module(__file__, "reference")
BIAS_NOTE = ("The Linear and every ConvTranspose2d have bias=False; batch norm brings "
             "weight and bias (in that order).")


def _make(room, *args):
    torch.manual_seed(0)
    model = room.Generator(*args)
    if not isinstance(model, nn.Module):
        fail(f"Generator(...) made a {type(model).__name__}, expected an nn.Module", kind="type")
    model.train()
    return model


def _expected_layers(n):
    blocks = ["ConvTranspose2d, BatchNorm2d, ReLU"] * (n - 1) + ["ConvTranspose2d, Tanh"]
    return "Linear, Rearrange, BatchNorm2d, ReLU, " + ", ".join(blocks)


def _compare(room, args, batch, seed):
    latent, size, chans, hidden = args
    model = _make(room, *args)
    ref.check_spec(model, ref.generator_spec(latent, size, chans, hidden),
                   f"Generator{args}", BIAS_NOTE)
    p = ref.random_params(ref.generator_spec(latent, size, chans, hidden), seed)
    ref.load_in_order(model, p)
    z = torch.randn(batch, latent, generator=torch.Generator().manual_seed(seed + 1))
    ref.close_or_show_layers(call(model, z), ref.generate(p, z, size, hidden), model,
                             _expected_layers(len(hidden)),
                             call=f"Generator{args}(z) with the test's weights, train mode",
                             dims="batch channels height width", atol=1e-4, rtol=1e-4)


def test_output_shape_and_range(room):
    """Generator(8, 16, 3, [4, 8]) maps z: (5, 8) to (5, 3, 16, 16), all values in [-1, 1]."""
    model = _make(room, 8, 16, 3, [4, 8])
    out = call(model, torch.randn(5, 8))
    assert_shape(out, (5, 3, 16, 16), call="Generator(8, 16, 3, [4, 8])(z), z: (5, 8)",
                 dims="batch channels height width")
    if out.min() < -1 or out.max() > 1:
        fail(f"the images range from {out.min().item():.3g} to {out.max().item():.3g}, "
             "expected values in [-1, 1]: end with Tanh", kind="value")


def test_default_parameter_layout(room):
    """Generator() with the defaults: the parameter shapes of the brief's layers, in order."""
    model = _make(room)
    ref.check_spec(model, ref.generator_spec(100, 64, 3, [128, 256, 512]), "Generator()",
                   BIAS_NOTE)


def test_small_parameter_layout(room):
    """Generator(8, 16, 3, [4, 8]): Linear(8, 8*4*4), BN(8), ConvT(8, 4), BN(4), ConvT(4, 3)."""
    model = _make(room, 8, 16, 3, [4, 8])
    ref.check_spec(model, ref.generator_spec(8, 16, 3, [4, 8]), "Generator(8, 16, 3, [4, 8])",
                   BIAS_NOTE)


def test_forward_matches_reference_with_copied_weights(room):
    """With copied weights, Generator(8, 16, 3, [4, 8])(z) equals the reference (BN and activations in place)."""
    _compare(room, (8, 16, 3, [4, 8]), batch=6, seed=1)


def test_three_blocks_one_channel(room):
    """Generator(6, 24, 1, [4, 6, 8]): a 3 x 3 start, three blocks, greyscale, against the reference."""
    _compare(room, (6, 24, 1, [4, 6, 8]), batch=4, seed=2)
