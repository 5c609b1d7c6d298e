"""Cases for VAE: encoder output layout, mu/logsigma against a functional reference with
copied weights, the statistics and gradients of the reparameterised sample, and forward."""

import torch
from torch import nn

from arena_dungeon.testing import (assert_shape, assert_tensor_close, call, describe, fail,
                                   load_asset_module)

ref = load_asset_module(__file__, "reference")
LATENT, HIDDEN = 5, 32


def _make(room):
    torch.manual_seed(0)
    model = room.VAE(LATENT, HIDDEN)
    if not isinstance(model, nn.Module):
        fail(f"VAE(...) made a {type(model).__name__}, expected an nn.Module", kind="type")
    for name in ("encoder", "decoder"):
        if not isinstance(getattr(model, name, None), nn.Module):
            fail(f"VAE.{name} is {describe(getattr(model, name, None))}, expected a module",
                 kind="type")
    return model


def _loaded(room, seed=1):
    model = _make(room)
    ref.check_spec(model.encoder, ref.encoder_spec(HIDDEN, 2 * LATENT), "VAE(5, 32).encoder")
    ref.check_spec(model.decoder, ref.decoder_spec(LATENT, HIDDEN), "VAE(5, 32).decoder")
    pe = ref.random_params(ref.encoder_spec(HIDDEN, 2 * LATENT), seed)
    pd = ref.random_params(ref.decoder_spec(LATENT, HIDDEN), seed + 100)
    ref.load_in_order(model.encoder, pe)
    ref.load_in_order(model.decoder, pd)
    return model, pe, pd


def _mu_logsigma(pe, x):
    out = ref.encode(pe, x)
    return out[:, :LATENT], out[:, LATENT:]


def _triple(got, label):
    if not isinstance(got, tuple) or len(got) != 3:
        fail(f"{label} returned {describe(got)}, expected a tuple of 3 tensors", kind="type")
    return got


def test_encoder_outputs_two_rows(room):
    """encoder(x) for x: (4, 1, 28, 28) has shape (2, 4, 5): mu and logsigma stacked."""
    model = _make(room)
    out = call(model.encoder, torch.randn(4, 1, 28, 28))
    assert_shape(out, (2, 4, LATENT), call="VAE(5, 32).encoder(x), x: (4, 1, 28, 28)",
                 dims="n batch latent")


def test_mu_and_logsigma_match_reference(room):
    """With copied weights, mu is the Linear's first 5 outputs and logsigma the last 5."""
    model, pe, _ = _loaded(room)
    x = torch.randn(4, 1, 28, 28, generator=torch.Generator().manual_seed(2))
    mu, logsigma = _mu_logsigma(pe, x)
    z, got_mu, got_ls = _triple(call(model.sample_latent_vector, x), "sample_latent_vector(x)")
    assert_tensor_close(got_mu, mu, call="mu from sample_latent_vector(x)", dims="batch latent",
                        atol=1e-4, rtol=1e-4)
    assert_tensor_close(got_ls, logsigma, call="logsigma from sample_latent_vector(x)",
                        dims="batch latent", atol=1e-4, rtol=1e-4)
    assert_shape(z, (4, LATENT), call="z from sample_latent_vector(x)", dims="batch latent")


def test_samples_have_mean_mu_and_std_sigma(room):
    """Over 1000 images x 5 dims, (z - mu) / exp(logsigma) has mean ~0 and std ~1."""
    model, _, _ = _loaded(room, seed=3)
    x = torch.randn(1000, 1, 28, 28, generator=torch.Generator().manual_seed(4))
    torch.manual_seed(5)
    with torch.no_grad():
        z, mu, logsigma = _triple(call(model.sample_latent_vector, x), "sample_latent_vector(x)")
    eps = (z - mu) / torch.exp(logsigma)
    m, s = eps.mean().item(), eps.std().item()
    if not abs(m) < 0.06:
        fail(f"(z - mu) / sigma has mean {m:.3f} over 5000 samples, expected about 0",
             kind="value", details="The noise must be standard normal (torch.randn_like), "
                                   "centred on mu.")
    if not abs(s - 1) < 0.06:
        fail(f"(z - mu) / sigma has standard deviation {s:.3f} over 5000 samples, expected "
             "about 1", kind="value",
             details="z = mu + sigma * eps with sigma = exp(logsigma): logsigma is the log of "
                     "the standard deviation (not of the variance), and eps ~ N(0, 1).")


