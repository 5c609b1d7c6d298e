"""Shared test code for the 0.3 Optimization rooms (not for players to import).

- `two_moons`: a seeded two-moons data set made in torch (no sklearn).
- `make_net` / `GroupNet`: the small seeded MLPs the optimizer rooms train.
- `run_steps`: train a copy of the net for a few steps with a given optimizer factory and
  return the parameters after each step, so a player's optimizer can be compared with
  `torch.optim` step by step.
- the 2-D test functions and `trajectory_picture`, which draws paths over a heat map.
"""

from __future__ import annotations

import math

import torch
import torch.nn.functional as F
from torch import nn

from arena_dungeon.testing import assert_tensor_close, fail


def two_moons(n: int = 256, noise: float = 0.05, seed: int = 354) -> tuple[torch.Tensor, torch.Tensor]:
    """Two interleaving half-circles with Gaussian noise: x (n, 2) float32, y (n,) int64."""
    g = torch.Generator().manual_seed(seed)
    n_out = n // 2
    n_in = n - n_out
    a_out = torch.linspace(0, math.pi, n_out, dtype=torch.float64)
    a_in = torch.linspace(0, math.pi, n_in, dtype=torch.float64)
    outer = torch.stack([a_out.cos(), a_out.sin()], dim=1)
    inner = torch.stack([1 - a_in.cos(), 1 - a_in.sin() - 0.5], dim=1)
    x = torch.cat([outer, inner]) + noise * torch.randn(n, 2, generator=g, dtype=torch.float64)
    y = torch.cat([torch.zeros(n_out, dtype=torch.int64), torch.ones(n_in, dtype=torch.int64)])
    perm = torch.randperm(n, generator=g)
    return x[perm].float(), y[perm]


def make_net(seed: int = 819) -> nn.Module:
    """2 -> 32 -> 32 -> 2 ReLU MLP with seeded weights."""
    torch.manual_seed(seed)
    return nn.Sequential(nn.Linear(2, 32), nn.ReLU(), nn.Linear(32, 32), nn.ReLU(),
                         nn.Linear(32, 2))


class GroupNet(nn.Module):
    """The same MLP split into a `base` and a `classifier`, for parameter-group rooms."""

    def __init__(self, seed: int = 819) -> None:
        super().__init__()
        torch.manual_seed(seed)
        self.base = nn.Sequential(nn.Linear(2, 32), nn.ReLU(), nn.Linear(32, 32), nn.ReLU())
        self.classifier = nn.Linear(32, 2)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.classifier(self.base(x))


def run_steps(make_model, make_optimizer, n_steps: int = 6, batch: int = 64,
              seed: int = 354) -> list[list[torch.Tensor]]:
    """Train a fresh model for `n_steps` mini-batches; the parameters after every step.

    `make_optimizer(model)` builds the optimizer (from `model.parameters()` or groups).
    The loop is the usual zero_grad / forward / cross-entropy / backward / step.
    """
    x, y = two_moons(n_steps * batch, seed=seed)
    model = make_model()
    opt = make_optimizer(model)
    history = []
    for i in range(n_steps):
        opt.zero_grad()
        loss = F.cross_entropy(model(x[i * batch:(i + 1) * batch]), y[i * batch:(i + 1) * batch])
        loss.backward()
        opt.step()
        history.append([p.detach().clone() for p in model.parameters()])
    return history


def compare_with_torch(make_model, mine, theirs, label: str, n_steps: int = 6,
                       atol: float = 1e-5) -> None:
    """Fail, naming the first step and parameter that differ, if `mine` and `theirs`
    (optimizer factories) move the parameters differently."""
    got = run_steps(make_model, mine, n_steps)
    expected = run_steps(make_model, theirs, n_steps)
    names = [n for n, _ in make_model().named_parameters()]
    for step, (g_params, e_params) in enumerate(zip(got, expected), start=1):
        for name, g, e in zip(names, g_params, e_params):
            assert_tensor_close(g, e, atol=atol, rtol=0,
                                call=f"{label}: parameter `{name}` after step {step} of {n_steps}")


def optimizer_or_fail(factory, model, label: str):
    try:
        opt = factory(model)
    except TypeError as e:
        fail(f"{label} raised TypeError: {e}", kind="exception")
    for method in ("zero_grad", "step"):
        if not callable(getattr(opt, method, None)):
            fail(f"{label} has no {method}() method", kind="type")
    return opt


# --- 2-D test functions -----------------------------------------------------------------

def pathological_curve_loss(x: torch.Tensor, y: torch.Tensor) -> torch.Tensor:
    """A valley along y that is steep across and nearly flat along x."""
    x_loss = torch.tanh(x) ** 2 + 0.01 * torch.abs(x)
    y_loss = torch.sigmoid(y)
    return x_loss + y_loss


