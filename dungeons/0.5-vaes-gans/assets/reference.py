"""Code shared by the 0.5 room tests: functional oracles for the models, built from torch.nn.functional.

Tests load it with `load_asset_module(__file__, "reference")`. Each model has

- a *spec*: the list of parameter shapes, in the order `model.parameters()` must yield them;
- a functional forward that takes that list of tensors, so a test can copy the same
  random values into the player's module (`load_in_order`) and compare outputs.
"""

import math

import torch
import torch.nn.functional as F
from torch import nn

from arena_dungeon.testing import fail

# --- autoencoder / VAE (28 x 28 single-channel images) --------------------------------


def encoder_spec(hidden, out):
    return [(16, 1, 4, 4), (16,), (32, 16, 4, 4), (32,), (hidden, 32 * 7 * 7), (hidden,),
            (out, hidden), (out,)]


def decoder_spec(latent, hidden):
    return [(hidden, latent), (hidden,), (32 * 7 * 7, hidden), (32 * 7 * 7,),
            (32, 16, 4, 4), (16,), (16, 1, 4, 4), (1,)]


def encode(p, x):
    h = F.relu(F.conv2d(x, p[0], p[1], stride=2, padding=1))
    h = F.relu(F.conv2d(h, p[2], p[3], stride=2, padding=1))
    h = F.relu(F.linear(h.flatten(1), p[4], p[5]))
    return F.linear(h, p[6], p[7])


def decode(p, z):
    h = F.relu(F.linear(z, p[0], p[1]))
    h = F.relu(F.linear(h, p[2], p[3]).reshape(-1, 32, 7, 7))
    h = F.relu(F.conv_transpose2d(h, p[4], p[5], stride=2, padding=1))
    return F.conv_transpose2d(h, p[6], p[7], stride=2, padding=1)


# --- DCGAN -------------------------------------------------------------------------------


def generator_spec(latent, img_size, img_channels, hidden_channels):
    rev = list(hidden_channels)[::-1]
    n = len(rev)
    side = img_size // 2 ** n
    spec = [(rev[0] * side * side, latent), (rev[0],), (rev[0],)]
    outs = rev[1:] + [img_channels]
    for i, (c_in, c_out) in enumerate(zip(rev, outs)):
        spec.append((c_in, c_out, 4, 4))
        if i < n - 1:
            spec += [(c_out,), (c_out,)]
    return spec


def generate(p, z, img_size, hidden_channels):
    rev = list(hidden_channels)[::-1]
    n = len(rev)
    side = img_size // 2 ** n
    x = F.linear(z, p[0]).reshape(len(z), rev[0], side, side)
    x = F.relu(F.batch_norm(x, None, None, p[1], p[2], training=True, eps=1e-5))
    k = 3
    for i in range(n):
        x = F.conv_transpose2d(x, p[k], stride=2, padding=1)
        k += 1
        if i < n - 1:
            x = F.relu(F.batch_norm(x, None, None, p[k], p[k + 1], training=True, eps=1e-5))
            k += 2
        else:
            x = torch.tanh(x)
    return x


def discriminator_spec(img_size, img_channels, hidden_channels):
    chans = list(hidden_channels)
    n = len(chans)
    spec = []
    for i, (c_in, c_out) in enumerate(zip([img_channels] + chans[:-1], chans)):
        spec.append((c_out, c_in, 4, 4))
        if i > 0:
            spec += [(c_out,), (c_out,)]
    side = img_size // 2 ** n
    spec.append((1, chans[-1] * side * side))
    return spec


def discriminate(p, x, hidden_channels):
    k = 0
    for i in range(len(hidden_channels)):
        x = F.conv2d(x, p[k], stride=2, padding=1)
        k += 1
        if i > 0:
            x = F.batch_norm(x, None, None, p[k], p[k + 1], training=True, eps=1e-5)
            k += 2
        x = F.leaky_relu(x, 0.2)
    return torch.sigmoid(F.linear(x.flatten(1), p[k])).squeeze()


# --- helpers -------------------------------------------------------------------------------


def random_params(spec, seed):
    """Seeded random tensors for a spec: weights scaled like a default init, 1-D ones near 1 or 0."""
    g = torch.Generator().manual_seed(seed)
    out = []
    for i, shape in enumerate(spec):
        if len(shape) == 1:
            out.append(0.5 + torch.rand(shape, generator=g))
        else:
            out.append(torch.randn(shape, generator=g) / math.sqrt(math.prod(shape[1:])))
    return out


def shapes_of(module):
    return [tuple(p.shape) for p in module.parameters()]


def check_spec(module, spec, label, extra=""):
    """Fail with both lists if the module's parameter shapes differ from the spec."""
    got = shapes_of(module)
    if got == [tuple(s) for s in spec]:
        return
    n_got = sum(math.prod(s) for s in got)
    n_exp = sum(math.prod(s) for s in spec)
    lines = [f"  {i:2d}  got {str(g) if g else '-':18s} expected {str(e) if e else '-'}"
             for i, (g, e) in enumerate(_zip_longest(got, [tuple(s) for s in spec]))]
    fail(f"{label} has {len(got)} parameter tensors ({n_got:,} numbers), expected "
         f"{len(spec)} ({n_exp:,} numbers) in this order", kind="shape",
         details="Parameter shapes in the order model.parameters() yields them:\n"
                 + "\n".join(lines) + (f"\n{extra}" if extra else ""))


