"""tiny_lens: a small TransformerLens look-alike, written for this dungeon.

GIVEN code, shared by the 1.2 rooms: read it and import from it, but don't edit it
(grading always uses the shipped copy). Names follow TransformerLens, so what you learn
here reads the same there. What is in it:

- `HookPoint`: an identity module with a `.name`. Hook functions are called as
  `fn(activation, hook=hook_point)`; returning a tensor replaces the activation, returning
  None keeps it. `hook.layer()` is the layer index in the name, `hook.ctx` a dict that
  lives for one run (handy to pass data from one hook to another).
- `get_act_name(name, layer=None)`: ("pattern", 0) -> "blocks.0.attn.hook_pattern".
- `ActivationCache`: a dict of activations; `cache["pattern", 0]`, `cache["embed"]` and
  `cache["blocks.0.attn.hook_pattern"]` all work.
- `Config` and `HookedTransformer` (alias `AttnOnlyTransformer`): an attention-only
  transformer, no LayerNorm, no MLPs, "shortformer" positions (the positional embedding is
  added to the inputs of Q and K in every layer, never to the residual stream or V).
  `run_with_cache`, `run_with_hooks`, `hooks`, `add_hook`, `reset_hooks`.
- `FactoredMatrix(A, B)`: the product A @ B kept as its two factors.
- `load_model()`: the trained 2-layer model shipped in ../assets/attn_only_2l.pt.

Hook names (l = layer), with shapes (batch, pos, ...):
  hook_embed, hook_pos_embed                        (batch, pos, d_model)
  blocks.{l}.hook_resid_pre, blocks.{l}.hook_attn_out, blocks.{l}.hook_resid_post
                                                    (batch, pos, d_model)
  blocks.{l}.attn.hook_q / hook_k / hook_v / hook_z (batch, pos, head, d_head)
  blocks.{l}.attn.hook_attn_scores / hook_pattern   (batch, head, q_pos, k_pos)
  blocks.{l}.attn.hook_result                       (batch, pos, head, d_model)
"""

from __future__ import annotations

import contextlib
import math
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterator

import torch
from torch import Tensor, nn

# --------------------------------------------------------------------------- hooks


class HookPoint(nn.Module):
    """Identity module where hooks can read or replace an activation."""

    def __init__(self):
        super().__init__()
        self.name: str = ""  # filled in by HookedTransformer (its module path)
        self.fwd_hooks: list[Callable] = []
        self.ctx: dict = {}  # scratch space for hooks, cleared after each run

    def add_hook(self, fn: Callable) -> None:
        self.fwd_hooks.append(fn)

    def remove_hooks(self) -> None:
        self.fwd_hooks = []
        self.ctx = {}

    def layer(self) -> int:
        """The layer index in this hook's name: 'blocks.1.attn.hook_z' -> 1."""
        match = re.search(r"blocks\.(\d+)\.", self.name)
        if match is None:
            raise ValueError(f"hook {self.name!r} is not inside a layer")
        return int(match.group(1))

    def forward(self, x: Tensor) -> Tensor:
        for fn in self.fwd_hooks:
            out = fn(x, hook=self)
            if out is not None:
                x = out
        return x

    def __repr__(self) -> str:
        return f"HookPoint({self.name!r})"


_ATTN_NAMES = {"q", "k", "v", "z", "result", "pattern", "attn_scores"}
_ALIASES = {"attn": "pattern", "scores": "attn_scores"}


def get_act_name(name: str, layer: int | None = None) -> str:
    """Full hook name from a short one: ("pattern", 0) -> "blocks.0.attn.hook_pattern",
    ("resid_pre", 1) -> "blocks.1.hook_resid_pre", ("embed") -> "hook_embed"."""
    if "." in name or name.startswith("hook_"):
        return name  # already a full name
    name = _ALIASES.get(name, name)
    if layer is None:
        return f"hook_{name}"
    if name in _ATTN_NAMES:
        return f"blocks.{layer}.attn.hook_{name}"
    return f"blocks.{layer}.hook_{name}"