def rosenbrocks_banana(x: torch.Tensor, y: torch.Tensor, a: float = 1, b: float = 100) -> torch.Tensor:
    """A curved banana-shaped valley with its minimum 1 at (a, a^2)."""
    return (a - x) ** 2 + b * (y - x ** 2) ** 2 + 1


def bowl(x: torch.Tensor, y: torch.Tensor) -> torch.Tensor:
    """An elongated quadratic bowl with its minimum at (1, -2)."""
    return 0.5 * (x - 1) ** 2 + 4 * (y + 2) ** 2


COLOURS = [(1.0, 0.25, 0.25), (0.2, 0.9, 0.3), (0.3, 0.6, 1.0), (1.0, 0.85, 0.2),
           (0.9, 0.4, 1.0)]


def trajectory_picture(fn, paths: list[torch.Tensor], x_range, y_range, size: int = 64,
                       log_scale: bool = False) -> torch.Tensor:
    """An (size, size, 3) picture: fn as a dark-to-light heat map, each path as coloured dots
    (red, green, blue, yellow, violet; the first path on top).

    Rows run from the top (largest y) to the bottom; columns from small to large x.
    """
    xs = torch.linspace(x_range[0], x_range[1], size)
    ys = torch.linspace(y_range[1], y_range[0], size)
    yy, xx = torch.meshgrid(ys, xs, indexing="ij")
    with torch.no_grad():
        z = fn(xx, yy).float()
    if log_scale:
        z = torch.log(z - z.min() + 1e-3)
    z = (z - z.min()) / (z.max() - z.min() + 1e-12)
    img = torch.stack([0.15 + 0.45 * z, 0.15 + 0.3 * z, 0.35 + 0.2 * (1 - z)], dim=-1)
    for k, path in reversed(list(enumerate(paths))):  # the first path is drawn on top
        colour = torch.tensor(COLOURS[k % len(COLOURS)])
        p = path.detach().float()
        # Sample densely along the segments so the path reads as a line.
        pts = [p[0:1]]
        for a, b in zip(p[:-1], p[1:]):
            ts = torch.linspace(0, 1, 6)[1:, None]
            pts.append(a + ts * (b - a))
        p = torch.cat(pts)
        col = ((p[:, 0] - x_range[0]) / (x_range[1] - x_range[0]) * (size - 1)).round().long()
        row = ((y_range[1] - p[:, 1]) / (y_range[1] - y_range[0]) * (size - 1)).round().long()
        ok = (col >= 0) & (col < size) & (row >= 0) & (row < size) & torch.isfinite(p).all(dim=1)
        img[row[ok], col[ok]] = colour
    return img.clamp(0, 1)


# --- a local stand-in for a random-search sweep ----------------------------------------

SPEC_KEYS = [{"values"}, {"values", "probabilities"}, {"min", "max"}, {"min", "max", "distribution"},
             {"value"}]
DISTRIBUTIONS = {"uniform", "int_uniform", "log_uniform_values", "log_uniform", "categorical"}


def sample_parameter(name: str, spec: dict, g: torch.Generator):
    """One value from a wandb-style parameter spec (the subset the sweep room uses)."""
    u = torch.rand((), generator=g, dtype=torch.float64).item()
    if "value" in spec:
        return spec["value"]
    if "values" in spec:
        values = list(spec["values"])
        if "probabilities" in spec:
            probs = torch.tensor(spec["probabilities"], dtype=torch.float64)
            i = int(torch.multinomial(probs, 1, generator=g))
        else:
            i = min(int(u * len(values)), len(values) - 1)
        return values[i]
    lo, hi = spec["min"], spec["max"]
    dist = spec.get("distribution")
    if dist is None:
        dist = "int_uniform" if isinstance(lo, int) and isinstance(hi, int) else "uniform"
    if dist == "int_uniform":
        return int(lo + min(int(u * (hi - lo + 1)), hi - lo))
    if dist == "log_uniform_values":
        return math.exp(math.log(lo) + u * (math.log(hi) - math.log(lo)))
    if dist == "log_uniform":  # wandb: min and max are natural-log exponents
        return math.exp(lo + u * (hi - lo))
    return lo + u * (hi - lo)


def sample_sweep(config: dict, n: int, seed: int = 0) -> list[dict]:
    """`n` random-search samples from `config["parameters"]`, seeded."""
    g = torch.Generator().manual_seed(seed)
    params = config["parameters"]
    return [{name: sample_parameter(name, spec, g) for name, spec in params.items()}
            for _ in range(n)]
