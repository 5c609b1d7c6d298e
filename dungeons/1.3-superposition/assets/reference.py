"""Code shared by the 1.3 room tests: oracle training loops and pictures of feature geometry.

Tests load it with `load_asset_module(__file__, "reference")`. Nothing here is shown to
the player; the given modules (`given/*.py`) are what the player's file imports.
"""

import math

import torch

# A palette for up to 10 features (RGB in [0, 1]): feature 0 first.
PALETTE = torch.tensor([
    [1.00, 0.85, 0.10], [1.00, 0.45, 0.10], [0.95, 0.20, 0.35], [0.75, 0.25, 0.85],
    [0.30, 0.45, 1.00], [0.15, 0.80, 0.90], [0.25, 0.85, 0.35], [0.70, 0.70, 0.70],
    [1.00, 0.60, 0.75], [0.60, 0.40, 0.20]])


class Adam:
    """torch.optim.Adam's update (default betas), written out: constructing a torch.optim
    optimizer imports torch._dynamo, over a second of CPU that a test oracle need not pay."""

    def __init__(self, params, lr: float, betas=(0.9, 0.999), eps: float = 1e-8):
        self.params = [p for p in params if p.requires_grad]
        self.lr, self.betas, self.eps, self.t = lr, betas, eps, 0
        self.m = [torch.zeros_like(p) for p in self.params]
        self.v = [torch.zeros_like(p) for p in self.params]

    def zero_grad(self):
        for p in self.params:
            p.grad = None

    @torch.no_grad()
    def step(self):
        self.t += 1
        b1, b2 = self.betas
        for p, m, v in zip(self.params, self.m, self.v):
            if p.grad is None:
                continue
            m.lerp_(p.grad, 1 - b1)
            v.mul_(b2).addcmul_(p.grad, p.grad, value=1 - b2)
            denom = (v.sqrt() / math.sqrt(1 - b2 ** self.t)).add_(self.eps)
            p.addcdiv_(m, denom, value=-self.lr / (1 - b1 ** self.t))


def train_toy(model, steps: int, batch_size: int, lr: float, seed: int = 0,
              lr_scale=lambda step, steps: 1.0, report=None) -> list[float]:
    """The oracle loop: Adam, lr * lr_scale(step, steps) every step, the model's own
    generate_batch / forward / calculate_loss. Returns the loss of every step."""
    torch.manual_seed(seed)
    opt = Adam(model.parameters(), lr=lr)
    losses = []
    for step in range(steps):
        opt.lr = lr * lr_scale(step, steps)
        batch = model.generate_batch(batch_size)
        loss = model.calculate_loss(model(batch), batch)
        opt.zero_grad()
        loss.backward()
        opt.step()
        losses.append(loss.item())
        if report is not None and (step % 50 == 0 or step + 1 == steps):
            report(step + 1, steps)
    return losses


def _panel_2d(cols: torch.Tensor, size: int, radius: float, colours: torch.Tensor) -> torch.Tensor:
    """One (size, size, 3) panel: a faint unit circle and a line from the centre to each column."""
    img = torch.full((size, size, 3), 0.04)
    c = (size - 1) / 2
    scale = (c - 0.5) / radius
    angles = torch.linspace(0, 2 * math.pi, 200)
    ys = (c - scale * angles.sin()).round().long().clamp(0, size - 1)
    xs = (c + scale * angles.cos()).round().long().clamp(0, size - 1)
    img[ys, xs] = 0.22
    order = cols.norm(dim=0).argsort()  # long lines last, so they stay visible
    for i in order.tolist():
        x, y = cols[0, i].item(), cols[1, i].item()
        ts = torch.linspace(0, 1, 4 * size)
        px = (c + scale * x * ts).round().long().clamp(0, size - 1)
        py = (c - scale * y * ts).round().long().clamp(0, size - 1)
        img[py, px] = colours[i] * 0.75
        img[py[-1], px[-1]] = colours[i]
    return img


def features_2d(W: torch.Tensor, size: int = 19, per_row: int = 4, radius: float = 1.3,
                colours: torch.Tensor | None = None) -> torch.Tensor:
    """W: (inst, 2, feats) -> an RGB picture, one panel per instance, `per_row` panels a row.

    Each feature's column W[:, i] is a line from the centre (colour = feature index,
    PALETTE order); the faint ring is norm 1."""
    W = W.detach().float().cpu()
    n_inst, _, feats = W.shape
    colours = PALETTE[torch.arange(feats) % len(PALETTE)] if colours is None else colours
    panels = [_panel_2d(W[i], size, radius, colours) for i in range(n_inst)]
    return grid(panels, per_row)