class ActivationCache:
    """Activations recorded by run_with_cache, keyed by full hook name."""

    def __init__(self, cache_dict: dict[str, Tensor], has_batch_dim: bool = True):
        self.cache_dict = cache_dict
        self.has_batch_dim = has_batch_dim

    def _key(self, key) -> str:
        return get_act_name(*key) if isinstance(key, tuple) else get_act_name(key)

    def __getitem__(self, key) -> Tensor:
        """cache["pattern", 0], cache["embed"] or cache["blocks.0.attn.hook_pattern"]."""
        return self.cache_dict[self._key(key)]

    def __contains__(self, key) -> bool:
        return self._key(key) in self.cache_dict

    def __len__(self) -> int:
        return len(self.cache_dict)

    def keys(self):
        return self.cache_dict.keys()

    def items(self):
        return self.cache_dict.items()

    def remove_batch_dim(self) -> "ActivationCache":
        """Drop the batch dimension (only valid for a batch of one)."""
        if self.has_batch_dim:
            for name, act in self.cache_dict.items():
                assert act.shape[0] == 1, f"{name} has batch size {act.shape[0]}, not 1"
                self.cache_dict[name] = act[0]
            self.has_batch_dim = False
        return self

    def __repr__(self) -> str:
        return f"ActivationCache with keys {list(self.cache_dict)}"


# --------------------------------------------------------------------------- model


@dataclass
class Config:
    n_layers: int = 2
    n_heads: int = 4
    d_model: int = 64
    d_head: int = 16
    n_ctx: int = 41
    d_vocab: int = 64
    init_range: float = 0.1


class Embed(nn.Module):
    def __init__(self, cfg: Config):
        super().__init__()
        self.W_E = nn.Parameter(torch.randn(cfg.d_vocab, cfg.d_model) * cfg.init_range)

    def forward(self, tokens: Tensor) -> Tensor:  # (batch, pos) -> (batch, pos, d_model)
        return self.W_E[tokens]


class PosEmbed(nn.Module):
    def __init__(self, cfg: Config):
        super().__init__()
        self.W_pos = nn.Parameter(torch.randn(cfg.n_ctx, cfg.d_model) * cfg.init_range)

    def forward(self, tokens: Tensor) -> Tensor:  # (batch, pos) -> (batch, pos, d_model)
        return self.W_pos[: tokens.shape[1]].repeat(tokens.shape[0], 1, 1)


class Attention(nn.Module):
    def __init__(self, cfg: Config):
        super().__init__()
        self.cfg = cfg
        H, D, Dh = cfg.n_heads, cfg.d_model, cfg.d_head
        r = cfg.init_range
        self.W_Q = nn.Parameter(torch.randn(H, D, Dh) * r)
        self.W_K = nn.Parameter(torch.randn(H, D, Dh) * r)
        self.W_V = nn.Parameter(torch.randn(H, D, Dh) * r)
        self.W_O = nn.Parameter(torch.randn(H, Dh, D) * r)
        self.b_Q = nn.Parameter(torch.zeros(H, Dh))
        self.b_K = nn.Parameter(torch.zeros(H, Dh))
        self.b_V = nn.Parameter(torch.zeros(H, Dh))
        self.b_O = nn.Parameter(torch.zeros(D))
        for name in ["q", "k", "v", "attn_scores", "pattern", "z", "result"]:
            setattr(self, f"hook_{name}", HookPoint())

    def forward(self, qk_input: Tensor, v_input: Tensor) -> Tensor:
        """qk_input = residual + positional embedding, v_input = residual, both
        (batch, pos, d_model). Returns the attention output (batch, pos, d_model)."""
        q = self.hook_q(torch.einsum("bpd,hde->bphe", qk_input, self.W_Q) + self.b_Q)
        k = self.hook_k(torch.einsum("bpd,hde->bphe", qk_input, self.W_K) + self.b_K)
        v = self.hook_v(torch.einsum("bpd,hde->bphe", v_input, self.W_V) + self.b_V)
        scores = torch.einsum("bqhe,bkhe->bhqk", q, k) / math.sqrt(self.cfg.d_head)
        n = scores.shape[-1]
        future = torch.triu(torch.ones(n, n, dtype=torch.bool, device=scores.device), 1)
        scores = self.hook_attn_scores(scores.masked_fill(future, float("-inf")))
        pattern = self.hook_pattern(scores.softmax(dim=-1))
        z = self.hook_z(torch.einsum("bhqk,bkhe->bqhe", pattern, v))
        result = self.hook_result(torch.einsum("bqhe,hed->bqhd", z, self.W_O))
        return result.sum(dim=2) + self.b_O


