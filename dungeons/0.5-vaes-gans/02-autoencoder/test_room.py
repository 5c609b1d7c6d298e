"""Cases for Autoencoder: attributes, shapes, parameter layout, and outputs against a
functional reference after copying the same random weights into the player's model."""

import torch
from torch import nn

from arena_dungeon.testing import (assert_shape, assert_tensor_close, call, describe, fail,
                                   load_asset_module)

ref = load_asset_module(__file__, "reference")
LATENT, HIDDEN = 5, 32
ENC = "Conv2d, ReLU, Conv2d, ReLU, Rearrange, Linear, ReLU, Linear"
DEC = "Linear, ReLU, Linear, Rearrange, ReLU, ConvTranspose2d, ReLU, ConvTranspose2d"


def _make(room, latent=LATENT, hidden=HIDDEN):
    torch.manual_seed(0)
    model = room.Autoencoder(latent, hidden)
    if not isinstance(model, nn.Module):
        fail(f"Autoencoder(...) made a {type(model).__name__}, expected an nn.Module", kind="type")
    for name in ("encoder", "decoder"):
        part = getattr(model, name, None)
        if not isinstance(part, nn.Module):
            fail(f"Autoencoder.{name} is {describe(part)}, expected a module "
                 "(an nn.Sequential)", kind="type")
    return model


def _loaded(room, seed=1):
    model = _make(room)
    ref.check_spec(model.encoder, ref.encoder_spec(HIDDEN, LATENT), "Autoencoder(5, 32).encoder")
    ref.check_spec(model.decoder, ref.decoder_spec(LATENT, HIDDEN), "Autoencoder(5, 32).decoder")
    pe = ref.random_params(ref.encoder_spec(HIDDEN, LATENT), seed)
    pd = ref.random_params(ref.decoder_spec(LATENT, HIDDEN), seed + 100)
    ref.load_in_order(model.encoder, pe)
    ref.load_in_order(model.decoder, pd)
    return model, pe, pd


def test_encoder_and_decoder_shapes(room):
    """encoder: (2, 1, 28, 28) -> (2, 5); decoder: (2, 5) -> (2, 1, 28, 28); forward keeps the shape."""
    model = _make(room)
    x = torch.randn(2, 1, 28, 28)
    z = call(model.encoder, x)
    assert_shape(z, (2, LATENT), call="Autoencoder(5, 32).encoder(x), x: (2, 1, 28, 28)",
                 dims="batch latent")
    assert_shape(call(model.decoder, torch.randn(2, LATENT)), (2, 1, 28, 28),
                 call="Autoencoder(5, 32).decoder(z), z: (2, 5)", dims="batch c h w")
    assert_shape(call(model, x), (2, 1, 28, 28), call="Autoencoder(5, 32)(x)",
                 dims="batch c h w")


def test_parameter_layout(room):
    """model.parameters() yields the shapes of the brief's layers, in order, with biases."""
    model = _make(room)
    ref.check_spec(model.encoder, ref.encoder_spec(HIDDEN, LATENT), "Autoencoder(5, 32).encoder")
    ref.check_spec(model.decoder, ref.decoder_spec(LATENT, HIDDEN), "Autoencoder(5, 32).decoder")
    other = sum(p.numel() for p in model.parameters()) - sum(
        p.numel() for part in (model.encoder, model.decoder) for p in part.parameters())
    if other:
        fail(f"Autoencoder has {other} parameters outside encoder and decoder", kind="value")


def test_other_sizes(room):
    """Autoencoder(3, 20) on a batch of 1: latent (1, 3), output (1, 1, 28, 28)."""
    model = _make(room, 3, 20)
    ref.check_spec(model.encoder, ref.encoder_spec(20, 3), "Autoencoder(3, 20).encoder")
    x = torch.randn(1, 1, 28, 28)
    assert_shape(call(model.encoder, x), (1, 3), call="Autoencoder(3, 20).encoder(x)",
                 dims="batch latent")
    assert_shape(call(model, x), (1, 1, 28, 28), call="Autoencoder(3, 20)(x)",
                 dims="batch c h w")


def test_encoder_matches_reference_with_copied_weights(room):
    """With the reference's random weights copied in, encoder(x) equals the reference encoder."""
    model, pe, _ = _loaded(room)
    torch.manual_seed(2)
    x = torch.randn(3, 1, 28, 28)
    ref.close_or_show_layers(call(model.encoder, x), ref.encode(pe, x), model.encoder, ENC,
                             call="encoder(x) with the test's weights", dims="batch latent",
                             atol=1e-4, rtol=1e-4)


def test_forward_matches_reference_with_copied_weights(room):
    """With copied weights, decoder(z) and forward(x) equal the reference (ReLUs in the right places)."""
    model, pe, pd = _loaded(room, seed=3)
    torch.manual_seed(4)
    z = torch.randn(3, LATENT)
    ref.close_or_show_layers(call(model.decoder, z), ref.decode(pd, z), model.decoder, DEC,
                             call="decoder(z) with the test's weights", dims="batch c h w",
                             atol=1e-4, rtol=1e-4)
    x = torch.randn(3, 1, 28, 28)
    assert_tensor_close(call(model, x), ref.decode(pd, ref.encode(pe, x)),
                        call="Autoencoder(5, 32)(x) with the test's weights",
                        dims="batch c h w", atol=1e-4, rtol=1e-4)

