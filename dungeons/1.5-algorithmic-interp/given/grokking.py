"""The one-layer modular-addition transformer of dungeon 1.5's grokking rooms.

The model reads three tokens `[a, b, =]` (a, b in 0..p-1, `=` is token p) and predicts
(a + b) mod p at the last position. One layer: attention (4 heads) then a ReLU MLP, no
LayerNorm, learned positions, no biases except the MLP's. Weights in TransformerLens'
layout, so ARENA's formulas read the same:

    W_E (p+1, d_model)   W_pos (3, d_model)
    W_Q, W_K, W_V (n_heads, d_model, d_head)   W_O (n_heads, d_head, d_model)
    W_in (d_model, d_mlp), b_in (d_mlp)   W_out (d_mlp, d_model), b_out (d_model)
    W_U (d_model, p)       (no column for `=`: the model never predicts it)

- `all_inputs(p)`: every pair as tokens `(p*p, 3)`, row `a*p + b`, and the labels `(p*p,)`.
- `model(tokens)`: logits `(batch, 3, p)`; the answer is read at position -1.
- `model.run_with_cache(tokens)`: logits and a dict of activations: `"pattern"`
  (batch, n_heads, 3, 3), `"attn_out"`, `"resid_mid"` (batch, 3, d_model), `"pre"`,
  `"post"` (batch, 3, d_mlp: the MLP's neurons before and after the ReLU).
- `load_checkpoints()`: the run shipped in ../assets (made by scripts/train_grokking.py):
  a list of `(step, model)` from the start of training to the end.
- `load_model()`: the last checkpoint, the grokked model.
- `load_run()`: the run's record: steps, train and test loss per logged step, and
  `is_train`, the `(p*p,)` mask of the pairs the model was trained on.
"""

import json
from dataclasses import dataclass
from pathlib import Path

import torch
import torch.nn.functional as F
from torch import Tensor, nn


@dataclass
class Config:
    p: int = 53
    d_model: int = 64
    n_heads: int = 4
    d_head: int = 16
    d_mlp: int = 256
    n_ctx: int = 3


class GrokkingTransformer(nn.Module):
    def __init__(self, cfg: Config):
        super().__init__()
        self.cfg = cfg
        p, d, h, dh, m = cfg.p, cfg.d_model, cfg.n_heads, cfg.d_head, cfg.d_mlp
        self.W_E = nn.Parameter(torch.randn(p + 1, d) / d**0.5)
        self.W_pos = nn.Parameter(torch.randn(cfg.n_ctx, d) / d**0.5)
        self.W_Q = nn.Parameter(torch.randn(h, d, dh) / d**0.5)
        self.W_K = nn.Parameter(torch.randn(h, d, dh) / d**0.5)
        self.W_V = nn.Parameter(torch.randn(h, d, dh) / d**0.5)
        self.W_O = nn.Parameter(torch.randn(h, dh, d) / dh**0.5)
        self.W_in = nn.Parameter(torch.randn(d, m) / d**0.5)
        self.b_in = nn.Parameter(torch.zeros(m))
        self.W_out = nn.Parameter(torch.randn(m, d) / m**0.5)
        self.b_out = nn.Parameter(torch.zeros(d))
        self.W_U = nn.Parameter(torch.randn(d, p) / d**0.5)

    def run_with_cache(self, tokens: Tensor) -> tuple[Tensor, dict[str, Tensor]]:
        """Logits (batch, 3, p) and the activations named in the module docstring."""
        batch, n = tokens.shape
        h, dh = self.cfg.n_heads, self.cfg.d_head
        x = self.W_E[tokens] + self.W_pos[:n]

        def per_head(W: Tensor) -> Tensor:  # (h, d_model, d_head) -> (batch, h, n, d_head)
            flat = W.permute(1, 0, 2).reshape(W.shape[1], h * dh)
            return (x @ flat).view(batch, n, h, dh).transpose(1, 2)

        q, k, v = per_head(self.W_Q), per_head(self.W_K), per_head(self.W_V)
        scores = q @ k.transpose(-1, -2) / dh**0.5
        causal = torch.triu(torch.ones(n, n, dtype=torch.bool, device=tokens.device), 1)
        pattern = scores.masked_fill(causal, float("-inf")).softmax(-1)
        z = pattern @ v
        attn_out = z.transpose(1, 2).reshape(batch, n, h * dh) @ self.W_O.reshape(h * dh, -1)
        resid_mid = x + attn_out
        pre = resid_mid @ self.W_in + self.b_in
        post = F.relu(pre)
        resid_post = resid_mid + post @ self.W_out + self.b_out
        logits = resid_post @ self.W_U
        cache = {"pattern": pattern, "attn_out": attn_out, "resid_mid": resid_mid,
                 "pre": pre, "post": post, "resid_post": resid_post}
        return logits, cache

    def forward(self, tokens: Tensor) -> Tensor:
        return self.run_with_cache(tokens)[0]


def all_inputs(p: int) -> tuple[Tensor, Tensor]:
    """Every pair (a, b) as tokens [a, b, p], row a*p + b: tokens (p*p, 3), labels (p*p,)."""
    a = torch.arange(p).repeat_interleave(p)
    b = torch.arange(p).repeat(p)
    tokens = torch.stack([a, b, torch.full_like(a, p)], dim=1)
    return tokens, (a + b) % p


def cross_entropy_high_precision(logits: Tensor, labels: Tensor) -> Tensor:
    """Mean cross-entropy in float64: the grokked model's loss is far below float32's
    resolution of log-softmax near 0."""
    logprobs = logits.double().log_softmax(dim=-1)
    return -logprobs.gather(-1, labels[:, None]).mean()


# --------------------------------------------------------------------------- loading

ASSETS = Path(__file__).resolve().parent.parent / "assets"
CHECKPOINTS_FILE, RUN_FILE = "grokking_checkpoints.pt", "grokking_run.json"


def _find_asset(name: str) -> Path:
    """../assets beside the shipped copy; from a workspace copy, ask arena_dungeon."""
    if (ASSETS / name).is_file():
        return ASSETS / name
    from arena_dungeon.content import content_root

    return content_root() / "dungeons" / "1.5-algorithmic-interp" / "assets" / name


def _model(config: dict, state_dict: dict) -> GrokkingTransformer:
    model = GrokkingTransformer(Config(**config))
    model.load_state_dict({k: v.float() for k, v in state_dict.items()})
    model.eval()
    for param in model.parameters():
        param.requires_grad_(False)
    return model


def _saved() -> dict:
    return torch.load(_find_asset(CHECKPOINTS_FILE), map_location="cpu", weights_only=True)


def load_checkpoints() -> list[tuple[int, GrokkingTransformer]]:
    """The shipped run's checkpoints, in training order: (step, model), float32, eval mode."""
    saved = _saved()
    return [(step, _model(saved["config"], sd))
            for step, sd in zip(saved["steps"], saved["state_dicts"])]


def load_model() -> GrokkingTransformer:
    """The last checkpoint: the grokked model."""
    saved = _saved()
    return _model(saved["config"], saved["state_dicts"][-1])


def load_run() -> dict:
    """The run's record: p, steps, train_loss, test_loss (one per logged step), the
    checkpoint steps, and is_train, a bool tensor (p*p,) over the rows of all_inputs(p)."""
    run = json.loads(_find_asset(RUN_FILE).read_text())
    run["is_train"] = torch.tensor(run["is_train"], dtype=torch.bool)
    return run