def _zip_longest(a, b):
    n = max(len(a), len(b))
    return [(a[i] if i < len(a) else None, b[i] if i < len(b) else None) for i in range(n)]


def load_in_order(module, tensors):
    """Copy `tensors` into the module's parameters, in the order of module.parameters()."""
    with torch.no_grad():
        for p, v in zip(module.parameters(), tensors):
            p.copy_(v)


def leaf_layers(module):
    """The leaf modules' class names in order, e.g. 'Conv2d, ReLU, Conv2d, ...'."""
    return ", ".join(type(m).__name__ for m in module.modules()
                     if not list(m.children()) and not isinstance(m, nn.Identity))


def close_or_show_layers(got, expected, module, expected_layers, **kw):
    """assert_tensor_close, adding the module's layer sequence to the failure's details."""
    from arena_dungeon.testing import Mismatch, assert_tensor_close

    try:
        assert_tensor_close(got, expected, **kw)
    except Mismatch as e:
        if e.kind != "value":
            raise
        fail(e.summary, kind=e.kind, details=(e.details + "\n" if e.details else "")
             + f"your layers:     {leaf_layers(module)}\nexpected layers: {expected_layers}")


# --- the training room: a VAE built from torch.nn, and the digits at 28 x 28 -------------


def _encoder_layers(hidden_dim_size, out_size):
    from einops.layers.torch import Rearrange

    return [nn.Conv2d(1, 16, 4, stride=2, padding=1), nn.ReLU(),
            nn.Conv2d(16, 32, 4, stride=2, padding=1), nn.ReLU(),
            Rearrange("b c h w -> b (c h w)"),
            nn.Linear(32 * 7 * 7, hidden_dim_size), nn.ReLU(),
            nn.Linear(hidden_dim_size, out_size)]


def _decoder(latent_dim_size, hidden_dim_size):
    from einops.layers.torch import Rearrange

    return nn.Sequential(
        nn.Linear(latent_dim_size, hidden_dim_size), nn.ReLU(),
        nn.Linear(hidden_dim_size, 32 * 7 * 7),
        Rearrange("b (c h w) -> b c h w", c=32, h=7, w=7), nn.ReLU(),
        nn.ConvTranspose2d(32, 16, 4, stride=2, padding=1), nn.ReLU(),
        nn.ConvTranspose2d(16, 1, 4, stride=2, padding=1),
    )


class RefAutoencoder(nn.Module):
    """The autoencoder of the `autoencoder` room, built from torch.nn."""

    def __init__(self, latent_dim_size, hidden_dim_size):
        super().__init__()
        self.encoder = nn.Sequential(*_encoder_layers(hidden_dim_size, latent_dim_size))
        self.decoder = _decoder(latent_dim_size, hidden_dim_size)

    def forward(self, x):
        return self.decoder(self.encoder(x))


class RefVAE(nn.Module):
    """The VAE of the `vae` room (encoder -> (2, batch, latent), decoder), built from torch.nn."""

    def __init__(self, latent_dim_size, hidden_dim_size):
        super().__init__()
        from einops.layers.torch import Rearrange

        self.encoder = nn.Sequential(*_encoder_layers(hidden_dim_size, 2 * latent_dim_size),
                                     Rearrange("b (n latent) -> n b latent", n=2))
        self.decoder = _decoder(latent_dim_size, hidden_dim_size)

    def sample_latent_vector(self, x):
        mu, logsigma = self.encoder(x)
        return mu + torch.exp(logsigma) * torch.randn_like(mu), mu, logsigma

    def forward(self, x):
        z, mu, logsigma = self.sample_latent_vector(x)
        return self.decoder(z), mu, logsigma


def digits_28(test_file):
    """The 0.2 dungeon's 8x8 digits in [0, 1], upsampled to (N, 1, 28, 28); (train, held_out, labels_held_out)."""
    from pathlib import Path

    import numpy as np

    path = Path(test_file).resolve().parents[2] / "0.2-cnns" / "assets" / "digits.npz"
    with np.load(path) as f:
        images = torch.tensor(f["images"], dtype=torch.float32)[:, None] / 16.0
        labels = torch.tensor(f["labels"], dtype=torch.int64)
    images = F.interpolate(images, size=(28, 28), mode="bilinear", align_corners=False)
    perm = torch.randperm(len(images), generator=torch.Generator().manual_seed(0))
    n_test = len(images) // 5
    return images[perm[n_test:]], images[perm[:n_test]], labels[perm[:n_test]]


def digits_8(test_file):
    """All 1,797 of the 0.2 dungeon's 8x8 digits as (N, 1, 8, 8), scaled to [-1, 1] (tanh's range)."""
    from pathlib import Path

    import numpy as np

    path = Path(test_file).resolve().parents[2] / "0.2-cnns" / "assets" / "digits.npz"
    with np.load(path) as f:
        return torch.tensor(f["images"], dtype=torch.float32)[:, None] / 8.0 - 1.0