def grid(panels: list[torch.Tensor], per_row: int, gap: int = 1) -> torch.Tensor:
    """Lay (h, w, 3) panels of equal size out in rows, with a `gap` of black between."""
    h, w, _ = panels[0].shape
    rows = math.ceil(len(panels) / per_row)
    out = torch.zeros(rows * (h + gap) - gap, per_row * (w + gap) - gap, 3)
    for k, p in enumerate(panels):
        r, q = divmod(k, per_row)
        out[r * (h + gap):r * (h + gap) + h, q * (w + gap):q * (w + gap) + w] = p
    return out


def signed_heatmap(M: torch.Tensor, cell: int = 3, vmax: float | None = None) -> torch.Tensor:
    """(h, w) values -> RGB: positive red, negative blue, zero black, each value a cell x cell square."""
    M = M.detach().float().cpu()
    vmax = float(M.abs().max().clamp(min=1e-8)) if vmax is None else vmax
    v = (M / vmax).clamp(-1, 1)
    rgb = torch.stack([v.clamp(min=0), 0.25 * v.abs(), (-v).clamp(min=0)], dim=-1)
    return rgb.repeat_interleave(cell, 0).repeat_interleave(cell, 1)


def columns_represented(W: torch.Tensor, threshold: float = 0.5) -> torch.Tensor:
    """(inst, d_hidden, feats) -> (inst,) how many features have a column of norm > threshold."""
    return (W.norm(dim=1) > threshold).sum(-1)


def draw(room, method: str, p, n_pairs: int, batch_size: int, seed: int = 0, n_inst: int | None = None):
    """Call the player's ToyModel.<method>(batch_size, n_pairs) on a model whose instances
    have feature probability p (a float or an (inst,) list); checks the type and shape."""
    from arena_dungeon.testing import assert_shape, call
    from toy_base import ToyModelConfig

    p = torch.as_tensor(p, dtype=torch.float32).reshape(-1, 1)
    n_inst = n_inst or p.shape[0]
    model = room.ToyModel(ToyModelConfig(n_inst=n_inst, n_features=2 * n_pairs),
                          feature_probability=p)
    torch.manual_seed(seed)
    x = call(getattr(model, method), batch_size, n_pairs)
    assert_shape(x, (batch_size, n_inst, 2 * n_pairs), dims="batch inst feats",
                 call=f"{method}({batch_size}, {n_pairs})")
    return x


def check_range(x, what: str) -> None:
    from arena_dungeon.testing import fail

    if not x.is_floating_point():
        fail(f"{what} returned dtype {x.dtype}, expected floats", kind="dtype")
    if x.min() < 0 or x.max() >= 1:
        fail(f"{what} has values from {x.min():.3f} to {x.max():.3f}, expected [0, 1)",
             kind="value", details="Magnitudes are uniform in [0, 1): torch.rand.")


def check_share(share: torch.Tensor, expected: torch.Tensor, what: str, tol: float = 0.02) -> None:
    """share, expected: same-shaped tensors of frequencies; fail on the worst mismatch."""
    from arena_dungeon.testing import fail

    gap = (share - expected).abs()
    k = int(gap.argmax())
    if gap.max() > tol:
        fail(f"{what}: {share.flatten()[k]:.3f}, expected {expected.flatten()[k]:.3f}",
             kind="value")


def train_pairs(room, method: str, n_pairs: int, p: torch.Tensor, steps: int, seed: int = 0):
    """Train a toy model (2-D hidden) whose batches come from the player's method; returns W."""
    from arena_dungeon.testing import progress
    from toy_base import ToyModelConfig

    class OnPairs(room.ToyModel):
        def generate_batch(self, batch_size):
            return getattr(self, method)(batch_size, n_pairs)

    torch.manual_seed(seed)
    model = OnPairs(ToyModelConfig(n_inst=len(p), n_features=2 * n_pairs),
                    feature_probability=p[:, None])
    train_toy(model, steps=steps, batch_size=512, lr=0.05, seed=seed,
              lr_scale=lambda s, n: 1 - s / n, report=lambda d, n: progress(d, n, "training"))
    return model.W.detach()