def test_noise_independent_across_latent_dims(room):
    """Over 1000 images, the noise of different latent dims is uncorrelated (one draw per
    number, not one per image shared by its 5 dims)."""
    model, _, _ = _loaded(room, seed=12)
    x = torch.randn(1000, 1, 28, 28, generator=torch.Generator().manual_seed(13))
    torch.manual_seed(14)
    with torch.no_grad():
        z, mu, logsigma = _triple(call(model.sample_latent_vector, x), "sample_latent_vector(x)")
    eps = (z - mu) / torch.exp(logsigma)
    corr = torch.corrcoef(eps.T)
    worst = (corr - torch.eye(LATENT)).abs().max().item()
    if worst > 0.2:
        fail(f"the noise of two latent dims has correlation {worst:.2f} over 1000 images, "
             "expected about 0: draw one independent number per (image, dim)", kind="value",
             details="torch.randn_like(mu) has mu's shape (batch, latent); a noise of shape "
                     "(batch, 1) is shared by every dim of an image.")


def test_fresh_noise_each_call(room):
    """Two calls on the same image draw different z (new noise every time)."""
    model, _, _ = _loaded(room, seed=6)
    x = torch.randn(3, 1, 28, 28)
    with torch.no_grad():
        z1 = _triple(call(model.sample_latent_vector, x), "sample_latent_vector(x)")[0]
        z2 = _triple(call(model.sample_latent_vector, x), "sample_latent_vector(x)")[0]
    if torch.allclose(z1, z2):
        fail("sample_latent_vector(x) returned the same z twice: draw new noise every call "
             "(don't seed inside the model, and don't forget the noise)", kind="value")


def test_gradients_flow_through_the_sample(room):
    """dz/dmu = 1 and dz/dlogsigma = sigma * eps = z - mu (checked with autograd)."""
    model, _, _ = _loaded(room, seed=7)
    seen = []
    handle = model.encoder.register_forward_hook(lambda m, i, o: seen.append(o))
    try:
        x = torch.randn(3, 1, 28, 28, generator=torch.Generator().manual_seed(8))
        z, mu, logsigma = _triple(call(model.sample_latent_vector, x), "sample_latent_vector(x)")
    finally:
        handle.remove()
    if not seen or not isinstance(seen[-1], torch.Tensor) or seen[-1].shape != (2, 3, LATENT):
        fail("could not see the encoder's (2, batch, latent) output: call self.encoder(x) "
             "inside sample_latent_vector", kind="value")
    enc = seen[-1]
    if not z.requires_grad:
        fail("z does not require grad: it was computed without autograd (detached, or from "
             "a sampling function that cuts the gradient)", kind="value")
    (grad,) = torch.autograd.grad(z.sum(), enc, allow_unused=True)
    if grad is None or not grad.any():
        fail("no gradient flows from z back to mu and logsigma", kind="value",
             details="Sampling functions such as torch.normal(mu, sigma) or "
                     "Normal(mu, sigma).sample() cut the graph: build z = mu + sigma * eps "
                     "from eps = torch.randn_like(mu).")
    assert_tensor_close(grad[0], torch.ones_like(mu), call="d(z.sum()) / d mu",
                        dims="batch latent")
    assert_tensor_close(grad[1], (z - mu).detach(), call="d(z.sum()) / d logsigma",
                        dims="batch latent", atol=1e-5)


def test_forward_decodes_the_sample(room):
    """forward(x) returns (decoder(z), mu, logsigma) with z drawn as in sample_latent_vector."""
    model, pe, pd = _loaded(room, seed=9)
    x = torch.randn(2, 1, 28, 28, generator=torch.Generator().manual_seed(10))
    torch.manual_seed(11)
    z, _, _ = _triple(call(model.sample_latent_vector, x), "sample_latent_vector(x)")
    torch.manual_seed(11)
    out, mu, logsigma = _triple(call(model, x), "VAE(5, 32)(x)")
    assert_shape(out, (2, 1, 28, 28), call="x_reconstructed from VAE(5, 32)(x)",
                 dims="batch c h w")
    exp_mu, exp_ls = _mu_logsigma(pe, x)
    assert_tensor_close(mu, exp_mu, call="mu from VAE(5, 32)(x)", dims="batch latent",
                        atol=1e-4, rtol=1e-4)
    assert_tensor_close(logsigma, exp_ls, call="logsigma from VAE(5, 32)(x)",
                        dims="batch latent", atol=1e-4, rtol=1e-4)
    assert_tensor_close(out, ref.decode(pd, z.detach()),
                        call="x_reconstructed (same seed as a sample_latent_vector call)",
                        dims="batch c h w", atol=1e-4, rtol=1e-4)