class AttnOnlyBlock(nn.Module):
    def __init__(self, cfg: Config):
        super().__init__()
        self.attn = Attention(cfg)
        self.hook_resid_pre = HookPoint()
        self.hook_attn_out = HookPoint()
        self.hook_resid_post = HookPoint()

    def forward(self, resid: Tensor, pos_embed: Tensor) -> Tensor:
        resid = self.hook_resid_pre(resid)
        attn_out = self.hook_attn_out(self.attn(resid + pos_embed, resid))
        return self.hook_resid_post(resid + attn_out)


class Unembed(nn.Module):
    def __init__(self, cfg: Config):
        super().__init__()
        self.W_U = nn.Parameter(torch.randn(cfg.d_model, cfg.d_vocab) * cfg.init_range)
        self.b_U = nn.Parameter(torch.zeros(cfg.d_vocab))

    def forward(self, resid: Tensor) -> Tensor:  # (batch, pos, d_model) -> logits
        return resid @ self.W_U + self.b_U


class HookedTransformer(nn.Module):
    """Attention-only transformer: logits = W_U(embed + sum of every head's result)."""

    def __init__(self, cfg: Config):
        super().__init__()
        self.cfg = cfg
        self.embed = Embed(cfg)
        self.hook_embed = HookPoint()
        self.pos_embed = PosEmbed(cfg)
        self.hook_pos_embed = HookPoint()
        self.blocks = nn.ModuleList([AttnOnlyBlock(cfg) for _ in range(cfg.n_layers)])
        self.unembed = Unembed(cfg)
        self.hook_dict: dict[str, HookPoint] = {}
        for name, module in self.named_modules():
            if isinstance(module, HookPoint):
                module.name = name
                self.hook_dict[name] = module

    def forward(self, tokens: Tensor, return_type: str | None = "logits",
                loss_per_token: bool = False):
        """tokens: (batch, pos) ints (or (pos,), treated as a batch of one).
        return_type: "logits" (batch, pos, d_vocab), "loss", "both" (logits, loss) or None."""
        if tokens.ndim == 1:
            tokens = tokens[None]
        resid = self.hook_embed(self.embed(tokens))  # positions are NOT added here
        pos_embed = self.hook_pos_embed(self.pos_embed(tokens))
        for block in self.blocks:
            resid = block(resid, pos_embed)
        logits = self.unembed(resid)
        if return_type == "logits":
            return logits
        if return_type is None:
            return None
        loss = lm_cross_entropy_loss(logits, tokens, per_token=loss_per_token)
        return loss if return_type == "loss" else (logits, loss)

    # ---- hooks
    def _hook_points(self, name_or_filter) -> list[HookPoint]:
        if callable(name_or_filter):
            return [h for n, h in self.hook_dict.items() if name_or_filter(n)]
        if name_or_filter not in self.hook_dict:
            raise KeyError(f"no hook point named {name_or_filter!r}")
        return [self.hook_dict[name_or_filter]]

    def add_hook(self, name_or_filter, fn: Callable) -> None:
        """Attach fn to one hook point (by name) or to all whose name passes a filter."""
        for hook_point in self._hook_points(name_or_filter):
            hook_point.add_hook(fn)

    def reset_hooks(self) -> None:
        for hook_point in self.hook_dict.values():
            hook_point.remove_hooks()

    @contextlib.contextmanager
    def hooks(self, fwd_hooks=()) -> Iterator["HookedTransformer"]:
        """with model.hooks([(name, fn)]): ... -- these hooks are removed on exit, even on error,
        and every hook.ctx is cleared."""
        added = []
        try:
            for name_or_filter, fn in fwd_hooks:
                for hook_point in self._hook_points(name_or_filter):
                    hook_point.add_hook(fn)
                    added.append((hook_point, fn))
            yield self
        finally:
            for hook_point, fn in added:
                hook_point.fwd_hooks.remove(fn)
            for hook_point in self.hook_dict.values():
                hook_point.ctx = {}

    def run_with_hooks(self, tokens: Tensor, fwd_hooks=(), **forward_kwargs):
        """Run forward with [(name_or_filter, hook_fn), ...] attached, then remove them."""
        with self.hooks(fwd_hooks):
            return self(tokens, **forward_kwargs)

    def run_with_cache(self, tokens: Tensor, names_filter=None, remove_batch_dim: bool = False,
                       **forward_kwargs):
        """Run forward, recording (detached) activations. Returns (output, ActivationCache).
        names_filter: None (every hook), a name, a list of names or a function name -> bool."""
        if names_filter is None:
            names_filter = lambda name: True  # noqa: E731
        elif isinstance(names_filter, str):
            names_filter = [names_filter]
        if isinstance(names_filter, (list, tuple)):
            names_filter = set(names_filter).__contains__
        store: dict[str, Tensor] = {}

        def save(activation: Tensor, hook: HookPoint) -> None:
            store[hook.name] = activation.detach()

        out = self.run_with_hooks(tokens, [(names_filter, save)], **forward_kwargs)
        cache = ActivationCache(store)
        return out, (cache.remove_batch_dim() if remove_batch_dim else cache)

    # ---- weights, stacked over layers like TransformerLens
    def _stack(self, name: str) -> Tensor:
        return torch.stack([getattr(block.attn, name) for block in self.blocks])

    W_E = property(lambda self: self.embed.W_E)  # (d_vocab, d_model)
    W_pos = property(lambda self: self.pos_embed.W_pos)  # (n_ctx, d_model)
    W_U = property(lambda self: self.unembed.W_U)  # (d_model, d_vocab)
    b_U = property(lambda self: self.unembed.b_U)  # (d_vocab,)
    W_Q = property(lambda self: self._stack("W_Q"))  # (n_layers, n_heads, d_model, d_head)
    W_K = property(lambda self: self._stack("W_K"))
    W_V = property(lambda self: self._stack("W_V"))
    W_O = property(lambda self: self._stack("W_O"))  # (n_layers, n_heads, d_head, d_model)
    b_Q = property(lambda self: self._stack("b_Q"))  # (n_layers, n_heads, d_head)
    b_K = property(lambda self: self._stack("b_K"))
    b_V = property(lambda self: self._stack("b_V"))
    b_O = property(lambda self: self._stack("b_O"))  # (n_layers, d_model)

    @property
    def QK(self) -> "FactoredMatrix":  # (n_layers, n_heads, d_model, d_model)
        return FactoredMatrix(self.W_Q, self.W_K.transpose(-2, -1))

    @property
    def OV(self) -> "FactoredMatrix":  # (n_layers, n_heads, d_model, d_model)
        return FactoredMatrix(self.W_V, self.W_O)