def pair_cosines(W: torch.Tensor) -> torch.Tensor:
    """(inst, d_hidden, 2n) -> (inst, n): cosine between features 2k and 2k + 1."""
    Wn = W / (W.norm(dim=1, keepdim=True) + 1e-8)
    return (Wn[:, :, 0::2] * Wn[:, :, 1::2]).sum(1)


def check_uniform_magnitudes(x: torch.Tensor, what: str) -> None:
    """The non-zero values of x look uniform on [0, 1): mean 0.5, a tenth above 0.9."""
    from arena_dungeon.testing import fail

    vals = x[x != 0]
    if vals.numel() < 1000:
        fail(f"only {vals.numel()} non-zero values in {what}", kind="value")
    mean, top = vals.mean().item(), (vals > 0.9).float().mean().item()
    if abs(mean - 0.5) > 0.02 or abs(top - 0.1) > 0.02:
        fail(f"the non-zero values of {what} have mean {mean:.3f}, {top:.1%} of them above "
             "0.9; uniform magnitudes in [0, 1) give a mean of 0.5 and 10% above 0.9",
             kind="value", details="Draw the magnitudes apart from the seeds that decide presence.")


def train_sweep(model_class, seed: int = 0):
    """Rooms 4-5's experiment, the oracle way: 8 instances of 5 features in 2-D, importance
    0.9 ** i, feature probability 1 down to 0.02, 500 steps of `model_class` (the given
    toy_model.ToyModel). Returns the trained W (8, 2, 5)."""
    from arena_dungeon.testing import progress
    from toy_base import ToyModelConfig

    torch.manual_seed(seed)
    model = model_class(ToyModelConfig(n_inst=8),
                               feature_probability=(50 ** -torch.linspace(0, 1, 8))[:, None],
                               importance=0.9 ** torch.arange(5))
    train_toy(model, steps=500, batch_size=256, lr=0.05, seed=seed,
              lr_scale=lambda s, n: 1 - s / n, report=lambda d, n: progress(d, n, "training"))
    return model.W.detach()


def toy_forward_loop(x: torch.Tensor, W: torch.Tensor, b: torch.Tensor,
                     hidden_relu: bool = False) -> torch.Tensor:
    """A slow oracle for the toy model (hidden_relu=False) and the neuron model (True):
    row by row, instance by instance, ReLU(Wᵀ h + b) with h = W x or ReLU(W x)."""
    flat = x.reshape(-1, *x.shape[-2:])
    out = torch.zeros_like(flat)
    for n in range(flat.shape[0]):
        for i in range(W.shape[0]):
            h = W[i] @ flat[n, i]
            out[n, i] = torch.relu(W[i].T @ (torch.relu(h) if hidden_relu else h) + b[i])
    return out.reshape(x.shape)


def load_toy(name: str, model_class, n_inst: int = 1):
    """A shipped trained toy model (assets/toy_models.pt, made by
    scripts/train_toy_superposition.py), copied into `n_inst` identical instances of
    `model_class` (the given toy_model.ToyModel)."""
    from pathlib import Path

    from toy_base import ToyModelConfig

    spec = torch.load(Path(__file__).with_name("toy_models.pt"), weights_only=True)[name]
    cfg = ToyModelConfig(n_inst=n_inst, n_features=spec["n_features"], d_hidden=spec["d_hidden"])
    model = model_class(cfg, feature_probability=spec["feature_probability"])
    with torch.no_grad():
        model.W.copy_(spec["W"].expand(n_inst, -1, -1))
        model.b_final.copy_(spec["b_final"].expand(n_inst, -1))
    return model


def sae_2d(W_true: torch.Tensor, W_dec: torch.Tensor, alive: torch.Tensor | None = None,
           size: int = 19, per_row: int = 4) -> torch.Tensor:
    """True feature directions (grey, W_true (2, feats)) under each SAE instance's decoder
    rows (W_dec (inst, d_sae, 2), normalised; yellow alive, dark red dead)."""
    W_true = W_true.detach().float().cpu()
    W_dec = W_dec.detach().float().cpu()
    inst, d_sae, _ = W_dec.shape
    alive = torch.ones(inst, d_sae, dtype=torch.bool) if alive is None else alive.cpu()
    true_unit = W_true / W_true.norm(dim=0, keepdim=True) * 1.2
    panels = []
    for i in range(inst):
        rows = W_dec[i] / (W_dec[i].norm(dim=-1, keepdim=True) + 1e-8)
        cols = torch.cat([true_unit, rows.T], dim=1)
        colours = torch.cat([torch.full((W_true.shape[1], 3), 0.35),
                             torch.where(alive[i][:, None], torch.tensor([1.0, 0.85, 0.1]),
                                         torch.tensor([0.45, 0.08, 0.08]))])
        panels.append(_panel_2d(cols, size, 1.3, colours))
    return grid(panels, per_row)


def matched_features(W_true: torch.Tensor, W_dec: torch.Tensor, alive: torch.Tensor | None = None,
                     threshold: float = 0.9) -> torch.Tensor:
    """The boss's score, per instance: the share of true features (columns of W_true,
    (inst, d_in, feats)) whose direction some alive latent's decoder row (W_dec
    (inst, d_sae, d_in)) matches at cosine > threshold."""
    true_unit = W_true / W_true.norm(dim=1, keepdim=True)
    rows = W_dec / (W_dec.norm(dim=-1, keepdim=True) + 1e-8)
    cos = torch.einsum("isd,idf->isf", rows, true_unit)
    if alive is not None:
        cos = cos.masked_fill(~alive[..., None], -1.0)
    return (cos.max(dim=1).values > threshold).float().mean(-1)


def train_sae(sae, steps: int, batch_size: int = 256, lr: float = 1e-2, seed: int = 0,
              report=None) -> tuple[list[float], torch.Tensor]:
    """The oracle SAE loop (no resampling): Adam with betas (0, 0.999), the SAE's own
    generate_batch and forward. Returns every step's loss and the share of steps, over the
    last 100, in which each latent fired (inst, d_sae)."""
    torch.manual_seed(seed)
    opt = Adam(sae.parameters(), lr=lr, betas=(0.0, 0.999))
    losses, fired = [], []
    for step in range(steps):
        _, loss, acts, _ = sae(sae.generate_batch(batch_size))
        opt.zero_grad()
        loss.backward()
        opt.step()
        losses.append(loss.item())
        fired.append((acts.detach().abs() > 1e-8).float().mean(0))
        fired = fired[-100:]
        if report is not None and (step % 50 == 0 or step + 1 == steps):
            report(step + 1, steps)
    return losses, torch.stack(fired).mean(0)


def sae_forward(sae, h: torch.Tensor, what: str,
                keys: tuple[str, ...] = ("L_reconstruction", "L_sparsity")):
    """Call the player's SAE on h; check it returns (loss_dict, loss, acts, h_reconstructed)
    with the named loss terms."""
    from arena_dungeon.testing import call, describe, fail

    got = call(sae, h)
    if not isinstance(got, tuple) or len(got) != 4 or not isinstance(got[0], dict):
        fail(f"forward({what}) returned {describe(got)}, expected a tuple (loss_dict, loss, acts, "
             "h_reconstructed)", kind="type")
    missing = set(keys) - set(got[0])
    if missing:
        fail(f"loss_dict has keys {sorted(got[0])}, missing {sorted(missing)}", kind="type")
    return got


def resample_demo(sae_class, method: str) -> None:
    """Rooms 14-15's last case: the given optimize with the player's resampler on the
    pentagon toy model (4 instances, 8 latents, 600 steps, resampling every 150), drawn."""
    from arena_dungeon.testing import fail, note, show_picture
    from toy_base import ToySAEConfig
    from toy_model import ToyModel

    model = load_toy("pentagon", ToyModel, n_inst=4)
    torch.manual_seed(0)
    sae = sae_class(ToySAEConfig(n_inst=4, d_in=2, d_sae=8), model)
    ids = {n: id(p) for n, p in sae.named_parameters()}
    log = sae.optimize(batch_size=256, steps=600, log_freq=100, lr=0.01, resample_method=method,
                       resample_freq=150, resample_window=100)
    if any(ids[n] != id(p) for n, p in sae.named_parameters()):
        fail("resampling replaced a Parameter object; the optimizer still holds the old one",
             kind="value", details="Write into .data[...] instead of assigning new nn.Parameters.")
    alive = log[-1]["frac_active"] > 0
    W = sae.W_dec_normalized.detach()
    if not torch.isfinite(W).all():
        fail("training with your resampler gave NaN decoder weights", kind="nan")
    show_picture(sae_2d(model.W[0], W, alive),
                 f"4 SAE instances, 8 latents, {method} resampling every 150 steps: true features "
                 "(grey), decoder rows (yellow alive, dark red dead)")
    score = matched_features(model.W.detach(), W, alive)
    note("features matched at cosine > 0.9, per instance: " + ", ".join(f"{s:.0%}" for s in score.tolist()))