AttnOnlyTransformer = HookedTransformer


def lm_cross_entropy_loss(logits: Tensor, tokens: Tensor, per_token: bool = False) -> Tensor:
    """Next-token cross-entropy: position i predicts tokens[i + 1].
    Mean over everything, or (batch, pos - 1) if per_token."""
    log_probs = logits.log_softmax(dim=-1)
    correct = log_probs[:, :-1].gather(-1, tokens[:, 1:, None])[..., 0]
    return -correct if per_token else -correct.mean()


# --------------------------------------------------------------------------- FactoredMatrix


class FactoredMatrix:
    """M = A @ B stored as A (..., ldim, mdim) and B (..., mdim, rdim), never built unless
    asked (.AB). Leading dims are batch dims, e.g. one matrix per (layer, head)."""

    def __init__(self, A: Tensor, B: Tensor):
        if A.shape[-1] != B.shape[-2]:
            raise ValueError(f"inner dims differ: A {tuple(A.shape)}, B {tuple(B.shape)}")
        self.A, self.B = A, B
        self.ldim, self.mdim, self.rdim = A.shape[-2], A.shape[-1], B.shape[-1]
        batch = torch.broadcast_shapes(A.shape[:-2], B.shape[:-2])
        self.shape = torch.Size((*batch, self.ldim, self.rdim))
        self.ndim = len(self.shape)

    @property
    def AB(self) -> Tensor:
        """The full matrix (..., ldim, rdim)."""
        return self.A @ self.B

    @property
    def BA(self) -> Tensor:
        """The swapped product (..., mdim, mdim): same nonzero eigenvalues as AB."""
        if self.ldim != self.rdim:
            raise ValueError("BA needs a square AB")
        return self.B @ self.A

    @property
    def T(self) -> "FactoredMatrix":
        return FactoredMatrix(self.B.transpose(-2, -1), self.A.transpose(-2, -1))

    @property
    def eigenvalues(self) -> Tensor:
        """The mdim eigenvalues of BA (complex), which are AB's nonzero ones."""
        return torch.linalg.eigvals(self.BA)

    def __matmul__(self, other):
        if isinstance(other, FactoredMatrix):
            return (self @ other.A) @ other.B
        if other.ndim == 1:  # matrix @ vector -> vector
            return self.A @ (self.B @ other)
        if other.shape[-1] < self.mdim:  # keep the smaller inner dimension
            return FactoredMatrix(self.AB, other)
        return FactoredMatrix(self.A, self.B @ other)

    def __rmatmul__(self, other: Tensor):
        if other.ndim == 1:  # vector @ matrix -> vector
            return (other @ self.A) @ self.B
        if other.shape[-2] < self.mdim:
            return FactoredMatrix(other, self.AB)
        return FactoredMatrix(other @ self.A, self.B)

    def norm(self) -> Tensor:
        """Frobenius norm per matrix, via ||AB||^2 = sum((A^T A) * (B B^T)): mdim x mdim work."""
        gram_a = self.A.transpose(-2, -1) @ self.A
        gram_b = self.B @ self.B.transpose(-2, -1)
        return (gram_a * gram_b).sum(dim=(-2, -1)).clamp(min=0).sqrt()

    def get_corner(self, k: int = 3) -> Tensor:
        """The top-left k x k block of AB, computed from k rows of A and k columns of B."""
        return self.A[..., :k, :] @ self.B[..., :, :k]

    def __getitem__(self, idx) -> "FactoredMatrix":
        """Index the leading (batch) dims only, e.g. model.OV[1, 3]."""
        idx = idx if isinstance(idx, tuple) else (idx,)
        if len(idx) > self.ndim - 2:
            raise IndexError("FactoredMatrix indexing only reaches the batch dims")
        batch = self.shape[:-2]
        A = self.A.expand(*batch, *self.A.shape[-2:])
        B = self.B.expand(*batch, *self.B.shape[-2:])
        return FactoredMatrix(A[idx], B[idx])

    def unsqueeze(self, dim: int) -> "FactoredMatrix":
        """Add a batch dim of size 1 (dim counts among the batch dims, e.g. 0 or 1)."""
        return FactoredMatrix(self.A.unsqueeze(dim), self.B.unsqueeze(dim))

    def __repr__(self) -> str:
        return f"FactoredMatrix: shape {tuple(self.shape)}, hidden dim {self.mdim}"


# --------------------------------------------------------------------------- loading

ASSET = Path(__file__).resolve().parent.parent / "assets" / "attn_only_2l.pt"


def _find_asset(name: str = ASSET.name) -> Path:
    """../assets beside the shipped copy; from a workspace copy, ask arena_dungeon."""
    if (ASSET.parent / name).is_file():
        return ASSET.parent / name
    from arena_dungeon.content import content_root

    return content_root() / "dungeons" / "1.2-mech-interp" / "assets" / name


def load_model(path: str | Path | None = None, n_layers: int = 2) -> HookedTransformer:
    """The trained attention-only model, 2 layers (or 3: n_layers=3); eval mode, no gradients."""
    checkpoint = torch.load(path or _find_asset(f"attn_only_{n_layers}l.pt"), map_location="cpu",
                            weights_only=True)
    model = HookedTransformer(Config(**checkpoint["config"]))
    model.load_state_dict(checkpoint["state_dict"])
    model.eval()
    for p in model.parameters():
        p.requires_grad_(False)
    return model
